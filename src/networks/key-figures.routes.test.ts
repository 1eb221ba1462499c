import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../platform/db/testing.js';
import { importShippedRegistry } from '../registry/index.js';
import { startTestApp, type RunningApp } from '../test-app.js';

let running: RunningApp;
beforeAll(async () => {
  const database = await createTestDatabase();
  await importShippedRegistry(database.db);
  running = await startTestApp({ database });
}, 120_000);
afterAll(async () => {
  await running?.close();
  await running?.database.dispose();
});

const get = (url: string) => running.app.inject({ url });

describe("a municipality's key figures", () => {
  it("shows Porsgrunn's figures against Telemark, the country and its size class, with source, unit, direction and breaks", async () => {
    const page = await get('/nokkeltall/4001?lang=nb');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Nøkkeltall for Porsgrunn');
    expect(page.body).toContain('Porsgrunn i Telemark');
    expect(page.body).toContain('Kommuner med 20 000 innbyggere eller flere');
    expect(page.body).toContain('Hele landet');
    expect(page.body).toContain('Sykepleierårsverk per bruker');
    expect(page.body).toContain('Brudd i tidsserien 2015–2017');
    expect(page.body).toContain('Høyere er bedre.');
    expect(page.body).toContain('Grønt hefte');
    expect(page.body).toContain('Framskrevet bemanningsbehov per 1 000 innbyggere 20–66 år');
    expect(page.body).toContain('<svg');
    expect(page.body).toContain('Porsgrunn er ikke med i noe interkommunalt barnevernsamarbeid');
    const bokn = await get('/nokkeltall/1145?lang=nb');
    expect(bokn.body).toContain('(Barnevern) sammen med Karmøy');
  }, 120_000);

  it('gives one figure as CSV with the method break marked, and all of them in one CSV', async () => {
    const csv = await get('/nokkeltall/4001?chart=nurse-fte-per-user&format=csv&lang=en');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('year,municipality,region,country,size_class,method_break');
    const row2025 = lines.find((l) => l.startsWith('2025,'))!.split(',');
    expect(Number(row2025[1])).toBeCloseTo(268 / (1403 + 231), 9);
    expect(lines.find((l) => l.startsWith('2016,'))).toMatch(/,Yes$/);
    const all = await get('/nokkeltall/4001?format=csv&lang=en');
    expect(all.body.split('\r\n')[0]).toBe('figure,unit,source,year,group,value,method_break');
  });

  it('says on a Danish page which figures exist for Denmark and which are Norwegian data only, in four languages', async () => {
    for (const [lang, words] of [
      ['da', 'Hvad der findes for Danmark'],
      ['nb', 'Hva som finnes for Danmark'],
      ['nn', 'Kva som finst for Danmark'],
      ['en', 'What exists for Denmark'],
    ] as const) {
      const page = await get(`/nokkeltall/607?lang=${lang}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(words);
    }
    const danish = await get('/nokkeltall/607?lang=da');
    expect(danish.body).toContain('Befolkningstilvækst');
    expect(danish.body).toContain('Stifinner har ingen oversigt over samarbejder mellem danske kommuner.');
    expect(danish.body).toContain('Sygeplejerskeårsværk pr. bruger');
    expect(danish.body.match(/chart--lines/g)?.length).toBe(1);
  });

  it('answers unknown municipalities and figures with a 4xx', async () => {
    expect((await get('/nokkeltall/9999')).statusCode).toBe(404);
    expect((await get('/nokkeltall/abc')).statusCode).toBe(404);
    expect((await get('/nokkeltall/4001?chart=nope&format=csv')).statusCode).toBe(400);
    expect((await get('/api/v1/key-figures?municipality=12')).statusCode).toBe(400);
    expect((await get('/api/v1/key-figures?municipality=9999')).statusCode).toBe(404);
  });
});

describe('GET /api/v1/key-figures', () => {
  it('gives every figure with its unit, source, direction, years and the comparison groups, and is in the OpenAPI document', async () => {
    const answer = await get('/api/v1/key-figures?municipality=3446&lang=en');
    expect(answer.statusCode).toBe(200);
    const body = answer.json() as {
      municipality: { name: string };
      figures: { key: string; unit: string; direction: string; years: number[]; values: Record<string, (number | null)[]> }[];
    };
    expect(body.municipality.name).toBe('Gran');
    const share = body.figures.find((f) => f.key === 'share-80')!;
    expect(share.values.municipality![share.years.indexOf(2025)]).toBeCloseTo((858 / 13660) * 100, 9);
    expect(Object.keys(share.values)).toEqual(['municipality', 'region', 'country', 'sizeClass']);
    const openapi = (await get('/api/docs/openapi.json')).json() as { paths: Record<string, unknown> };
    expect(openapi.paths['/api/v1/key-figures']).toBeDefined();
  });
});
