import { describe, expect, it } from 'vitest';
import { buildEngine } from './engine.js';
import type { CareUsersPanel } from './inputs.js';
import { CELL_COUNT, FEMALE, MALE, cellIndex, type Projection } from './model.js';
import { loadProjectionInputs } from '../sources.js';
import {
  BARNEHAGE_COVERAGE_AGES_1_2,
  BARNEHAGE_FTE_PER_CHILD_UNDER_3,
  HOME_CARE_FTE_PER_USER,
  careCoverage,
  staffingNeeds,
  staffingRates,
} from './staffing.js';

/** Two municipalities, years 2020–2024, three bands; home care only, institution unpublished. */
function panel(): CareUsersPanel {
  const years = [2020, 2021, 2022, 2023, 2024];
  const size = 2 * years.length * 3;
  const homeCare = new Float64Array(size).fill(Number.NaN);
  const population = new Float64Array(size).fill(1000);
  years.forEach((_, y) => {
    // 0100: 100 users aged 80+ every year; 0200: 10 users aged 80+ in 2024, 2023, 2022, 2021
    homeCare[(0 * years.length + y) * 3 + 2] = 100;
    if (y >= 1) homeCare[(1 * years.length + y) * 3 + 2] = 10 * y;
  });
  return { codes: ['0100', '0200'], years, homeCare, institution: new Float64Array(size).fill(Number.NaN), population };
}

function projectionOf(cells: Float64Array): Projection {
  return {
    code: '0000',
    scenario: 'main',
    baseYear: 2024,
    endYear: 2024,
    population: cells,
    births: new Float64Array(0),
    deaths: new Float64Array(0),
    netMigration: new Float64Array(0),
  };
}

describe('care coverage', () => {
  it('uses the latest year where the numbers are large enough', () => {
    expect(careCoverage(panel(), '0100', 2024).homeCare[2]).toBeCloseTo(0.1, 12);
  });

  it('pools recent years back from the base year where the numbers are small', () => {
    // 0200: 40 (2024) alone is enough: 40 ≥ 30
    expect(careCoverage(panel(), '0200', 2024).homeCare[2]).toBeCloseTo(0.04, 12);
    // base 2022: 20 (2022) + 10 (2021) = 30 users over 2 000 persons
    expect(careCoverage(panel(), '0200', 2022).homeCare[2]).toBeCloseTo(0.015, 12);
  });

  it('falls back to the national coverage where a band is never published', () => {
    const coverage = careCoverage(panel(), '0200', 2024);
    expect(coverage.homeCare[0]).toBe(0);
    expect(careCoverage(panel(), '0300', 2024).homeCare[2]).toBeCloseTo(140 / 2000, 12);
  });
});

describe('staffing needs', () => {
  it('counts users and årsverk from the population and the rates', () => {
    const cells = new Float64Array(CELL_COUNT);
    cells[cellIndex(MALE, 1)] = 100;
    cells[cellIndex(FEMALE, 85)] = 50;
    cells[cellIndex(MALE, 70)] = 50;
    cells[cellIndex(FEMALE, 30)] = 400;
    const rates = staffingRates({ homeCare: [0, 0, 0.2], institution: [0, 0, 0] });
    const [year] = staffingNeeds(projectionOf(cells), rates);
    expect(year!.users.barnehage).toBeCloseTo(100 * BARNEHAGE_COVERAGE_AGES_1_2, 9);
    expect(year!.fte.barnehage).toBeCloseTo(100 * BARNEHAGE_COVERAGE_AGES_1_2 * BARNEHAGE_FTE_PER_CHILD_UNDER_3, 9);
    expect(year!.users.hjemmetjenester).toBeCloseTo(10, 9);
    expect(year!.fte.hjemmetjenester).toBeCloseTo(10 * HOME_CARE_FTE_PER_USER, 9);
    expect(year!.workingAgePer80Plus).toBe(8);
    expect(year!.workingAgePer67Plus).toBe(4);
    expect(year!.ftePer1000WorkingAge).toBeCloseTo((1000 * year!.fteTotal) / 400, 9);
  });

  it('lets a municipality override any area', () => {
    const rates = staffingRates(
      { homeCare: [0, 0, 0], institution: [0, 0, 0] },
      {
        grunnskole: [{ from: 6, to: 15, coverage: 1, ftePerUser: 0.1 }],
      },
    );
    const cells = new Float64Array(CELL_COUNT);
    cells[cellIndex(FEMALE, 12)] = 30;
    expect(staffingNeeds(projectionOf(cells), rates)[0]!.fte.grunnskole).toBeCloseTo(3, 9);
  });

  it('reproduces Oslo’s published care users in the base year and grows them to 2050', () => {
    const inputs = loadProjectionInputs();
    const engine = buildEngine(inputs, { baseYear: 2024, align: false });
    const needs = staffingNeeds(engine.project('0301'), staffingRates(careCoverage(inputs.careUsers, '0301', 2024)));
    // KOSTRA 2024, Oslo: 17 875 users of home-based care, 3 975 long-term residents
    expect(needs[0]!.users.hjemmetjenester).toBeCloseTo(17875, 0);
    expect(needs[0]!.users.institusjon).toBeCloseTo(3975, 0);
    expect(needs.at(-1)!.year).toBe(2050);
    expect(needs.at(-1)!.users.institusjon).toBeGreaterThan(needs[0]!.users.institusjon);
    expect(needs.at(-1)!.workingAgePer80Plus).toBeLessThan(needs[0]!.workingAgePer80Plus);
  });
});
