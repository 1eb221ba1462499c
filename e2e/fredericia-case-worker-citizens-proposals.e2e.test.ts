/**
 * Denmark has no statutory citizens' proposals. Freja, a citizen of Fredericia, is told plainly that
 * Fredericia has not switched them on; Mette, Fredericia's case worker, switches them on with the
 * municipality's own rule (a mistake first); Freja then sees the municipality's threshold and its
 * source. In Danish, every page checked with axe at 1280 px and at 390 px.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../src/platform/i18n/index.js';
import { seedSmallRegistry } from '../src/programmes/index.js';
import { startTestApp, type RunningApp } from '../src/test-app.js';
import { expectAccessible, hasChromium, launchBrowser, openPage, signInAs } from './browser.js';

let running: RunningApp;
let browser: Browser;
const da = translator('da');

beforeAll(async () => {
  if (!hasChromium) return;
  running = await startTestApp();
  await seedSmallRegistry(running.database.db);
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await running?.close();
});

describe.skipIf(!hasChromium)('a Danish municipality switches citizens’ proposals on', () => {
  it('Freja sees they are off; Mette switches them on with Fredericia’s own rule; Freja sees the rule', async () => {
    const freja = await openPage(await browser.newContext({ locale: 'da-DK', viewport: { width: 1280, height: 900 } }));
    await signInAs(freja, running.baseUrl, 'persona-citizen-fredericia');
    await freja.goto(`${running.baseUrl}/innbyggerforslag?lang=da`);
    expect(await freja.textContent('main')).toContain(da('participation.threshold.danish', { name: 'Fredericia' }));
    await expectAccessible(freja);

    const mette = await openPage(await browser.newContext({ locale: 'da-DK', viewport: { width: 1280, height: 900 } }));
    await signInAs(mette, running.baseUrl, 'persona-fredericia-case-worker');
    await mette.goto(`${running.baseUrl}/innbyggerforslag/kommunens-regel?lang=da`);
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

    await freja.goto(`${running.baseUrl}/innbyggerforslag?lang=da`);
    const text = (await freja.textContent('main')) ?? '';
    expect(text).toContain(da('participation.local.summary', { name: 'Fredericia', signatures: '400', months: '6' }));
    expect(text).not.toContain(da('participation.threshold.danish', { name: 'Fredericia' }));
    await expectAccessible(freja);
    for (const page of [freja, mette]) await page.context().close();
  }, 120_000);
});
