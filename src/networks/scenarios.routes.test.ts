import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../platform/pdf/text.js';
import { startSignedInApp, type SignedInApp } from './http-testing.js';
import { loadShippedObservations } from './sources.js';

const SILJE = 'persona-porsgrunn-case-worker';
const OLA = 'persona-skien-case-worker';
let app: SignedInApp;

beforeAll(async () => {
  app = await startSignedInApp([SILJE, OLA]);
}, 120_000);
afterAll(async () => {
  await app?.close();
});

const get = (url: string, who?: string) => app.get(url, who);
const post = (url: string, who: string, fields: Record<string, string>, formUrl: string) => app.post(url, who, fields, formUrl);

describe("seed 001's scenarios", () => {
  it('shows Valdres as one: then and now, weighted figures with sources, boundaries, county and cooperation', async () => {
    const page = await get('/kommunestruktur/eksempel/valdres?lang=nb');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Sør-Aurdal, Nord-Aurdal, Øystre Slidre og Vestre Slidre (drøftet 2004)');
    expect(page.body).toContain('Ingen av kommunene har slått seg sammen');
    expect(page.body).toContain('Alle ligger i Innlandet');
    expect(page.body).toContain('Barnevern: Sør-Aurdal, Nord-Aurdal og Øystre Slidre');
    expect(page.body).toContain('Nord-Aurdal grenser til Øystre Slidre');
    expect(page.body).toContain('Kommunene henger sammen');
    expect(page.body).toContain('Kilde: Kartverket, kommunegrenser 2024');
    expect(page.body).toContain('Årsverk i helse og omsorg 2040');
    // Home care 80+ as one municipality: summed users over summed inhabitants 80+, computed here from the panel.
    const observations = loadShippedObservations();
    const codes = ['3449', '3451', '3453', '3452'];
    const year = Math.max(...[...observations.get('3451')!.entries()].filter(([, o]) => o.homeCare80plus !== undefined).map(([y]) => y));
    const sum = (q: 'homeCare80plus' | 'population80plus') => codes.reduce((s, c) => s + observations.get(c)!.get(year)![q]!, 0);
    const expected = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 1 }).format(
      Math.round(((1000 * sum('homeCare80plus')) / sum('population80plus')) * 10) / 10,
    );
    const row = /Hjemmetjenester, 80 år og eldre[^<]*<\/span><\/th><td[^>]*>([^<]*)</.exec(page.body);
    expect(row?.[1]).toBe(expected);
  }, 120_000);

  it('says where members merged since (Kristiansund and Frei, 2008)', async () => {
    const page = await get('/kommunestruktur/eksempel/salten?lang=en');
    expect(page.body).toContain('Bodø was merged with Skjerstad in 2005.');
    const kristiansund = await get('/kommunestruktur/eksempel/kristiansund-frei?lang=nb');
    expect(kristiansund.statusCode).toBe(200);
    expect(kristiansund.body).toContain('Kristiansund og Frei ble slått sammen til Kristiansund i 2008.');
    expect(kristiansund.body).toContain('<h1 class="ds-heading" data-size="lg">Kristiansund og Frei (drøftet 2004)</h1>');
  }, 120_000);

  it('compares a set with a smaller alternative, and gives both as a PDF', async () => {
    const compare = await get('/kommunestruktur/sammenlign?s=eksempel-valdres&k=3451&k=3449&lang=nb');
    expect(compare.statusCode).toBe(200);
    expect(compare.body).toContain('Alternativ: Nord-Aurdal og Sør-Aurdal');
    const href = /href="([^"]*format=pdf[^"]*)"/.exec(compare.body)![1]!.replaceAll('&amp;', '&');
    const pdf = await get(href);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Alternativ: Nord-Aurdal og Sør-Aurdal');
    expect(text).toContain('Kilde: Kartverket');
    expect((await get('/kommunestruktur/sammenlign?s=eksempel-valdres&k=3451&lang=nb')).statusCode).toBe(400);
    expect((await get('/kommunestruktur/sammenlign?s=eksempel-valdres&k=3451&k=3449&k=3451&k=3453&k=3452&lang=nb')).statusCode).toBe(400);
    expect((await get('/kommunestruktur/sammenlign?s=eksempel-atlantis&lang=nb')).statusCode).toBe(400);
  }, 120_000);
});

describe('a saved scenario', () => {
  it('is saved by someone signed in, read by anyone with the link, changed only by its owner from the version seen', async () => {
    expect(
      (await post('/kommunestruktur', SILJE, { name: 'Grenland', municipalities: 'Porsgrunn, Atlantis' }, '/kommunestruktur')).statusCode,
    ).toBe(400);
    const saved = await post(
      '/kommunestruktur',
      SILJE,
      { name: 'Grenland', municipalities: 'Porsgrunn, Skien, Siljan' },
      '/kommunestruktur',
    );
    expect(saved.statusCode).toBe(303);
    const path = saved.headers.location!.split('?')[0]!;
    const anyone = await get(`${path}?lang=nb`);
    expect(anyone.statusCode).toBe(200);
    expect(anyone.body).toContain('Grenland');
    expect(anyone.body).not.toContain('Endre scenarioet');
    const own = await get(`${path}?lang=nb`, SILJE);
    const version = /name="version" value="(\d+)"/.exec(own.body)![1]!;
    expect((await post(path, OLA, { name: 'Mitt', municipalities: 'Skien, Siljan', version }, path)).statusCode).toBe(403);
    expect((await post(path, SILJE, { name: 'Grenland 2', municipalities: 'Porsgrunn, Skien', version }, path)).statusCode).toBe(303);
    const stale = await post(path, SILJE, { name: 'Grenland 3', municipalities: 'Porsgrunn, Skien', version }, path);
    expect(stale.statusCode).toBe(409);
    expect((await get(`${path}?lang=nb`)).body).toContain('Grenland 2');
    const pdf = await get(`${path}?format=pdf&lang=en`);
    expect(pdfText(pdf.rawPayload)).toContain('Grenland 2');
  }, 120_000);
});
