/** Made-up inputs for the tests of the figures and of what shows them. */
import { CELL_COUNT, cellIndex, FEMALE, MALE, type Projection } from './model.js';
import { staffingRates } from './staffing.js';

/** A made-up projection over two years: everyone ages by a year, nobody dies or moves. */
export function madeUpProjection(code: string, persons: (sex: number, age: number) => number): Projection {
  const population = new Float64Array(2 * CELL_COUNT);
  for (const sex of [MALE, FEMALE]) {
    for (let age = 0; age <= 105; age++) {
      population[cellIndex(sex, age)] = persons(sex, age);
      const to = CELL_COUNT + cellIndex(sex, Math.min(age + 1, 105));
      population[to] = population[to]! + persons(sex, age);
    }
  }
  return {
    code,
    scenario: 'main',
    baseYear: 2039,
    endYear: 2040,
    population,
    births: new Float64Array(1),
    deaths: new Float64Array(1),
    netMigration: new Float64Array(1),
  };
}

export const madeUpRates = staffingRates({ homeCare: [0.01, 0.1, 0.3], institution: [0, 0.01, 0.1] });
export const flat = (n: number) => () => n;
