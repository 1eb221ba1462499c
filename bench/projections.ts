/**
 * Throughput of the projection engine.
 *   npm run bench -- projections
 */
import {
  buildEngine,
  type ProjectionEngine,
  CELL_COUNT,
  SCENARIOS,
  stepCount,
  loadProjectionInputs,
  careCoverage,
  staffingNeeds,
  staffingRates,
} from '../src/projections/index.js';

const REPEATS = 5;

function timed<T>(run: () => T): { ms: number; value: T } {
  const start = process.hrtime.bigint();
  const value = run();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Projects every municipality in every engine; returns a checksum so the work cannot be skipped. */
function projectAll(engines: readonly ProjectionEngine[]): number {
  let checksum = 0;
  for (const engine of engines) for (const code of engine.codes) checksum += engine.project(code).population[CELL_COUNT]!;
  return checksum;
}

/** The memory floor: read every input cell and write every output cell once, nothing else. */
function memoryFloor(engines: readonly ProjectionEngine[]): number {
  let checksum = 0;
  for (const engine of engines) {
    const years = stepCount(engine.schedules) + 1;
    for (const code of engine.codes) {
      const base = engine.assumptions(code).basePopulation;
      const out = new Float64Array(years * CELL_COUNT);
      for (let k = 0; k < years; k++) for (let c = 0; c < CELL_COUNT; c++) out[k * CELL_COUNT + c] = base[c]!;
      checksum += out[CELL_COUNT]!;
    }
  }
  return checksum;
}

const load = timed(() => loadProjectionInputs());
const inputs = load.value;
console.log(`load shipped data: ${load.ms.toFixed(0)} ms`);
const builds = SCENARIOS.map((scenario) => timed(() => buildEngine(inputs, { baseYear: 2024, scenario })));
builds.forEach((b, i) => console.log(`build engine ${SCENARIOS[i]} (schedules, estimation, alignment): ${b.ms.toFixed(0)} ms`));
const engines = builds.map((b) => b.value);
const municipalityCount = engines.reduce((acc, e) => acc + e.codes.length, 0);
const years = stepCount(engines[0]!.schedules);

const runs = Array.from({ length: REPEATS }, () => timed(() => projectAll(engines)).ms);
const floors = Array.from({ length: REPEATS }, () => timed(() => memoryFloor(engines)).ms);
const all = median(runs);
const floor = median(floors);
console.log(`${municipalityCount} municipality projections (357 × 3 scenarios, 2024 → 2050): ${all.toFixed(1)} ms (median of ${REPEATS})`);
console.log(
  `  ${((municipalityCount / all) * 1000).toFixed(0)} municipality projections/s, ${((municipalityCount * years) / all / 1000).toFixed(2)} M municipality-years/s`,
);
console.log(
  `  memory floor (read every input and write every output cell once): ${floor.toFixed(2)} ms; ratio ${(all / floor).toFixed(1)}×`,
);

const main = engines[0]!;
const adjusted = Array.from(
  { length: 200 },
  () => timed(() => main.project('3450', { fertilityFactor: 1.1, netMigrationPerYear: 50, lifeExpectancyShift: 1 })).ms,
);
const coldShift = timed(() => main.project('3450', { lifeExpectancyShift: 1.5 })).ms;
const withStaffing = Array.from(
  { length: 200 },
  () =>
    timed(() => staffingNeeds(main.project('3450', { fertilityFactor: 0.9 }), staffingRates(careCoverage(inputs.careUsers, '3450', 2024))))
      .ms,
);
console.log(
  `recompute one municipality with adjustments (fertility ×1.1, +50 migrants/yr, e0 +1): ${(median(adjusted) * 1000).toFixed(0)} µs median`,
);
console.log(`  first use of a new life-expectancy shift (national schedules recomputed): ${coldShift.toFixed(1)} ms`);
console.log(`  with staffing needs: ${(median(withStaffing) * 1000).toFixed(0)} µs median`);
