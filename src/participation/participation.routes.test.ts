import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../platform/db/testing.js';
import { translator, type Locale } from '../platform/i18n/index.js';
import { signInThroughProvider } from '../platform/testing/harness.js';
import { importShippedRegistry } from '../registry/index.js';
import { startTestApp, type RunningApp } from '../test-app.js';

let running: RunningApp;
const cookie: Record<string, string> = {};
const NORA = 'persona-citizen-porsgrunn';

beforeAll(async () => {
  const database = await createTestDatabase();
  await importShippedRegistry(database.db);
  running = await startTestApp({ database });
  for (const subject of [NORA]) cookie[subject] = (await signInThroughProvider(running.baseUrl, subject)).header();
}, 120_000);
afterAll(async () => {
  await running?.close();
  await running?.database.dispose();
});

const get = (url: string, who?: string) => running.app.inject({ url, headers: who ? { cookie: cookie[who]! } : {} });

describe('GET /api/v1/initiatives/threshold', () => {
  it('answers a municipality’s threshold with the population, year and source it used, and the rule with its source', async () => {
    const response = await get('/api/v1/initiatives/threshold?municipality=4001');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ country: 'NO', kind: 'municipality', name: 'Porsgrunn', statutory: true, threshold: 300, capped: true });
    expect(body.population).toMatchObject({
      persons: expect.any(Number),
      year: expect.any(Number),
      source: expect.stringContaining('07459'),
    });
    expect(body.rule).toMatchObject({ share: 0.02, cap: { municipality: 300, county: 500 }, decisionMonths: 6 });
    expect(body.rule.source.section).toBe('§ 12-1 Innbyggerforslag');
    const utsira = (await get('/api/v1/initiatives/threshold?municipality=1151')).json();
    expect(utsira.threshold).toBe(Math.ceil((utsira.population.persons * 2) / 100));
  });

  it('answers a county as the sum of its municipalities, capped at 500', async () => {
    const body = (await get('/api/v1/initiatives/threshold?county=39')).json();
    expect(body).toMatchObject({ kind: 'county', threshold: 500, capped: true });
  });

  it('says a Danish municipality has no statutory threshold rather than inventing one', async () => {
    const body = (await get('/api/v1/initiatives/threshold?municipality=607')).json();
    expect(body).toMatchObject({ country: 'DK', statutory: false, threshold: null });
    expect(body.rule.source.title).toContain('kommunestyrelsesloven');
  });

  it('is 404 for an unknown code and 400 for a malformed one or none, translated', async () => {
    const unknown = await get('/api/v1/initiatives/threshold?municipality=9999&lang=en');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect((await get('/api/v1/initiatives/threshold?county=99')).statusCode).toBe(404);
    for (const query of ['municipality=40011', 'municipality=abc', 'county=4', 'other=1', ''])
      expect((await get(`/api/v1/initiatives/threshold?${query}`)).statusCode).toBe(400);
    const both = await get('/api/v1/initiatives/threshold?municipality=4001&county=40&lang=da');
    expect(both.statusCode).toBe(400);
    expect(both.json().detail).toBe(translator('da')('participation.api.oneArea'));
  });

  it('is in the OpenAPI document', async () => {
    const document = JSON.parse((await get('/api/docs/openapi.json')).body);
    expect(Object.keys(document.paths)).toContain('/api/v1/initiatives/threshold');
  });
});

describe('the public page', () => {
  it.each(['nb', 'nn', 'da', 'en'] as Locale[])('states the rule with its source and Denmark’s position in %s', async (locale) => {
    const t = translator(locale);
    const page = await get(`/innbyggerforslag?lang=${locale}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(t('participation.rule.title'));
    expect(page.body).toContain('https://lovdata.no/lov/2018-06-22-83/§12-1');
    expect(page.body).toContain(t('participation.denmark.title'));
  });

  it('shows the threshold of the area chosen, without JavaScript, and a signed-in citizen’s own', async () => {
    const utsira = await get('/innbyggerforslag?lang=nb&omrade=kommune-1151');
    expect(utsira.body).toMatch(/Utsira: \d underskrifter trengs\./);
    expect(utsira.body).toContain('Folketall 1. januar');
    const fredericia = await get('/innbyggerforslag?lang=da&omrade=kommune-607');
    expect(fredericia.body).toContain('Fredericia er en dansk kommune.');
    const own = await get('/innbyggerforslag?lang=en', NORA);
    expect(own.body).toContain('Porsgrunn: 300 signatures are needed.');
    expect(own.body).toContain('so 300 signatures are enough');
    const unknown = await get('/innbyggerforslag?lang=nb&omrade=kommune-9999');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('Vi finner ikke den kommunen eller det fylket.');
  });
});
