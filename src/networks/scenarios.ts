/**
 * Municipal structure (kommunestruktur), pure: a named set of municipalities viewed as one, the
 * sets seed 001 names as considering a merger in 2004 mapped to today's municipalities (with what
 * has happened since), what the boundaries and counties say of a set, and which cooperations its
 * members already share.
 */
import { currentCodes, nameKey, type CodeChange } from './cooperations.js';

/** A scenario needs at least two municipalities, and is kept to a size a page and a PDF can show. */
export const MIN_SCENARIO_MEMBERS = 2;
export const MAX_SCENARIO_MEMBERS = 30;

/**
 * Seed 001 (the state secretary's talk, 2004): "Kommuner som vurderer sammenslutning", with the
 * municipality numbers they had then.
 */
export const SEED_YEAR = 2004;
export const DEMO_SCENARIOS = [
  {
    slug: 'valdres',
    named: [
      ['0540', 'Sør-Aurdal'],
      ['0542', 'Nord-Aurdal'],
      ['0544', 'Øystre Slidre'],
      ['0543', 'Vestre Slidre'],
    ],
  },
  {
    slug: 'gol-hemsedal',
    named: [
      ['0617', 'Gol'],
      ['0618', 'Hemsedal'],
    ],
  },
  {
    slug: 'kristiansund-frei',
    named: [
      ['1503', 'Kristiansund'],
      ['1556', 'Frei'],
    ],
  },
  {
    slug: 'aure-tustna',
    named: [
      ['1569', 'Aure'],
      ['1572', 'Tustna'],
    ],
  },
  {
    slug: 'salten',
    named: [
      ['1839', 'Beiarn'],
      ['1804', 'Bodø'],
      ['1841', 'Fauske'],
      ['1838', 'Gildeskål'],
      ['1849', 'Hamarøy'],
      ['1837', 'Meløy'],
      ['1840', 'Saltdal'],
      ['1848', 'Steigen'],
      ['1845', 'Sørfold'],
    ],
  },
  {
    slug: 'harstad-bjarkoy',
    named: [
      ['1901', 'Harstad'],
      ['1915', 'Bjarkøy'],
    ],
  },
  {
    slug: 'lebesby-gamvik',
    named: [
      ['2022', 'Lebesby'],
      ['2023', 'Gamvik'],
    ],
  },
] as const satisfies readonly { slug: string; named: readonly (readonly [string, string])[] }[];

export type DemoSlug = (typeof DEMO_SCENARIOS)[number]['slug'];

export interface Named {
  readonly code: string;
  readonly name: string;
}

/** What has happened to the set since: its members merged with each other, or took in a municipality outside it. */
export type SinceNote =
  | { readonly kind: 'mergedTogether'; readonly names: readonly string[]; readonly into: string; readonly year: number }
  | { readonly kind: 'tookIn'; readonly member: string; readonly others: readonly string[]; readonly year: number };

export interface ThenAndNow {
  readonly before: readonly Named[];
  /** Today's municipalities, in the order the set named them, each once. */
  readonly now: readonly Named[];
  /** Members of then that no municipality of today continues. */
  readonly lost: readonly Named[];
  readonly notes: readonly SinceNote[];
}

const yearOf = (date: string) => Number(date.slice(0, 4));

/** The codes a municipality has had, with the date each took effect (the first from the start). */
function history(code: string, today: ReadonlySet<string>, changes: readonly CodeChange[]): { code: string; from: string }[] {
  const steps = [{ code, from: '0000' }];
  let at = { code, from: '0000' };
  while (!today.has(at.code)) {
    const next = changes
      .filter((c) => c.oldCode === at.code && c.changeOccurred > at.from && c.newCode !== at.code)
      .sort((a, b) => a.changeOccurred.localeCompare(b.changeOccurred))[0];
    if (!next) break;
    at = { code: next.newCode, from: next.changeOccurred };
    steps.push(at);
  }
  return steps;
}

