/**
 * The registry of inter-municipal cooperations' pages: the list by service area with the import
 * report (public), a cooperation's page (public), and its change by a case worker of one of its
 * members, with a version check.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../platform/auth/model.js';
import { actorOf, formField, formVersion, idParams } from '../platform/http/input.js';
import { notFound, HttpProblem } from '../platform/http/problems.js';
import { isRefused } from '../platform/outcome.js';
import type { FieldError } from '../platform/ui/components.js';
import type { CooperationRegistry } from './cooperation-registry.js';
import { checkCooperation, SERVICE_AREAS, type CooperationArea } from './cooperations.js';
import { namedFeatures, norwegianBoundaries } from '../projections/index.js';
import type { KeyFigureService } from './key-figure-service.js';
import { COOPERATIONS, CooperationPage, CooperationsPage, type CooperationForm } from './pages/cooperations.js';
import { explainProblem } from './problems.js';
import { findCooperation } from './store.js';
import { changeCooperation, ownMunicipalityCode } from './use-cases.js';

const formBody = { type: 'object', additionalProperties: { type: 'string', maxLength: 20_000 } };
const query = { type: 'object', properties: { done: { type: 'string', enum: ['changed'] }, lang: { type: 'string' } } } as const;
const listQuery = { type: 'object', properties: { omrade: { type: 'string', enum: SERVICE_AREAS }, lang: { type: 'string' } } } as const;

export function cooperationRoutes(app: FastifyInstance, keyFigures: KeyFigureService, registry: CooperationRegistry) {
  const db = app.database.db;

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    status = 200,
    form?: CooperationForm,
    errors: FieldError[] = [],
  ) {
    await registry.ensureImported();
    const cooperation = await findCooperation(db, id);
    if (!cooperation) throw notFound();
    const own = request.principal ? ownMunicipalityCode(request.principal) : undefined;
    const { done } = (request.query ?? {}) as { done?: 'changed' };
    reply.code(status);
    return reply.html(
      <CooperationPage
        ctx={reply.pageContext()}
        cooperation={cooperation}
        canEdit={own !== undefined && cooperation.members.some((m) => m.code === own)}
        form={form}
        errors={errors}
        notice={done ? request.t('networks.cooperation.done.changed') : undefined}
      />,
    );
  }

  app.get(COOPERATIONS, { config: { access: access.public }, schema: { querystring: listQuery } }, async (request, reply) => {
    const { omrade = 'child_welfare' } = request.query as { omrade?: CooperationArea };
    const [cooperations, norway] = await Promise.all([registry.list(), keyFigures.countryData('NO')]);
    const features = namedFeatures(norwegianBoundaries(), new Map(norway.municipalities.map((m) => [m.code, m.name])));
    return reply.html(
      <CooperationsPage
        ctx={reply.pageContext()}
        cooperations={cooperations}
        report={norway.cooperationReport}
        area={omrade}
        features={features}
      />,
    );
  });

  app.get(
    `${COOPERATIONS}/:id`,
    { config: { access: access.public }, schema: { params: idParams('id'), querystring: query } },
    (request, reply) => render(request, reply, (request.params as { id: string }).id),
  );

  app.post(
    `${COOPERATIONS}/:id`,
    { config: { access: access.roles('case_worker') }, schema: { params: idParams('id'), body: formBody } },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const field = (name: string) => formField(request.body, name) ?? '';
      const form: CooperationForm = {
        name: field('name'),
        legalForm: field('legalForm'),
        serviceArea: field('serviceArea'),
        members: field('members'),
        hostCode: field('hostCode'),
        startYear: field('startYear'),
      };
      const version = formVersion(request.body);
      const norway = await keyFigures.countryData('NO');
      const draft = checkCooperation(form, norway.municipalities, new Date().getFullYear());
      if (Array.isArray(draft))
        return render(
          request,
          reply,
          id,
          400,
          form,
          draft.map((p) => ({
            field: p.field,
            message: request.t(`networks.cooperation.problem.${p.code}`, { name: 'name' in p ? p.name : '' }),
          })),
        );
      const changed = await changeCooperation(db, request.principal!, id, version, draft, actorOf(request));
      if (isRefused(changed)) {
        const explained = explainProblem(reply.pageContext(), changed.problem);
        if (explained.status === 404) throw notFound();
        if (explained.status === 403) throw new HttpProblem(403, 'not a member', undefined, explained.message);
        return render(request, reply, id, explained.status, form, [{ field: 'name', message: explained.message }]);
      }
      return reply.redirect(`${COOPERATIONS}/${id}?lang=${request.locale}&done=changed`, 303);
    },
  );
}
