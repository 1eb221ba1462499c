/**
 * Municipal-structure scenarios' pages: seed 001's sets and one's own, a scenario's page and its
 * PDF (public: the link is the way to share it), saving and changing one's own (signed in, with a
 * version check), and sets side by side.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../platform/auth/model.js';
import { actorOf, formField, formVersion, idParams, UUID_PATTERN } from '../platform/http/input.js';
import { HttpProblem, notFound } from '../platform/http/problems.js';
import { isRefused } from '../platform/outcome.js';
import type { FieldError } from '../platform/ui/components.js';
import type { ProjectionService } from '../projections/index.js';
import type { CooperationRegistry } from './cooperation-registry.js';
import type { KeyFigureService } from './key-figure-service.js';
import { ScenarioComparePage, ScenarioPage, ScenariosPage, STRUCTURE, setRef, type ScenarioForm } from './pages/scenarios.js';
import { explainProblem } from './problems.js';
import { scenarioPdf } from './scenario-pdf.js';
import { createScenarioService, type ScenarioService } from './scenario-service.js';
import type { ScenarioSet } from './scenario-view.js';
import { checkScenario, DEMO_SCENARIOS, MAX_SCENARIO_MEMBERS } from './scenarios.js';
import { findScenario, scenariosOf } from './store.js';
import { changeScenario, saveScenario } from './use-cases.js';

const formBody = { type: 'object', additionalProperties: { type: 'string', maxLength: 20_000 } };
const DEMO_SLUGS = DEMO_SCENARIOS.map((d) => d.slug);
const DEMO_REF = `^eksempel-(${DEMO_SLUGS.join('|')})$`;
/** At most this many sets side by side: the chosen one, another and an alternative. */
const MAX_COMPARED = 3;

const viewQuery = {
  type: 'object',
  properties: { format: { type: 'string', enum: ['pdf'] }, done: { type: 'string', enum: ['saved', 'changed'] }, lang: { type: 'string' } },
} as const;

