import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../platform/db/testing.js';
import { SYSTEM } from '../platform/db/kit.js';
import { isRefused, orThrow } from '../platform/outcome.js';
import { seedDemoKnowledge } from './index.js';
import { DEMO_CASES, SEED_002 } from './demo.js';
import { parseSearch } from './model.js';
import { countCases, findCaseBySlug, insertCases, searchCases } from './store.js';
import { recommendCase, reviseCase } from './use-cases.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoKnowledge(database.db);
}, 60_000);
afterAll(() => database.dispose());

const search = (query: Record<string, string | string[]>) => searchCases(database.db, parseSearch(query));
const titles = async (query: Record<string, string | string[]>) => (await search(query)).hits.map((hit) => hit.title);
const NOME = 'Rehabiliteringsteam for hverdagsrehabilitering i Nome';

describe('the demo cases', () => {
  it('are seed 002 examples, each in its language with the seed as source, and seeding twice adds nothing', async () => {
    expect(await countCases(database.db)).toBe(DEMO_CASES.length);
    expect(await seedDemoKnowledge(database.db)).toBe(0);
    expect(await countCases(database.db)).toBe(DEMO_CASES.length);
    const fredericia = await findCaseBySlug(database.db, 'laengst-muligt-i-eget-liv');
    expect(fredericia).toMatchObject({ language: 'da', country: 'DK', phase: 'put_to_use', source: SEED_002, recommended: true });
    expect(fredericia?.municipalities).toEqual([{ country: 'DK', code: '607', name: 'Fredericia', region: null, sizeClass: null }]);
    const network = await findCaseBySlug(database.db, 'nettverket-for-velferdsinnovasjon-i-saman-om-ein-betre-kommune');
    expect(network?.municipalities.map((m) => m.code)).toEqual(['4228', '4207', '4226', '4227', '4225']);
  });
});

describe('the search', () => {
  it.each(['hverdagsrehabilitering', 'kvardagsrehabilitering', 'rehabilitering i heimen', 'hverdagsrehabiltering', 'ergoterapeuten'])(
    '"%s" finds Nome\'s case',
    async (q) => {
      expect(await titles({ q })).toContain(NOME);
    },
  );

  it('ranks the best match first and marks the matched words in the snippet', async () => {
    const result = await search({ q: 'ergoterapeut fysioterapeut' });
    expect(result.hits[0]?.title).toBe(NOME);
    expect(result.hits[0]?.snippet).toContain('\u0002ergoterapeut\u0003');
  });

  it('finds Danish text with Danish stemming and names across languages', async () => {
    expect(await titles({ q: 'plejen' })).toContain('Længst muligt i eget liv');
    expect(await titles({ q: 'Fredericia' })).toEqual(expect.arrayContaining(['Længst muligt i eget liv', NOME]));
  });

  it('needs every word: a word in no case finds nothing', async () => {
    expect(await titles({ q: 'snøbrøyting' })).toEqual(['SMS før snøbrøyting i Kristiansand']);
    expect(await titles({ q: 'snøbrøyting barnevern' })).toEqual([]);
  });

  it('counts facets over the matches, and a facet ignores its own filter but not the others', async () => {
    const all = await search({});
    expect(all.total).toBe(DEMO_CASES.length);
    expect(all.facets.country).toEqual([
      { value: 'NO', count: DEMO_CASES.length - 1 },
      { value: 'DK', count: 1 },
    ]);
    const filtered = await search({ q: 'heime', country: 'NO' });
    expect(filtered.hits.every((hit) => hit.country === 'NO')).toBe(true);
    expect(filtered.facets.country.find((f) => f.value === 'DK')?.count ?? 0).toBe(0);
    const health = await search({ sector: 'health_care', phase: ['put_to_use'] });
    expect(health.total).toBe(DEMO_CASES.filter((c) => c.sector === 'health_care' && c.phase === 'put_to_use').length);
    expect(health.facets.sector.find((f) => f.value === 'education')?.count).toBe(1);
    expect((await search({ year: '1989' })).hits.map((hit) => hit.title)).toEqual([
      'Frikommuneforsøket i Grimstad: samordna sosialhjelp, trygd og arbeidsmarknadstiltak for unge',
    ]);
  });

  it('ignores unknown facet values and treats odd input as words', async () => {
    expect((await search({ sector: 'nonsense', q: "'; drop table knowledge_cases; --" })).total).toBe(0);
    expect((await search({ q: '%_\\' })).total).toBe(DEMO_CASES.length);
  });
});

describe('editing', () => {
  it('checks the version the editor started from', async () => {
    const nome = (await findCaseBySlug(database.db, 'rehabiliteringsteam-for-hverdagsrehabilitering-i-nome'))!;
    const { id, slug, recommended, version, updatedAt, updatedByName, ...draft } = nome;
    const revised = {
      ...draft,
      results: 'Ny tekst.',
      municipalities: draft.municipalities.map(({ country, code, name }) => ({ country, code, name })),
    };
    orThrow(await reviseCase(database.db, slug, version, revised, SYSTEM));
    const stale = await reviseCase(database.db, slug, version, revised, SYSTEM);
    expect(isRefused(stale) && stale.problem.kind).toBe('versionConflict');
    orThrow(await recommendCase(database.db, slug, version + 1, false, SYSTEM));
    expect(await findCaseBySlug(database.db, slug)).toMatchObject({ results: 'Ny tekst.', recommended: false, version: version + 2 });
  });
});

describe('widening a query word through the bank’s words (last: it adds cases)', () => {
  it('widens a word the bank has to a few compounds only, and a word it lacks to the few most like it', async () => {
    const compounds = [
      'heimetenestelag',
      'heimetenestebil',
      'heimetenestekontor',
      'heimetenestevakt',
      'heimetenesteplan',
      'heimetenestemøte',
    ];
    const draft = (title: string) => ({
      ...DEMO_CASES[0]!,
      title,
      problem: title,
      done: title,
      results: '',
      municipalities: [],
      contacts: [],
      links: [],
      source: 'test',
      yearTo: null,
      partners: [],
    });
    await insertCases(
      database.db,
      ['heimeteneste', ...compounds].map((word, i) => ({ slug: `widening-${i}`, draft: draft(word), facts: [] })),
    );
    const known = await titles({ q: 'heimeteneste' });
    expect(known).toContain('heimeteneste');
    // Itself and three compounds at most (the demo cases may have one too), not all six.
    const widened = known.filter((title) => compounds.includes(title)).length;
    expect(widened).toBeGreaterThan(0);
    expect(widened).toBeLessThanOrEqual(3);
    // Unknown (a typo): the five words most like it at most.
    const typo = await titles({ q: 'heimetenetse' });
    expect(typo.length).toBeGreaterThan(0);
    expect(typo.length).toBeLessThanOrEqual(5);
    expect(await titles({ q: 'rehabilitering i heimen' })).toContain(NOME);
  });
});
