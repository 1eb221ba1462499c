import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInThroughProvider } from '../platform/testing/harness.js';
import { startTestApp, type RunningApp } from '../test-app.js';
import { seedDemoKnowledge } from './index.js';
import { formClient } from './testing/http.js';

let running: RunningApp;
const cookie: Record<string, string> = {};
const ADVISER = 'persona-adviser';
const SILJE = 'persona-porsgrunn-case-worker';
const SKIEN = 'persona-skien-case-worker';
const NOME = '/kunnskapsbank/rehabiliteringsteam-for-hverdagsrehabilitering-i-nome';

beforeAll(async () => {
  running = await startTestApp();
  await seedDemoKnowledge(running.database.db);
  for (const subject of [ADVISER, SILJE, SKIEN]) cookie[subject] = (await signInThroughProvider(running.baseUrl, subject)).header();
}, 60_000);
afterAll(() => running.close());

const { get, post } = formClient(() => running, cookie);

describe('the public search', () => {
  it('finds Nome with a nynorsk word, marks the match, and works without JavaScript (a GET form)', async () => {
    const page = await get('/kunnskapsbank?q=kvardagsrehabilitering&lang=nn');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Rehabiliteringsteam for hverdagsrehabilitering i Nome');
    expect(page.body).toContain('<form method="get" action="/kunnskapsbank" role="search">');
    expect(page.body).toContain('<mark>hverdagsrehabilitering</mark>');
  });

  it('has a Danish and an English address, and filters from the URL combine with the query', async () => {
    const danish = await get('/videnbank?lang=da&q=pleje&country=DK');
    expect(danish.statusCode).toBe(200);
    expect(danish.body).toContain('Længst muligt i eget liv');
    expect(danish.body).toContain('Fjern filteret Danmark');
    expect(danish.body).not.toContain('Familiens hus');
    const english = await get('/knowledge-bank?lang=en&sector=education');
    expect(english.body).toContain('Skule på byggjeplass');
    expect(english.body).toContain('1 cases');
    expect(english.body).toMatch(/Health and care \(\d+\)/);
  });

  it('answers nonsense with an empty, working page', async () => {
    const page = await get(`/kunnskapsbank?q=${encodeURIComponent('<script>x</script>')}&year=abc&side=-3&sector=zzz`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toMatch(/>\s*<script>x/);
    expect(page.body).toContain('Ingen erfaringer passer.');
  });

  it('serves the search as JSON in the API, described in the OpenAPI document', async () => {
    const response = await get('/api/v1/cases?q=hverdagsrehabilitering&country=NO');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.cases.map((c: { title: string }) => c.title)).toContain('Rehabiliteringsteam for hverdagsrehabilitering i Nome');
    expect(body.cases[0].url).toMatch(/\/kunnskapsbank\//);
    expect(body.facets.country).toEqual(
      expect.arrayContaining([
        { value: 'NO', count: body.total },
        { value: 'DK', count: 1 },
      ]),
    );
    const document = (await get('/api/docs', undefined)).body;
    expect(document).toContain('/api/v1/cases');
  });
});

describe('a case page', () => {
  it('shows every fact, the source, and the case in its own language', async () => {
    const page = await get(`${NOME}?lang=nb`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1 class="ds-heading" data-size="lg" lang="nn">');
    expect(page.body).toContain('Nye vegar til framtidas velferd');
    expect(page.body).toContain('Nyttiggjort');
    expect(page.body).toContain('Norsk Ergoterapeutforbund');
    expect(page.body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect((await get('/kunnskapsbank/finnes-ikke')).statusCode).toBe(404);
    expect((await get('/videnbank/laengst-muligt-i-eget-liv?lang=da')).body).toContain('lang="da"');
  });
});

describe('open data and similar cases', () => {
  it('serves every case as JSON and CSV with the licence, both in the OpenAPI document', async () => {
    const json = await get('/api/v1/open-data/cases.json');
    expect(json.statusCode).toBe(200);
    expect(json.json().licence.url).toBe('https://data.norge.no/nlod/no/2.0');
    expect(json.json().cases.length).toBeGreaterThanOrEqual(12);
    const csv = await get('/api/v1/open-data/cases.csv');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body).toContain('Længst muligt i eget liv');
    const document = (await get('/api/docs', undefined)).body;
    expect(document).toContain('/api/v1/open-data/cases.csv');
  });

  it("suggests Fredericia's case on Nome's page (the same theme)", async () => {
    const page = await get(NOME);
    expect(page.body).toMatch(/id="similar"[\s\S]*Længst muligt i eget liv/);
  });
});

describe('"we adopted this"', () => {
  it("Skien's case worker says Skien adopted Nome's case; it shows on the case and on Skien's page", async () => {
    const adopt = `${NOME}/tatt-i-bruk`;
    expect((await get(NOME, SKIEN)).body).toContain('Har Skien kommune tatt dette i bruk?');
    expect((await get(NOME)).body).not.toContain('tatt-i-bruk');
    const empty = await post(adopt, SKIEN, { changes: ' ', year: '' }, NOME);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Skriv hva dere endret');
    const badYear = await post(adopt, SKIEN, { changes: 'Team med sykepleier.', year: '20' }, NOME);
    expect(badYear.statusCode).toBe(400);
    expect(badYear.body).toContain('Team med sykepleier.');
    const done = await post(adopt, SKIEN, { changes: 'Team med sykepleier i stedet for fysioterapeut.', year: '2025' }, NOME);
    expect(done.statusCode).toBe(303);
    const page = await get(done.headers.location as string, SKIEN);
    expect(page.body).toContain('Registrert: kommunen har tatt erfaringen i bruk.');
    expect(page.body).toContain('Team med sykepleier i stedet for fysioterapeut.');
    expect(page.body).not.toContain('Har Skien kommune tatt dette i bruk?');
    const again = await post(adopt, SKIEN, { changes: 'Igjen.', year: '' }, '/kunnskapsbank');
    expect(again.statusCode).toBe(409);
    expect((await post(adopt, ADVISER, { changes: 'x' }, NOME)).statusCode).toBe(403);
    const skien = await get('/kunnskapsbank/kommune/no/4003?lang=nb');
    expect(skien.statusCode).toBe(200);
    expect(skien.body).toContain('Rehabiliteringsteam for hverdagsrehabilitering i Nome');
    expect(skien.body).toContain('fra Nome');
    const nome = await get('/kunnskapsbank/kommune/no/4018');
    expect(nome.body).toContain('Rehabiliteringsteam for hverdagsrehabilitering i Nome');
    expect((await get('/kunnskapsbank/kommune/se/4018')).statusCode).toBe(400);
    expect((await get('/kunnskapsbank/kommune/no/9999')).statusCode).toBe(404);
  });
});

describe("the competence centre's editor", () => {
  it('is for advisers only', async () => {
    expect((await get('/kunnskapsbank/ny', SILJE)).statusCode).toBe(403);
    expect((await get('/kunnskapsbank/ny', ADVISER)).statusCode).toBe(200);
    expect((await get(NOME, SILJE)).body).not.toContain('Endre erfaringen');
    expect((await get(NOME, ADVISER)).body).toContain('Endre erfaringen');
  });

  const valid = {
    language: 'nb',
    title: 'Digitalt tilsyn om natten',
    problem: 'Nattevakter forstyrrer søvnen.',
    done: 'Kommunen prøver sensorer.',
    results: '',
    phase: 'new',
    country: 'NO',
    sector: 'health_care',
    themes: ['welfare_technology', 'rehabilitation'],
    yearFrom: '2025',
    yearTo: '',
    municipalities: '4001 Porsgrunn',
    partners: '',
    contacts: 'Kari Nordmann',
    links: 'Rapport | https://example.no/rapport',
    source: 'Kompetansesenteret',
  };

  it('refuses bad input with a translated message and a 400, and writes a good case', async () => {
    const bad = await post('/kunnskapsbank/ny', ADVISER, { ...valid, title: '' }, '/kunnskapsbank/ny');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Skriv en tittel.');
    const badPlace = await post('/kunnskapsbank/ny', ADVISER, { ...valid, municipalities: 'Porsgrunn' }, '/kunnskapsbank/ny');
    expect(badPlace.statusCode).toBe(400);
    expect(badPlace.body).toContain('«4018 Nome»');
    const badTheme = await post('/kunnskapsbank/ny', ADVISER, { ...valid, themes: 'x' }, '/kunnskapsbank/ny');
    expect(badTheme.statusCode).toBe(400);
    const made = await post('/kunnskapsbank/ny', ADVISER, valid, '/kunnskapsbank/ny');
    expect(made.statusCode).toBe(303);
    expect(made.headers.location).toMatch(/^\/kunnskapsbank\/digitalt-tilsyn-om-natten\?/);
    const page = await get(made.headers.location as string, ADVISER);
    expect(page.body).toContain('Erfaringen er lagret.');
    expect(page.body).toContain('href="https://example.no/rapport"');
    expect((await get('/kunnskapsbank?q=sensorer')).body).toContain('Digitalt tilsyn om natten');
  });

  it('checks the version when editing and recommending', async () => {
    const edit = '/kunnskapsbank/digitalt-tilsyn-om-natten/endre';
    const form = await get(edit, ADVISER);
    const version = /name="version" value="(\d+)"/.exec(form.body)![1]!;
    expect((await post(edit, ADVISER, { ...valid, version, results: 'Færre vekket.' }, edit)).statusCode).toBe(303);
    const stale = await post(edit, ADVISER, { ...valid, version }, edit);
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Noen andre endret erfaringen');
    const recommend = '/kunnskapsbank/digitalt-tilsyn-om-natten/anbefaling';
    expect((await post(recommend, ADVISER, { version, recommended: 'true' }, edit)).statusCode).toBe(409);
    const now = String(Number(version) + 1);
    expect((await post(recommend, ADVISER, { version: now, recommended: 'true' }, edit)).statusCode).toBe(303);
    expect((await get('/kunnskapsbank/digitalt-tilsyn-om-natten')).body).toContain('Kompetansesenteret anbefaler');
    expect((await post(recommend, SILJE, { version: now, recommended: 'false' }, '/kunnskapsbank')).statusCode).toBe(403);
  });
});
