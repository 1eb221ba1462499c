import { describe, expect, it } from 'vitest';
import { translator } from '../src/platform/i18n/index.js';
import { seedSmallRegistry } from '../src/programmes/index.js';
import { expectAccessible, hasChromium, openPage, signInAs, startJourney } from './browser.js';

const da = translator('da');

const journey = startJourney({
  async seed(db) {
    await seedSmallRegistry(db);
  },
});

describe.skipIf(!hasChromium)('a Danish municipality switches citizens’ proposals on', () => {
  it('Freja sees they are off; Mette switches them on with Fredericia’s own rule; Freja sees the rule', async () => {
    const freja = await openPage(await journey.browser.newContext({ locale: 'da-DK', viewport: { width: 1280, height: 900 } }));
    await signInAs(freja, journey.running.baseUrl, 'persona-citizen-fredericia');
    await freja.goto(`${journey.running.baseUrl}/innbyggerforslag?lang=da`);
    expect(await freja.textContent('main')).toContain(da('participation.threshold.danish', { name: 'Fredericia' }));
    await expectAccessible(freja);

    const mette = await openPage(await journey.browser.newContext({ locale: 'da-DK', viewport: { width: 1280, height: 900 } }));
    await signInAs(mette, journey.running.baseUrl, 'persona-fredericia-case-worker');
    await mette.goto(`${journey.running.baseUrl}/innbyggerforslag/kommunens-regel?lang=da`);
    await expectAccessible(mette);
    await mette.getByLabel(da('participation.local.enabled', { name: 'Fredericia' })).check();
    await mette.getByLabel(da('participation.local.signatures')).fill('0');
    await mette.getByLabel(da('participation.local.decisionMonths')).fill('6');
    await mette.getByRole('button', { name: da('participation.local.save') }).click();
    expect(await mette.textContent('main')).toContain(da('participation.local.outOfRange', { min: '1', max: '100.000' }));
    await expectAccessible(mette);
    await mette.getByLabel(da('participation.local.signatures')).fill('400');
    await mette.getByRole('button', { name: da('participation.local.save') }).click();
    await expect.poll(async () => mette.textContent('main')).toContain(da('participation.local.saved'));
    await expectAccessible(mette);

    await freja.goto(`${journey.running.baseUrl}/innbyggerforslag?lang=da`);
    const text = (await freja.textContent('main')) ?? '';
    expect(text).toContain(da('participation.local.summary', { name: 'Fredericia', signatures: '400', months: '6' }));
    expect(text).not.toContain(da('participation.threshold.danish', { name: 'Fredericia' }));
    await expectAccessible(freja);
    for (const page of [freja, mette]) await page.context().close();
  }, 120_000);
});
