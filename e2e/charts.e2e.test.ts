import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { access } from '../src/platform/auth/model.js';
import { isLocale, type Locale } from '../src/platform/i18n/index.js';
import { startTestApp, type RunningApp } from '../src/test-app.js';
import { chartDownload } from '../src/platform/ui/charts/index.js';
import { expectAccessible, hasChromium, launchBrowser, openPage } from './browser.js';
import { charts, ChartsPage } from './charts-page.js';

let running: RunningApp;
let browser: Browser;

beforeAll(async () => {
  if (!hasChromium) return;
  running = await startTestApp({
    prepare(app) {
      app.get('/test/charts', { config: { access: access.public } }, async (request, reply) => {
        const query = request.query as { chart?: string; format?: string; lang?: string };
        if (query.format === 'csv' || query.format === 'json') {
          const entry = charts(isLocale(query.lang) ? query.lang : 'nb')[query.chart ?? ''];
          if (!entry) return reply.code(404).send();
          const download = chartDownload(entry.data, query.format, query.chart ?? 'chart');
          return reply
            .type(download.contentType)
            .header('content-disposition', `attachment; filename="${download.filename}"`)
            .send(download.body);
        }
        return reply.html(ChartsPage({ ctx: reply.pageContext() }));
      });
    },
  });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await running?.close();
});

describe.skipIf(!hasChromium)('charts in the real layout, in Chromium', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext();
  });
  afterAll(() => context?.close());

  it.each(['nb', 'nn', 'da', 'en'] as Locale[])(
    'every chart with its table passes axe-core (WCAG 2.1 AA) under the CSP, in %s',
    async (locale) => {
      const page = await openPage(context);
      await page.goto(`${running.baseUrl}/test/charts?lang=${locale}`);
      expect(await page.getByRole('img', { name: 'Befolkning etter kjønn og alder, 2024 og 2040' }).count()).toBe(1);
      expect(await page.getByRole('group', { name: 'Personer 20–66 per person 80+, 2040' }).getByRole('link').count()).toBe(357);
      expect(await page.locator('table.ds-table').count()).toBe(5);
      await expectAccessible(page);
      await page.close();
    },
  );

  it('a municipality on the map is a link named by name and value that leads to its page', async () => {
    const page = await openPage(context);
    await page.goto(`${running.baseUrl}/test/charts?lang=nb`);
    const oslo = page.getByRole('link', { name: /^Oslo: \d+,\d$/ });
    expect(await oslo.getAttribute('href')).toBe('/kommune/0301');
    await page.close();
  });

  it('the download links serve exactly the table’s data as CSV and JSON', async () => {
    const page = await openPage(context);
    await page.goto(`${running.baseUrl}/test/charts?lang=nb`);
    const href = await page.getByRole('link', { name: 'Årsverk etter sektor: CSV' }).getAttribute('href');
    const csv = await fetch(`${running.baseUrl}${href}`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await csv.text()).toBe(
      'category,2030,2040,2050\r\nBarnehage,120.5,110,100\r\nGrunnskole,300,280,250\r\nPleie og omsorg,1450,1800,2100\r\n',
    );
    const json = (await (await fetch(`${running.baseUrl}/test/charts?lang=nb&chart=bars&format=json`)).json()) as { rows: unknown[] };
    expect(json.rows[2]).toEqual({ category: 'Pleie og omsorg', 2030: 1450, 2040: 1800, 2050: 2100 });
    await page.close();
  });
});
