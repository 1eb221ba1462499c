import fc from 'fast-check';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../platform/config.js';
import { translator, type Locale } from '../../platform/i18n/index.js';
import { createTestDatabase } from '../../platform/db/testing.js';
import { startTestApp, type RunningApp } from '../../test-app.js';
import { readFileSync } from 'node:fs';
import { importFolk1aByAge, importShippedRegistry, statBankDataset } from '../../registry/index.js';
import { CARE_FTE_PUBLISHED } from '../engine/staffing.js';
import { kommunebildeRoutes, MAX_COMBINED } from './routes.js';
import type { ProjectionService } from './service.js';

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

const get = (url: string, headers: Record<string, string> = {}) => running.app.inject({ method: 'GET', url, headers });

describe('municipality pages', () => {
  it.each(['nb', 'nn', 'da', 'en'] as Locale[])(
    'Porsgrunn in %s has headline sentences with figures formatted for the language',
    async (locale) => {
      const response = await get(`/kommune/4001?lang=${locale}`);
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('<h1');
      expect(response.body).toContain('Porsgrunn');
      expect(response.body).toContain(translator(locale)('kommune.headline.heading'));
      // 20–66 per 80+ is shown with one decimal: a comma in Norwegian and Danish, a point in English.
      expect(response.body).toMatch(locale === 'en' ? /\d\.\d persons of working age/ : /\d,\d person/);
    },
  );

  it('search finds a municipality by any official form and goes straight to it when there is one', async () => {
    const sami = await get('/kommune?q=K%C3%A1r%C3%A1%C5%A1johka');
    expect(sami.statusCode).toBe(303);
    expect(sami.headers.location).toMatch(/^\/kommune\/5610/);
    const many = await get('/kommune?q=odal');
    expect(many.statusCode).toBe(200);
    expect(many.body).toContain('Nord-Odal');
    expect(many.body).toContain('Sør-Odal');
    const none = await get('/kommune?q=zzzz&lang=en');
    expect(none.body).toContain('No municipality matches');
  });

  it('county and national pages sum their municipalities', async () => {
    const county = await get('/fylke/40?lang=en');
    expect(county.statusCode).toBe(200);
    expect(county.body).toContain('Telemark');
    expect((await get('/landet')).statusCode).toBe(200);
    expect((await get('/fylke/99')).statusCode).toBe(404);
  });

  it('bad input gets a translated 4xx page without internals', async () => {
    const cases: [string, number][] = [
      ['/kommune/9999?lang=en', 404],
      ['/kommune/40011?lang=en', 404],
      ['/kommune/finnes-ikke?lang=en', 404],
      ['/kommune/4001?year=2020&lang=en', 400],
      ['/kommune/4001?year=2051&lang=en', 400],
      ['/kommune/4001?fertility=99&lang=en', 400],
      ['/kommune/4001?lifeExpectancy=0.3&lang=en', 400],
      ['/kommune/4001?scenario=extreme&lang=en', 400],
      ['/kommune/4001?chart=pyramid&lang=en', 400],
    ];
    for (const [url, status] of cases) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(status);
      expect(response.body, url).toContain(translator('en')(status === 404 ? 'error.404.title' : 'error.400.title'));
      expect(response.body, url).not.toMatch(/at .*\.ts|Error:/);
    }
  });

  it('extra migration is bounded by the area’s own population, with the range in the refusal', async () => {
    const utsira = await get('/kommune/1151?migration=-4000&lang=en');
    expect(utsira.statusCode).toBe(400);
    expect(utsira.body).toMatch(/must lie between −\d+ and \d+ persons a year here: at most 2 % of the population \(\d+\)/);
    const page = await get('/kommune/1151?lang=nn');
    const max = Number(/name="migration"[^>]*max="(\d+)"/.exec(page.body)![1]);
    expect(max).toBeGreaterThanOrEqual(1);
    expect(max).toBeLessThan(10);
    expect((await get(`/kommune/1151?migration=${max}`)).statusCode).toBe(200);
    expect((await get(`/kommune/1151?migration=${max + 1}`)).statusCode).toBe(400);
    expect((await get('/kommune/0301?migration=-4000')).statusCode).toBe(200);
    expect((await get('/api/v1/municipalities/1151/projection?migration=-4000')).statusCode).toBe(400);
    expect((await get('/kommune/sammenlign?k=0301&k=1151&migration=100')).statusCode).toBe(400);
  });

  it('no scenario values reach a 500, for the smallest and the largest municipality', async () => {
    const integer = (min: number, max: number) => fc.oneof(fc.integer({ min, max }), fc.integer());
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('1151', '0301'),
        integer(-50, 50),
        fc.oneof(
          fc.integer({ min: -10, max: 10 }).map((half) => half / 2),
          fc.double({ noNaN: true }),
        ),
        integer(-20_000, 20_000),
        async (code, fertility, lifeExpectancy, migration) => {
          const url = `/kommune/${code}?fertility=${fertility}&lifeExpectancy=${lifeExpectancy}&migration=${migration}`;
          const response = await get(url);
          expect(response.statusCode, url).toBeLessThan(500);
        },
      ),
      { numRuns: 60, seed: 20261203 },
    );
  });

  it('an adjusted scenario changes the figures and keeps its parameters in the URL', async () => {
    const main = await get('/api/v1/municipalities/4001/projection');
    const adjusted = await get('/api/v1/municipalities/4001/projection?fertility=20&migration=100&lifeExpectancy=1');
    const total = (body: string) => JSON.parse(body).years.at(-1).total as number;
    expect(total(adjusted.body)).toBeGreaterThan(total(main.body) + 2000);
    const page = await get('/kommune/4001?scenario=low&fertility=20');
    expect(page.body).toMatch(/id="scenario-low"[^>]*checked/);
    expect(page.body).toMatch(/name="fertility"[^>]*value="20"/);
  });
});

