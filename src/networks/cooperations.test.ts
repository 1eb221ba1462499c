import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCooperation, currentCodes, matchCooperations, parseCooperationsCsv } from './cooperations.js';

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

describe('a cooperation as a case worker writes it', () => {
  const places = [...today].map(([code, name]) => ({ code, name }));
  const input = {
    name: ' Vest-Telemark barnevern ',
    legalForm: 'vertskommune',
    serviceArea: 'child_welfare',
    members: 'Notodden, hjartdal',
    hostCode: '4005',
    startYear: '2012',
  };

  it('reads the members by name, a host among them and a start year', () => {
    expect(checkCooperation(input, places, 2026)).toEqual({
      name: 'Vest-Telemark barnevern',
      legalForm: 'vertskommune',
      serviceArea: 'child_welfare',
      members: [
        { code: '4005', name: 'Notodden' },
        { code: '4024', name: 'Hjartdal' },
      ],
      hostCode: '4005',
      startYear: 2012,
    });
    expect(checkCooperation({ ...input, hostCode: '', startYear: '' }, places, 2026)).toMatchObject({ hostCode: null, startYear: null });
  });

  it('says what is wrong with each field', () => {
    expect(
      checkCooperation(
        { name: '', legalForm: 'kingdom', serviceArea: 'x', members: 'Notodden, Atlantis', hostCode: '4001', startYear: '2027' },
        places,
        2026,
      ),
    ).toEqual([
      { field: 'name', code: 'required' },
      { field: 'legalForm', code: 'unknownChoice' },
      { field: 'serviceArea', code: 'unknownChoice' },
      { field: 'members', code: 'unknownName', name: 'Atlantis' },
      { field: 'members', code: 'tooFew' },
      { field: 'hostCode', code: 'hostNotMember' },
      { field: 'startYear', code: 'badYear' },
    ]);
  });
});
