/**
 * Key figures (nøkkeltall): each a rate from summed numerators over summed denominators, so the
 * same definition gives a municipality's figure, a county's, the country's, a size class's and a
 * merged set's without ever averaging rates. Pure; the observations come from sources.ts.
 */

/** What a figure is made of, per municipality and year; a missing quantity is "not published". */
export const QUANTITIES = [
  'homeCare0to66',
  'homeCare67to79',
  'homeCare80plus',
  'homeCareAll',
  'institution0to66',
  'institution67to79',
  'institution80plus',
  'institutionAll',
  'nurseFte',
  'population0to66',
  'population67to79',
  'population80plus',
  'population',
  'populationChange',
  'populationBefore',
  'dkiWeightedPopulation',
  'dkiWeight',
  'projectedFte',
  'projectedWorkingAge',
  'projectedAged80plus',
] as const;
export type Quantity = (typeof QUANTITIES)[number];

export type Observation = Readonly<Partial<Record<Quantity, number>>>;
/** Municipality code → year → what was observed (or projected) for it that year. */
export type Observations = ReadonlyMap<string, ReadonlyMap<number, Observation>>;

export type Direction = 'higher-better' | 'lower-better' | 'different';
export type Unit = 'per1000InBand' | 'per1000Aged80' | 'ftePerUser' | 'index' | 'percent' | 'fteper1000WorkingAge' | 'personsPer80';
/** Which published table a figure comes from (see the `keyFigures.source.*` messages). */
export type Source = 'care' | 'careStaff' | 'dki' | 'population' | 'projection';

export interface MethodBreak {
  readonly from: number;
  readonly to: number;
  /** The `keyFigures.break.*` message that says what changed. */
  readonly reason: 'nurseFte' | 'band67to79' | 'institution0to66';
}

export interface KeyFigure {
  readonly key: string;
  readonly numerator: readonly Quantity[];
  readonly denominator: readonly Quantity[];
  /** 1 000 for "per 1 000", 100 for per cent. */
  readonly scale: number;
  readonly unit: Unit;
  readonly source: Source;
  readonly direction: Direction;
  readonly fractionDigits: number;
  readonly breaks: readonly MethodBreak[];
  /** Also computed for Denmark (only what rests on population totals). */
  readonly denmark: boolean;
}

const CARE_BANDS = [
  ['0-66', '0to66'],
  ['67-79', '67to79'],
  ['80', '80plus'],
] as const;

const bandBreaks = (band: string, kind: 'homeCare' | 'institution'): MethodBreak[] => {
  if (band === '67to79' && kind === 'homeCare') return [{ from: 2017, to: 2025, reason: 'band67to79' }];
  if (band === '0to66' && kind === 'institution') return [{ from: 2017, to: 2025, reason: 'institution0to66' }];
  return [];
};

const coverage = (kind: 'homeCare' | 'institution'): KeyFigure[] =>
  CARE_BANDS.map(([label, band]) => ({
    key: `${kind === 'homeCare' ? 'home-care' : 'institution'}-${label}`,
    numerator: [`${kind}${band}` as Quantity],
    denominator: [`population${band}` as Quantity],
    scale: 1000,
    unit: 'per1000InBand',
    source: 'care',
    direction: 'different',
    fractionDigits: 1,
    breaks: bandBreaks(band, kind),
    denmark: false,
  }));

export const KEY_FIGURES: readonly KeyFigure[] = [
  ...coverage('homeCare'),
  ...coverage('institution'),
  {
    key: 'care-users-per-80',
    numerator: ['homeCareAll', 'institutionAll'],
    denominator: ['population80plus'],
    scale: 1000,
    unit: 'per1000Aged80',
    source: 'care',
    direction: 'different',
    fractionDigits: 0,
    breaks: [],
    denmark: false,
  },
  {
    key: 'nurse-fte-per-user',
    numerator: ['nurseFte'],
    denominator: ['homeCareAll', 'institutionAll'],
    scale: 1,
    unit: 'ftePerUser',
    source: 'careStaff',
    direction: 'higher-better',
    fractionDigits: 3,
    breaks: [{ from: 2015, to: 2017, reason: 'nurseFte' }],
    denmark: false,
  },
  {
    key: 'dki',
    numerator: ['dkiWeightedPopulation'],
    denominator: ['dkiWeight'],
    scale: 1,
    unit: 'index',
    source: 'dki',
    direction: 'different',
    fractionDigits: 3,
    breaks: [],
    denmark: false,
  },
  {
    key: 'share-80',
    numerator: ['population80plus'],
    denominator: ['population'],
    scale: 100,
    unit: 'percent',
    source: 'population',
    direction: 'different',
    fractionDigits: 1,
    breaks: [],
    denmark: false,
  },
  {
    key: 'growth',
    numerator: ['populationChange'],
    denominator: ['populationBefore'],
    scale: 100,
    unit: 'percent',
    source: 'population',
    direction: 'different',
    fractionDigits: 2,
    breaks: [],
    denmark: true,
  },
  {
    key: 'staffing-need',
    numerator: ['projectedFte'],
    denominator: ['projectedWorkingAge'],
    scale: 1000,
    unit: 'fteper1000WorkingAge',
    source: 'projection',
    direction: 'lower-better',
    fractionDigits: 0,
    breaks: [],
    denmark: false,
  },
  {
    key: 'working-age-per-80',
    numerator: ['projectedWorkingAge'],
    denominator: ['projectedAged80plus'],
    scale: 1,
    unit: 'personsPer80',
    source: 'projection',
    direction: 'higher-better',
    fractionDigits: 1,
    breaks: [],
    denmark: false,
  },
];

