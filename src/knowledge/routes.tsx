/**
 * The knowledge bank over HTTP: the search page under each language's name, a case's public page,
 * the JSON search in the API, and the competence centre's editor (advisers only).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../platform/auth/model.js';
import { actorOf, formFields, formFile, formVersion, isStorableText } from '../platform/http/input.js';
import { findFile } from '../platform/files/store.js';
import { HttpProblem, notFound } from '../platform/http/problems.js';
import { isRefused } from '../platform/outcome.js';
import type { FieldError } from '../platform/ui/components.js';
import { translate } from '../platform/ui/translate.js';
import type { PlainMessageKey } from '../platform/i18n/index.js';
import {
  caseFileKind,
  hasControlCharacters,
  parseSearch,
  readCaseForm,
  seededCaseForm,
  seedFromAction,
  seedFromProject,
  type ActionSource,
  type CaseFormProblem,
  type CaseSeed,
} from './model.js';
import { findProjectFacts } from '../projects/index.js';
import { AlreadyMadePage, CaseEditorPage, CasePage, caseFormValues, type CaseFormValues } from './pages/case.js';
import { BANK_PATHS, QUESTION_PATHS, SearchPage } from './pages/search.js';
import { parseWhat, searchBank } from './questions-search.js';
import { casesCsv, casesJson } from './open-data.js';
import { MunicipalityPage } from './pages/municipality.js';
import { findMunicipality } from '../registry/index.js';
import {
  adoptionsBy,
  adoptionsOf,
  caseOfOrigin,
  casesOfMunicipality,
  filesOfCase,
  findCaseBySlug,
  listCases,
  organisationCountry,
  similarCases,
  type StoredCase,
} from './store.js';
import { awardsOfCase } from './prize.store.js';
import { adoptCase, attachFile, recommendCase, reviseCase, writeCase, type KnowledgeProblem } from './use-cases.js';

const ADVISER = access.roles('adviser');
const withoutRank = <T extends { rank: number }>({ rank: _rank, ...rest }: T) => rest;
const PATHS = [...new Set(Object.values(BANK_PATHS))];
const slugParams = {
  type: 'object',
  properties: { slug: { type: 'string', pattern: '^[a-z0-9-]{1,90}$' } },
  required: ['slug'],
} as const;
export const formBody = {
  type: 'object',
  additionalProperties: {
    anyOf: [
      { type: 'string', maxLength: 20_000 },
      { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 200 } },
    ],
  },
} as const;

function explain(request: FastifyRequest, problem: KnowledgeProblem): { status: 400 | 404 | 409; error: FieldError } {
  switch (problem.kind) {
    case 'caseNotFound':
      return { status: 404, error: { field: 'title', message: request.t('knowledge.problem.caseNotFound') } };
    case 'unknownMunicipality':
      return {
        status: 400,
        error: { field: 'municipalities', message: request.t('knowledge.problem.unknownMunicipality', { code: problem.code }) },
      };
    case 'versionConflict':
      return { status: 409, error: { field: 'title', message: request.t('knowledge.problem.versionConflict') } };
    case 'alreadyAdopted':
      return { status: 409, error: { field: 'changes', message: request.t('knowledge.problem.alreadyAdopted') } };
    case 'ownCase':
      return { status: 409, error: { field: 'changes', message: request.t('knowledge.problem.ownCase') } };
    case 'alreadyMade':
      return { status: 409, error: { field: 'title', message: request.t('knowledge.problem.alreadyMade') } };
  }
}

const formProblem = (request: FastifyRequest, problem: CaseFormProblem): FieldError => ({
  field: problem.field,
  message: translate(request.locale, `knowledge.problem.${problem.problem}`),
});

/** The posted fields, or the field holding text that cannot be stored. */
function postedValues(body: unknown): { values: CaseFormValues; unstorable?: string } {
  const values = formFields(body);
  for (const [field, value] of Object.entries(values))
    for (const text of Array.isArray(value) ? value : [value])
      if (!isStorableText(text) || hasControlCharacters(text)) return { values, unstorable: field };
  return { values };
}

