/**
 * The knowledge bank's changes, one function each, in one transaction with its audit entry:
 * write a case, rewrite it, mark it as a recommended example. The registry gives each
 * municipality its region and size class when the case is saved.
 */
import { recordAudit } from '../platform/audit/store.js';
import type { Queryable, Tx } from '../platform/db/database.js';
import type { Actor } from '../platform/db/kit.js';
import { inTransaction, refuse, versionConflict, type Refused, type VersionConflict } from '../platform/outcome.js';
import { findMunicipality, listRegions, populationTotals } from '../registry/index.js';
import { sizeClassOf, slugOf, type CaseDraft, type CaseMunicipality, type CaseOrigin, type MunicipalityFacts } from './model.js';
import { saveFile } from '../platform/files/store.js';
import type { UploadedFile } from '../platform/http/input.js';
import {
  caseOfOrigin,
  findCaseBySlug,
  insertAdoption,
  insertCase,
  insertCaseFile,
  setRecommended,
  slugsLike,
  updateCase,
  type NewAdoption,
} from './store.js';

export type KnowledgeProblem =
  | { kind: 'caseNotFound' }
  | { kind: 'unknownMunicipality'; code: string }
  | { kind: 'alreadyAdopted' }
  | { kind: 'ownCase' }
  /** The record already has its case (one case per project). */
  | { kind: 'alreadyMade'; slug: string }
  | VersionConflict;

type Outcome<T> = Promise<T | Refused<KnowledgeProblem>>;

const audit = (trx: Tx, actor: Actor, recordId: string, action: string, reason?: string) =>
  recordAudit(trx, {
    actor: actor.user,
    requestId: actor.requestId,
    recordType: 'knowledge_case',
    recordId,
    action,
    ...(reason ? { reason } : {}),
  });

/**
 * Each municipality's region and size class from the registry (its latest population year); a
 * code the registry does not know is refused when the registry has been loaded, and left without
 * facts when it has not (a test database, or a country not yet imported).
 */
async function registryFacts(db: Queryable, municipalities: readonly CaseMunicipality[]): Promise<MunicipalityFacts[] | KnowledgeProblem> {
  const regionNames = new Map<string, string>();
  for (const country of new Set(municipalities.map((m) => m.country)))
    for (const region of await listRegions(db, country)) regionNames.set(`${country}:${region.code}`, region.name);
  const facts: MunicipalityFacts[] = [];
  for (const m of municipalities) {
    const found = await findMunicipality(db, m.country, m.code);
    if (!found) {
      if (regionNames.size > 0) return { kind: 'unknownMunicipality', code: m.code };
      facts.push({ region: null, sizeClass: null });
      continue;
    }
    // A municipality since merged (Askim in Indre Østfold) keeps its region, but today's population is another unit's.
    const sameUnit = found.name.includes(m.name) || found.names.some((form) => form.name === m.name);
    const latest = sameUnit ? (await populationTotals(db, m.country, m.code)).at(-1) : undefined;
    facts.push({
      region: found.regionCode ? (regionNames.get(`${m.country}:${found.regionCode}`) ?? null) : null,
      sizeClass: latest ? sizeClassOf(latest.persons) : null,
    });
  }
  return facts;
}

