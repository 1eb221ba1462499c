/**
 * Networks' pages and API. Key figures: the index, a municipality's page with its downloads, and
 * GET /api/v1/key-figures. Every key-figure page is public.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access, type Principal } from '../platform/auth/model.js';
import { actorOf, calendarDate, formField, formVersion, idParams } from '../platform/http/input.js';
import { HttpProblem, notFound } from '../platform/http/problems.js';
import { isRefused, type Refused } from '../platform/outcome.js';
import type { FieldError } from '../platform/ui/components.js';
import { chartDownload, type ChartData, type DownloadFormat } from '../platform/ui/charts/data.js';
import type { ProjectionService } from '../projections/index.js';
import { createKeyFigureService } from './key-figure-service.js';
import { allFiguresTable, figureChart, figureTable, groupLabel, sourceLabel, unitLabel, figureLabel } from './key-figure-view.js';
import { figureRefOf, keyFigureRows, latestValue, ownFigureTables, refKey } from './comparison.js';
import type { CountryData } from './key-figure-service.js';
import {
  checkAction,
  checkNetworkName,
  checkOwnFigure,
  checkText,
  isValueYear,
  MAX_SUMMARY,
  networkTimeZone,
  readNumber,
} from './model.js';
import { meetingDraft, meetingRoutes } from './meeting-routes.js';
import { KeyFigureIndexPage } from './pages/key-figure-index.js';
import { actionViews, NetworkPage } from './pages/network.js';
import { NetworksPage } from './pages/networks.js';
import { explainProblem } from './problems.js';
import { findMember, findNetwork, listActions, listMeetings, listMembers, listOwnFigures, listOwnValues, networksOf } from './store.js';
import {
  answerInvitation,
  defineOwnFigure,
  enterOwnValue,
  inviteMunicipality,
  moveActionStatus,
  ownMunicipalityCode,
  planMeeting,
  publishSummary,
  recordAction,
  startNetwork,
  type Municipality,
  type NetworkProblem,
} from './use-cases.js';
import { membershipWorkflow } from './workflows.js';
import { KeyFiguresPage } from './pages/key-figures.js';
import { scenarioRoutes } from './scenario-routes.js';
import { cooperationRoutes } from './cooperation-routes.js';
import { createCooperationRegistry } from './cooperation-registry.js';

export interface NetworkRoutesOptions {
  projections: ProjectionService;
}

/** Norwegian municipality numbers have four digits, Danish ones three; anything else is an address that does not exist. */
const CODE = /^[0-9]{3,4}$/;

