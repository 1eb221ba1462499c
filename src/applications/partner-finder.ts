/**
 * The partner finder's sources: neighbours from the registry's boundaries (municipalities sharing
 * a stretch of boundary), the lead's county or region from the registry, and municipalities whose
 * projected change of persons 20–66 per person 80+ to 2040 (main scenario) is nearest the
 * network's own, from the projections. The model ranks them and judges each against the call's rules.
 */
import type { Queryable } from '../platform/db/database.js';
import {
  answeredSections,
  type Answers,
  type EligibilityRule,
  type FormDefinition,
  type MemberContext,
  membersFromRegistry,
} from '../programmes/index.js';
import { COMPARISON_YEAR } from '../projections/index.js';
import type { ProjectionService } from '../projections/index.js';
import type { Country } from '../registry/index.js';
import { readDanishMunicipalityBoundaries, readNorwegianMunicipalityBoundaries } from '../registry/index.js';
import { listMunicipalities, listRegions } from '../registry/index.js';
import { workingAgeChange } from './challenge.js';
import type { Member } from './model.js';
import { mergeCandidates, nearestChanges, suggestPartners, type PartnerReason, type PartnerSuggestion } from './partners.js';
import { invitationWorkflow } from './workflows.js';

/** How many municipalities with a similar projected challenge are suggested. */
export const SIMILAR_COUNT = 5;
/** How many suggestions are shown. */
export const SUGGESTION_LIMIT = 15;

const neighbourLists = new Map<Country, ReadonlyMap<string, readonly string[]>>();

/** Municipalities sharing a boundary, from the shipped map data (read once per process). */
export function neighboursIn(country: Country): ReadonlyMap<string, readonly string[]> {
  let lists = neighbourLists.get(country);
  if (!lists)
    neighbourLists.set(
      country,
      (lists = (country === 'NO' ? readNorwegianMunicipalityBoundaries() : readDanishMunicipalityBoundaries()).neighbours),
    );
  return lists;
}

export interface PartnerSearch {
  country: Country;
  rules: readonly EligibilityRule[];
  form: FormDefinition;
  leadCode: string;
  /** The network; a decision left undefined is not known yet (the public check). */
  members: readonly (Pick<Member, 'code' | 'name' | 'invitation'> & { decision?: Member['decision'] })[];
  /** The application's answers; undefined before an application exists. */
  answers?: Answers;
}

/** Suggested partners with why, each judged by every rule of the call with the partner added. */
export async function findPartners(
  db: Queryable,
  projections: ProjectionService | undefined,
  search: PartnerSearch,
): Promise<PartnerSuggestion[]> {
  const municipalities = await listMunicipalities(db, search.country);
  const current = new Map(municipalities.map((m) => [m.code, m]));
  const active = search.members.filter((m) => m.invitation === 'accepted');
  const taken = new Set(search.members.filter((m) => invitationWorkflow.isIn('involved', m.invitation)).map((m) => m.code));
  const found: { code: string; reason: PartnerReason }[] = [];

  const neighbours = neighboursIn(search.country);
  const neighbourOf = new Map<string, string[]>();
  for (const member of active)
    for (const code of neighbours.get(member.code) ?? []) neighbourOf.set(code, [...(neighbourOf.get(code) ?? []), member.name]);
  for (const [code, of] of neighbourOf) found.push({ code, reason: { kind: 'neighbour', of } });

  const regionCode = current.get(search.leadCode)?.regionCode;
  const region = (await listRegions(db, search.country)).find((r) => r.code === regionCode);
  if (region)
    for (const m of municipalities)
      if (m.regionCode === region.code) found.push({ code: m.code, reason: { kind: 'region', region: region.name } });

  found.push(...(await similarChallenges(projections, search.country, active, taken)));

  const candidates = mergeCandidates(found.filter((f) => current.has(f.code) && !taken.has(f.code)));
  const { members: known } = await membersFromRegistry(db, search.country, [...active.map((m) => m.code), ...candidates.keys()]);
  const byCode = new Map(known.map((m) => [m.code, m]));
  const network: MemberContext[] = active.flatMap((m) => {
    const context = byCode.get(m.code);
    const decision = m.decision === undefined ? undefined : m.decision ? { body: m.decision.body, date: m.decision.date } : null;
    return context ? [{ ...context, decision }] : [];
  });
  const ranked = suggestPartners(
    search.rules,
    network,
    [...candidates].flatMap(([code, reasons]) => (byCode.has(code) ? [{ member: byCode.get(code)!, reasons }] : [])),
    search.answers ? answeredSections(search.form, search.answers) : undefined,
  );
  return ranked.slice(0, SUGGESTION_LIMIT);
}

/** Municipalities whose projected 20–66 per 80+ changes most like the network's own (Norway only: Denmark has no projection yet). */
async function similarChallenges(
  projections: ProjectionService | undefined,
  country: Country,
  active: readonly { code: string }[],
  taken: ReadonlySet<string>,
): Promise<{ code: string; reason: PartnerReason }[]> {
  if (!projections || country !== 'NO' || active.length === 0) return [];
  const directory = await projections.directory();
  const codes = active.map((m) => m.code).filter((code) => directory.municipality(code));
  if (codes.length === 0) return [];
  const own = workingAgeChange(await projections.figures({ codes, scenario: 'main', adjustments: {} }), COMPARISON_YEAR);
  const all = await projections.allMunicipalities('main');
  const changes = new Map([...all].map(([code, figures]) => [code, workingAgeChange(figures, COMPARISON_YEAR)] as const));
  const baseYear = await projections.baseYear();
  return nearestChanges(own.change, new Map([...changes].map(([code, c]) => [code, c.change])), taken, SIMILAR_COUNT).map((code) => {
    const c = changes.get(code)!;
    return {
      code,
      reason: { kind: 'similar', measure: { baseYear, year: COMPARISON_YEAR, from: c.from, to: c.to, change: c.change, own: own.change } },
    };
  });
}
