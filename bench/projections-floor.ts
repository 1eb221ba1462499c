/**
 * How close the backtest's WAPE at age 0 and 90+ can come to the 5 % at all: the engine's
 * error split into its national part (a lower bound of WAPE: the sum of absolute errors is at
 * least the absolute error of the sum) and its distribution over municipalities, next to the
 * noise floors, and (age 0) "oracle" predictions handed what no backtest may know: the target
 * year's women, its national births, every municipality's level over the later years.
 *   npm run bench -- projections-floor [--base 2020] [--fit-until 2022] [--target 2026]
 */
import { parseArgs } from 'node:util';
import {
  BACKTEST_EXCLUDED,
  buildEngine,
  fertilityShape,
  CELL_COUNT,
  FEMALE,
  MAX_AGE,
  SEXES,
  cellIndex,
  personsAged,
  populationInYear,
  loadProjectionInputs,
} from '../src/projections/index.js';

const { values } = parseArgs({
  options: {
    base: { type: 'string', default: '2020' },
    'fit-until': { type: 'string', default: '2022' },
    target: { type: 'string', default: '2026' },
  },
});
const base = Number(values.base);
const fitUntil = Number(values['fit-until']);
const target = Number(values.target);

const inputs = loadProjectionInputs();
const { population } = inputs;
const firstYear = population.years[0]!;
const lastYear = population.years.at(-1)!;
const municipalities = population.codes.flatMap((code, m) => ((BACKTEST_EXCLUDED as readonly string[]).includes(code) ? [] : [m]));
const observed = (m: number, year: number) => {
  const at = (m * population.years.length + year - firstYear) * CELL_COUNT;
  return population.persons.subarray(at, at + CELL_COUNT);
};
const pct = (v: number) => `${(100 * v).toFixed(2)} %`;

/** WAPE of predictions against observations, as given and with their sum scaled to the observed sum. */
function wape(predicted: readonly number[], actual: readonly number[]) {
  const sumP = predicted.reduce((a, b) => a + b, 0);
  const sumO = actual.reduce((a, b) => a + b, 0);
  const k = sumO / sumP;
  let abs = 0,
    scaled = 0;
  predicted.forEach((p, i) => {
    abs += Math.abs(p - actual[i]!);
    scaled += Math.abs(p * k - actual[i]!);
  });
  return { national: sumP / sumO - 1, wape: abs / sumO, scaled: scaled / sumO };
}

/** ln n! by summation, cached. */
const logFactorials = [0];
function logFactorial(n: number): number {
  for (let i = logFactorials.length; i <= n; i++) logFactorials.push(logFactorials[i - 1]! + Math.log(i));
  return logFactorials[n]!;
}

/** E|X − λ| for X ~ Poisson(λ): 2 λ^(n+1) e^(−λ) / n! with n = ⌊λ⌋. */
function poissonMeanAbsoluteDeviation(lambda: number): number {
  if (lambda <= 0) return 0;
  const n = Math.floor(lambda);
  return 2 * Math.exp((n + 1) * Math.log(lambda) - lambda - logFactorial(n));
}

const engine = buildEngine(inputs, { baseYear: base, fitUntil, endYear: target, mode: 'backtest' });
const projectedAged = (from: number, to: number) =>
  municipalities.map((m) => personsAged(populationInYear(engine.project(population.codes[m]!), target), from, to));
const observedAged = (year: number, from: number, to: number) => municipalities.map((m) => personsAged(observed(m, year), from, to));
const line = (label: string, v: number) => console.log(`  ${label.padEnd(92)} ${pct(v).padStart(8)}`);

console.log(`backtest base ${base}, fitted on data to ${fitUntil}, compared with observed ${target}`);

// ---- age 0 ----
{
  const actual = observedAged(target, 0, 0);
  const engineError = wape(projectedAged(0, 0), actual);
  console.log('age 0 (births of the year before the target, alive and resident on 1 January):');
  line('engine WAPE', engineError.wape);
  line('engine national error (WAPE cannot be below its absolute value)', engineError.national);
  line('engine WAPE with its national total scaled to the observed', engineError.scaled);
  const sumO = actual.reduce((a, b) => a + b, 0);
  const engineScaled = projectedAged(0, 0).map((p, _, all) => (p * sumO) / all.reduce((a, b) => a + b, 0));
  line(
    'Poisson noise floor around the engine’s expectations (national total exact)',
    engineScaled.reduce((a, l) => a + poissonMeanAbsoluteDeviation(l), 0) / sumO,
  );
  // expected newborns from the women on 1 January of the year before, national level exact each year
  const shape = fertilityShape(inputs.fertility, lastYear);
  const expected = (m: number, year: number) => {
    const women = observed(m, year - 1);
    let e = 0;
    for (let age = 0; age <= MAX_AGE; age++) e += shape[age]! * women[cellIndex(FEMALE, age)]!;
    return e;
  };
  const years = population.years.slice(1);
  const expectedByYear = years.map((year) => municipalities.map((m) => expected(m, year)));
  const observedByYear = years.map((year) => observedAged(year, 0, 0));
  const nationalRatio = years.map((_, y) => observedByYear[y]!.reduce((a, b) => a + b, 0) / expectedByYear[y]!.reduce((a, b) => a + b, 0));
  const oracle = (useYear: (year: number) => boolean) =>
    municipalities.map((_, i) => {
      let o = 0,
        e = 0;
      years.forEach((year, y) => {
        if (!useYear(year)) return;
        o += observedByYear[y]![i]!;
        e += nationalRatio[y]! * expectedByYear[y]![i]!;
      });
      const t = years.indexOf(target);
      return (o / e) * nationalRatio[t]! * expectedByYear[t]![i]!;
    });
  line(
    `oracle: observed women of ${target - 1}, national total exact, own level from ${firstYear + 1}–${target - 1}`,
    wape(
      oracle((y) => y !== target),
      actual,
    ).wape,
  );
  line(
    `oracle as above with the own level from ${firstYear + 1}–${lastYear} (the target year included)`,
    wape(
      oracle(() => true),
      actual,
    ).wape,
  );
}

// ---- 90+ ----
{
  const actual = observedAged(target, 90, MAX_AGE);
  const engineError = wape(projectedAged(90, MAX_AGE), actual);
  const sumO = actual.reduce((a, b) => a + b, 0);
  console.log('90+:');
  line('engine WAPE', engineError.wape);
  line('engine national error (WAPE cannot be below its absolute value)', engineError.national);
  line('engine WAPE with its national total scaled to the observed', engineError.scaled);
  // binomial noise of survival alone, at the engine's own survival
  const steps = target - base;
  let binomial = 0;
  for (const m of municipalities) {
    const start = observed(m, base);
    let variance = 0;
    for (let sex = 0; sex < SEXES.length; sex++) {
      for (let age = Math.max(0, 90 - steps); age <= MAX_AGE; age++) {
        let p = 1;
        for (let k = 0, a = age; k < steps; k++, a = Math.min(a + 1, MAX_AGE))
          p *= engine.schedules.survival[k * CELL_COUNT + cellIndex(sex, a)]!;
        variance += start[cellIndex(sex, age)]! * p * (1 - p);
      }
    }
    binomial += Math.sqrt((2 * variance) / Math.PI);
  }
  line('binomial noise floor of survival alone (national total exact)', binomial / sumO);
}
