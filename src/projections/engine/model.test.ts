import { describe, expect, it } from 'vitest';
import {
  AGE_COUNT,
  CELL_COUNT,
  FEMALE,
  MALE,
  MAX_AGE,
  balanceError,
  cellIndex,
  personsAged,
  populationInYear,
  projectMunicipality,
  sumProjections,
  totalPersons,
  type MunicipalityAssumptions,
  type NationalSchedules,
} from './model.js';

const STEPS = 10;

function schedules(overrides: Partial<NationalSchedules> = {}): NationalSchedules {
  const survival = new Float64Array(STEPS * CELL_COUNT);
  for (let k = 0; k < STEPS; k++) {
    for (let c = 0; c < CELL_COUNT; c++) survival[k * CELL_COUNT + c] = c % AGE_COUNT >= 80 ? 0.85 : 0.995;
  }
  const fertility = new Float64Array(STEPS * AGE_COUNT);
  for (let k = 0; k < STEPS; k++) for (let age = 20; age < 40; age++) fertility[k * AGE_COUNT + age] = 0.075;
  const intensity = new Float64Array(CELL_COUNT).fill(1);
  const distribution = new Float64Array(CELL_COUNT).fill(1 / CELL_COUNT);
  return {
    scenario: 'main',
    baseYear: 2024,
    endYear: 2024 + STEPS,
    survival,
    fertility,
    newbornSurvival: new Float64Array(STEPS * 2).fill(0.998),
    maleShareOfBirths: 0.514,
    migrationIntensity: intensity,
    migrationShift: new Float64Array(STEPS).fill(0.001),
    migrationDistribution: distribution,
    alignment: null,
    ...overrides,
  };
}

function municipality(overrides: Partial<MunicipalityAssumptions> = {}): MunicipalityAssumptions {
  const base = new Float64Array(CELL_COUNT);
  for (let c = 0; c < CELL_COUNT; c++) base[c] = c % AGE_COUNT <= 90 ? 10 : 1;
  const recent = new Float64Array(CELL_COUNT);
  for (let age = 18; age <= 25; age++) {
    recent[cellIndex(MALE, age)] = -0.08;
    recent[cellIndex(FEMALE, age)] = -0.1;
  }
  return { code: '9999', basePopulation: base, fertilityLevel: 1.1, recentMigration: recent, ...overrides };
}

describe('projectMunicipality', () => {
  it('holds start + births − deaths + net migration = end in every year', () => {
    const p = projectMunicipality(municipality(), schedules(), { fertilityFactor: 0.9, netMigrationPerYear: 12 });
    expect(balanceError(p)).toBeLessThan(1e-9);
    expect(p.births[0]).toBeGreaterThan(0);
    expect(p.deaths[0]).toBeGreaterThan(0);
  });

  it('never produces negative populations, even with out-migration larger than the population', () => {
    const p = projectMunicipality(municipality(), schedules(), { netMigrationPerYear: -1e6 });
    expect(Math.min(...p.population)).toBeGreaterThanOrEqual(0);
    expect(balanceError(p)).toBeLessThan(1e-6);
    expect(totalPersons(populationInYear(p, 2034))).toBe(0);
  });

  it('only ages the population when nobody dies, is born or moves', () => {
    const s = schedules({ survival: new Float64Array(STEPS * CELL_COUNT).fill(1), fertility: new Float64Array(STEPS * AGE_COUNT) });
    const base = new Float64Array(CELL_COUNT);
    base[cellIndex(FEMALE, 30)] = 7;
    base[cellIndex(MALE, MAX_AGE - 1)] = 3;
    base[cellIndex(MALE, MAX_AGE)] = 2;
    const p = projectMunicipality(municipality({ basePopulation: base, recentMigration: new Float64Array(CELL_COUNT) }), {
      ...s,
      migrationShift: new Float64Array(STEPS),
    });
    const after3 = populationInYear(p, 2027);
    expect(after3[cellIndex(FEMALE, 33)]).toBe(7);
    expect(after3[cellIndex(MALE, MAX_AGE)]).toBe(5);
    expect(totalPersons(after3)).toBe(12);
  });

  it('splits births by the sex ratio and lets the newborn survival act', () => {
    const p = projectMunicipality(
      municipality({ recentMigration: new Float64Array(CELL_COUNT) }),
      schedules({ migrationShift: new Float64Array(STEPS) }),
    );
    const year1 = populationInYear(p, 2025);
    expect(year1[cellIndex(MALE, 0)]).toBeCloseTo(p.births[0]! * 0.514 * 0.998, 9);
    expect(year1[cellIndex(FEMALE, 0)]).toBeCloseTo(p.births[0]! * 0.486 * 0.998, 9);
    // women 20–39, 10 each, 0.075 births per woman, level 1.1
    expect(p.births[0]).toBeCloseTo(20 * 10 * 0.075 * 1.1, 9);
  });

  it('scales births with the fertility adjustment', () => {
    const plain = projectMunicipality(municipality(), schedules());
    const more = projectMunicipality(municipality(), schedules(), { fertilityFactor: 1.1 });
    expect(more.births[0]! / plain.births[0]!).toBeCloseTo(1.1, 12);
  });

  it('counts alignment as migration on ages 1+ and as births at age 0', () => {
    const alignment = new Float64Array(STEPS * CELL_COUNT).fill(1.02);
    const plain = projectMunicipality(municipality(), schedules());
    const aligned = projectMunicipality(municipality(), schedules({ alignment }));
    expect(aligned.births[0]! / plain.births[0]!).toBeCloseTo(1.02, 12);
    expect(personsAged(populationInYear(aligned, 2025), 1, MAX_AGE) / personsAged(populationInYear(plain, 2025), 1, MAX_AGE)).toBeCloseTo(
      1.02,
      12,
    );
    expect(aligned.netMigration[0]).toBeGreaterThan(plain.netMigration[0]!);
    expect(balanceError(aligned)).toBeLessThan(1e-9);
  });

  it('is deterministic', () => {
    const a = projectMunicipality(municipality(), schedules(), { netMigrationPerYear: 5 });
    const b = projectMunicipality(municipality(), schedules(), { netMigrationPerYear: 5 });
    expect(Buffer.from(a.population.buffer).equals(Buffer.from(b.population.buffer))).toBe(true);
  });

  it('sums a set of municipalities into one that still balances', () => {
    const a = projectMunicipality(municipality(), schedules());
    const b = projectMunicipality(municipality({ code: '9998', fertilityLevel: 0.8 }), schedules());
    const both = sumProjections('9999+9998', [a, b]);
    expect(totalPersons(populationInYear(both, 2030))).toBeCloseTo(
      totalPersons(populationInYear(a, 2030)) + totalPersons(populationInYear(b, 2030)),
      9,
    );
    expect(balanceError(both)).toBeLessThan(1e-9);
  });

  it('rejects years outside the projection', () => {
    expect(() => populationInYear(projectMunicipality(municipality(), schedules()), 2040)).toThrow(RangeError);
  });
});
