import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPersona } from '../src/platform/auth/personas.js';
import { translator } from '../src/platform/i18n/index.js';
import { startTestApp, type RunningApp } from '../src/platform/testing/harness.js';
import { seedDemoProgrammes } from '../src/programmes/demo.js';
import { seedSmallRegistry } from '../src/programmes/testing.js';
import { expectAccessible, hasChromium, launchBrowser, openPage } from './browser.js';

let running: RunningApp;
let browser: Browser;
const nb = translator('nb');

beforeAll(async () => {
  if (!hasChromium) return;
  running = await startTestApp();
  await seedSmallRegistry(running.database.db);
  await seedDemoProgrammes(running.database.db);
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await running?.close();
});

async function signIn(page: Page, subject: string) {
  const persona = findPersona(subject)!;
  await page.goto(`${running.baseUrl}/login/employee?returnTo=/`);
  await expect.poll(() => page.url()).toContain('/idp/interaction/');
  await page.getByLabel(`${persona.name} (${persona.description})`).check();
  await page.getByRole('button', { name: nb('idp.continue') }).click();
  await page.waitForURL((url) => url.pathname === '/');
}

describe.skipIf(!hasChromium)('a programme owner publishes a call and a municipality checks eligibility', () => {
  let context: BrowserContext;
  let callUrl = '';
  beforeAll(async () => {
    context = await browser.newContext({ locale: 'nb-NO' });
  });
  afterAll(() => context?.close());

  it('Ingrid (KDD) creates a call with two rounds and a 60 000 network rule, previews and publishes it', async () => {
    const page = await openPage(context);
    await signIn(page, 'persona-kdd-owner');
    await page.goto(`${running.baseUrl}/utlysninger?lang=nb`);
    await expectAccessible(page);
    await page.getByRole('link', { name: nb('programmes.list.ownerLink') }).click();
    await expectAccessible(page);
    await page.getByRole('link', { name: /^Ny utlysning: / }).first().click();
    await expectAccessible(page);
    await page.getByRole('button', { name: nb('programmes.callForm.create') }).click();
    expect(await page.locator('.ds-error-summary').textContent()).toContain(nb('programmes.problem.required'));
    await expectAccessible(page);
    await page.getByLabel(nb('programmes.callForm.title'), { exact: true }).fill('Nettverk for omstilling 2027');
    await page.getByLabel(nb('programmes.callForm.purpose')).fill('Kommuner i nettverk med minst 60 000 innbyggere.');
    await page.getByLabel(nb('programmes.callForm.roundOpens', { number: 1 })).fill('2026-12-01T08:00');
    await page.getByLabel(nb('programmes.callForm.roundCloses', { number: 1 })).fill('2027-02-01T12:00');
    await page.getByLabel(nb('programmes.callForm.roundOpens', { number: 2 })).fill('2027-03-01T08:00');
    await page.getByLabel(nb('programmes.callForm.roundCloses', { number: 2 })).fill('2027-05-03T12:00');
    await page.getByLabel(nb('programmes.callForm.criterionTitle', { number: 1 }), { exact: true }).fill('Utfordringen er dokumentert');
    await page.getByLabel(nb('programmes.callForm.criterionWeight', { number: 1 }), { exact: true }).fill('100');
    await page.getByLabel(nb('programmes.callForm.template')).selectOption({ label: 'Nettverkssøknad' });
    await page.getByLabel(nb('programmes.callForm.rulePopulation'), { exact: true }).check();
    await page.getByLabel(nb('programmes.callForm.populationMin')).fill('60000');
    await page.getByRole('button', { name: nb('programmes.callForm.create') }).click();
    await expect.poll(() => page.url()).toContain('saved=1');
    await expectAccessible(page);
    await page.getByRole('link', { name: nb('programmes.callForm.preview') }).click();
    expect(await page.textContent('body')).toContain(nb('programmes.call.preview'));
    await expectAccessible(page);
    await page.goBack();
    await page.getByRole('button', { name: nb('programmes.callForm.publish') }).click();
    await expect.poll(() => page.url()).toMatch(/\/utlysninger\/[0-9a-f-]{36}/);
    expect(await page.textContent('body')).toContain('1. februar 2027');
    await expectAccessible(page);
    callUrl = new URL(page.url()).pathname;
    await page.close();
  });

  it('Ola (Skien) checks eligibility alone and fails with the numbers; with Porsgrunn and Notodden it passes', async () => {
    const ola = await browser.newContext({ locale: 'nb-NO' });
    const page = await openPage(ola);
    await signIn(page, 'persona-skien-case-worker');
    await page.goto(`${running.baseUrl}${callUrl}?lang=nb`);
    await page.getByLabel(nb('programmes.check.search')).fill('Skien');
    await page.getByRole('button', { name: nb('programmes.check.submit') }).click();
    expect(await page.locator('#check-result').textContent()).toContain('55\u00a0900 < 60\u00a0000');
    await expectAccessible(page);
    await page.getByLabel(nb('programmes.check.search')).fill('Porsgrunn');
    await page.getByRole('button', { name: nb('programmes.check.submit') }).click();
    await page.getByLabel(nb('programmes.check.search')).fill('Notodden');
    await page.getByRole('button', { name: nb('programmes.check.submit') }).click();
    const result = await page.locator('#check-result').textContent();
    expect(result).toContain('106\u00a0500 ≥ 60\u00a0000');
    await expectAccessible(page);
    await ola.close();
  });
});
