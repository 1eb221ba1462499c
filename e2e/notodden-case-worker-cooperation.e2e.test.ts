import { describe, expect, it } from 'vitest';
import { translator, type Locale } from '../src/platform/i18n/index.js';
import { expectAccessible, hasChromium, openPage, signInAs, startJourney } from './browser.js';

const journey = startJourney({ shippedRegistry: true });

describe.skipIf(!hasChromium)("Notodden's case worker keeps the cooperation with Hjartdal and saves a scenario", () => {
  it.each([
    ['nn', '2012'],
    ['da', '2013'],
  ] as [Locale, string][])(
    'in %s',
    async (locale, year) => {
      const t = translator(locale);
      const context = await journey.browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await openPage(context);
      await signInAs(page, journey.running.baseUrl, 'persona-notodden-case-worker');
      await page.goto(`${journey.running.baseUrl}/samarbeid?lang=${locale}`);
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

      await page.goto(`${journey.running.baseUrl}/kommunestruktur?lang=${locale}`);
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
