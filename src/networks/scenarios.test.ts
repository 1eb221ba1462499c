import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkScenario, cooperationsAmong, DEMO_SCENARIOS, geographyOf, thenAndNow } from './scenarios.js';

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
const demo = (slug: string) => {
  const found = DEMO_SCENARIOS.find((d) => d.slug === slug)!;
  return thenAndNow(
    found.named.map(([code, name]) => ({ code, name })),
    today,
    changes,
  );
};

describe("seed 001's municipalities, then and now", () => {
  it('maps every member of every set to a municipality of today', () => {
    for (const d of DEMO_SCENARIOS) expect(demo(d.slug).lost).toEqual([]);
  });

  it('finds Valdres renumbered into Innlandet, nothing merged', () => {
    const valdres = demo('valdres');
    expect(valdres.now.map((m) => m.code)).toEqual(['3449', '3451', '3453', '3452']);
    expect(valdres.notes).toEqual([]);
  });

  it('says where the members have merged since, and when', () => {
    expect(demo('kristiansund-frei').now.map((m) => m.code)).toEqual(['1505']);
    expect(demo('kristiansund-frei').notes).toEqual([
      { kind: 'mergedTogether', names: ['Kristiansund', 'Frei'], into: 'Kristiansund', year: 2008 },
    ]);
    expect(demo('aure-tustna').notes).toEqual([{ kind: 'mergedTogether', names: ['Aure', 'Tustna'], into: 'Aure', year: 2006 }]);
    expect(demo('harstad-bjarkoy').notes).toEqual([
      { kind: 'mergedTogether', names: ['Harstad', 'Bjarkøy'], into: today.get('5503'), year: 2013 },
    ]);
  });

  it('says when a member took in a municipality outside the set (Bodø and Skjerstad, Hamarøy and Tysfjord)', () => {
    const salten = demo('salten');
    expect(salten.now).toHaveLength(9);
    expect(salten.notes).toEqual(
      expect.arrayContaining([
        { kind: 'tookIn', member: 'Bodø', others: ['Skjerstad'], year: 2005 },
        { kind: 'tookIn', member: today.get('1875'), others: ['Tysfjord - Divtasvuodna'], year: 2020 },
      ]),
    );
    expect(salten.notes).toHaveLength(2);
  });
});

describe('a scenario as people write it', () => {
  const places = [...today].map(([code, name]) => ({ code, name, country: 'NO' as const }));

  it('matches names whatever their case, ignoring the other official forms', () => {
    expect(checkScenario({ name: ' Valdres ', municipalities: 'nord-aurdal, Sør-Aurdal\nNord-Aurdal' }, places)).toEqual({
      name: 'Valdres',
      codes: ['3451', '3449'],
    });
    expect(checkScenario({ name: 'Nord', municipalities: 'Harstad, Kvæfjord' }, places)).toEqual({ name: 'Nord', codes: ['5503', '5510'] });
  });

  it('names what it cannot find, and wants a name and two municipalities', () => {
    expect(checkScenario({ name: '', municipalities: 'Gol, Atlantis' }, places)).toEqual([
      { field: 'name', code: 'required' },
      { field: 'municipalities', code: 'unknownName', name: 'Atlantis' },
      { field: 'municipalities', code: 'tooFew' },
    ]);
  });

  it('keeps a scenario to one country', () => {
    const mixed = [...places, { code: '607', name: 'Fredericia', country: 'DK' as const }];
    expect(checkScenario({ name: 'x', municipalities: 'Gol, Fredericia' }, mixed)).toEqual([
      { field: 'municipalities', code: 'otherCountry' },
    ]);
  });
});

describe('geography and cooperations of a set', () => {
  const neighbours = new Map([
    ['a', ['b']],
    ['b', ['a', 'c']],
    ['c', ['b']],
    ['d', []],
  ]);
  const region = (code: string) => (code === 'd' ? 'R2' : 'R1');

  it('lists shared boundaries and says whether the set hangs together', () => {
    expect(geographyOf(['a', 'b', 'c'], neighbours, region)).toEqual({
      sharedBoundaries: [
        ['a', 'b'],
        ['b', 'c'],
      ],
      contiguous: true,
      regions: ['R1'],
    });
    expect(geographyOf(['a', 'c', 'd'], neighbours, region)).toMatchObject({
      sharedBoundaries: [],
      contiguous: false,
      regions: ['R1', 'R2'],
    });
  });

  it('keeps the cooperations two or more members share, naming only those', () => {
    const cooperation = (codes: string[]) => ({ county: 'X', members: codes.map((code) => ({ code, name: code })), unmatched: [] });
    expect(cooperationsAmong([cooperation(['a', 'b', 'x']), cooperation(['a', 'y'])], ['a', 'b'])).toEqual([cooperation(['a', 'b'])]);
  });
});