export interface KnowledgeRouteOptions {
  /** A completed improvement action's facts, from the benchmarking networks (wired in app.ts). */
  actionFacts?: (actionId: string) => Promise<ActionSource | undefined>;
}

export async function knowledgeRoutes(app: FastifyInstance, options: KnowledgeRouteOptions = {}) {
  const db = app.database.db;
  const isAdviser = (request: FastifyRequest) => request.principal?.roles.has('adviser') ?? false;

  /** The municipality a case worker speaks for here (the first, where they work for several). */
  async function ownMunicipality(request: FastifyRequest) {
    const membership = request.principal?.memberships.find((m) => m.role === 'case_worker' && m.municipalityCode);
    if (!membership) return undefined;
    const country = await organisationCountry(db, membership.organisationId);
    return country
      ? { organisationId: membership.organisationId, country, code: membership.municipalityCode!, name: membership.organisationName }
      : undefined;
  }

  /** Who may add files to a case: an adviser, or for a case made from a project a case worker of the municipality that made it. */
  const mayAttach = (request: FastifyRequest, item: StoredCase) =>
    isAdviser(request) ||
    (item.origin !== null &&
      (request.principal?.memberships.some((m) => m.role === 'case_worker' && m.organisationId === item.organisationId) ?? false));

  async function renderCase(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    item: StoredCase,
    extra: { notice?: string | undefined; problem?: string | undefined; changes?: string; year?: string; fileError?: string } = {},
  ) {
    const own = await ownMunicipality(request);
    const adoptions = await adoptionsOf(db, item.id);
    const adoptable =
      own &&
      !item.municipalities.some((m) => m.country === own.country && m.code === own.code) &&
      !adoptions.some((a) => a.country === own.country && a.municipalityCode === own.code);
    return reply
      .code(status)
      .html(
        <CasePage
          ctx={reply.pageContext()}
          item={item}
          similar={await similarCases(db, item)}
          adoptions={adoptions}
          adoptAs={adoptable ? own.name : undefined}
          adoptValues={{ changes: extra.changes ?? '', year: extra.year ?? '' }}
          canEdit={isAdviser(request)}
          files={await filesOfCase(db, item.id)}
          attach={mayAttach(request, item) ? { maxBytes: app.config.uploadMaxBytes, error: extra.fileError } : undefined}
          awards={await awardsOfCase(db, item.id)}
          notice={extra.notice}
          problem={extra.problem}
        />,
      );
  }

  for (const path of PATHS) {
    app.get(path, { config: { access: access.public } }, async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      const search = parseSearch(query);
      const what = parseWhat(query);
      const bank = await searchBank(db, search, what);
      return reply.html(<SearchPage ctx={reply.pageContext()} search={search} what={what} bank={bank} canWrite={isAdviser(request)} />);
    });

    app.get(`${path}/:slug`, { config: { access: access.public }, schema: { params: slugParams } }, async (request, reply) => {
      const item = await findCaseBySlug(db, (request.params as { slug: string }).slug);
      if (!item) throw notFound();
      const query = request.query as { saved?: string; recommended?: string; adopted?: string; file?: string };
      const notice = query.saved
        ? request.t('knowledge.case.saved')
        : query.file
          ? request.t('knowledge.file.added')
          : query.recommended
            ? request.t('knowledge.case.recommendChanged')
            : query.adopted
              ? request.t('knowledge.adopt.done')
              : undefined;
      return renderCase(request, reply, 200, item, { notice });
    });
  }

  app.get(
    '/api/v1/cases',
    {
      config: { access: access.public },
      schema: {
        tags: ['knowledge'],
        summary:
          "Search the knowledge bank: q (words, typos and parts of compounds allowed), country, region, size, sector, theme, phase, programme (by name), year, what (case, question; each repeatable), page; ranked cases with highlighted passages (matches between U+0002 and U+0003) and facet counts, and beside them the competence centre's published questions and answers that match (kind 'question', ranked on the same scale, without the asker's name) with facets.what counting both kinds",
      },
    },
    async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      const search = parseSearch(query);
      const what = parseWhat(query);
      const bank = await searchBank(db, search, what);
      const result = bank.cases;
      const showCases = what.length === 0 || what.includes('case');
      const base = app.config.publicUrl;
      return reply
        .type('application/json; charset=utf-8')
        .header('access-control-allow-origin', '*')
        .send(
          JSON.stringify({
            query: { ...search, what },
            total: bank.total,
            cases: showCases ? result.hits.map(({ rank, ...hit }) => ({ ...hit, url: `${base}${BANK_PATHS.nb}/${hit.slug}` })) : [],
            questions: bank.hits.flatMap((found) =>
              found.kind === 'question'
                ? [{ kind: 'question', ...withoutRank(found.hit), url: `${base}${QUESTION_PATHS.nb}#q-${found.hit.id}` }]
                : [],
            ),
            facets: { ...result.facets, what: bank.what },
          }),
        );
    },
  );

  const openData = { config: { access: access.public } };
  app.get(
    '/api/v1/open-data/cases.json',
    { ...openData, schema: { tags: ['knowledge'], summary: 'Every case of the knowledge bank as JSON, under NLOD 2.0' } },
    async (_request, reply) =>
      reply
        .type('application/json; charset=utf-8')
        .header('access-control-allow-origin', '*')
        .header('cross-origin-resource-policy', 'cross-origin')
        .send(JSON.stringify(casesJson(await listCases(db), app.config.publicUrl), null, 2)),
  );
  app.get(
    '/api/v1/open-data/cases.csv',
    { ...openData, schema: { tags: ['knowledge'], summary: 'Every case of the knowledge bank as CSV (one row per case), under NLOD 2.0' } },
    async (_request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="kunnskapsbank.csv"')
        .header('access-control-allow-origin', '*')
        .header('cross-origin-resource-policy', 'cross-origin')
        .send(casesCsv(await listCases(db), app.config.publicUrl)),
  );

  // Files ----------------------------------------------------------------------------------------------

  app.post(
    '/kunnskapsbank/:slug/filer',
    { config: { access: access.signedIn }, schema: { params: slugParams } },
    async (request, reply) => {
      const item = await findCaseBySlug(db, (request.params as { slug: string }).slug);
      if (!item) throw notFound();
      if (!mayAttach(request, item)) throw new HttpProblem(403, 'forbidden', 'knowledge.problem.mayNotAttach');
      const file = await formFile(request.body, 'file');
      if (!file) return renderCase(request, reply, 400, item, { fileError: request.t('knowledge.problem.noFile') });
      if (!caseFileKind(file.contentType))
        return renderCase(request, reply, 415, item, { fileError: request.t('knowledge.problem.fileType', { name: file.name }) });
      const attached = await attachFile(db, item.slug, file, actorOf(request));
      if (isRefused(attached))
        return renderCase(request, reply, 404, item, { fileError: explain(request, attached.problem).error.message });
      return reply.redirect(`${BANK_PATHS.nb}/${item.slug}?lang=${request.locale}&file=1#files`, 303);
    },
  );

  app.get(
    '/kunnskapsbank/:slug/filer/:fileId',
    {
      config: { access: access.public },
      schema: {
        params: {
          type: 'object',
          properties: { ...slugParams.properties, fileId: { type: 'string', pattern: '^[0-9a-f-]{36}$' } },
          required: ['slug', 'fileId'],
        },
      },
    },
    async (request, reply) => {
      const { slug, fileId } = request.params as { slug: string; fileId: string };
      const item = await findCaseBySlug(db, slug);
      if (!item || !(await filesOfCase(db, item.id)).some((f) => f.fileId === fileId)) throw notFound();
      const file = await findFile(db, fileId);
      if (!file) throw notFound();
      return reply.download(file);
    },
  );

  // "We adopted this" ----------------------------------------------------------------------------

  app.post(
    '/kunnskapsbank/:slug/tatt-i-bruk',
    { config: { access: access.roles('case_worker') }, schema: { params: slugParams, body: formBody } },
    async (request, reply) => {
      const item = await findCaseBySlug(db, (request.params as { slug: string }).slug);
      if (!item) throw notFound();
      const own = await ownMunicipality(request);
      if (!own) throw notFound();
      const fields = formFields(request.body);
      const changes = (typeof fields.changes === 'string' ? fields.changes : '').trim();
      const year = (typeof fields.year === 'string' ? fields.year : '').trim();
      const refuse = (status: number, message: string) => renderCase(request, reply, status, item, { problem: message, changes, year });
      if (changes === '') return refuse(400, request.t('knowledge.problem.changesMissing'));
      if (changes.length > 5_000) return refuse(400, request.t('knowledge.problem.tooLong'));
      if (hasControlCharacters(changes)) return refuse(400, request.t('knowledge.problem.badText'));
      if (year !== '' && (!/^\d{4}$/.test(year) || Number(year) < 1900 || Number(year) > 2100))
        return refuse(400, request.t('knowledge.problem.badYears'));
      const adopted = await adoptCase(
        db,
        item.slug,
        {
          organisationId: own.organisationId,
          country: own.country,
          municipalityCode: own.code,
          municipalityName: own.name,
          changes,
          language: request.locale,
          adoptedYear: year === '' ? null : Number(year),
        },
        actorOf(request),
      );
      if (isRefused(adopted)) return refuse(explain(request, adopted.problem).status, explain(request, adopted.problem).error.message);
      return reply.redirect(`${BANK_PATHS.nb}/${item.slug}?lang=${request.locale}&adopted=1`, 303);
    },
  );

  /** A municipality in the bank: its own cases, and what it took from whom. */
  app.get(
    '/kunnskapsbank/kommune/:country/:code',
    {
      config: { access: access.public },
      schema: {
        params: {
          type: 'object',
          properties: { country: { type: 'string', enum: ['no', 'dk'] }, code: { type: 'string', pattern: '^[0-9]{3,4}$' } },
          required: ['country', 'code'],
        },
      },
    },
    async (request, reply) => {
      const { country: lower, code } = request.params as { country: 'no' | 'dk'; code: string };
      const country = lower === 'no' ? 'NO' : 'DK';
      const municipality = await findMunicipality(db, country, code);
      const cases = await casesOfMunicipality(db, country, code);
      const adopted = await adoptionsBy(db, country, code);
      const named = cases[0] ? (await findCaseBySlug(db, cases[0].slug))?.municipalities.find((m) => m.code === code)?.name : undefined;
      const name = municipality?.name ?? adopted[0]?.municipalityName ?? named;
      if (!name) throw notFound();
      return reply.html(<MunicipalityPage ctx={reply.pageContext()} name={name} cases={cases} adopted={adopted} />);
    },
  );

  // The competence centre's editor ---------------------------------------------------------------

  const renderEditor = (reply: FastifyReply, status: number, slug: string | undefined, values: CaseFormValues, errors: FieldError[]) =>
    reply.code(status).html(<CaseEditorPage ctx={reply.pageContext()} slug={slug} values={values} errors={errors} />);

  app.get('/kunnskapsbank/ny', { config: { access: ADVISER } }, async (request, reply) =>
    renderEditor(reply, 200, undefined, { language: request.locale, country: 'NO', phase: 'new' }, []),
  );

  app.post('/kunnskapsbank/ny', { config: { access: ADVISER }, schema: { body: formBody } }, async (request, reply) => {
    const { values, unstorable } = postedValues(request.body);
    if (unstorable)
      return renderEditor(reply, 400, undefined, values, [{ field: unstorable, message: request.t('knowledge.problem.badText') }]);
    const draft = readCaseForm(values);
    if ('field' in draft) return renderEditor(reply, 400, undefined, values, [formProblem(request, draft)]);
    const organisationId = request.principal?.memberships.find((m) => m.role === 'adviser')?.organisationId ?? null;
    const written = await writeCase(db, draft, actorOf(request), { organisationId });
    if (isRefused(written)) {
      const { status, error } = explain(request, written.problem);
      return renderEditor(reply, status, undefined, values, [error]);
    }
    return reply.redirect(`${BANK_PATHS.nb}/${written}?lang=${request.locale}&saved=1`, 303);
  });

  app.get('/kunnskapsbank/:slug/endre', { config: { access: ADVISER }, schema: { params: slugParams } }, async (request, reply) => {
    const item = await findCaseBySlug(db, (request.params as { slug: string }).slug);
    if (!item) throw notFound();
    return renderEditor(reply, 200, item.slug, caseFormValues(item), []);
  });

  app.post(
    '/kunnskapsbank/:slug/endre',
    { config: { access: ADVISER }, schema: { params: slugParams, body: formBody } },
    async (request, reply) => {
      const { slug } = request.params as { slug: string };
      if (!(await findCaseBySlug(db, slug))) throw notFound();
      const version = formVersion(request.body);
      const { values, unstorable } = postedValues(request.body);
      if (unstorable)
        return renderEditor(reply, 400, slug, values, [{ field: unstorable, message: request.t('knowledge.problem.badText') }]);
      const draft = readCaseForm(values);
      if ('field' in draft) return renderEditor(reply, 400, slug, values, [formProblem(request, draft)]);
      const revised = await reviseCase(db, slug, version, draft, actorOf(request));
      if (isRefused(revised)) {
        const { status, error } = explain(request, revised.problem);
        return renderEditor(reply, status, slug, values, [error]);
      }
      return reply.redirect(`${BANK_PATHS.nb}/${slug}?lang=${request.locale}&saved=1`, 303);
    },
  );

  app.post(
    '/kunnskapsbank/:slug/anbefaling',
    { config: { access: ADVISER }, schema: { params: slugParams, body: formBody } },
    async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const version = formVersion(request.body);
      const recommended = formFields(request.body).recommended === 'true';
      const outcome = await recommendCase(db, slug, version, recommended, actorOf(request));
      if (isRefused(outcome)) {
        const item = await findCaseBySlug(db, slug);
        if (!item) throw notFound();
        const { status, error } = explain(request, outcome.problem);
        return renderCase(request, reply, status, item, { problem: error.message });
      }
      return reply.redirect(`${BANK_PATHS.nb}/${slug}?lang=${request.locale}&recommended=1`, 303);
    },
  );

  // A case made from a project, by its lead municipality's case worker ---------------------------------

  const sourceParams = {
    type: 'object',
    properties: { sourceId: { type: 'string', pattern: '^[0-9a-f-]{36}$' } },
    required: ['sourceId'],
  } as const;
  type Seeded = { seed: CaseSeed; organisationId: string };

  /** The case worker's membership of `code`'s municipality in `country`, or a 403 saying who may. */
  async function caseWorkerOf(request: FastifyRequest, code: string | undefined, country: string, refusal: PlainMessageKey) {
    const membership = request.principal?.memberships.find((m) => m.role === 'case_worker' && m.municipalityCode === code);
    if (!membership || (await organisationCountry(db, membership.organisationId)) !== country)
      throw new HttpProblem(403, 'forbidden', refusal);
    return membership.organisationId;
  }

  /**
   * A project's seed, for a case worker of its lead municipality (the project's owner, as the
   * project's own follow-up has it); 404 for a project unknown or not public, 403 for anyone else.
   */
  async function projectSeed(request: FastifyRequest, projectId: string): Promise<Seeded> {
    const facts = await findProjectFacts(db, projectId);
    if (!facts) throw notFound();
    const organisationId = await caseWorkerOf(request, facts.members[0]?.code, facts.country, 'knowledge.problem.notProjectOwner');
    return { seed: seedFromProject(facts, `${app.config.publicUrl}/prosjekter/${facts.id}`), organisationId };
  }

  /** A completed improvement action's seed, for a case worker of the municipality that owns it; 403 for anyone else or an action not completed. */
  async function actionSeed(request: FastifyRequest, actionId: string): Promise<Seeded> {
    const facts = options.actionFacts ? await options.actionFacts(actionId) : undefined;
    if (!facts) throw new HttpProblem(403, 'forbidden', 'knowledge.problem.notActionOwner');
    const organisationId = await caseWorkerOf(request, facts.municipality.code, facts.country, 'knowledge.problem.notActionOwner');
    return { seed: seedFromAction(facts), organisationId };
  }

  /** A case made in one step from another record's facts: the prefilled form, and its publishing. */
  function seededCaseRoutes(path: string, load: (request: FastifyRequest, sourceId: string) => Promise<Seeded>) {
    const route = { config: { access: access.roles('case_worker') }, schema: { params: sourceParams } };
    const sourceOf = (request: FastifyRequest) => load(request, (request.params as { sourceId: string }).sourceId);
    const renderSeeded = (
      request: FastifyRequest,
      reply: FastifyReply,
      status: number,
      seed: CaseSeed,
      values: CaseFormValues,
      errors: FieldError[],
    ) =>
      reply
        .code(status)
        .html(
          <CaseEditorPage
            ctx={reply.pageContext()}
            slug={undefined}
            seed={{ seed, action: `${path}/${seed.origin.id}?lang=${request.locale}` }}
            values={values}
            errors={errors}
          />,
        );

    app.get(`${path}/:sourceId`, route, async (request, reply) => {
      const { seed } = await sourceOf(request);
      const made = await caseOfOrigin(db, seed.origin);
      if (made) return reply.code(409).html(<AlreadyMadePage ctx={reply.pageContext()} item={made} />);
      return renderSeeded(request, reply, 200, seed, { ...seed.values, public: seed.parts.map((p) => p.key) }, []);
    });

    app.post(`${path}/:sourceId`, { ...route, schema: { ...route.schema, body: formBody } }, async (request, reply) => {
      const { seed, organisationId } = await sourceOf(request);
      const { values, unstorable } = postedValues(request.body);
      if (unstorable)
        return renderSeeded(request, reply, 400, seed, values, [{ field: unstorable, message: request.t('knowledge.problem.badText') }]);
      const draft = readCaseForm(seededCaseForm(seed, values));
      if ('field' in draft) return renderSeeded(request, reply, 400, seed, values, [formProblem(request, draft)]);
      const written = await writeCase(db, draft, actorOf(request), { organisationId, origin: seed.origin });
      if (isRefused(written)) {
        if (written.problem.kind === 'alreadyMade') {
          const made = await caseOfOrigin(db, seed.origin);
          if (made) return reply.code(409).html(<AlreadyMadePage ctx={reply.pageContext()} item={made} />);
        }
        const { status, error } = explain(request, written.problem);
        return renderSeeded(request, reply, status, seed, values, [error]);
      }
      return reply.redirect(`${BANK_PATHS.nb}/${written}?lang=${request.locale}&saved=1`, 303);
    });
  }

  seededCaseRoutes('/kunnskapsbank/ny/fra-prosjekt', projectSeed);
  seededCaseRoutes('/kunnskapsbank/ny/fra-tiltak', actionSeed);
}
