/**
 * The scenario panel as URL parameters: the same names in the pages, the downloads and the API,
 * so that an adjusted scenario has a URL that can be shared. Fixed ranges are enforced by the route
 * schemas (a value outside them is a 400) and mirrored by the form's min/max; extra migration is
 * bounded by the area's own population (`migrationRange`), checked once the area is known.
 */
import { formatNumber, type Locale } from '../../platform/i18n/index.js';
import type { Adjustments, ScenarioName } from '../engine/model.js';
import { SCENARIOS } from '../engine/model.js';
import type { ScenarioChoice } from './service.js';

export const ADJUSTMENT_RANGES = {
  /** Per cent change of fertility. */
  fertility: { min: -50, max: 50, step: 5 },
  /** Years added to life expectancy at birth by 2050. */
  lifeExpectancy: { min: -5, max: 5, step: 0.5 },
  /** Extra net in-migration, persons per year: the outer bound; each area has its own (`migrationRange`). */
  migration: { min: -150_000, max: 150_000, step: 1 },
} as const;

/**
 * Extra net in-migration may be at most this share of the area's population a year: 2 % is about
 * the highest yearly net in-migration any Norwegian municipality has sustained, so the panel's
 * extremes stay plausible for Oslo and Utsira alike.
 */
export const MIGRATION_SHARE_PER_YEAR = 0.02;

export interface Range {
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

/** The extra net in-migration an area of `population` persons may be given, persons a year. */
export function migrationRange(population: number): Range {
  const max = Math.max(1, Math.floor(population * MIGRATION_SHARE_PER_YEAR));
  return { min: -max, max, step: 1 };
}

/** The placeholders of the range's messages, formatted for the reader. */
export function migrationRangeWords(range: Range, population: number, locale: Locale) {
  // A minus sign, not a hyphen, in every language (English formatting writes a hyphen-minus).
  const n = (value: number) => formatNumber(locale, value, 0).replace(/^-/, '\u2212');
  return { min: n(range.min), max: n(range.max), share: n(MIGRATION_SHARE_PER_YEAR * 100), population: n(Math.round(population)) };
}

/** Whether the asked extra migration lies within the area's range. */
export function isMigrationInRange(params: ScenarioParams, range: Range): boolean {
  const value = params.migration ?? 0;
  return value >= range.min && value <= range.max;
}

export interface ScenarioParams {
  scenario?: ScenarioName;
  fertility?: number;
  lifeExpectancy?: number;
  migration?: number;
}

/** JSON schema properties of the scenario parameters, for route schemas. */
export const scenarioQueryProperties = {
  scenario: { type: 'string', enum: SCENARIOS, description: 'main, high or low (SSB-style alternatives)' },
  fertility: { type: 'integer', ...range('fertility'), description: 'fertility change in per cent' },
  lifeExpectancy: { type: 'number', ...range('lifeExpectancy'), multipleOf: 0.5, description: 'years added to life expectancy by 2050' },
  migration: { type: 'integer', ...range('migration'), description: 'extra net in-migration, persons per year' },
} as const;

function range(name: keyof typeof ADJUSTMENT_RANGES) {
  return { minimum: ADJUSTMENT_RANGES[name].min, maximum: ADJUSTMENT_RANGES[name].max };
}

export function scenarioChoice(params: ScenarioParams): ScenarioChoice {
  const adjustments: { -readonly [K in keyof Adjustments]: Adjustments[K] } = {};
  if (params.fertility) adjustments.fertilityFactor = 1 + params.fertility / 100;
  if (params.lifeExpectancy) adjustments.lifeExpectancyShift = params.lifeExpectancy;
  if (params.migration) adjustments.netMigrationPerYear = params.migration;
  return { scenario: params.scenario ?? 'main', adjustments };
}

export function isAdjusted(choice: ScenarioChoice): boolean {
  return Object.keys(choice.adjustments).length > 0;
}

/** The URL parameters of a choice, defaults left out (the canonical, shareable form). */
export function scenarioSearch(choice: ScenarioChoice): [string, string][] {
  const { fertilityFactor, lifeExpectancyShift, netMigrationPerYear } = choice.adjustments;
  const entries: [string, string][] = [];
  if (choice.scenario !== 'main') entries.push(['scenario', choice.scenario]);
  if (fertilityFactor !== undefined) entries.push(['fertility', String(Math.round((fertilityFactor - 1) * 100))]);
  if (lifeExpectancyShift !== undefined) entries.push(['lifeExpectancy', String(lifeExpectancyShift)]);
  if (netMigrationPerYear !== undefined) entries.push(['migration', String(netMigrationPerYear)]);
  return entries;
}

/** A path with the choice and any further parameters as its query. */
export function hrefWith(path: string, choice: ScenarioChoice, extra: Record<string, string | number | undefined> = {}): string {
  const search = new URLSearchParams(scenarioSearch(choice));
  for (const [name, value] of Object.entries(extra)) if (value !== undefined) search.set(name, String(value));
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}