export function keyFigure(key: string): KeyFigure | undefined {
  return KEY_FIGURES.find((f) => f.key === key);
}

/** A figure's parts summed over a set of municipalities in one year; `counted` says how many had it published. */
export interface FigureSum {
  readonly numerator: number;
  readonly denominator: number;
  readonly counted: number;
}

/** The sum of some quantities of one observation, NaN when one of them is not published. */
function partOf(observation: Observation | undefined, quantities: readonly Quantity[]): number {
  let sum = 0;
  for (const q of quantities) {
    const v = observation?.[q];
    if (v === undefined || !Number.isFinite(v)) return Number.NaN;
    sum += v;
  }
  return sum;
}

/** Municipalities where either part is not published are left out of both sums. */
export function figureSum(figure: KeyFigure, observations: Observations, codes: readonly string[], year: number): FigureSum {
  let numerator = 0;
  let denominator = 0;
  let counted = 0;
  for (const code of codes) {
    const observation = observations.get(code)?.get(year);
    const n = partOf(observation, figure.numerator);
    const d = partOf(observation, figure.denominator);
    if (Number.isNaN(n) || !(d > 0)) continue;
    numerator += n;
    denominator += d;
    counted++;
  }
  return { numerator, denominator, counted };
}

export function rateOf(figure: KeyFigure, sum: FigureSum): number | null {
  return sum.counted === 0 ? null : (figure.scale * sum.numerator) / sum.denominator;
}

export function figureValue(figure: KeyFigure, observations: Observations, codes: readonly string[], year: number): number | null {
  return rateOf(figure, figureSum(figure, observations, codes, year));
}

/** The years in which any municipality has the figure. */
export function figureYears(figure: KeyFigure, observations: Observations): number[] {
  const years = new Set<number>();
  for (const byYear of observations.values())
    for (const [year, observation] of byYear)
      if (!Number.isNaN(partOf(observation, figure.numerator)) && partOf(observation, figure.denominator) > 0) years.add(year);
  return [...years].sort((a, b) => a - b);
}

export function breakIn(figure: KeyFigure, year: number): MethodBreak | undefined {
  return figure.breaks.find((b) => year >= b.from && year <= b.to);
}

/** KOSTRA's size classes by inhabitants: under 5 000, 5 000–19 999, 20 000 and more. */
export const SIZE_CLASSES = ['small', 'medium', 'large'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

export function sizeClassOf(population: number): SizeClass {
  return population < 5000 ? 'small' : population < 20_000 ? 'medium' : 'large';
}

/** The latest year a municipality's population is observed, and that population. */
export function latestPopulation(observations: Observations, code: string): { year: number; persons: number } | undefined {
  const years = [...(observations.get(code)?.entries() ?? [])].filter(([, o]) => o.population !== undefined).sort(([a], [b]) => b - a);
  const [year, observation] = years[0] ?? [];
  return year === undefined ? undefined : { year, persons: observation!.population! };
}

/** A set of municipalities a figure is compared against. */
export interface ComparisonGroup {
  readonly codes: readonly string[];
}

export interface FigureSeries {
  readonly figure: KeyFigure;
  readonly years: readonly number[];
  /** One value per year for each group, in the groups' order; null where none of the group has it. */
  readonly values: readonly (readonly (number | null)[])[];
}

export function figureSeries(figure: KeyFigure, observations: Observations, groups: readonly ComparisonGroup[]): FigureSeries {
  const years = figureYears(figure, observations);
  return { figure, years, values: groups.map((g) => years.map((year) => figureValue(figure, observations, g.codes, year))) };
}

/** Year → population, as the population quantities with the change since the year before. */
export function populationObservations(totals: ReadonlyMap<number, number>): Map<number, Observation> {
  const byYear = new Map<number, Observation>();
  for (const [year, persons] of totals) {
    const before = totals.get(year - 1);
    byYear.set(
      year,
      before === undefined
        ? { population: persons }
        : { population: persons, populationBefore: before, populationChange: persons - before },
    );
  }
  return byYear;
}

/** Observations of the same municipalities from several sources, joined quantity by quantity. */
export function joinObservations(...sources: readonly Observations[]): Map<string, Map<number, Observation>> {
  const joined = new Map<string, Map<number, Observation>>();
  for (const source of sources)
    for (const [code, byYear] of source) {
      const target = joined.get(code) ?? new Map<number, Observation>();
      joined.set(code, target);
      for (const [year, observation] of byYear) target.set(year, { ...target.get(year), ...observation });
    }
  return joined;
}
