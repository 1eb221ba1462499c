import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureUser } from '../platform/auth/store.js';
import { createTestDatabase, type TestDatabase } from '../platform/db/testing.js';
import { SYSTEM } from '../platform/db/kit.js';
import { isRefused, orThrow } from '../platform/outcome.js';
import { SEED_002 } from './demo.js';
import { demoDirectory, seedDemoDirectory } from './directory-demo.js';
import { parseDirectorySearch, type DirectoryDraft } from './directory.js';
import { findEntryBySlug, listEntries } from './directory.store.js';
import { addEntry, findInDirectory, reviseEntry } from './directory.use-cases.js';
import { findQuestion, searchPublishedQuestions } from './questions.store.js';
import { answerQuestion, askQuestion, publishQuestion } from './questions.use-cases.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoDirectory(database.db, SEED_002);
}, 60_000);
afterAll(() => database.dispose());

const names = async (query: Record<string, string | string[]>) =>
  (await findInDirectory(database.db, parseDirectorySearch(query), new Date())).entries.map((e) => e.name);

const draft: DirectoryDraft = {
  entry: 'scheme',
  kind: null,
  language: 'da',
  name: 'Puljen til velfærdsteknologi',
  description: 'Tilskud til afprøvning af velfærdsteknologi i hjemmeplejen.',
  country: 'DK',
  region: null,
  themes: ['welfare_technology'],
  web: null,
  email: null,
  phone: null,
  runner: 'Ministeriet',
  deadline: new Date('2027-03-01T11:00:00Z'),
  eligible: 'Kommuner.',
  source: 'test',
};

describe('the demo directory', () => {
  it("holds the seeds' actors and schemes, none with a deadline the seeds do not state, and seeding twice adds nothing", async () => {
    const entries = await listEntries(database.db);
    expect(entries).toHaveLength(demoDirectory(SEED_002).length);
    expect(entries.every((e) => e.deadline === null && e.source !== '')).toBe(true);
    expect(await seedDemoDirectory(database.db, SEED_002)).toBe(0);
  });
});

describe('the search', () => {
  it.each([
    ['skjønnsmidlar', 'Skjønnsmidlar til innovasjonsprosjekt i kommunane'],
    ['skjønsmidlar', 'Skjønnsmidlar til innovasjonsprosjekt i kommunane'],
    ['stipendmidler', 'Forsøksordninga med stipendmidlar til innovasjonsføremål'],
    ['innovasjonsstudie', 'Støtte til utvikling av innovasjonsstudium for kommunesektoren'],
    ['forskningsradet', 'Forskningsrådet'],
    ['indenrigsministeriet', 'Økonomi- og Indenrigsministeriet'],
  ])('"%s" finds %s', async (q, name) => {
    expect(await names({ q })).toContain(name);
  });

  it('finds a new scheme with a typo and by stem in another language, and the facets combine with the query', async () => {
    orThrow(await addEntry(database.db, draft, SYSTEM));
    expect(await names({ q: 'velfærdsteknologii' })).toEqual(['Puljen til velfærdsteknologi']);
    expect(await names({ q: 'velferdsteknologi' })).toContain('Puljen til velfærdsteknologi');
    expect(await names({ q: 'velfærdsteknologi', country: 'NO' })).toEqual([]);
    const result = await findInDirectory(database.db, parseDirectorySearch({ q: 'kommunane', type: 'scheme' }), new Date());
    expect(result.entries.every((e) => e.entry === 'scheme')).toBe(true);
    expect(result.facets.type.map((f) => f.value)).toContain('scheme');
  });

  it('revises with a version check: a stale version is refused and nothing is written', async () => {
    const stored = (await findEntryBySlug(database.db, 'puljen-til-velfaerdsteknologi'))!;
    orThrow(await reviseEntry(database.db, stored.slug, stored.version, { ...draft, deadline: null }, SYSTEM));
    const stale = await reviseEntry(database.db, stored.slug, stored.version, { ...draft, name: 'Gammel' }, SYSTEM);
    expect(isRefused(stale) && stale.problem.kind).toBe('versionConflict');
    expect(await findEntryBySlug(database.db, stored.slug)).toMatchObject({ name: draft.name, deadline: null, version: 2 });
    const missing = await reviseEntry(database.db, 'finnes-ikke', 1, draft, SYSTEM);
    expect(isRefused(missing) && missing.problem.kind).toBe('entryNotFound');
  });
});

describe("the competence centre's published answers in the bank's search", () => {
  it('finds a published answer with a typo, filters by sector, keeps the linked schemes, and never a question not yet published', async () => {
    const identity = { identityProvider: 'test', subject: 'asker', name: 'Silje Saksbehandler', email: null, homeMunicipalityCode: null };
    const user = { userId: await ensureUser(database.db, identity), name: identity.name };
    const id = await askQuestion(
      database.db,
      {
        title: 'Stipend til idékonkurranse',
        question: 'Kan kommunen lyse ut stipend til bedrifter?',
        sector: 'technical',
        theme: null,
        mayPublish: true,
      },
      { organisationName: 'Porsgrunn kommune', locale: 'nb' },
      { user, requestId: 'test' },
    );
    const find = (q: string, sector: 'technical' | 'education' | null = null) =>
      searchPublishedQuestions(database.db, q, { sector: sector ? [sector] : [], theme: [] });
    expect(await find('idékonkurranse')).toEqual([]);
    const linked = ['forsoksordninga-med-stipendmidlar-til-innovasjonsforemal'];
    orThrow(
      await answerQuestion(database.db, id, 1, { text: 'Ja, gjennom forsøksordningen.', caseSlugs: [], directorySlugs: linked }, SYSTEM),
    );
    orThrow(await publishQuestion(database.db, id, 2, SYSTEM));
    expect((await findQuestion(database.db, id))?.directorySlugs).toEqual(linked);
    const [hit] = await find('idekonkurranse');
    expect(hit).toMatchObject({ id, title: 'Stipend til idékonkurranse', locale: 'nb', sector: 'technical' });
    expect((await find('forsøksordningen'))[0]?.snippet).toContain('\u0002forsøksordningen\u0003');
    expect(JSON.stringify(hit)).not.toContain('Silje');
    expect(await find('stipend', 'education')).toEqual([]);
    const refused = await answerQuestion(database.db, id, 3, { text: 'x', caseSlugs: [], directorySlugs: ['finnes-ikke'] }, SYSTEM);
    expect(isRefused(refused) && refused.problem.kind).toBe('directoryEntryNotFound');
  });
});
