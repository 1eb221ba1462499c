/**
 * Notodden's case worker finds the child-welfare cooperation with Hjartdal on the map of
 * cooperations, records that Notodden hosts it and since when, and saves a municipal-structure
 * scenario of Notodden and Hjartdal that shows the cooperation. In nynorsk and Danish, axe and
 * 390 px on every page.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../src/platform/db/testing.js';
import { translator, type Locale } from '../src/platform/i18n/index.js';
import { importShippedRegistry } from '../src/registry/index.js';
import { startTestApp, type RunningApp } from '../src/test-app.js';
import { expectAccessible, hasChromium, launchBrowser, openPage, signInAs } from './browser.js';

let running: RunningApp;
let browser: Browser;

beforeAll(async () => {
  if (!hasChromium) return;
  const database = await createTestDatabase();
  await importShippedRegistry(database.db);
  running = await startTestApp({ database });
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await running?.close();
  await running?.database.dispose();
});

describe.skipIf(!hasChromium)("Notodden's case worker keeps the cooperation with Hjartdal and saves a scenario", () => {
  it.each([
    ['nn', '2012'],
    ['da', '2013'],
  ] as [Locale, string][])(
    'in %s',
    async (locale, year) => {
      const t = translator(locale);
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await openPage(context);
      await signInAs(page, running.baseUrl, 'persona-notodden-case-worker');
      await page.goto(`${running.baseUrl}/samarbeid?lang=${locale}`);
      await expectAccessible(page);
      expect(await page.locator('#cooperations-map, [id^="cooperations-map"]').count()).toBeGreaterThan(0);
      await page.getByRole('link', { name: 'Barnevernsamarbeid Notodden, Hjartdal' }).click();
      await expectAccessible(page);
      await page
        .getByLabel(t('networks.cooperation.form.legalForm'))
        .selectOption({ label: t('networks.cooperation.legalForm.vertskommune') });
      await page.getByLabel(t('networks.cooperation.form.host')).selectOption({ label: 'Notodden' });
      await page.getByLabel(t('networks.cooperation.form.startYear')).fill(year);
      await page.getByRole('button', { name: t('networks.cooperation.save') }).click();
      await expect.poll(() => page.locator('[role="status"]').textContent()).toContain(t('networks.cooperation.done.changed'));
      expect(await page.locator('dl.facts').textContent()).toContain(year);
      await expectAccessible(page);

      await page.goto(`${running.baseUrl}/kommunestruktur?lang=${locale}`);
      await expectAccessible(page);
      await page.getByLabel(t('networks.scenario.form.name')).fill(`Øvre Telemark ${locale}`);
      await page.getByRole('textbox', { name: t('networks.scenario.form.municipalities'), exact: true }).fill('Notodden, Hjartdal');
      await page.getByRole('button', { name: t('networks.scenario.save') }).click();
      await expect.poll(() => page.locator('[role="status"]').textContent()).toContain(t('networks.scenario.done.saved'));
      expect(await page.locator('#cooperations-heading + ul').textContent()).toContain('Notodden');
      await expectAccessible(page);
      await context.close();
    },
    180_000,
  );
});
