/**
 * Benchmarking networks, pure: how many members a network takes, what a figure the members define
 * must say, how a typed value is read, and which member stands out from the others.
 */

/** Seed 002: KS's efficiency networks compare four to eight municipalities. */
export const MIN_MEMBERS = 4;
export const MAX_MEMBERS = 8;

export interface OwnFigureDraft {
  readonly name: string;
  readonly unit: string;
  readonly definition: string;
}

export type DraftProblem = { field: 'name' | 'unit' | 'definition'; code: 'required' | 'tooLong' };

const LIMITS = { name: 200, unit: 100, definition: 2000 } as const;

/** The draft trimmed, or what is wrong with each field. */
export function checkOwnFigure(input: Record<keyof OwnFigureDraft, string>): OwnFigureDraft | DraftProblem[] {
  const problems: DraftProblem[] = [];
  const trimmed = { name: input.name.trim(), unit: input.unit.trim(), definition: input.definition.trim() };
  for (const field of ['name', 'unit', 'definition'] as const) {
    if (trimmed[field] === '') problems.push({ field, code: 'required' });
    else if (trimmed[field].length > LIMITS[field]) problems.push({ field, code: 'tooLong' });
  }
  return problems.length > 0 ? problems : trimmed;
}

export function checkNetworkName(name: string): string | DraftProblem['code'] {
  const trimmed = name.trim();
  if (trimmed === '') return 'required';
  return trimmed.length > 200 ? 'tooLong' : trimmed;
}

/** A number as people type it: "1 234,5", "1234.5", "-3"; undefined when it is not one. */
export function readNumber(text: string): number | undefined {
  const compact = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (!/^-?\d+([.,]\d+)?$/.test(compact) || compact.length > 20) return undefined;
  return Number(compact.replace(',', '.'));
}

/** Values may be entered for the years of the key-figure panel and up to the current year. */
export const FIRST_VALUE_YEAR = 2000;

export function isValueYear(year: number, currentYear: number): boolean {
  return Number.isInteger(year) && year >= FIRST_VALUE_YEAR && year <= currentYear;
}

/**
 * How far from the network's mean a member must be, in standard deviations of the members' values,
 * to be marked. With four to eight members no value can lie two standard deviations from the mean of
 * all of them unless there are at least six, so the mark starts at one and a half; the words say the
 * actual distance.
 */
export const OUTLIER_DEVIATIONS = 1.5;
/** Fewer values than this say nothing about spread. */
export const OUTLIER_MIN_VALUES = 4;

export interface MemberValue {
  readonly code: string;
  readonly value: number;
}

export interface Outlier {
  readonly code: string;
  /** Signed distance from the mean in standard deviations, e.g. 1.8 or -2.1. */
  readonly deviations: number;
  readonly mean: number;
}

/** The members whose value lies at least OUTLIER_DEVIATIONS standard deviations from the members' mean. */
export function outliers(values: readonly MemberValue[]): Outlier[] {
  if (values.length < OUTLIER_MIN_VALUES) return [];
  const mean = values.reduce((s, v) => s + v.value, 0) / values.length;
  const sd = Math.sqrt(values.reduce((s, v) => s + (v.value - mean) ** 2, 0) / values.length);
  if (!(sd > 0)) return [];
  return values
    .map((v) => ({ code: v.code, deviations: (v.value - mean) / sd, mean }))
    .filter((o) => Math.abs(o.deviations) >= OUTLIER_DEVIATIONS);
}

export interface ActionDraft {
  readonly action: string;
  readonly owner: string;
  /** YYYY-MM-DD */
  readonly due: string;
}

export type ActionDraftProblem = { field: 'action' | 'owner' | 'due'; code: 'required' | 'tooLong' | 'badDate' };

/** The draft trimmed, or what is wrong with each field; `due` must already be a calendar date or empty. */
export function checkAction(input: { action: string; owner: string; due: string | undefined }): ActionDraft | ActionDraftProblem[] {
  const problems: ActionDraftProblem[] = [];
  const action = input.action.trim();
  const owner = input.owner.trim();
  if (action === '') problems.push({ field: 'action', code: 'required' });
  else if (action.length > 2000) problems.push({ field: 'action', code: 'tooLong' });
  if (owner === '') problems.push({ field: 'owner', code: 'required' });
  else if (owner.length > 200) problems.push({ field: 'owner', code: 'tooLong' });
  if (!input.due) problems.push({ field: 'due', code: 'badDate' });
  return problems.length > 0 || !input.due ? problems : { action, owner, due: input.due };
}
