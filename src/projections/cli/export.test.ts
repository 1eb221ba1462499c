import { describe, expect, it } from 'vitest';
import { writeProjectionCsv } from './export.js';
import { CELL_COUNT, FEMALE, cellIndex, type Projection } from '../engine/model.js';

describe('writeProjectionCsv', () => {
  it('writes one row per municipality, year, sex and age after the header', () => {
    const population = new Float64Array(2 * CELL_COUNT);
    population[CELL_COUNT + cellIndex(FEMALE, 105)] = 1.23456;
    const projection: Projection = {
      code: '0301',
      scenario: 'main',
      baseYear: 2049,
      endYear: 2050,
      population,
      births: new Float64Array(1),
      deaths: new Float64Array(1),
      netMigration: new Float64Array(1),
    };
    const lines: string[] = [];
    writeProjectionCsv([projection], (line) => lines.push(line));
    expect(lines[0]).toBe('municipality,year,sex,age,persons');
    expect(lines).toHaveLength(1 + 2 * 2 * 106);
    expect(lines[1]).toBe('0301,2049,male,0,0.000');
    expect(lines.at(-1)).toBe('0301,2050,female,105,1.235');
  });
});
