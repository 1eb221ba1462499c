import { describe, expect, it } from 'vitest';
import { translator, type Locale } from '../src/platform/i18n/index.js';
import { pdfText } from '../src/platform/pdf/text.js';
import { expectAccessible, hasChromium, openPage, startJourney } from './browser.js';

const journey = startJourney({ shippedRegistry: true });

describe.skipIf(!hasChromium)(
  'a visitor opens the Nord-Aurdal scenario, compares it with a smaller alternative and downloads the PDF',
  () => {
    it.each(['nb', 'en'] as Locale[])(
      'in %s, at 1280 and 390 px, axe-clean',
      async (locale) => {
        const t = translator(locale);
        const context = await journey.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
        const page = await openPage(context);
        await page.goto(`${journey.running.baseUrl}/?lang=${locale}`);
        await page
          .getByRole('link', { name: t('networks.scenario.nav'), exact: true })
          .first()
          .click();
        await expect.poll(() => page.url()).toContain('/kommunestruktur');
        await expectAccessible(page);
        await page.getByRole('link', { name: /Nord-Aurdal/ }).click();
        await expect.poll(() => page.url()).toContain('/kommunestruktur/eksempel/valdres');
        await expectAccessible(page);
        expect(await page.locator('#since-heading').textContent()).toBe(t('networks.scenario.sinceHeading'));
        expect(await page.locator('#figures-heading + p').textContent()).toBe(t('networks.scenario.weighted'));

        // The smaller alternative: Nord-Aurdal and Sør-Aurdal without the two Slidre municipalities.
        await page.getByLabel('Øystre Slidre', { exact: true }).uncheck();
        await page.getByLabel('Vestre Slidre', { exact: true }).uncheck();
        await page.getByRole('button', { name: t('networks.scenario.compare.submit') }).click();
        await expect.poll(() => page.url()).toContain('/kommunestruktur/sammenlign');
        await expectAccessible(page);
        const headers = await page.locator('table thead th').allTextContents();
        expect(headers).toHaveLength(4);
        expect(headers[2]).toContain('Sør-Aurdal');
        expect(headers[2]).not.toContain('Slidre');
        const members = page.locator('tbody tr').first().locator('td');
        expect(await members.allTextContents()).toEqual(['4', '2', t('networks.scenario.source.registry')]);

        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('link', { name: t('networks.scenario.pdf.downloadComparison') }).click(),
        ]);
        const path = await download.path();
        const { readFile } = await import('node:fs/promises');
        const text = pdfText(await readFile(path!));
        expect(text).toContain(t('networks.scenario.compare.title'));
        expect(text).toContain('Nord-Aurdal');
        expect(text).toContain(t('networks.scenario.source.boundaries'));
        await context.close();
      },
      180_000,
    );
  },
);