describe('downloads of each chart', () => {
  it('CSV and JSON hold exactly the numbers of the chart', async () => {
    const csv = await get('/kommune/4001?chart=pyramid&format=csv&year=2050');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('.csv');
    const lines = csv.body.trim().split(/\r\n/);
    expect(lines[0]).toBe('age,male_2026,female_2026,male_2050,female_2050');
    expect(lines).toHaveLength(20);
    const json = JSON.parse((await get('/kommune/4001?chart=staffing&format=json')).body);
    expect(json.columns.map((c: { key: string }) => c.key)).toEqual([
      'area',
      'users_2026',
      'fte_2026',
      'users_2030',
      'fte_2030',
      'users_2040',
      'fte_2040',
      'users_2050',
      'fte_2050',
    ]);
    expect(json.rows).toHaveLength(7);
    for (const chart of ['age-groups', 'ratios']) expect((await get(`/kommune/4001?chart=${chart}&format=json`)).statusCode).toBe(200);
  });
});

describe('JSON API', () => {
  it('answers with an ETag and Cache-Control, and a 304 to If-None-Match', async () => {
    const first = await get('/api/v1/municipalities/4001/projection?scenario=high');
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toContain('max-age');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^".+"$/);
    const again = await get('/api/v1/municipalities/4001/projection?scenario=high', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const other = await get('/api/v1/municipalities/4001/projection?scenario=low', { 'if-none-match': etag });
    expect(other.statusCode).toBe(200);
  });

  it('a set summed as one has the sum of its members’ figures', async () => {
    const one = JSON.parse((await get('/api/v1/municipalities/4001/projection')).body);
    const two = JSON.parse((await get('/api/v1/municipalities/4003/projection')).body);
    const sum = JSON.parse((await get('/api/v1/projection?codes=4003,4001')).body);
    expect(sum.codes).toEqual(['4001', '4003']);
    sum.years.forEach((year: { total: number; staffing: { fteTotal: number } }, k: number) => {
      expect(year.total).toBeCloseTo(one.years[k].total + two.years[k].total, 6);
      expect(year.staffing.fteTotal).toBeCloseTo(one.years[k].staffing.fteTotal + two.years[k].staffing.fteTotal, 6);
    });
  });

  it('refuses unknown codes and bad parameters with a problem document', async () => {
    expect((await get('/api/v1/municipalities/9999/projection')).statusCode).toBe(404);
    expect((await get('/api/v1/projection?codes=4001,9999')).statusCode).toBe(404);
    const bad = await get('/api/v1/projection?codes=4001&migration=100000');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });

  it(`refuses a combination of more than ${MAX_COMBINED} municipalities with a translated problem`, async () => {
    const codes = JSON.parse((await get('/api/v1/municipalities')).body).map((m: { code: string }) => m.code) as string[];
    const largest = await get(`/api/v1/projection?codes=${codes.slice(0, MAX_COMBINED).join(',')}`);
    expect(largest.statusCode).toBe(200);
    for (const locale of ['nb', 'en'] as Locale[]) {
      const tooMany = await get(`/api/v1/projection?codes=${codes.slice(0, MAX_COMBINED + 1).join(',')}`, { 'accept-language': locale });
      expect(tooMany.statusCode).toBe(400);
      expect(tooMany.headers['content-type']).toContain('application/problem+json');
      expect(JSON.parse(tooMany.body)).toMatchObject({
        status: 400,
        detail: translator(locale)('kommune.api.tooManyMunicipalities', { max: MAX_COMBINED }),
      });
    }
    const document = JSON.parse((await get('/api/docs/openapi.json')).body);
    const parameter = document.paths['/api/v1/projection'].get.parameters.find((p: { name: string }) => p.name === 'codes');
    expect(parameter.description).toContain(String(MAX_COMBINED));
  });

  it('answers /healthz between the slices of costly work, not after it, while one client loops on the largest combinations', async () => {
    const codes = JSON.parse((await get('/api/v1/municipalities')).body).map((m: { code: string }) => m.code) as string[];
    // Tests build the engines at the first request rather than at start: build them first.
    await get('/api/v1/projection?codes=4001');
    // A new combination each time (5 is prime to the number of municipalities: no code twice).
    const combination = (i: number) => Array.from({ length: MAX_COMBINED }, (_, k) => codes[(i * 11 + k * 5) % codes.length]).join(',');
    const timed = async (url: string) => {
      const started = performance.now();
      const response = await fetch(url);
      await response.arrayBuffer();
      expect(response.status).toBe(200);
      return performance.now() - started;
    };
    let stop = false;
    const costly: number[] = [];
    const loop = async (first: number) => {
      for (let i = first; !stop; i += 3)
        costly.push(await timed(`${running.baseUrl}/api/v1/projection?codes=${combination(i)}&migration=${i}`));
    };
    const loops = [0, 1, 2].map(loop);
    const health: number[] = [];
    for (const until = performance.now() + 3_000; performance.now() < until; ) {
      health.push(await timed(`${running.baseUrl}/healthz`));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    stop = true;
    await Promise.all(loops);
    const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.ceil(q * values.length) - 1]!;
    const [healthP95, costlyMedian] = [quantile(health, 0.95), quantile(costly, 0.5)];
    // Compared with the costly requests of the same run, so a loaded machine slows both alike: a
    // server that finished each computation before answering would make /healthz wait about as long.
    const summary = `healthz p95 ${healthP95.toFixed(1)} ms over ${health.length}; costly median ${costlyMedian.toFixed(1)} ms over ${costly.length}`;
    expect(costly.length, summary).toBeGreaterThan(3);
    expect(healthP95, summary).toBeLessThan(costlyMedian / 2);
  }, 30_000);

  it('is described in the OpenAPI document', async () => {
    const document = JSON.parse((await get('/api/docs/openapi.json')).body);
    for (const path of [
      '/api/v1/municipalities',
      '/api/v1/municipalities/{code}/projection',
      '/api/v1/counties/{code}/projection',
      '/api/v1/projection',
    ]) {
      expect(document.paths[path]?.get?.summary, path).toBeTruthy();
    }
  });
});

