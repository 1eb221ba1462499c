/**
 * The directory over HTTP: the search under each language's name of the bank, an entry's page, the
 * JSON search in the API, and the advisers' editor.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../platform/auth/model.js';
import { actorOf, formFields, formVersion, isStorableText } from '../platform/http/input.js';
import { notFound } from '../platform/http/problems.js';
import { isRefused } from '../platform/outcome.js';
import type { FieldError } from '../platform/ui/components.js';
import { translate } from '../platform/ui/translate.js';
import { instantToLocal, localToInstant } from '../programmes/index.js';
import { listRegions } from '../registry/index.js';
import { DEADLINE_ZONE, parseDirectorySearch, readDirectoryForm, type DirectoryDraft } from './directory.js';
import { findEntryBySlug } from './directory.store.js';
import { addEntry, findInDirectory, reviseEntry, type DirectoryProblem } from './directory.use-cases.js';
import { DirectoryPage, EntryEditorPage, EntryPage, type EntryFormValues } from './pages/directory.js';
import { DIRECTORY_PATHS } from './pages/search.js';
import { formBody } from './routes.js';

const ADVISER = access.roles('adviser');
const EDITOR = DIRECTORY_PATHS.nb;
const slugParams = {
  type: 'object',
  properties: { slug: { type: 'string', pattern: '^[a-z0-9-]{1,90}$' } },
  required: ['slug'],
} as const;

const STATUS: Record<DirectoryProblem['kind'], { status: 400 | 404 | 409; field: string }> = {
  entryNotFound: { status: 404, field: 'name' },
  unknownRegion: { status: 400, field: 'region' },
  versionConflict: { status: 409, field: 'name' },
};

/** A wall-clock reading in Oslo as an instant; undefined when it does not exist (the spring-forward hour). */
const osloInstant = (local: string): Date | undefined => {
  const result = localToInstant(local, DEADLINE_ZONE);
  return result.ok ? result.instant : undefined;
};

/** An entry as its form shows it (the deadline on the Oslo wall clock). */
function formValuesOf(entry: DirectoryDraft & { version: number }): EntryFormValues {
  return {
    entry: entry.entry,
    kind: entry.kind ?? '',
    language: entry.language,
    name: entry.name,
    description: entry.description,
    country: entry.country,
    region: entry.region ?? '',
    themes: entry.themes,
    web: entry.web ?? '',
    email: entry.email ?? '',
    phone: entry.phone ?? '',
    runner: entry.runner ?? '',
    deadline: entry.deadline ? instantToLocal(entry.deadline, DEADLINE_ZONE) : '',
    eligible: entry.eligible,
    source: entry.source,
    version: String(entry.version),
  };
}

