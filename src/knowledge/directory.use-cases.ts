/**
 * The directory's use cases: an adviser adds or revises an actor or a scheme (one transaction with
 * its audit entry, a version check on revision), and anyone searches the directory, where the
 * platform's own open calls stand among the grant schemes without anyone keeping them there.
 */
import { recordAudit } from '../platform/audit/store.js';
import type { Queryable, Tx } from '../platform/db/database.js';
import type { Actor } from '../platform/db/kit.js';
import { inTransaction, refuse, versionConflict, type Refused, type VersionConflict } from '../platform/outcome.js';
import { listOpenCalls } from '../programmes/index.js';
import { listRegions } from '../registry/index.js';
import { facetAndPage, type DirectoryDraft, type DirectoryEntry, type DirectoryResult, type DirectorySearch } from './directory.js';
import { entrySlugsLike, findEntryBySlug, insertEntry, searchDirectory, updateEntry } from './directory.store.js';
import { slugOf } from './model.js';

export type DirectoryProblem = { kind: 'entryNotFound' } | { kind: 'unknownRegion' } | VersionConflict;
type Outcome<T> = Promise<T | Refused<DirectoryProblem>>;

/** A region must be one of the registry's counties or regions of the entry's country (when the registry is loaded). */
async function regionProblem(db: Queryable, draft: DirectoryDraft): Promise<Refused<DirectoryProblem> | undefined> {
  if (draft.region === null) return undefined;
  const regions = await listRegions(db, draft.country);
  return regions.length > 0 && !regions.some((r) => r.name === draft.region) ? refuse({ kind: 'unknownRegion' }) : undefined;
}

const audit = (trx: Tx, actor: Actor, recordId: string, action: 'create' | 'update') =>
  recordAudit(trx, { actor: actor.user, requestId: actor.requestId, recordType: 'knowledge_directory', recordId, action });

/** An adviser adds an actor or a scheme; returns its address (slug). */
export function addEntry(db: Queryable, draft: DirectoryDraft, actor: Actor): Outcome<string> {
  return inTransaction(db, async (trx) => {
    const problem = await regionProblem(trx, draft);
    if (problem) return problem;
    const base = slugOf(draft.name);
    // 'ny' is the editor's own address in the directory.
    const taken = new Set([...(await entrySlugsLike(trx, base)), 'ny']);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    const id = await insertEntry(trx, slug, draft, actor.user?.name ?? null);
    await audit(trx, actor, id, 'create');
    return slug;
  });
}

/** An adviser rewrites an entry as it was at `baseVersion`; refused (409) when someone changed it first. */
export function reviseEntry(db: Queryable, slug: string, baseVersion: number, draft: DirectoryDraft, actor: Actor): Outcome<void> {
  return inTransaction(db, async (trx) => {
    const entry = await findEntryBySlug(trx, slug);
    if (!entry) return refuse({ kind: 'entryNotFound' });
    if (entry.version !== baseVersion) return refuse(versionConflict(entry.version, baseVersion));
    const problem = await regionProblem(trx, draft);
    if (problem) return problem;
    if (!(await updateEntry(trx, entry.id, baseVersion, draft, actor.user?.name ?? null)))
      return refuse(versionConflict(baseVersion + 1, baseVersion));
    await audit(trx, actor, entry.id, 'update');
  });
}

/**
 * The directory searched: the stored actors and schemes and the platform's calls open at `now`,
 * ranked together by the bank's search (without a query: the open calls first, soonest deadline
 * first, then every entry by name), filtered by the facets and paged.
 */
export async function findInDirectory(db: Queryable, search: DirectorySearch, now: Date): Promise<DirectoryResult> {
  const calls: DirectoryEntry[] = (await listOpenCalls(db, now)).map((call) => ({
    slug: call.id,
    href: call.path,
    own: true,
    version: 0,
    entry: 'scheme',
    kind: null,
    language: call.language,
    name: call.title,
    description: call.purpose,
    country: call.country,
    region: null,
    themes: [],
    web: null,
    email: null,
    phone: null,
    runner: call.ownerName,
    deadline: call.deadline,
    eligible: '',
    source: call.programmeName,
  }));
  const found = await searchDirectory(
    db,
    search.q,
    calls.map((c) => ({ text: [c.name, c.description, c.runner, c.source].join(' '), language: c.language })),
  );
  const ranked = [...found.calls.map(({ item, rank }) => ({ item: calls[item]!, rank })), ...found.entries];
  // A stable sort: without a query every rank is 0 and the calls stay ahead of the entries.
  ranked.sort((a, b) => b.rank - a.rank);
  return facetAndPage(
    ranked.map((r) => r.item),
    search,
  );
}
