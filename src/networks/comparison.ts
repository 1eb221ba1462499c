/**
 * A network's members side by side, pure: each key figure in its latest year with values, each
 * member's own figures per year, with the outliers among the members and the network as one.
 */
import { figureValue, figureYears, KEY_FIGURES, type KeyFigure, type Observations } from './key-figures.js';
import { outliers, type Outlier } from './model.js';
import type { StoredOwnFigure, StoredOwnValue } from './store.js';

export interface ComparedCell {
  readonly value: number | null;
  readonly outlier?: Outlier;
}

export interface KeyFigureRow {
  readonly figure: KeyFigure;
  readonly year: number;
  /** One cell per member, in the members' order. */
  readonly cells: readonly ComparedCell[];
  readonly network: number | null;
}

function withOutliers(codes: readonly string[], values: readonly (number | null)[]): ComparedCell[] {
  const found = outliers(codes.flatMap((code, i) => (values[i] === null ? [] : [{ code, value: values[i]! }])));
  return codes.map((code, i) => {
    const outlier = found.find((o) => o.code === code);
    return outlier ? { value: values[i]!, outlier } : { value: values[i]! };
  });
}

/** Every key figure the members have, in the latest year any of them has it. */
export function keyFigureRows(observations: Observations, codes: readonly string[]): KeyFigureRow[] {
  const members: Observations = new Map(codes.flatMap((code) => (observations.has(code) ? [[code, observations.get(code)!]] : [])));
  return KEY_FIGURES.flatMap((figure) => {
    const year = figureYears(figure, members).at(-1);
    if (year === undefined) return [];
    const values = codes.map((code) => figureValue(figure, observations, [code], year));
    return [{ figure, year, cells: withOutliers(codes, values), network: figureValue(figure, observations, codes, year) }];
  });
}

export interface OwnFigureTable {
  readonly figure: StoredOwnFigure;
  readonly years: readonly number[];
  /** [year][member] */
  readonly rows: readonly (readonly (ComparedCell & { enteredByName?: string })[])[];
}

export function ownFigureTables(
  figures: readonly StoredOwnFigure[],
  values: readonly StoredOwnValue[],
  codes: readonly string[],
): OwnFigureTable[] {
  return figures.map((figure) => {
    const own = values.filter((v) => v.figureId === figure.id);
    const years = [...new Set(own.map((v) => v.year))].sort((a, b) => a - b);
    const rows = years.map((year) => {
      const entries = codes.map((code) => own.find((v) => v.code === code && v.year === year));
      const cells = withOutliers(
        codes,
        entries.map((e) => e?.value ?? null),
      );
      return cells.map((cell, i) => (entries[i] ? { ...cell, enteredByName: entries[i]!.enteredByName } : cell));
    });
    return { figure, years, rows };
  });
}

/** What an improvement action says it should move: a key figure, or one of the network's own figures. */
export type FigureRef = { kind: 'key'; figure: KeyFigure } | { kind: 'own'; figure: StoredOwnFigure };

export function figureRefOf(ref: string, ownFigures: readonly StoredOwnFigure[]): FigureRef | undefined {
  const [kind, id] = ref.split(':');
  if (kind === 'key') {
    const figure = KEY_FIGURES.find((f) => f.key === id);
    return figure ? { kind, figure } : undefined;
  }
  const own = kind === 'own' ? ownFigures.find((f) => f.id === id) : undefined;
  return own ? { kind: 'own', figure: own } : undefined;
}

export const refKey = (ref: FigureRef): string => (ref.kind === 'key' ? `key:${ref.figure.key}` : `own:${ref.figure.id}`);

/** A member's latest value of a figure, and its year. */
export function latestValue(
  ref: FigureRef,
  observations: Observations,
  values: readonly StoredOwnValue[],
  code: string,
): { year: number; value: number } | undefined {
  if (ref.kind === 'own') {
    const latest = values.filter((v) => v.figureId === ref.figure.id && v.code === code).sort((a, b) => b.year - a.year)[0];
    return latest ? { year: latest.year, value: latest.value } : undefined;
  }
  const own: Observations = new Map(observations.has(code) ? [[code, observations.get(code)!]] : []);
  const year = figureYears(ref.figure, own).at(-1);
  const value = year === undefined ? null : figureValue(ref.figure, observations, [code], year);
  return year === undefined || value === null ? undefined : { year, value };
}