export function scenarioRoutes(
  app: FastifyInstance,
  keyFigures: KeyFigureService,
  projections: ProjectionService,
  registry: CooperationRegistry,
) {
  const db = app.database.db;
  const scenarios = createScenarioService(db, keyFigures, projections, registry);
  const demos = () => Promise.all(DEMO_SLUGS.map((slug) => scenarios.demo(slug))).then((sets) => sets.filter((s) => s !== undefined));

  async function ownSets(request: FastifyRequest): Promise<ScenarioSet[]> {
    if (!request.principal) return [];
    const stored = await scenariosOf(db, request.principal.userId);
    const sets = await Promise.all(stored.map((s) => scenarios.saved(s.id)));
    return sets.filter((s) => s !== undefined);
  }

  async function renderList(
    request: FastifyRequest,
    reply: FastifyReply,
    status = 200,
    form: ScenarioForm = EMPTY,
    errors: FieldError[] = [],
  ) {
    const [demoSets, own] = await Promise.all([demos(), ownSets(request)]);
    reply.code(status);
    return reply.html(<ScenariosPage ctx={reply.pageContext()} demos={demoSets} own={own} form={form} errors={errors} />);
  }

  async function renderSet(
    request: FastifyRequest,
    reply: FastifyReply,
    set: ScenarioSet | undefined,
    status = 200,
    form?: ScenarioForm,
    errors: FieldError[] = [],
  ) {
    if (!set) throw notFound();
    const { format, done } = (request.query ?? {}) as { format?: 'pdf'; done?: 'saved' | 'changed' };
    const summary = await scenarios.summary(set);
    if (format === 'pdf' && status === 200)
      return sendPdf(reply, await scenarioPdf(request.t, request.locale, [summary]), 'kommunestruktur');
    const others = [...(await demos()), ...(await ownSets(request))].filter((o) => setRef(o) !== setRef(set));
    const owner = set.origin.kind === 'saved' && request.principal?.userId === set.origin.ownerId ? set.origin : undefined;
    reply.code(status);
    return reply.html(
      <ScenarioPage
        ctx={reply.pageContext()}
        summary={summary}
        others={others}
        edit={
          owner && {
            form: form ?? { name: set.name, municipalities: set.members.map((m) => m.name).join(', ') },
            version: owner.version,
            errors,
          }
        }
        notice={done ? request.t(`networks.scenario.done.${done}`) : undefined}
      />,
    );
  }

  /** The name and members as written, checked against today's municipalities. */
  async function readForm(request: FastifyRequest) {
    const form = { name: formField(request.body, 'name') ?? '', municipalities: formField(request.body, 'municipalities') ?? '' };
    const draft = checkScenario(form, await scenarios.places());
    const errors: FieldError[] = Array.isArray(draft)
      ? draft.map((p) => ({
          field: p.field,
          message: request.t(`networks.scenario.problem.${p.code}`, {
            name: 'name' in p ? p.name : '',
            min: 2,
            max: MAX_SCENARIO_MEMBERS,
          }),
        }))
      : [];
    return { form, draft: Array.isArray(draft) ? undefined : draft, errors };
  }

  app.get(STRUCTURE, { config: { access: access.public }, schema: { querystring: viewQuery } }, (request, reply) =>
    renderList(request, reply),
  );

  app.post(STRUCTURE, { config: { access: access.signedIn }, schema: { body: formBody } }, async (request, reply) => {
    const { form, draft, errors } = await readForm(request);
    if (!draft) return renderList(request, reply, 400, form, errors);
    const country = draft.codes[0]!.length === 3 ? 'DK' : 'NO';
    const saved = await saveScenario(db, request.principal!, { ...draft, country }, actorOf(request));
    if (isRefused(saved)) throw new HttpProblem(409, 'refused', undefined, explainProblem(reply.pageContext(), saved.problem).message);
    return reply.redirect(`${STRUCTURE}/${saved}?lang=${request.locale}&done=saved`, 303);
  });

  app.get(
    `${STRUCTURE}/eksempel/:slug`,
    {
      config: { access: access.public },
      schema: {
        params: { type: 'object', properties: { slug: { type: 'string', enum: DEMO_SLUGS } }, required: ['slug'] },
        querystring: viewQuery,
      },
    },
    async (request, reply) => renderSet(request, reply, await scenarios.demo((request.params as { slug: string }).slug)),
  );

  app.get(
    `${STRUCTURE}/sammenlign`,
    {
      config: { access: access.public },
      schema: {
        querystring: {
          type: 'object',
          properties: {
            s: { type: 'string', pattern: `${DEMO_REF}|${UUID_PATTERN}` },
            s2: { type: 'string', pattern: `^$|${DEMO_REF}|${UUID_PATTERN}` },
            k: { type: 'array', items: { type: 'string', pattern: '^[0-9]{3,4}$' }, maxItems: MAX_SCENARIO_MEMBERS },
            format: { type: 'string', enum: ['pdf'] },
            lang: { type: 'string' },
          },
          required: ['s'],
        },
      },
    },
    async (request, reply) => {
      const query = request.query as { s: string; s2?: string; k?: string[]; format?: 'pdf' };
      const chosen = await resolve(scenarios, query.s);
      const other = query.s2 ? await resolve(scenarios, query.s2) : undefined;
      if (!chosen || (query.s2 && !other)) throw notFound();
      const codes = [...new Set(query.k ?? [])];
      const same = (set: ScenarioSet) => set.members.length === codes.length && set.members.every((m) => codes.includes(m.code));
      let alternative: ScenarioSet | undefined;
      if (codes.length > 0 && !same(chosen)) {
        alternative = await scenarios.alternative(codes);
        if (!alternative)
          throw new HttpProblem(
            400,
            'bad alternative',
            undefined,
            request.t('networks.scenario.problem.alternative', { min: 2, max: MAX_SCENARIO_MEMBERS }),
          );
      }
      const sets = [chosen, other, alternative].filter((s) => s !== undefined).slice(0, MAX_COMPARED);
      if (new Set(sets.map((s) => s.members[0]!.code.length)).size > 1)
        throw new HttpProblem(400, 'two countries', undefined, request.t('networks.scenario.problem.otherCountry'));
      if (sets.length < 2)
        throw new HttpProblem(400, 'nothing to compare', undefined, request.t('networks.scenario.problem.nothingToCompare'));
      const summaries = await Promise.all(sets.map((s) => scenarios.summary(s)));
      if (query.format === 'pdf')
        return sendPdf(reply, await scenarioPdf(request.t, request.locale, summaries), 'kommunestruktur-sammenligning');
      const pdfQuery = new URLSearchParams({ s: query.s, ...(query.s2 ? { s2: query.s2 } : {}), format: 'pdf', lang: request.locale });
      for (const code of alternative ? codes : []) pdfQuery.append('k', code);
      return reply.html(
        <ScenarioComparePage ctx={reply.pageContext()} summaries={summaries} pdfHref={`${STRUCTURE}/sammenlign?${pdfQuery}`} />,
      );
    },
  );

  app.get(
    `${STRUCTURE}/:id`,
    { config: { access: access.public }, schema: { params: idParams('id'), querystring: viewQuery } },
    async (request, reply) => renderSet(request, reply, await scenarios.saved((request.params as { id: string }).id)),
  );

  app.post(
    `${STRUCTURE}/:id`,
    { config: { access: access.signedIn }, schema: { params: idParams('id'), body: formBody } },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const stored = await findScenario(db, id);
      if (!stored) throw notFound();
      const { form, draft, errors } = await readForm(request);
      const version = formVersion(request.body);
      if (!draft) return renderSet(request, reply, await scenarios.saved(id), 400, form, errors);
      const country = draft.codes[0]!.length === 3 ? 'DK' : 'NO';
      const changed = await changeScenario(db, request.principal!, id, version, { ...draft, country }, actorOf(request));
      if (isRefused(changed)) {
        const explained = explainProblem(reply.pageContext(), changed.problem);
        if (explained.status === 404) throw notFound();
        if (explained.status === 403) throw new HttpProblem(403, 'not the owner', undefined, explained.message);
        return renderSet(request, reply, await scenarios.saved(id), explained.status, form, [
          { field: explained.field ?? 'name', message: explained.message },
        ]);
      }
      return reply.redirect(`${STRUCTURE}/${id}?lang=${request.locale}&done=changed`, 303);
    },
  );
}

const EMPTY: ScenarioForm = { name: '', municipalities: '' };

function resolve(scenarios: ScenarioService, ref: string): Promise<ScenarioSet | undefined> {
  return ref.startsWith('eksempel-') ? scenarios.demo(ref.slice('eksempel-'.length)) : scenarios.saved(ref);
}

function sendPdf(reply: FastifyReply, pdf: Buffer, name: string) {
  return reply.type('application/pdf').header('content-disposition', `attachment; filename="${name}.pdf"`).send(pdf);
}
