/**
 * The projected challenge of a network, pure: a projected-challenge part's indicator read from the
 * projections' figures in the base year and the horizon year, for each member and for the network
 * projected as one.
 */
import type { FormPart } from '../programmes/index.js';
import { AGE_GROUPS, figuresIn, percentChange, type AreaFigures, type YearFigures } from '../projections/index.js';

export type ChallengeIndicator = Extract<FormPart, { kind: 'projected-challenge' }>['indicator'];

/** One area's value of the indicator in the base year and the horizon year. */
export interface ChallengeArea {
  /** A member's name, or null for the network projected as one. */
  name: string | null;
  codes: string[];
  base: number;
  horizon: number;
}

/**
 * A projected-challenge part's figures: each member's own and, for a network, the network's
 * projected as one, with the scenario and base year they come from. Copied into the submitted
 * version so the receipt keeps the figures as they were.
 */
export interface ProjectedChallenge {
  part: string;
  indicator: ChallengeIndicator;
  scenario: 'main';
  baseYear: number;
  horizonYear: number;
  areas: ChallengeArea[];
  /** Members the projections do not cover (Danish municipalities have no projection yet). */
  missing: string[];
}

/** The indicator in one projected year: persons aged 80+, persons 20–66 per person 80+, or the population. */
export function challengeValue(year: YearFigures, indicator: ChallengeIndicator): number {
  switch (indicator) {
    case 'age-80-plus':
      return AGE_GROUPS.reduce((sum, [from], i) => (from >= 80 ? sum + year.ageGroups[i]! : sum), 0);
    case 'working-age-per-elderly':
      return year.workingAgePer80Plus;
    case 'population':
      return year.total;
  }
}

/** The part's horizon within the projection's years. */
export function horizonWithin(figures: AreaFigures, horizonYear: number): number {
  return Math.min(Math.max(horizonYear, figures.baseYear), figures.endYear);
}

export function challengeArea(
  name: string | null,
  codes: string[],
  figures: AreaFigures,
  indicator: ChallengeIndicator,
  horizonYear: number,
): ChallengeArea {
  return {
    name,
    codes,
    base: challengeValue(figuresIn(figures, figures.baseYear), indicator),
    horizon: challengeValue(figuresIn(figures, horizonWithin(figures, horizonYear)), indicator),
  };
}

/** The projected change of persons 20–66 per person 80+ from the base year to `year`, in per cent. */
export function workingAgeChange(figures: AreaFigures, year: number): { from: number; to: number; change: number } {
  const from = figuresIn(figures, figures.baseYear).workingAgePer80Plus;
  const to = figuresIn(figures, horizonWithin(figures, year)).workingAgePer80Plus;
  return { from, to, change: percentChange(from, to) };
}
