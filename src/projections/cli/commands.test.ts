import { describe, expect, it } from 'vitest';
import { parseProjectionCommand } from './commands.js';

const years = { first: 2020, last: 2026 };
const parse = (line: string) => parseProjectionCommand(line.split(' '), years);

describe('projections command', () => {
  it('reads the export the checks use', () => {
    expect(parse('export --base 2024 --to 2050 --scenario main --out FILE.csv')).toEqual({
      ok: true,
      command: { command: 'export', base: 2024, to: 2050, scenario: 'main', out: 'FILE.csv' },
    });
    expect(parse('export --base 2026 --out p.csv')).toMatchObject({ ok: true, command: { to: 2050, scenario: 'main' } });
  });

  it('reads the backtest the checks use', () => {
    expect(parse('backtest --base 2020 --fit-until 2022 --target 2026')).toEqual({
      ok: true,
      command: { command: 'backtest', base: 2020, fitUntil: 2022, target: 2026, worst: 10 },
    });
    expect(parse('backtest --base 2024 --fit-until 2024 --target 2026')).toMatchObject({ ok: true });
  });

  it.each([
    ['export --base 2019 --out p.csv', '--base must be a year from 2020 to 2026 (got "2019")'],
    ['export --base 2024 --to 2024 --out p.csv', '--to must be a year from 2025 to 2050 (got "2024")'],
    ['export --base 2024 --scenario medium --out p.csv', '--scenario must be one of main, high, low (got "medium")'],
    ['export --base 2024', '--out FILE.csv is required'],
    ['export --to 2050 --out p.csv', '--base is required'],
    ['export --base 2024 --out p.csv --target 2026', '--target is not an option of export'],
    ['backtest --base 2020 --fit-until 2019 --target 2026', '--fit-until must be a year from 2021 to 2025 (got "2019")'],
    ['backtest --base 2020 --fit-until 2022 --target 2022', '--target must be a year from 2023 to 2026 (got "2022")'],
    ['backtest --base 20x0 --fit-until 2022 --target 2026', '--base must be a year from 2020 to 2025 (got "20x0")'],
    ['backtest --base 2020 --fit-until 2022 --target 2026 --worst many', '--worst must be a whole number (got "many")'],
    ['project --base 2024', 'unknown command "project"'],
    ['export now --base 2024 --out p.csv', 'unexpected argument "now"'],
  ])('explains %s', (line, error) => {
    expect(parse(line)).toEqual({ ok: false, error });
  });

  it('refuses unknown options and an empty command line', () => {
    expect(parse('export --base 2024 --out p.csv --fast')).toMatchObject({ ok: false });
    expect(parseProjectionCommand([], years)).toEqual({ ok: false, error: 'no command given' });
  });
});
