/**
 * The few plain sentences at the top of a municipality page, from its figures: persons of
 * working age per person over 80 then and now, the change in care årsverk, the population, and
 * the rank. The facts are pure numbers; the sentences are them written out in a language.
 */
import { formatNumber, type Locale, type Translate } from '../../platform/i18n/index.js';
import { careFte, figuresIn, percentChange, type AreaFigures } from '../engine/figures.js';
import type { Rank } from '../engine/indicators.js';

export interface HeadlineFacts {
  readonly year: number;
  readonly workingAgePer80Plus: { readonly today: number; readonly future: number };
  /** Per cent change in care årsverk (home services and institutions) from the base year. */
  readonly careChange: number;
  readonly population: { readonly today: number; readonly future: number; readonly change: number };
  /** Rank on persons 20–66 per person 80+ in `year`, when the area is one municipality. */
  readonly rank?: { readonly all: Rank; readonly county: Rank };
}

export function headlineFacts(figures: AreaFigures, year: number, rank?: HeadlineFacts['rank']): HeadlineFacts {
  const today = figuresIn(figures, figures.baseYear);
  const future = figuresIn(figures, year);
  return {
    year,
    workingAgePer80Plus: { today: today.workingAgePer80Plus, future: future.workingAgePer80Plus },
    careChange: percentChange(careFte(today), careFte(future)),
    population: { today: today.total, future: future.total, change: percentChange(today.total, future.total) },
    ...(rank ? { rank } : {}),
  };
}

/** The facts as sentences in the reader's language, numbers formatted for it. */
export function headlineSentences(facts: HeadlineFacts, name: string, locale: Locale, t: Translate): string[] {
  const n = (value: number, digits = 0) => formatNumber(locale, value, digits);
  const { year } = facts;
  const sentences = [
    t('kommune.headline.ratio', {
      year,
      name,
      future: n(facts.workingAgePer80Plus.future, 1),
      today: n(facts.workingAgePer80Plus.today, 1),
    }),
    t(facts.careChange >= 0 ? 'kommune.headline.care.more' : 'kommune.headline.care.fewer', {
      percent: n(Math.abs(facts.careChange)),
      year,
    }),
    t(facts.population.change >= 0 ? 'kommune.headline.population.grow' : 'kommune.headline.population.shrink', {
      today: n(facts.population.today),
      future: n(facts.population.future),
      year,
      percent: signed(n(facts.population.change, 1), facts.population.change),
    }),
  ];
  if (facts.rank) {
    const { all, county } = facts.rank;
    sentences.push(t('kommune.headline.rank', { year, name, rank: all.rank, of: all.of, countyRank: county.rank, countyOf: county.of }));
  }
  return sentences;
}

function signed(formatted: string, value: number): string {
  return value > 0 ? `+${formatted}` : formatted.replace('-', '−');
}