describe('compare, map and Denmark', () => {
  it('compares up to five municipalities side by side and sums them as one', async () => {
    const page = await get('/kommune/sammenlign?k=4001&k=3450&k=&summed=1&lang=en');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Porsgrunn');
    expect(page.body).toContain('Summed as one');
    const csv = (await get('/kommune/sammenlign?k=4001&k=3450&chart=compare&format=csv')).body.split('\r\n');
    expect(csv[0]).toBe('measure,k4001,k3450');
    const six = `/kommune/sammenlign?${['4001', '4003', '4005', '4010', '4012', '4014'].map((k) => `k=${k}`).join('&')}`;
    expect((await get(six)).statusCode).toBe(400);
    expect((await get('/kommune/sammenlign?k=9999')).statusCode).toBe(404);
  });

  it('the map table sorts by a query parameter and downloads all municipalities', async () => {
    const byName = await get('/kart?indicator=growth&year=2050&sort=name&order=asc&lang=en');
    expect(byName.statusCode).toBe(200);
    expect(byName.body).toContain('aria-sort="ascending"');
    const csv = (await get('/kart?indicator=share80Plus&year=2040&format=csv')).body.trim().split('\r\n');
    expect(csv).toHaveLength(358);
    expect(csv[0]).toBe('name,code,county,value');
    const values = csv.slice(1).map((line) => Number(line.split(',').at(-1)));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect((await get('/kart?year=2000')).statusCode).toBe(400);
    expect((await get('/kart?indicator=nonsense')).statusCode).toBe(400);
  });

  it('a Danish municipality has its own page with what there is and, plainly, what there is not', async () => {
    const page = await get('/kommune/0607?lang=da');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Fredericia');
    expect(page.body).toContain('Region Syddanmark');
    expect(page.body).toContain(translator('da')('kommune.danish.missingHeading'));
    expect(page.body).toMatch(/Befolkningen i Fredericia ændrede sig fra [\d.\u00a0]+ i 2007 til [\d.\u00a0]+ i 2023/);
    const csv = (await get('/kommune/0607?format=csv')).body.trim().split('\r\n');
    expect(csv).toHaveLength(1 + 17);
    const short = await get('/kommune/607?lang=en');
    expect(short.statusCode).toBe(301);
    expect(short.headers.location).toBe('/kommune/0607?lang=en');
    expect((await get('/kommune/0999')).statusCode).toBe(404);
    expect(page.body).not.toContain('danish-ages-heading');
  });

  it("shows a Danish municipality's population by age and sex once FOLK1A by age is imported from StatBank", async () => {
    const fixture = JSON.parse(readFileSync(new URL('../../registry/fixtures/folk1a-statbank.json', import.meta.url), 'utf8'));
    expect(await importFolk1aByAge(running.database.db, statBankDataset(fixture), 'test')).toMatchObject({ ok: true });
    const da = translator('da');
    const page = await get('/kommune/0607?lang=da');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Indbyggere i Fredericia efter alder og køn 1. januar 2025');
    expect(page.body).toContain(da('kommune.danish.agesSource'));
    expect(page.body).toContain(da('kommune.danish.missingProjection'));
    expect(page.body).not.toContain(da('kommune.danish.missing'));
    const csv = (await get('/kommune/0607?chart=age-groups&format=csv')).body.trim().split('\r\n');
    expect(csv[0]).toBe('age_group,men,women');
    expect(csv.slice(1).map((line) => line.split(',')[0])).toEqual([
      '0',
      '1–5',
      '6–12',
      '13–15',
      '16–19',
      '20–44',
      '45–66',
      '67–79',
      '80–89',
      '90+',
    ]);
    const total = csv.slice(1).reduce((sum, line) => sum + Number(line.split(',')[1]) + Number(line.split(',')[2]), 0);
    const raw = [...statBankDataset(fixture).cells()].filter((c) => c.codes.OMRÅDE === '607' && c.codes.Tid === '2025K1');
    expect(total).toBe(raw.reduce((sum, c) => sum + (c.value ?? 0), 0));
    // Norway's pages are as before: the Danish rows never reach the Norwegian projections.
    expect((await get('/kommune/4001?lang=nb')).statusCode).toBe(200);
  });

  it('lists the Danish municipalities with their population', async () => {
    const page = await get('/danmark?lang=da');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('København');
    const json = JSON.parse((await get('/danmark?format=json')).body);
    expect(json.rows).toHaveLength(98);
  });

  it('the map of Norway has one link per municipality, named by municipality and value, with the table’s numbers', async () => {
    const page = await get('/kart?indicator=workingAgePer80Plus&year=2040&lang=en');
    expect(page.statusCode).toBe(200);
    const svg = page.body.slice(page.body.indexOf('<svg'), page.body.indexOf('</svg>'));
    expect(svg).toContain('role="group"');
    const links = [...svg.matchAll(/<a href="\/kommune\/(\d{4})\?lang=en" aria-label="([^"]+)">/g)].map((m) => ({
      code: m[1]!,
      name: m[2]!,
    }));
    expect(links).toHaveLength(357);
    expect(new Set(links.map((l) => l.code)).size).toBe(357);
    const table = page.body.slice(page.body.indexOf('id="map-table"'));
    const rows = new Map(
      [
        ...table.matchAll(
          /<a class="ds-link" href="\/kommune\/(\d{4})\?lang=en">([^<]+)<\/a><\/th><td>[^<]*<\/td><td>[^<]*<\/td><td>([^<]*)<\/td>/g,
        ),
      ].map((m) => [m[1]!, `${m[2]}: ${m[3]}`]),
    );
    expect(rows.size).toBe(357);
    for (const link of links) expect(link.name, link.code).toBe(rows.get(link.code));
    expect(page.body.includes('<ul class="chart-legend" aria-label="Persons aged 20–66 per person aged 80+">'), 'legend').toBe(true);
  });

  it('the map keeps the language in its links', async () => {
    const page = await get('/kart?indicator=growth&year=2050&lang=nn');
    expect(page.body).toMatch(/<a href="\/kommune\/4001\?lang=nn" aria-label="Porsgrunn: [^"]+">/);
  });

  it('Denmark has a map of its 98 municipalities, each linking to its row in the table', async () => {
    const page = await get('/danmark?lang=da');
    const svg = page.body.slice(page.body.indexOf('<svg'), page.body.indexOf('</svg>'));
    const links = [...svg.matchAll(/<a href="\/danmark\?lang=da#(dk-\d{3})" aria-label="([^"]+)">/g)];
    expect(links).toHaveLength(98);
    for (const [, id] of links) expect(page.body).toContain(`<tr id="${id}">`);
    expect(svg).toMatch(/aria-label="København: \d{3}\.\d{3}"/);
  });
});