export async function networkRoutes(app: FastifyInstance, options: NetworkRoutesOptions) {
  const keyFigures = createKeyFigureService(app.database.db, options.projections);
  const registry = createCooperationRegistry(app.database.db);
  const config = { access: access.public };

  app.get(
    '/nokkeltall',
    { config, schema: { querystring: { type: 'object', properties: { lang: { type: 'string' } } } } },
    async (_request, reply) => {
      const countries = await Promise.all([keyFigures.countryData('NO'), keyFigures.countryData('DK')]);
      return reply.html(<KeyFigureIndexPage ctx={reply.pageContext()} countries={countries} />);
    },
  );

  app.get(
    '/nokkeltall/:code',
    {
      config,
      schema: {
        params: { type: 'object', properties: { code: { type: 'string', maxLength: 20 } }, required: ['code'] },
        querystring: {
          type: 'object',
          properties: {
            chart: { type: 'string', maxLength: 40 },
            format: { type: 'string', enum: ['csv', 'json'] },
            lang: { type: 'string' },
          },
        },
      },
    },
    async (request, reply) => {
      const { code } = request.params as { code: string };
      const { chart, format } = request.query as { chart?: string; format?: DownloadFormat };
      const page = CODE.test(code) ? await keyFigures.municipality(code) : undefined;
      if (!page) throw notFound();
      const t = request.t;
      if (chart !== undefined) {
        const series = page.series.find((s) => s.figure.key === chart);
        if (!series) throw new HttpProblem(400, 'unknown key figure', undefined, t('networks.figure.unknown', { figure: chart }));
        const table = figureTable(t, figureChart(t, request.locale, page, series), series.figure);
        return sendDownload(reply, table, format ?? 'csv', `${code}-${chart}`);
      }
      if (format) return sendDownload(reply, allFiguresTable(t, page), format, `${code}-key-figures`);
      const cooperations = page.country === 'NO' ? await registry.list([code]) : [];
      return reply.html(<KeyFiguresPage ctx={reply.pageContext()} page={page} cooperations={cooperations} />);
    },
  );

  registerNetworkRoutes(app, keyFigures);
  meetingRoutes(app, keyFigures);
  scenarioRoutes(app, keyFigures, options.projections, registry);
  cooperationRoutes(app, keyFigures, registry);

  app.get(
    '/api/v1/key-figures',
    {
      config,
      schema: {
        tags: ['key figures'],
        summary:
          "A municipality's key figures by year (care-services coverage, nurse full-time equivalents per user, expenditure-need index, population, projected staffing need) beside its county or region, its country and its size class; each with its unit, source, direction and method breaks",
        querystring: {
          type: 'object',
          properties: {
            municipality: {
              type: 'string',
              pattern: '^[0-9]{3,4}$',
              description: 'A Norwegian (four digits) or Danish (three digits) municipality number',
            },
            lang: { type: 'string', enum: ['nb', 'nn', 'da', 'en'], description: 'The language of labels, units and sources' },
          },
          required: ['municipality'],
        },
      },
    },
    async (request, reply) => {
      const { municipality: code } = request.query as { municipality: string };
      const page = await keyFigures.municipality(code);
      const t = request.t;
      if (!page) throw new HttpProblem(404, 'unknown municipality', undefined, t('networks.api.unknownMunicipality', { code }));
      return reply.header('cache-control', 'public, max-age=300').send({
        municipality: { code: page.municipality.code, name: page.municipality.name, country: page.country },
        groups: page.groups.map((g) => ({ kind: g.kind, label: groupLabel(t, g, page.country), municipalities: g.codes.length })),
        figures: page.series.map((s) => ({
          key: s.figure.key,
          label: figureLabel(t, s.figure),
          unit: unitLabel(t, s.figure),
          source: sourceLabel(t, s.figure, page.country),
          direction: s.figure.direction,
          methodBreaks: s.figure.breaks.map((b) => ({
            from: b.from,
            to: b.to,
            note: t(`networks.break.${b.reason}`, { from: b.from, to: b.to }),
          })),
          years: s.years,
          values: Object.fromEntries(page.groups.map((g, i) => [g.kind, s.values[i]])),
        })),
        notAvailable: page.missing.map((f) => ({ key: f.key, label: figureLabel(t, f) })),
      });
    },
  );
}

function sendDownload(reply: FastifyReply, data: ChartData, format: DownloadFormat, name: string) {
  const download = chartDownload(data, format, name);
  return reply.type(download.contentType).header('content-disposition', `attachment; filename="${download.filename}"`).send(download.body);
}

const formBody = { type: 'object', additionalProperties: { type: 'string', maxLength: 20_000 } };
const CASE_WORKER = access.roles('case_worker');
const DONE = [
  'started',
  'invited',
  'accepted',
  'declined',
  'defined',
  'entered',
  'recorded',
  'moved',
  'planned',
  'published',
  'unpublished',
] as const;
type Done = (typeof DONE)[number];
const doneQuery = { type: 'object', properties: { done: { type: 'string', enum: DONE }, lang: { type: 'string' } } } as const;

