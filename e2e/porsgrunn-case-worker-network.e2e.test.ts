/**
 * Silje, case worker in Porsgrunn, starts a benchmarking network of five (Porsgrunn, Skien,
 * Notodden, Bamble, Kragerø); Ola in Skien joins and Notodden's case worker joins in nynorsk;
 * Ola adds a figure of the network's own and each enters a value; Silje compares them in Danish
 * and English. Axe and 390 px on every page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { translator, type Locale } from '../src/platform/i18n/index.js';
import { expectAccessible, hasChromium, openPage, signInAs, startJourney } from './browser.js';

const journey = startJourney({ shippedRegistry: true });

async function as(subject: string, locale: Locale): Promise<Page> {
  const context = await journey.browser.newContext({ locale: locale === 'en' ? 'en-GB' : `${locale}-${locale === 'da' ? 'DK' : 'NO'}` });
  const page = await openPage(context);
  await signInAs(page, journey.running.baseUrl, subject);
  return page;
}

describe.skipIf(!hasChromium)("Porsgrunn's case worker starts a network of five", () => {
  it('the others join, a figure of their own is added, entered and compared, in four languages', async () => {
    const nb = translator('nb');
    const silje = await as('persona-porsgrunn-case-worker', 'nb');
    await silje.goto(`${journey.running.baseUrl}/nettverk?lang=nb`);
    await expectAccessible(silje);
    await silje.getByLabel(nb('networks.start.name')).fill('Omsorg i Grenland og Øvre Telemark');
    await silje.getByRole('button', { name: nb('networks.start.submit') }).click();
    await expect.poll(() => silje.locator('[role="status"]').textContent()).toContain(nb('networks.done.started'));
    const networkUrl = silje.url().split('?')[0]!;
    for (const name of ['Skien', 'Notodden', 'Bamble', 'Kragerø']) {
      await silje.getByLabel(nb('networks.invite.municipality')).selectOption({ label: name });
      await silje.getByRole('button', { name: nb('networks.invite.submit') }).click();
      await expect.poll(() => silje.locator('[role="status"]').textContent()).toContain(nb('networks.done.invited'));
    }
    expect(await silje.locator('#members-heading + div tbody tr').count()).toBe(5);
    await expectAccessible(silje);

    for (const [subject, locale] of [
      ['persona-skien-case-worker', 'nb'],
      ['persona-notodden-case-worker', 'nn'],
    ] as const) {
      const t = translator(locale);
      const page = await as(subject, locale);
      await page.goto(`${networkUrl}?lang=${locale}`);
      await expectAccessible(page);
      await page.getByRole('button', { name: t('networks.answer.accept') }).click();
      await expect.poll(() => page.locator('[role="status"]').textContent()).toContain(t('networks.done.accepted'));
      await expectAccessible(page);
      if (subject === 'persona-skien-case-worker') {
        await page.getByLabel(t('networks.define.name')).fill('Sykefravær i hjemmetjenesten');
        await page.getByLabel(t('networks.define.unit')).fill('prosent');
        await page.getByLabel(t('networks.define.definition')).fill('Legemeldt sykefravær i prosent av avtalte dagsverk.');
        await page.getByRole('button', { name: t('networks.define.submit') }).click();
        await expect.poll(() => page.locator('[role="status"]').textContent()).toContain(t('networks.done.defined'));
      }
      await page.getByLabel(t('networks.enter.value')).fill(subject.includes('skien') ? '9,2' : '7,4');
      await page.getByRole('button', { name: t('networks.enter.submit') }).click();
      await expect.poll(() => page.locator('[role="status"]').textContent()).toContain(t('networks.done.entered'));
      await page.context().close();
    }

    for (const locale of ['da', 'en'] as const) {
      const t = translator(locale);
      await silje.goto(`${networkUrl}?lang=${locale}`);
      await expectAccessible(silje);
      expect(await silje.locator('#compare-heading').textContent()).toBe(t('networks.compare.heading'));
      const own = silje.locator('section', { has: silje.getByRole('heading', { name: 'Sykefravær i hjemmetjenesten' }) }).last();
      const text = (await own.textContent()) ?? '';
      expect(text).toContain(locale === 'da' ? '9,2' : '9.2');
      expect(text).toContain(t('networks.col.enteredBy', { name: 'Ola Dahl' }).split(' ')[0]!);
    }
    // The three members side by side on the key figures, the two still invited not among them.
    expect(await silje.locator('#compare-heading ~ div thead th').count()).toBe(1 + 3 + 1);
    await silje.context().close();
  }, 240_000);
});