/** A set of municipalities as numbered then, mapped to today's through the registry's code changes. */
export function thenAndNow(
  then: readonly Named[],
  today: ReadonlyMap<string, string>,
  changes: readonly CodeChange[],
  since = `${SEED_YEAR}-01-01`,
): ThenAndNow {
  const codes = new Set(today.keys());
  const now: Named[] = [];
  const lost: Named[] = [];
  const groups = new Map<string, Named[]>();
  for (const member of then) {
    const found = currentCodes(member.code, codes, changes);
    if (found.length !== 1) {
      lost.push(member);
      continue;
    }
    const code = found[0]!;
    if (!groups.has(code)) now.push({ code, name: today.get(code)! });
    groups.set(code, [...(groups.get(code) ?? []), member]);
  }
  const notes: SinceNote[] = [];
  const memberCodes = new Set(then.map((m) => m.code));
  for (const [code, group] of groups) {
    const histories = group.map((m) => history(m.code, codes, changes));
    if (group.length > 1) {
      // They merged when the last of them came onto the first number they all came to share.
      const common = histories[0]!.find((s) => histories.every((h) => h.some((x) => x.code === s.code)))!;
      const year = Math.max(...histories.map((h) => yearOf(h.find((x) => x.code === common.code)!.from)));
      notes.push({ kind: 'mergedTogether', names: group.map((m) => m.name), into: today.get(code)!, year });
    }
    const path = new Set(histories.flatMap((h) => h.map((s) => s.code)));
    const seen = new Set<string>();
    for (const into of path) {
      const others = changes.filter(
        (c) => c.newCode === into && c.changeOccurred > since && !path.has(c.oldCode) && !memberCodes.has(c.oldCode),
      );
      for (const date of new Set(others.map((c) => c.changeOccurred))) {
        const names = [...new Set(others.filter((c) => c.changeOccurred === date).map((c) => c.oldName))];
        const key = `${date}|${names.join()}`;
        if (seen.has(key)) continue;
        seen.add(key);
        notes.push({ kind: 'tookIn', member: today.get(code)!, others: names, year: yearOf(date) });
      }
    }
  }
  return { before: then, now, lost, notes };
}

export interface ScenarioDraft {
  readonly name: string;
  readonly codes: readonly string[];
}

export type ScenarioDraftProblem =
  | { field: 'name'; code: 'required' | 'tooLong' }
  | { field: 'municipalities'; code: 'tooFew' | 'tooMany' | 'otherCountry' }
  | { field: 'municipalities'; code: 'unknownName'; name: string };

/**
 * A scenario as people write it: a name and the municipalities' names separated by commas or new
 * lines, matched against today's municipalities of one country; or what is wrong with it.
 */
export function checkScenario(
  input: { name: string; municipalities: string },
  places: readonly (Named & { country: 'NO' | 'DK' })[],
): ScenarioDraft | ScenarioDraftProblem[] {
  const problems: ScenarioDraftProblem[] = [];
  const name = input.name.trim();
  if (name === '') problems.push({ field: 'name', code: 'required' });
  else if (name.length > 200) problems.push({ field: 'name', code: 'tooLong' });
  const byName = new Map<string, (typeof places)[number]>();
  for (const place of places) if (!byName.has(nameKey(place.name))) byName.set(nameKey(place.name), place);
  const chosen: (typeof places)[number][] = [];
  const written = input.municipalities
    .split(/[,\n;]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, MAX_SCENARIO_MEMBERS * 2);
  for (const part of written) {
    const place = byName.get(nameKey(part));
    if (!place) problems.push({ field: 'municipalities', code: 'unknownName', name: part.slice(0, 100) });
    else if (!chosen.includes(place)) chosen.push(place);
  }
  if (chosen.length < MIN_SCENARIO_MEMBERS) problems.push({ field: 'municipalities', code: 'tooFew' });
  else if (chosen.length > MAX_SCENARIO_MEMBERS) problems.push({ field: 'municipalities', code: 'tooMany' });
  else if (new Set(chosen.map((p) => p.country)).size > 1) problems.push({ field: 'municipalities', code: 'otherCountry' });
  return problems.length > 0 ? problems : { name, codes: chosen.map((p) => p.code) };
}

export interface Geography {
  /** Pairs of members that share a stretch of boundary. */
  readonly sharedBoundaries: readonly (readonly [string, string])[];
  /** Whether one can go from every member to every other across shared boundaries within the set. */
  readonly contiguous: boolean;
  /** The counties (or Danish regions) of the members, each once. */
  readonly regions: readonly string[];
}

export function geographyOf(
  codes: readonly string[],
  neighbours: ReadonlyMap<string, readonly string[]>,
  regionOf: (code: string) => string,
): Geography {
  const inSet = new Set(codes);
  const sharedBoundaries: [string, string][] = [];
  for (const [i, a] of codes.entries())
    for (const b of codes.slice(i + 1)) if (neighbours.get(a)?.includes(b) || neighbours.get(b)?.includes(a)) sharedBoundaries.push([a, b]);
  const reached = new Set(codes.slice(0, 1));
  const queue = [...reached];
  while (queue.length > 0) {
    const at = queue.pop()!;
    for (const [a, b] of sharedBoundaries) {
      const other = a === at ? b : b === at ? a : undefined;
      if (other && inSet.has(other) && !reached.has(other)) {
        reached.add(other);
        queue.push(other);
      }
    }
  }
  return { sharedBoundaries, contiguous: reached.size === inSet.size, regions: [...new Set(codes.map(regionOf))] };
}

/** The cooperations at least two of the set's members share, with only those members named. */
export function cooperationsAmong<C extends { members: readonly Named[] }>(cooperations: readonly C[], codes: readonly string[]): C[] {
  const inSet = new Set(codes);
  return cooperations.map((c) => ({ ...c, members: c.members.filter((m) => inSet.has(m.code)) })).filter((c) => c.members.length >= 2);
}
