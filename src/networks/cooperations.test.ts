import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { currentCodes, matchCooperations, parseCooperationsCsv } from './cooperations.js';

const data = (file: string) => readFileSync(new URL(`../../data/ssb/${file}`, import.meta.url), 'utf8');
const today = new Map(
  data('municipalities_2024.csv')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .map(([code, , name]) => [code!, name!] as [string, string]),
);
const changes = (JSON.parse(data('municipality_code_changes_1988-2024.json')) as { codeChanges: never[] }).codeChanges;

describe('the shipped child-welfare cooperations', () => {
  const rows = parseCooperationsCsv(data('no_interkommunale_barnevernsamarbeid_2023.csv'));

  it('reads 64 cooperations with their members and county', () => {
    expect(rows).toHaveLength(64);
    expect(rows[0]).toEqual({ names: ['BOKN', 'KARMØY'], codes: ['1145', '1149'], county: 'Rogaland' });
  });

  it("matches every member to today's code, through the code changes where one changed", () => {
    const { cooperations, report } = matchCooperations(rows, today, changes);
    expect(report.cooperations).toBe(64);
    expect(report.matched + report.unmatched.length).toBe(report.memberEntries);
    expect(cooperations[0]!.members).toEqual([
      { code: '1145', name: 'Bokn' },
      { code: '1149', name: 'Karmøy' },
    ]);
    expect([report.memberEntries, report.matched, report.unmatched.length]).toEqual([204, 204, 0]);
    // Hamarøy (1849) and part of Tysfjord became today's Hamarøy (1875) in 2020.
    expect(report.recoded).toEqual([{ from: '1849', to: '1875' }]);
  });

  it('follows a 2020 merger and the 2024 renumbering to the code of today', () => {
    // Skien was 0806 until 2020, 3807 in Vestfold og Telemark, 4003 from 2024.
    expect(currentCodes('0806', new Set(today.keys()), changes)).toEqual(['4003']);
    expect(currentCodes('9999', new Set(today.keys()), changes)).toEqual([]);
  });
});
