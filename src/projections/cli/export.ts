/**
 * CSV export of projections: one row per municipality, year, sex and age
 * (`municipality,year,sex,age,persons`; age 105 means 105+). Pure: lines go to a callback.
 */
import { AGE_COUNT, SEXES, cellIndex, populationInYear, type Projection } from '../engine/model.js';

export const PROJECTION_CSV_HEADER = 'municipality,year,sex,age,persons';

/** Persons are written with three decimals so that sums of cells keep the balance. */
export function writeProjectionCsv(projections: Iterable<Projection>, writeLine: (line: string) => void): void {
  writeLine(PROJECTION_CSV_HEADER);
  for (const p of projections) {
    for (let year = p.baseYear; year <= p.endYear; year++) {
      const cells = populationInYear(p, year);
      for (let sex = 0; sex < SEXES.length; sex++) {
        for (let age = 0; age < AGE_COUNT; age++) {
          writeLine(`${p.code},${year},${SEXES[sex]},${age},${cells[cellIndex(sex, age)]!.toFixed(3)}`);
        }
      }
    }
  }
}