export async function directoryRoutes(app: FastifyInstance) {
  const db = app.database.db;
  const isAdviser = (request: FastifyRequest) => request.principal?.roles.has('adviser') ?? false;

  for (const path of new Set(Object.values(DIRECTORY_PATHS))) {
    app.get(path, { config: { access: access.public } }, async (request, reply) => {
      const search = parseDirectorySearch(request.query as Record<string, unknown>);
      const now = new Date();
      const result = await findInDirectory(db, search, now);
      return reply.html(<DirectoryPage ctx={reply.pageContext()} search={search} result={result} now={now} canEdit={isAdviser(request)} />);
    });

    app.get(`${path}/:slug`, { config: { access: access.public }, schema: { params: slugParams } }, async (request, reply) => {
      const entry = await findEntryBySlug(db, (request.params as { slug: string }).slug);
      if (!entry) throw notFound();
      const notice = (request.query as { saved?: string }).saved ? request.t('knowledge.dir.saved') : undefined;
      return reply.html(
        <EntryPage ctx={reply.pageContext()} entry={entry} now={new Date()} canEdit={isAdviser(request)} notice={notice} />,
      );
    });
  }

  app.get(
    '/api/v1/directory',
    {
      config: { access: access.public },
      schema: {
        tags: ['knowledge'],
        summary:
          "Search the competence centre's directory of research and innovation actors and grant schemes (the platform's open calls included): q (words, typos and parts of compounds allowed), type (actor, scheme), kind, region ('*' for the whole country), theme, country (each repeatable), page; ranked entries with facet counts. Deadlines are instants (ISO 8601); null means ongoing or no fixed deadline",
      },
    },
    async (request, reply) => {
      const search = parseDirectorySearch(request.query as Record<string, unknown>);
      const result = await findInDirectory(db, search, new Date());
      const base = app.config.publicUrl;
      return reply
        .type('application/json; charset=utf-8')
        .header('access-control-allow-origin', '*')
        .send(
          JSON.stringify({
            query: search,
            total: result.total,
            entries: result.entries.map(({ slug: _slug, href, version: _version, ...entry }) => ({ ...entry, url: `${base}${href}` })),
            facets: result.facets,
          }),
        );
    },
  );

  // The advisers' editor -------------------------------------------------------------------------

  const renderEditor = async (
    reply: FastifyReply,
    status: number,
    slug: string | undefined,
    values: EntryFormValues,
    errors: FieldError[],
  ) =>
    reply
      .code(status)
      .html(
        <EntryEditorPage
          ctx={reply.pageContext()}
          slug={slug}
          values={values}
          regions={[...(await listRegions(db, 'NO')), ...(await listRegions(db, 'DK'))]}
          errors={errors}
        />,
      );

  /** The posted entry, or the editor again with the first wrong field (400). */
  function readPosted(
    request: FastifyRequest,
  ): { values: EntryFormValues; draft: DirectoryDraft } | { values: EntryFormValues; error: FieldError } {
    const values = formFields(request.body);
    for (const [field, value] of Object.entries(values))
      if ([value].flat().some((text) => !isStorableText(text)))
        return { values, error: { field, message: request.t('knowledge.dir.problem.badText') } };
    const draft = readDirectoryForm(values, osloInstant);
    if ('field' in draft)
      return { values, error: { field: draft.field, message: translate(request.locale, `knowledge.dir.problem.${draft.problem}`) } };
    return { values, draft };
  }

  const refusal = (request: FastifyRequest, problem: DirectoryProblem) => ({
    status: STATUS[problem.kind].status,
    error: { field: STATUS[problem.kind].field, message: translate(request.locale, `knowledge.dir.problem.${problem.kind}`) },
  });

  app.get(`${EDITOR}/ny`, { config: { access: ADVISER } }, async (request, reply) =>
    renderEditor(reply, 200, undefined, { entry: 'scheme', language: request.locale, country: 'NO' }, []),
  );

  app.post(`${EDITOR}/ny`, { config: { access: ADVISER }, schema: { body: formBody } }, async (request, reply) => {
    const posted = readPosted(request);
    if ('error' in posted) return renderEditor(reply, 400, undefined, posted.values, [posted.error]);
    const added = await addEntry(db, posted.draft, actorOf(request));
    if (isRefused(added)) {
      const { status, error } = refusal(request, added.problem);
      return renderEditor(reply, status, undefined, posted.values, [error]);
    }
    return reply.redirect(`${DIRECTORY_PATHS[request.locale]}/${added}?lang=${request.locale}&saved=1`, 303);
  });

  app.get(`${EDITOR}/:slug/endre`, { config: { access: ADVISER }, schema: { params: slugParams } }, async (request, reply) => {
    const entry = await findEntryBySlug(db, (request.params as { slug: string }).slug);
    if (!entry) throw notFound();
    return renderEditor(reply, 200, entry.slug, formValuesOf(entry), []);
  });

  app.post(
    `${EDITOR}/:slug/endre`,
    { config: { access: ADVISER }, schema: { params: slugParams, body: formBody } },
    async (request, reply) => {
      const { slug } = request.params as { slug: string };
      if (!(await findEntryBySlug(db, slug))) throw notFound();
      const posted = readPosted(request);
      if ('error' in posted) return renderEditor(reply, 400, slug, posted.values, [posted.error]);
      const revised = await reviseEntry(db, slug, formVersion(request.body), posted.draft, actorOf(request));
      if (isRefused(revised)) {
        const { status, error } = refusal(request, revised.problem);
        return renderEditor(reply, status, slug, posted.values, [error]);
      }
      return reply.redirect(`${DIRECTORY_PATHS[request.locale]}/${slug}?lang=${request.locale}&saved=1`, 303);
    },
  );
}