describe('today’s staffing, calibrated to published totals', () => {
  it('the base year’s national årsverk equal the cited totals within 1 %, with the legal minimum beside them', async () => {
    const json = JSON.parse((await get('/landet?chart=staffing&format=json&lang=en')).body) as {
      columns: { key: string }[];
      rows: Record<string, number | string | null>[];
    };
    const base = json.columns.find((c) => c.key.startsWith('fte_'))!.key;
    const fte = (area: string) => json.rows.find((row) => row.area === area)![base] as number;
    const users = (area: string) => json.rows.find((row) => row.area === area)![base.replace('fte_', 'users_')] as number;
    // SSB table 11924: 157 076 avtalte årsverk in the care services (2023).
    const care = fte('Home care') + fte('Nursing homes');
    expect(Math.abs(care / CARE_FTE_PUBLISHED.total - 1)).toBeLessThan(0.01);
    // Udir GSI 2019/20: 11.6 pupils per teaching årsverk.
    expect(Math.abs(users('School (years 1–10)') / fte('School (years 1–10)') / 11.6 - 1)).toBeLessThan(0.01);
    // The legal minimum is a second, labelled line, below today's staffing in school.
    const minimum = fte('School (years 1–10): legal minimum (FTE)');
    expect(minimum).toBeGreaterThan(0);
    expect(minimum).toBeLessThan(fte('School (years 1–10)'));
  });
});

