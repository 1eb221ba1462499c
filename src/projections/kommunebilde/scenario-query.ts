/**
 * The scenario panel as URL parameters: the same names in the pages, the downloads and the API,
 * so that an adjusted scenario has a URL that can be shared. Ranges are enforced by the route
 * schemas (a value outside them is a 400) and mirrored by the form's min/max.
 */
import type { Adjustments, ScenarioName } from '../engine/model.js';
import { SCENARIOS } from '../engine/model.js';
import type { ScenarioChoice } from './service.js';

export const ADJUSTMENT_RANGES = {
  /** Per cent change of fertility. */
  fertility: { min: -50, max: 50, step: 5 },
  /** Years added to life expectancy at birth by 2050. */
  lifeExpectancy: { min: -5, max: 5, step: 0.5 },
  /** Extra net in-migration, persons per year. */
  migration: { min: -5000, max: 5000, step: 10 },
} as const;

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