/** Benchmarking networks: a case worker's list and start form, a network's page and what its members do there. */
function registerNetworkRoutes(app: FastifyInstance, keyFigures: ReturnType<typeof createKeyFigureService>) {
  const db = app.database.db;
  const person = (request: FastifyRequest): Principal => request.principal!;

  async function ownMunicipality(request: FastifyRequest): Promise<(Municipality & { data: CountryData }) | undefined> {
    const code = ownMunicipalityCode(person(request));
    if (!code) return undefined;
    const country = code.length === 3 ? 'DK' : 'NO';
    const data = await keyFigures.countryData(country);
    const place = data.municipalities.find((m) => m.code === code);
    return place ? { code, name: place.name, country, data } : undefined;
  }

  async function renderList(request: FastifyRequest, reply: FastifyReply, status = 200, name = '', errors: FieldError[] = []) {
    const own = await ownMunicipality(request);
    const networks = own ? await networksOf(db, own.code) : [];
    const { done } = request.query as { done?: Done };
    reply.code(status);
    return reply.html(
      <NetworksPage
        ctx={reply.pageContext()}
        municipality={own}
        networks={networks}
        name={name}
        errors={errors}
        notice={done ? request.t(`networks.done.${done}`) : undefined}
      />,
    );
  }

  async function renderNetwork(request: FastifyRequest, reply: FastifyReply, status = 200, errors: FieldError[] = []) {
    const { id } = request.params as { id: string };
    const own = await ownMunicipality(request);
    const network = await findNetwork(db, id);
    const viewer = network && own ? await findMember(db, id, own.code) : undefined;
    // Private to its members: an invited municipality sees who is in it, anyone else finds nothing here.
    if (!network || !own || !viewer || !['member', 'invited'].includes(viewer.state)) throw notFound();
    const [members, figures, values, actions, meetings] = await Promise.all([
      listMembers(db, id),
      listOwnFigures(db, id),
      listOwnValues(db, id),
      listActions(db, id),
      listMeetings(db, id),
    ]);
    const joined = members.filter((m) => membershipWorkflow.isIn('member', m.state)).map((m) => m.code);
    const counted = new Set(members.filter((m) => membershipWorkflow.isIn('counted', m.state)).map((m) => m.code));
    const { done } = request.query as { done?: Done };
    const data = await keyFigures.countryData(network.country);
    reply.code(status);
    return reply.html(
      <NetworkPage
        ctx={reply.pageContext()}
        network={network}
        members={members}
        viewer={viewer}
        isCoordinator={own.code === network.coordinatorCode}
        invitable={data.municipalities.filter((m) => !counted.has(m.code)).sort((a, b) => a.name.localeCompare(b.name, request.locale))}
        keyFigures={keyFigureRows(data.observations, joined)}
        ownFigures={ownFigureTables(figures, values, joined)}
        ownValues={values.filter((v) => v.code === own.code)}
        currentYear={new Date().getFullYear()}
        actions={actionViews(request.t, actions, members, figures, values, data)}
        figureOptions={[
          ...keyFigureRows(data.observations, joined).map((row) => ({
            value: refKey({ kind: 'key', figure: row.figure }),
            label: figureLabel(request.t, row.figure),
          })),
          ...figures.map((f) => ({ value: refKey({ kind: 'own', figure: f }), label: f.name })),
        ]}
        values={Object.fromEntries(
          Object.entries((request.body as Record<string, string> | undefined) ?? {}).filter(([k]) => k !== '_csrf'),
        )}
        meetings={meetings}
        now={new Date()}
        errors={errors}
        notice={done ? request.t(`networks.done.${done}`) : undefined}
      />,
    );
  }

  /** Back to the network's page with what was done, or the page again with the refusal said at its field. */
  async function answer(request: FastifyRequest, reply: FastifyReply, outcome: unknown, done: Done) {
    if (isRefused(outcome)) {
      const explained = explainProblem(reply.pageContext(), (outcome as Refused<NetworkProblem>).problem);
      if (explained.status === 404) throw notFound();
      return renderNetwork(request, reply, explained.status, [{ field: explained.field ?? 'actions', message: explained.message }]);
    }
    const { id } = request.params as { id: string };
    return reply.redirect(`/nettverk/${id}?lang=${request.locale}&done=${done}`, 303);
  }

  const byId = { params: idParams('id'), body: formBody };

  app.get('/nettverk', { config: { access: CASE_WORKER }, schema: { querystring: doneQuery } }, (request, reply) =>
    renderList(request, reply),
  );

  app.post('/nettverk', { config: { access: CASE_WORKER }, schema: { body: formBody } }, async (request, reply) => {
    const own = await ownMunicipality(request);
    const raw = formField(request.body, 'name') ?? '';
    const name = checkNetworkName(raw);
    if (!own) return renderList(request, reply, 403, raw, [{ field: 'name', message: request.t('networks.problem.noMunicipality') }]);
    if (name === 'required' || name === 'tooLong')
      return renderList(request, reply, 400, raw, [{ field: 'name', message: request.t(`networks.problem.${name}`) }]);
    const started = await startNetwork(db, person(request), own, name, actorOf(request));
    if (isRefused(started)) {
      const explained = explainProblem(reply.pageContext(), started.problem);
      return renderList(request, reply, explained.status, raw, [{ field: 'name', message: explained.message }]);
    }
    return reply.redirect(`/nettverk/${started}?lang=${request.locale}&done=started`, 303);
  });

  app.get(
    '/nettverk/:id',
    { config: { access: CASE_WORKER }, schema: { params: idParams('id'), querystring: doneQuery } },
    (request, reply) => renderNetwork(request, reply),
  );

  app.post('/nettverk/:id/inviter', { config: { access: CASE_WORKER }, schema: byId }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const network = await findNetwork(db, id);
    if (!network) throw notFound();
    const code = formField(request.body, 'municipality') ?? '';
    const place = (await keyFigures.countryData(network.country)).municipalities.find((m) => m.code === code);
    if (!place)
      return renderNetwork(request, reply, 400, [{ field: 'municipality', message: request.t('networks.problem.unknownMunicipality') }]);
    const invited = { code, name: place.name, country: network.country };
    return answer(
      request,
      reply,
      await inviteMunicipality(db, person(request), id, formVersion(request.body), invited, actorOf(request)),
      'invited',
    );
  });

  for (const [path, action, done] of [
    ['bli-med', 'accept', 'accepted'],
    ['takk-nei', 'decline', 'declined'],
  ] as const)
    app.post(`/nettverk/:id/${path}`, { config: { access: CASE_WORKER }, schema: byId }, async (request, reply) => {
      const { id } = request.params as { id: string };
      const outcome = await answerInvitation(db, person(request), id, action, actorOf(request));
      if (!isRefused(outcome) && action === 'decline') return reply.redirect(`/nettverk?lang=${request.locale}&done=declined`, 303);
      return answer(request, reply, outcome, done);
    });

  app.post('/nettverk/:id/tall', { config: { access: CASE_WORKER }, schema: byId }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const field = (name: string) => formField(request.body, `figure-${name}`) ?? '';
    const draft = checkOwnFigure({ name: field('name'), unit: field('unit'), definition: field('definition') });
    if (Array.isArray(draft))
      return renderNetwork(
        request,
        reply,
        400,
        draft.map((p) => ({ field: `figure-${p.field}`, message: request.t(`networks.problem.${p.code}`) })),
      );
    return answer(request, reply, await defineOwnFigure(db, person(request), id, draft, actorOf(request)), 'defined');
  });

  app.post('/nettverk/:id/tiltak', { config: { access: CASE_WORKER }, schema: byId }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const network = await findNetwork(db, id);
    if (!network) throw notFound();
    const field = (name: string) => formField(request.body, name) ?? '';
    const draft = checkAction({ action: field('action'), owner: field('owner'), due: calendarDate(field('due')) });
    const [figures, values, data] = await Promise.all([
      listOwnFigures(db, id),
      listOwnValues(db, id),
      keyFigures.countryData(network.country),
    ]);
    const ref = figureRefOf(field('figure'), figures);
    const errors: FieldError[] = Array.isArray(draft)
      ? draft.map((p) => ({ field: p.field, message: request.t(`networks.problem.${p.code}`) }))
      : [];
    if (!ref) errors.push({ field: 'figure', message: request.t('networks.problem.unknownFigure') });
    if (Array.isArray(draft) || !ref) return renderNetwork(request, reply, 400, errors);
    const code = ownMunicipalityCode(person(request)) ?? '';
    const baseline = latestValue(ref, data.observations, values, code);
    return answer(
      request,
      reply,
      await recordAction(db, person(request), id, { ...draft, figureRef: refKey(ref), baseline }, actorOf(request)),
      'recorded',
    );
  });

  app.post(
    '/nettverk/:id/tiltak/:actionId/:step',
    {
      config: { access: CASE_WORKER },
      schema: {
        params: {
          type: 'object',
          properties: { ...idParams('id', 'actionId').properties, step: { type: 'string', enum: ['start', 'complete', 'drop'] } },
          required: ['id', 'actionId', 'step'],
        },
        body: formBody,
      },
    },
    async (request, reply) => {
      const { actionId, step } = request.params as { actionId: string; step: 'start' | 'complete' | 'drop' };
      return answer(
        request,
        reply,
        await moveActionStatus(db, person(request), actionId, step, formVersion(request.body), actorOf(request)),
        'moved',
      );
    },
  );

  app.post(
    '/nettverk/:id/tall/:figureId',
    { config: { access: CASE_WORKER }, schema: { params: idParams('id', 'figureId'), body: formBody } },
    async (request, reply) => {
      const { figureId } = request.params as { figureId: string };
      const year = Number(formField(request.body, `year-${figureId}`) ?? '');
      const value = readNumber(formField(request.body, `value-${figureId}`) ?? '');
      const errors: FieldError[] = [];
      if (!isValueYear(year, new Date().getFullYear()))
        errors.push({ field: `year-${figureId}`, message: request.t('networks.problem.badYear') });
      if (value === undefined) errors.push({ field: `value-${figureId}`, message: request.t('networks.problem.badNumber') });
      if (errors.length > 0) return renderNetwork(request, reply, 400, errors);
      const seen = formField(request.body, `version-${year}`);
      const version = seen !== undefined && /^\d{1,9}$/.test(seen) ? Number(seen) : 0;
      return answer(
        request,
        reply,
        await enterOwnValue(db, person(request), { figureId, year, value: value!, version }, actorOf(request)),
        'entered',
      );
    },
  );

  app.post('/nettverk/:id/moter', { config: { access: CASE_WORKER }, schema: byId }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const network = await findNetwork(db, id);
    if (!network) throw notFound();
    const draft = meetingDraft(request, networkTimeZone(network.country));
    if (Array.isArray(draft)) return renderNetwork(request, reply, 400, draft);
    const planned = await planMeeting(db, person(request), id, formVersion(request.body), draft, actorOf(request), { jobs: app.jobs });
    return answer(request, reply, planned, 'planned');
  });

  app.post('/nettverk/:id/sammendrag', { config: { access: CASE_WORKER }, schema: byId }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const text = checkText(formField(request.body, 'summary') ?? '', MAX_SUMMARY);
    if (text === 'required' || text === 'tooLong')
      return renderNetwork(request, reply, 400, [{ field: 'summary', message: request.t(`networks.problem.${text}`) }]);
    const published = await publishSummary(db, person(request), id, formVersion(request.body), text, actorOf(request));
    return answer(request, reply, published, 'published');
  });

  app.post('/nettverk/:id/sammendrag/trekk-tilbake', { config: { access: CASE_WORKER }, schema: byId }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const withdrawn = await publishSummary(db, person(request), id, formVersion(request.body), null, actorOf(request));
    return answer(request, reply, withdrawn, 'unpublished');
  });
}
