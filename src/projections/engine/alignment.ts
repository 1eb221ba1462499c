/**
 * Alignment (avstemming) of the sum of municipalities to a national projection by age group:
 * after each step the municipalities' end populations are scaled, group by group, so that their
 * sum equals the national figure. The persons added or removed count as net migration.
 * SSB's national tables have no sex, so both sexes of a group share its factor.
 */
import type { NationalProjection } from './inputs.js';
import {
  CELL_COUNT,
  SEXES,
  cellIndex,
  projectMunicipality,
  stepCount,
  type MunicipalityAssumptions,
  type NationalSchedules,
  type ScenarioName,
} from './model.js';

/** National persons by age group for a year, or undefined when the table does not cover it. */
function nationalTarget(table: NationalProjection, scenario: ScenarioName, year: number): Float64Array | undefined {
  const y = table.years.indexOf(year);
  if (y < 0) return undefined;
  const groups = table.ageGroups.length;
  return table.alternatives[scenario].subarray(y * groups, (y + 1) * groups);
}

/**
 * Factors [step][cell] for the schedules' years. Step k's factors depend on the aligned
 * populations of the steps before it, so they are found one step at a time.
 */
export function alignmentFactors(
  municipalities: readonly MunicipalityAssumptions[],
  schedules: NationalSchedules,
  table: NationalProjection,
): Float64Array {
  const steps = stepCount(schedules);
  const factors = new Float64Array(steps * CELL_COUNT).fill(1);
  for (let k = 0; k < steps; k++) {
    const target = nationalTarget(table, schedules.scenario, schedules.baseYear + k + 1);
    if (!target) continue;
    const upToStep = { ...schedules, endYear: schedules.baseYear + k + 1, alignment: factors };
    const sumByGroup = new Float64Array(table.ageGroups.length);
    for (const m of municipalities) {
      const end = projectMunicipality(m, upToStep).population.subarray((k + 1) * CELL_COUNT);
      table.ageGroups.forEach(([from, to], g) => {
        for (let sex = 0; sex < SEXES.length; sex++) {
          for (let age = from; age <= to; age++) sumByGroup[g] = sumByGroup[g]! + end[cellIndex(sex, age)]!;
        }
      });
    }
    table.ageGroups.forEach(([from, to], g) => {
      const factor = sumByGroup[g]! > 0 ? target[g]! / sumByGroup[g]! : 1;
      for (let sex = 0; sex < SEXES.length; sex++) {
        for (let age = from; age <= to; age++) factors[k * CELL_COUNT + cellIndex(sex, age)] = factor;
      }
    });
  }
  return factors;
}

/** The national table to align a base year to: the latest one starting no later than it. */
export function nationalTableFor(tables: readonly NationalProjection[], baseYear: number): NationalProjection | undefined {
  return [...tables].filter((t) => t.baseYear <= baseYear).sort((a, b) => b.baseYear - a.baseYear)[0] ?? tables[0];
}