describe('the staffing bar charts', () => {
  it.each(['/kommune/4001', '/fylke/40', '/landet', '/kommune/sammenlign?k=4001&k=3450&summed=1'])(
    '%s draws every number of the staffing table, which is its CSV',
    async (path) => {
      const sep = path.includes('?') ? '&' : '?';
      const page = await get(`${path}${sep}lang=en`);
      expect(page.statusCode).toBe(200);
      const section = page.body.slice(page.body.indexOf('id="staffing-heading"'), page.body.indexOf('id="ratios-heading"'));
      expect(section).toContain('id="staffing-users-title"');
      expect(section).toContain('id="staffing-fte-title"');
      const csv = (await get(`${path}${sep}chart=staffing&format=csv`)).body
        .trim()
        .split('\r\n')
        .map((line) => line.split(','));
      const json = JSON.parse((await get(`${path}${sep}chart=staffing&format=json&lang=en`)).body) as {
        rows: Record<string, number | string | null>[];
      };
      const header = csv[0]!;
      const numbers = csv.slice(1).flatMap((line) =>
        line
          .slice(1)
          .filter((cell) => cell !== '')
          .map(Number),
      );
      const format = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 0 });
      // The table's cells, in order, are the CSV's numbers.
      const table = section.slice(section.indexOf('<table'), section.indexOf('</table>'));
      const cells = [...table.matchAll(/<td class="numeric">([^<]*)<\/td>/g)].map((m) => m[1]!).filter((c) => c !== '' && c !== '–');
      expect(cells).toEqual(numbers.map(format));
      // The bars' value labels are the same numbers, users first, then årsverk, each by service and year.
      const drawn = (id: string) => {
        const svg = section.slice(section.indexOf(`id="${id}-title"`));
        const values = svg.slice(svg.indexOf('class="chart__values"'), svg.indexOf('</g>', svg.indexOf('class="chart__values"')));
        return [...values.matchAll(/>([^<]+)<\/text>/g)].map((m) => m[1]!);
      };
      const byMeasure = (measure: string) =>
        json.rows.flatMap((row) =>
          header
            .filter((key) => key.startsWith(`${measure}_`))
            .flatMap((key) => (typeof row[key] === 'number' ? [format(row[key] as number)] : [])),
        );
      expect(drawn('staffing-users')).toEqual(byMeasure('users'));
      expect(drawn('staffing-fte')).toEqual(byMeasure('fte'));
      expect(drawn('staffing-users').length + drawn('staffing-fte').length).toBe(numbers.length);
    },
  );
});

describe('start-up', () => {
  /** A service that only records its warm-up. */
  const recording = (log: string[]) =>
    ({
      warmUpSteps: () =>
        ['population', 'engines'].map((step) => async () => {
          await new Promise((resolve) => setTimeout(resolve, 10));
          log.push(step);
        }),
      directory: async () => ({ municipalities: [] }),
      danishMunicipalities: async () => {
        log.push('denmark');
        return [];
      },
    }) as unknown as ProjectionService;

  it('builds what the first visitor needs before the server is ready, except in tests', async () => {
    for (const [env, expected] of [
      ['production', ['population', 'engines', 'denmark']],
      ['test', []],
    ] as const) {
      const log: string[] = [];
      const app = Fastify();
      app.decorate('config', { env } as Config);
      await app.register(kommunebildeRoutes, { service: recording(log) });
      await app.ready();
      expect(log, env).toEqual(expected);
      await app.close();
    }
  });
});
