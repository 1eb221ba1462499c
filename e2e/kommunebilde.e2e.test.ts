import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator, type Locale } from '../src/platform/i18n/index.js';
import { readFileSync } from 'node:fs';
import { importFolk1aByAge, statBankDataset } from '../src/registry/index.js';
import { expectAccessible, hasChromium, openPage, startJourney } from './browser.js';

const journey = startJourney({
  shippedRegistry: true,
  async seed(db) {
    // Denmark's population by age, as StatBank answers (the made-up fixture for three municipalities, Fredericia among them).
    const folk1a = JSON.parse(readFileSync(new URL('../src/registry/fixtures/folk1a-statbank.json', import.meta.url), 'utf8'));
    await importFolk1aByAge(db, statBankDataset(folk1a), 'fixture');
  },
});

const PAGES = [
  '/kommune',
  '/kommune?q=odal',
  '/kommune/4001',
  '/kommune/4001?scenario=low&fertility=10&lifeExpectancy=1&migration=50&year=2050',
  '/fylke/40',
  '/landet',
  '/kommune/sammenlign?k=4001&k=3450&summed=1',
  '/kart?indicator=workingAgePer80Plus&year=2040',
  '/kart?indicator=growth&year=2050&sort=name&order=asc',
  '/danmark',
  '/kommune/0607',
  '/kommune/9999',
];

describe.skipIf(!hasChromium)('kommunebilde in Chromium, with axe-core on every page', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await journey.browser.newContext({ locale: 'nb-NO' });
  });
  afterAll(() => context?.close());

  it.each(['nb', 'nn', 'da', 'en'] as Locale[])('every page type passes axe in %s', async (locale) => {
    const page = await openPage(context);
    for (const path of PAGES) {
      const response = await page.goto(`${journey.running.baseUrl}${path}${path.includes('?') ? '&' : '?'}lang=${locale}`);
      expect(response?.status(), path).toBe(path === '/kommune/9999' ? 404 : 200);
      expect(await page.getAttribute('html', 'lang')).toBe(locale);
      await expectAccessible(page);
      // What the page draws: the maps with a link per municipality, the staffing bars on every overview page.
      if (path.startsWith('/kart')) expect(await page.locator('svg.chart__map a').count(), path).toBe(357);
      if (path === '/danmark') expect(await page.locator('svg.chart__map a').count(), path).toBe(98);
      if (path === '/kommune/0607') expect(await page.locator('#danish-ages-heading').textContent(), path).toContain('2025');
      if (/^\/(kommune\/4001|fylke|landet|kommune\/sammenlign)/.test(path)) {
        await expect
          .poll(() => page.locator('svg.chart__svg[aria-labelledby="staffing-fte-title"] rect').count(), { message: path })
          .toBeGreaterThan(0);
        expect(await page.locator('svg.chart__svg[aria-labelledby="staffing-users-title"] rect').count(), path).toBeGreaterThan(0);
      }
    }
    await page.close();
  });

  /**
   * Clicks a point inside the largest area of the page's map (its bounding box's centre may be sea
   * or a neighbour) and returns that area's link.
   */
  async function clickLargestArea(page: Page): Promise<string> {
    await page.locator('svg.chart__map').scrollIntoViewIfNeeded();
    const target = await page.evaluate(() => {
      type Box = { x: number; y: number; width: number; height: number };
      type Shape = {
        getBBox(): Box;
        getBoundingClientRect(): Box;
        getScreenCTM(): { a: number; d: number; e: number; f: number } | null;
        isPointInFill(p: { x: number; y: number }): boolean;
        parentElement: { getAttribute(n: string): string | null };
      };
      const doc = (
        globalThis as unknown as {
          document: { querySelectorAll(s: string): Iterable<Shape>; elementFromPoint(x: number, y: number): unknown };
        }
      ).document;
      const shapes = [...doc.querySelectorAll('svg.chart__map a path')];
      shapes.sort(
        (p, q) =>
          q.getBoundingClientRect().width * q.getBoundingClientRect().height -
          p.getBoundingClientRect().width * p.getBoundingClientRect().height,
      );
      for (const shape of shapes) {
        const box = shape.getBBox();
        const m = shape.getScreenCTM();
        if (!m) continue;
        for (let i = 1; i < 12; i++) {
          for (let j = 1; j < 12; j++) {
            const point = { x: box.x + (box.width * i) / 12, y: box.y + (box.height * j) / 12 };
            const x = m.a * point.x + m.e;
            const y = m.d * point.y + m.f;
            if (shape.isPointInFill(point) && doc.elementFromPoint(x, y) === shape)
              return { x, y, href: shape.parentElement.getAttribute('href')! };
          }
        }
      }
      return undefined;
    });
    expect(target).toBeDefined();
    await page.mouse.click(target!.x, target!.y);
    return target!.href;
  }

  it('clicking a municipality on the map goes to its page in the same language', async () => {
    const page = await openPage(context);
    await page.goto(`${journey.running.baseUrl}/kart?lang=nn`);
    const href = await clickLargestArea(page);
    expect(href).toMatch(/^\/kommune\/\d{4}\?lang=nn$/);
    await page.waitForURL((url) => `${url.pathname}${url.search}` === href);
    expect(await page.getAttribute('html', 'lang')).toBe('nn');
    await expectAccessible(page);
    await page.close();
  });

  it('clicking a Danish municipality on the map goes to its row in the table', async () => {
    const page = await openPage(context);
    await page.goto(`${journey.running.baseUrl}/danmark?lang=da`);
    const href = await clickLargestArea(page);
    expect(href).toMatch(/^\/danmark\?lang=da#dk-\d{3}$/);
    const hash = href.slice(href.indexOf('#'));
    await page.waitForURL((url) => url.hash === hash);
    await expect.poll(() => page.locator(`tr${hash}`).isVisible()).toBe(true);
    await page.close();
  });

  it('a journalist finds Karasjok by its Sami name, then adjusts the scenario, all without JavaScript', async () => {
    const noScript = await journey.browser.newContext({ javaScriptEnabled: false, locale: 'nb-NO' });
    const page = await openPage(noScript);
    const t = translator('nb');
    await page.goto(`${journey.running.baseUrl}/?lang=nb`);
    await page
      .getByRole('navigation', { name: t('layout.mainNavigation') })
      .getByRole('link', { name: t('kommune.nav') })
      .click();
    await page.getByLabel(t('kommune.search.label')).fill('Kárášjohka');
    await page.getByRole('button', { name: t('kommune.search.submit') }).click();
    await page.waitForURL(/\/kommune\/5610/);
    expect(await page.textContent('h1')).toContain('Karasjok');
    await page.getByLabel(t('kommune.scenario.high')).check();
    await page.getByLabel(t('kommune.scenario.migration')).fill('20');
    await page.getByRole('button', { name: t('kommune.scenario.submit') }).click();
    await page.waitForURL(/scenario=high/);
    expect(page.url()).toContain('migration=20');
    expect(await page.textContent('main')).toContain(t('kommune.scenario.adjusted'));
    await noScript.close();
  });

  it('clicking a municipality in the map table goes to its page', async () => {
    const page = await openPage(context);
    await page.goto(`${journey.running.baseUrl}/kart?lang=en&sort=name&order=asc`);
    await page.locator('#map-table tbody tr th a').first().click();
    await page.waitForURL(/\/kommune\/\d{4}/);
    await expectAccessible(page);
    await page.close();
  });
});
