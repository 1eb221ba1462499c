import { describe, expect, it } from 'vitest';
import type { Locale } from '../src/platform/i18n/index.js';
import { translator } from '../src/platform/i18n/index.js';
import { expectAccessible, hasChromium, openPage, startJourney } from './browser.js';

const journey = startJourney({ shippedRegistry: true });

describe.skipIf(!hasChromium)("a visitor reads Porsgrunn's and Fredericia's key figures", () => {
  it.each(['nb', 'nn', 'da', 'en'] as Locale[])(
    'in %s, axe-clean and at 390 px',
    async (locale) => {
      const t = translator(locale);
      const context = await journey.browser.newContext();
      const page = await openPage(context);
      await page.goto(`${journey.running.baseUrl}/?lang=${locale}`);
      await page
        .getByRole('link', { name: t('networks.nav'), exact: true })
        .first()
        .click();
      await expectAccessible(page);
      await page.getByText('Telemark (', { exact: false }).first().click();
      await page.getByRole('link', { name: 'Porsgrunn', exact: true }).click();
      await expect.poll(() => page.url()).toContain('/nokkeltall/4001');
      await expectAccessible(page);
      const nurses = page.locator('section[aria-labelledby="figure-nurse-fte-per-user-heading"]');
      await expect.poll(() => nurses.textContent()).toContain(t('networks.break.nurseFte', { from: 2015, to: 2017 }));
      await nurses.locator('summary').click();
      expect(await nurses.locator('table tbody tr').count()).toBe(11);
      const href = await nurses.locator('a[type="text/csv"]').getAttribute('href');
      const csv = await (await fetch(`${journey.running.baseUrl}${href}`)).text();
      expect(csv.split('\r\n')[0]).toBe('year,municipality,region,country,size_class,method_break');
      await page.goto(`${journey.running.baseUrl}/nokkeltall/607?lang=${locale}`);
      await expectAccessible(page);
      expect(await page.locator('#denmark-heading').textContent()).toBe(t('networks.denmark.heading'));
      expect(await page.locator('.chart--lines').count()).toBe(1);
      await context.close();
    },
    120_000,
  );
});
