/**
 * From a request's input to what a page or the API shows: the outlook of an area, its headline
 * sentences and its ranks. The routes parse and delegate here; nothing here knows HTTP.
 */
import type { Locale, Translate } from '../../platform/i18n/index.js';
import { COMPARISON_YEAR, type AreaFigures } from '../engine/figures.js';
import { headlineFacts, headlineSentences, type HeadlineFacts } from './headline.js';
import type { ChartData } from '../../platform/ui/charts/data.js';
import { indicatorChart } from './comparison.js';
import {
  INDICATOR_DIGITS,
  indicatorValue,
  rankAmong,
  sortRows,
  type Indicator,
  type SortKey,
  type SortOrder,
} from '../engine/indicators.js';
import { formatNumber } from '../../platform/i18n/index.js';
import type { ScenarioName } from '../engine/model.js';
import type { Directory, Outlook, ProjectionService, ScenarioChoice } from './service.js';

export const RANK_INDICATOR: Indicator = 'workingAgePer80Plus';

export class YearOutOfRangeError extends Error {}

/** The pyramid's year: the one asked for, or 2040; it must lie after the base year. */
export function chosenYear(figures: AreaFigures, asked: number | undefined): number {
  const year = asked ?? Math.min(COMPARISON_YEAR, figures.endYear);
  if (year <= figures.baseYear || year > figures.endYear)
    throw new YearOutOfRangeError(`year must be within ${figures.baseYear + 1}–${figures.endYear}`);
  return year;
}

/** The year the headline compares today with. */
export function headlineYear(figures: AreaFigures): number {
  return Math.min(COMPARISON_YEAR, figures.endYear);
}

/** A municipality's rank on persons 20–66 per 80+ in the headline year, among all and in its county. */
export async function municipalityRanks(
  service: ProjectionService,
  directory: Directory,
  code: string,
  own: AreaFigures,
  choice: ScenarioChoice,
): Promise<HeadlineFacts['rank']> {
  const year = headlineYear(own);
  const every = await service.allMunicipalities(choice.scenario);
  const value = indicatorValue(own, RANK_INDICATOR, year);
  const valueIn = (c: string) => (c === code ? value : indicatorValue(every.get(c)!, RANK_INDICATOR, year));
  const county = directory.municipality(code)!.countyCode;
  const all = rankAmong(
    value,
    directory.municipalities.map((m) => valueIn(m.code)),
  );
  const inCounty = rankAmong(
    value,
    directory.municipalitiesIn(county).map((m) => valueIn(m.code)),
  );
  // An area with nobody over 80 left in the scenario has no ratio to rank.
  return all && inCounty ? { all, county: inCounty } : undefined;
}

export function sentencesFor(outlook: Outlook, name: string, locale: Locale, t: Translate, rank?: HeadlineFacts['rank']): string[] {
  return headlineSentences(headlineFacts(outlook.selected, headlineYear(outlook.selected), rank), name, locale, t);
}

/** The figures as the API gives them: plain numbers, years in order, the band beside each year. */
export function outlookJson(outlook: Outlook, codes: readonly string[], choice: ScenarioChoice) {
  const { selected, low, high } = outlook;
  return {
    codes,
    scenario: choice.scenario,
    adjustments: choice.adjustments,
    baseYear: selected.baseYear,
    endYear: selected.endYear,
    years: selected.years.map((y, k) => ({
      ...y,
      band: {
        low: { total: low.years[k]!.total, ageGroups: low.years[k]!.ageGroups },
        high: { total: high.years[k]!.total, ageGroups: high.years[k]!.ageGroups },
      },
    })),
  };
}

export function indicatorLabel(t: Translate, indicator: Indicator, baseYear: number): string {
  return indicator === 'growth' ? t('kommune.indicator.growth', { baseYear }) : t(`kommune.indicator.${indicator}`);
}

export interface IndicatorViewQuery {
  indicator?: Indicator;
  year?: number;
  scenario?: ScenarioName;
  sort?: SortKey;
  order?: SortOrder;
}

export interface IndicatorView {
  indicator: Indicator;
  year: number;
  years: number[];
  baseYear: number;
  sort: SortKey;
  order: SortOrder;
  /** code → value, for the map. */
  values: ReadonlyMap<string, number>;
  table: ChartData;
  /** The map's text alternative: lowest, highest and median. */
  summary: string;
}

/** One indicator in one year for every municipality: the map's values, its summary and its sorted table. */
export async function indicatorView(
  service: ProjectionService,
  t: Translate,
  locale: Locale,
  query: IndicatorViewQuery,
): Promise<IndicatorView> {
  const indicator = query.indicator ?? RANK_INDICATOR;
  const directory = await service.directory();
  const all = await service.allMunicipalities(query.scenario ?? 'main');
  const some = all.values().next().value;
  if (!some) throw new YearOutOfRangeError('no municipalities');
  const year = query.year ?? headlineYear(some);
  if (year < some.baseYear || year > some.endYear) throw new YearOutOfRangeError(`year must be within ${some.baseYear}–${some.endYear}`);
  const sort = query.sort ?? 'value';
  const order = query.order ?? (query.sort ? 'asc' : 'desc');
  const rows = directory.municipalities.map((m) => ({
    code: m.code,
    name: m.name,
    countyCode: m.countyCode,
    countyName: directory.county(m.countyCode)?.name ?? m.countyCode,
    value: indicatorValue(all.get(m.code)!, indicator, year),
  }));
  const label = indicatorLabel(t, indicator, some.baseYear);
  const finite = sortRows(
    rows.filter((r) => Number.isFinite(r.value)),
    'value',
    'asc',
    locale,
  );
  const digits = INDICATOR_DIGITS[indicator];
  const n = (v: number) => formatNumber(locale, v, digits);
  const lowest = finite[0]!;
  const highest = finite[finite.length - 1]!;
  return {
    indicator,
    year,
    years: some.years.map((y) => y.year),
    baseYear: some.baseYear,
    sort,
    order,
    values: new Map(rows.map((r) => [r.code, r.value])),
    table: indicatorChart(sortRows(rows, sort, order, locale), indicator, { title: `${label}, ${year}`, indicator: label }, t),
    summary: t('kommune.map.summary', {
      indicator: label,
      year,
      lowName: lowest.name,
      low: n(lowest.value),
      highName: highest.name,
      high: n(highest.value),
      median: n(finite[Math.floor(finite.length / 2)]!.value),
    }),
  };
}
