/**
 * The shipped data the key figures are made of (see data/SOURCES.md): the care-services panel and
 * the ministry's expenditure-need index, read into observations per municipality and year; and the
 * projections' figures as observations of the years they are projected for.
 */
import { readFileSync } from 'node:fs';
import { figuresIn, type AreaFigures } from '../projections/index.js';
import { matchCooperations, parseCooperationsCsv, type CodeChange, type ImportReport, type MatchedCooperation } from './cooperations.js';
import { joinObservations, populationObservations, type Observation, type Observations, type Quantity } from './key-figures.js';

export const DEFAULT_DATA_DIR = new URL('../../data/', import.meta.url);
const CARE_PANEL = 'kostra/no_pleie_omsorg_paneldata_2007-2025.csv';
/** The Grønt hefte years shipped; each file holds the overall index (samlet DKI) per municipality. */
export const DKI_YEARS = [2025, 2026] as const;

/** Users and staff are summed over the rows of the older codes a municipality reported under. */
const SUMMED_COLUMNS: Readonly<Partial<Record<Quantity, string>>> = {
  homeCare0to66: 'Y_1_a_0_66',
  homeCare67to79: 'Y_1_a_67_79',
  homeCare80plus: 'Y_1_a_80p',
  homeCareAll: 'Y_1_a_ialt',
  institution0to66: 'Y_3_a_0_66',
  institution67to79: 'Y_3_a_67_79',
  institution80plus: 'Y_3_a_80p',
  institutionAll: 'Y_3_a_ialt',
  nurseFte: 'Y_5_ialt',
};
/** The population is given in today's borders on each of those rows: it is taken once. */
const POPULATION_COLUMNS: Readonly<Partial<Record<Quantity, string>>> = {
  population0to66: 'folk_0_66',
  population67to79: 'folk_67_79',
  population80plus: 'folk_80p',
  population: 'folk_ialt',
};

/** The care panel as observations; a column blank on any of a municipality's rows is not published that year. */
export function careObservations(csv: string): Map<string, Map<number, Observation>> {
  const [header, ...lines] = csv
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split(',').map((field) => field.replace(/^"(.*)"$/, '$1')));
  const column = (name: string) => header!.indexOf(name);
  const [codeAt, yearAt] = [column('kommunenr_2024'), column('år')];
  const grouped = new Map<string, string[][]>();
  for (const fields of lines) {
    const key = `${fields[codeAt]}|${fields[yearAt]}`;
    grouped.set(key, [...(grouped.get(key) ?? []), fields]);
  }
  const totals = new Map<string, Map<number, number>>();
  const observations = new Map<string, Map<number, Observation>>();
  for (const rows of grouped.values()) {
    const [code, year] = [rows[0]![codeAt]!, Number(rows[0]![yearAt])];
    const observation: Partial<Record<Quantity, number>> = {};
    for (const [quantity, name] of Object.entries(SUMMED_COLUMNS)) {
      const values = rows.map((r) => r[column(name)]!.trim());
      if (values.every((v) => v !== '')) observation[quantity as Quantity] = values.reduce((sum, v) => sum + Number(v), 0);
    }
    for (const [quantity, name] of Object.entries(POPULATION_COLUMNS)) {
      const value = rows[0]![column(name)]!.trim();
      if (value !== '') observation[quantity as Quantity] = Number(value);
    }
    if (!observations.has(code)) observations.set(code, new Map());
    observations.get(code)!.set(year, observation);
    if (observation.population !== undefined) totals.set(code, (totals.get(code) ?? new Map()).set(year, observation.population));
  }
  const growth = new Map([...totals].map(([code, byYear]) => [code, populationObservations(byYear)]));
  return joinObservations(observations, growth);
}

/**
 * The expenditure-need index of each Grønt hefte, weighted by the municipality's latest population
 * in the panel, so that a set's index is its population-weighted mean.
 */
export function dkiObservations(files: ReadonlyMap<number, string>, care: Observations): Map<string, Map<number, Observation>> {
  const observations = new Map<string, Map<number, Observation>>();
  for (const [year, text] of files) {
    const { kommuner } = JSON.parse(text) as { kommuner: Record<string, number | { samlet: number }> };
    for (const [code, entry] of Object.entries(kommuner)) {
      const index = typeof entry === 'number' ? entry : entry.samlet;
      const weight = latestPanelPopulation(care, code);
      if (weight === undefined || !Number.isFinite(index)) continue;
      if (!observations.has(code)) observations.set(code, new Map());
      observations.get(code)!.set(year, { dkiWeightedPopulation: index * weight, dkiWeight: weight });
    }
  }
  return observations;
}

function latestPanelPopulation(care: Observations, code: string): number | undefined {
  const byYear = care.get(code);
  if (!byYear) return undefined;
  return byYear.get(Math.max(...byYear.keys()))?.population;
}

/** The projections' staffing need and persons of working age and 80+ in the years asked for. */
export function projectedObservations(
  figures: ReadonlyMap<string, AreaFigures>,
  years: readonly number[],
): Map<string, Map<number, Observation>> {
  return new Map(
    [...figures].map(([code, area]) => [
      code,
      new Map(
        years
          .filter((year) => year >= area.baseYear && year <= area.endYear)
          .map((year) => {
            const f = figuresIn(area, year);
            return [
              year,
              { projectedFte: f.staffing.fteTotal, projectedWorkingAge: f.workingAge, projectedAged80plus: f.share80Plus * f.total },
            ];
          }),
      ),
    ]),
  );
}

/** The Norwegian observations the product ships (care panel and DKI). */
export function loadShippedObservations(dataDir: URL = DEFAULT_DATA_DIR): Map<string, Map<number, Observation>> {
  const care = careObservations(readFileSync(new URL(CARE_PANEL, dataDir), 'utf8'));
  const dki = new Map(
    DKI_YEARS.map((year) => [year, readFileSync(new URL(`kostra/no_kmd_kostnadsindeks_dki_${year}.json`, dataDir), 'utf8')]),
  );
  return joinObservations(care, dkiObservations(dki, care));
}

/**
 * Bufdir's child-welfare cooperations of 2023, their members matched to today's codes (the
 * municipalities the projections know) through the shipped code changes.
 */
export function loadShippedCooperations(
  today: ReadonlyMap<string, string>,
  dataDir: URL = DEFAULT_DATA_DIR,
): { cooperations: MatchedCooperation[]; report: ImportReport } {
  const csv = readFileSync(new URL('ssb/no_interkommunale_barnevernsamarbeid_2023.csv', dataDir), 'utf8');
  return matchCooperations(parseCooperationsCsv(csv), today, loadCodeChanges(dataDir));
}

/** The registry's municipality code changes 1988–2024 as shipped (mergers, splits, renumberings). */
export function loadCodeChanges(dataDir: URL = DEFAULT_DATA_DIR): CodeChange[] {
  return (
    JSON.parse(readFileSync(new URL('ssb/municipality_code_changes_1988-2024.json', dataDir), 'utf8')) as { codeChanges: CodeChange[] }
  ).codeChanges;
}