async function freeSlug(db: Queryable, title: string): Promise<string> {
  const base = slugOf(title);
  // 'ny' is the editor's own address under the bank.
  const taken = new Set([...(await slugsLike(db, base)), 'ny']);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * Writes a new case and publishes it; returns its address (slug). A case made from another record
 * (a project) names it as its origin, and a record has one case: a second is refused with the
 * first's address.
 */
export function writeCase(
  db: Queryable,
  draft: CaseDraft,
  actor: Actor,
  options: { recommended?: boolean; organisationId?: string | null; origin?: CaseOrigin } = {},
): Outcome<string> {
  return inTransaction(db, async (trx) => {
    const made = options.origin ? await caseOfOrigin(trx, options.origin) : undefined;
    if (made) return refuse<KnowledgeProblem>({ kind: 'alreadyMade', slug: made.slug });
    const facts = await registryFacts(trx, draft.municipalities);
    if (!Array.isArray(facts)) return refuse(facts);
    const slug = await freeSlug(trx, draft.title);
    const id = await insertCase(trx, slug, draft, facts, { ...options, byName: actor.user?.name ?? null });
    // Only a case with an origin can meet another first: someone made the record's case meanwhile.
    if (!id) return refuse<KnowledgeProblem>({ kind: 'alreadyMade', slug: (await caseOfOrigin(trx, options.origin!))?.slug ?? '' });
    await audit(trx, actor, id, options.origin ? `create-from-${options.origin.kind}` : 'create', draft.title);
    return slug;
  });
}

/** Rewrites a case from the version the editor started from; a newer version is a conflict. */
export function reviseCase(db: Queryable, slug: string, baseVersion: number, draft: CaseDraft, actor: Actor): Outcome<string> {
  return inTransaction(db, async (trx) => {
    const current = await findCaseBySlug(trx, slug);
    if (!current) return refuse<KnowledgeProblem>({ kind: 'caseNotFound' });
    if (current.version !== baseVersion) return refuse(versionConflict(current.version, baseVersion, current.updatedByName));
    const facts = await registryFacts(trx, draft.municipalities);
    if (!Array.isArray(facts)) return refuse(facts);
    if (!(await updateCase(trx, current.id, baseVersion, draft, facts, actor.user?.name ?? null)))
      return refuse(versionConflict(baseVersion + 1, baseVersion));
    await audit(trx, actor, current.id, 'update', draft.title);
    return slug;
  });
}

/** Marks a case as one of the competence centre's recommended examples, or takes the mark away. */
export function recommendCase(db: Queryable, slug: string, baseVersion: number, recommended: boolean, actor: Actor): Outcome<void> {
  return inTransaction(db, async (trx) => {
    const current = await findCaseBySlug(trx, slug);
    if (!current) return refuse<KnowledgeProblem>({ kind: 'caseNotFound' });
    if (current.version !== baseVersion) return refuse(versionConflict(current.version, baseVersion, current.updatedByName));
    if (!(await setRecommended(trx, current.id, baseVersion, recommended, actor.user?.name ?? null)))
      return refuse(versionConflict(baseVersion + 1, baseVersion));
    await audit(trx, actor, current.id, recommended ? 'recommend' : 'unrecommend', current.title);
  });
}

/**
 * A municipality records that it adopted a case, and what it changed for its local conditions. A
 * municipality the case already names cannot adopt its own case; each adopts a case once.
 */
export function adoptCase(db: Queryable, slug: string, adoption: Omit<NewAdoption, 'caseId' | 'byName'>, actor: Actor): Outcome<void> {
  return inTransaction(db, async (trx) => {
    const item = await findCaseBySlug(trx, slug);
    if (!item) return refuse<KnowledgeProblem>({ kind: 'caseNotFound' });
    if (item.municipalities.some((m) => m.country === adoption.country && m.code === adoption.municipalityCode))
      return refuse<KnowledgeProblem>({ kind: 'ownCase' });
    if (!(await insertAdoption(trx, { ...adoption, caseId: item.id, byName: actor.user?.name ?? null })))
      return refuse<KnowledgeProblem>({ kind: 'alreadyAdopted' });
    await audit(trx, actor, item.id, 'adopt', adoption.municipalityName);
  });
}

/** Adds a file (a report, a photo) to a case: stored and listed in one transaction, audited. */
export function attachFile(db: Queryable, slug: string, file: UploadedFile, actor: Actor): Outcome<void> {
  return inTransaction(db, async (trx) => {
    const item = await findCaseBySlug(trx, slug);
    if (!item) return refuse<KnowledgeProblem>({ kind: 'caseNotFound' });
    const fileId = await saveFile(trx, { ...file, uploadedBy: actor.user?.userId ?? null });
    await insertCaseFile(trx, {
      caseId: item.id,
      fileId,
      name: file.name,
      contentType: file.contentType,
      sizeBytes: file.content.length,
      byName: actor.user?.name ?? null,
    });
    await audit(trx, actor, item.id, 'attach-file', file.name);
  });
}
