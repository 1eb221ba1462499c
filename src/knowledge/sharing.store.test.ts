import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../platform/db/testing.js';
import { SYSTEM } from '../platform/db/kit.js';
import { isRefused, orThrow } from '../platform/outcome.js';
import { seedDemoKnowledge } from './index.js';
import { parseSearch, type CaseDraft } from './model.js';
import { caseOfOrigin, filesOfCase, findCaseBySlug, searchCases } from './store.js';
import { attachFile, writeCase } from './use-cases.js';
import { insertNomination, listNominations } from './prize.store.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoKnowledge(database.db);
}, 60_000);
afterAll(() => database.dispose());

const ORIGIN = { kind: 'project', id: '6f1c2d7e-0000-4000-8000-000000000001' } as const;
const DRAFT: CaseDraft = {
  language: 'nb',
  title: 'Omstilling i Porsgrunn',
  problem: 'Helhetlig omstilling.',
  done: 'Brukerundersøkelser i tjenestene.',
  results: '',
  phase: 'put_to_use',
  country: 'NO',
  sector: 'organisation',
  themes: [],
  yearFrom: 2004,
  yearTo: 2006,
  municipalities: [{ country: 'NO', code: '4001', name: 'Porsgrunn' }],
  partners: [],
  contacts: [],
  links: [],
  source: 'Porsgrunn: helhetlig omstilling',
  programme: 'Kommunalt omstillingsprogram',
};

describe('a case made from another record', () => {
  it('keeps its origin and programme, and a record has one case', async () => {
    const slug = orThrow(await writeCase(database.db, DRAFT, SYSTEM, { origin: ORIGIN }));
    expect(await findCaseBySlug(database.db, slug)).toMatchObject({ origin: ORIGIN, programme: 'Kommunalt omstillingsprogram' });
    expect((await caseOfOrigin(database.db, ORIGIN))?.slug).toBe(slug);
    const again = await writeCase(database.db, { ...DRAFT, title: 'Igjen' }, SYSTEM, { origin: ORIGIN });
    expect(isRefused(again) && again.problem).toEqual({ kind: 'alreadyMade', slug });
    expect(await findCaseBySlug(database.db, 'igjen')).toBeUndefined();
  });
});

describe('the programme facet', () => {
  it('counts each programme among the matches and filters by it, with the query', async () => {
    const all = await searchCases(database.db, parseSearch({}));
    expect(all.facets.programme).toEqual([
      { value: 'Saman om ein betre kommune', count: 2 },
      { value: 'Kommunalt omstillingsprogram', count: 1 },
    ]);
    const chosen = await searchCases(database.db, parseSearch({ q: 'nettverk', programme: 'Saman om ein betre kommune' }));
    expect(chosen.hits.map((h) => h.title).sort()).toEqual([
      'Innovasjonsnettverket i Saman om ein betre kommune',
      'Nettverket for velferdsinnovasjon i Saman om ein betre kommune',
    ]);
    // A facet's own counts ignore its choice, so the other programme stays choosable.
    expect(chosen.facets.programme.map((f) => f.value)).toContain('Saman om ein betre kommune');
  });
});

describe('a project nominated for the prize', () => {
  it('is kept as nominated (title, language, municipalities), beside the cases, once per prize', async () => {
    // The demo's Danish prize of 2010, with Fredericia's case as its winner (a test database has no jury for this year's).
    const prize = await database.db.selectFrom('knowledge_prizes').select('id').where('year', '=', 2010).executeTakeFirstOrThrow();
    const project = {
      id: ORIGIN.id,
      title: 'Porsgrunn: helhetlig omstilling',
      language: 'nb',
      municipalities: [{ code: '4001', name: 'Porsgrunn' }],
    } as const;
    const id = await insertNomination(database.db, {
      prizeId: prize.id,
      project: { ...project, municipalities: [...project.municipalities] },
      reason: 'Godt',
      byName: null,
    });
    expect(id).toBeDefined();
    expect(
      await insertNomination(database.db, {
        prizeId: prize.id,
        project: { ...project, municipalities: [] },
        reason: 'Igjen',
        byName: null,
      }),
    ).toBeUndefined();
    const nominations = await listNominations(database.db, prize.id);
    expect(nominations.find((n) => n.id === id)).toMatchObject({
      caseSlug: null,
      projectId: ORIGIN.id,
      nomineeTitle: 'Porsgrunn: helhetlig omstilling',
      nomineeLanguage: 'nb',
      municipalities: [{ code: '4001', name: 'Porsgrunn' }],
    });
    expect(nominations.filter((n) => n.caseSlug !== null).length).toBeGreaterThan(0);
  });
});

describe('files on a case', () => {
  it('are stored with the case in one step and listed in the order added', async () => {
    const item = (await findCaseBySlug(database.db, 'omstilling-i-porsgrunn'))!;
    orThrow(await attachFile(database.db, item.slug, { name: 'b.png', contentType: 'image/png', content: Buffer.from('png') }, SYSTEM));
    orThrow(
      await attachFile(database.db, item.slug, { name: 'a.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1') }, SYSTEM),
    );
    expect((await filesOfCase(database.db, item.id)).map((f) => [f.name, f.contentType, f.sizeBytes])).toEqual([
      ['b.png', 'image/png', 3],
      ['a.pdf', 'application/pdf', 6],
    ]);
    const missing = await attachFile(
      database.db,
      'finnes-ikke',
      { name: 'c.pdf', contentType: 'application/pdf', content: Buffer.from('x') },
      SYSTEM,
    );
    expect(isRefused(missing) && missing.problem).toEqual({ kind: 'caseNotFound' });
  });
});
