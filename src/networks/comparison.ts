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
