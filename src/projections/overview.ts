/**
 * From a request's input to what a page or the API shows: the outlook of an area, its headline
 * sentences and its ranks. The routes parse and delegate here; nothing here knows HTTP.
 */
import type { Locale, Translate } from '../platform/i18n/index.js';
import { COMPARISON_YEAR, type AreaFigures } from './figures.js';
import { headlineFacts, headlineSentences, type HeadlineFacts } from './headline.js';
import { indicatorValue, rankAmong, type Indicator } from './indicators.js';
import type { Directory, Outlook, ProjectionService, ScenarioChoice } from './service.js';

export const RANK_INDICATOR: Indicator = 'workingAgePer80Plus';

export class YearOutOfRangeError extends Error {}

/** The pyramid's year: the one asked for, or 2040; it must lie after the base year. */
export function chosenYear(figures: AreaFigures, asked: number | undefined): number {
  const year = asked ?? Math.min(COMPARISON_YEAR, figures.endYear);
  if (year <= figures.baseYear || year > figures.endYear) throw new YearOutOfRangeError(`year must be within ${figures.baseYear + 1}–${figures.endYear}`);
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
): Promise<NonNullable<HeadlineFacts['rank']>> {
  const year = headlineYear(own);
  const all = await service.allMunicipalities(choice.scenario);
  const value = indicatorValue(own, RANK_INDICATOR, year);
  const valueOf = (c: string) => (c === code ? value : indicatorValue(all.get(c)!, RANK_INDICATOR, year));
  const county = directory.municipality(code)!.countyCode;
  return {
    all: rankAmong(value, directory.municipalities.map((m) => valueOf(m.code)))!,
    county: rankAmong(value, directory.municipalitiesIn(county).map((m) => valueOf(m.code)))!,
  };
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
      band: { low: { total: low.years[k]!.total, ageGroups: low.years[k]!.ageGroups }, high: { total: high.years[k]!.total, ageGroups: high.years[k]!.ageGroups } },
    })),
  };
}
