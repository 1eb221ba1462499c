import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPersona } from '../src/platform/auth/personas.js';
import { translator } from '../src/platform/i18n/index.js';
import { startTestApp, type RunningApp } from '../src/platform/testing/harness.js';
import { seedDemoProgrammes } from '../src/programmes/demo.js';
import { seededIds } from '../src/programmes/store.js';
import { seedSmallRegistry } from '../src/programmes/testing.js';
import { expectAccessible, hasChromium, launchBrowser, openPage } from './browser.js';

let running: RunningApp;
let browser: Browser;
let callId: string;
let applicationUrl = '';
const nb = translator('nb');
const PDF = { name: 'vedtak.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n% vedtak i kommunestyret\n') };

beforeAll(async () => {
  if (!hasChromium) return;
  running = await startTestApp();
  await seedSmallRegistry(running.database.db);
  await seedDemoProgrammes(running.database.db);
  callId = (await seededIds(running.database.db, 'programme_calls', 'nettverk-2027:call'))!;
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await running?.close();
});

async function signedIn(subject: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'nb-NO' });
  const page = await openPage(context);
  const persona = findPersona(subject)!;
  await page.goto(`${running.baseUrl}/login/employee?returnTo=/`);
  await expect.poll(() => page.url()).toContain('/idp/interaction/');
  await page.getByLabel(`${persona.name} (${persona.description})`).check();
  await page.getByRole('button', { name: nb('idp.continue') }).click();
  await page.waitForURL((url) => url.pathname === '/');
  return page;
}

async function attachDecision(page: Page) {
  await page.getByLabel(nb('applications.decision.body')).selectOption('kommunestyre');
  await page.getByLabel(nb('applications.decision.date')).fill('2026-11-10');
  await page.getByLabel(nb('applications.decision.file')).setInputFiles(PDF);
  await page.getByRole('button', { name: nb('applications.decision.submit') }).click();
  await expect.poll(() => page.url()).toContain('notice=decision');
  await expectAccessible(page);
}

describe.skipIf(!hasChromium)('a network of municipalities applies and gets a receipt', () => {
  let silje: Page;

  it('Silje (Porsgrunn) starts an application on the open call and invites Skien and Notodden', async () => {
    silje = await signedIn('persona-porsgrunn-case-worker');
    await silje.goto(`${running.baseUrl}/utlysninger/${callId}?lang=nb`);
    expect(await silje.textContent('h1')).toBe('Nettverk for bærekraftige tjenester 2027');
    await expectAccessible(silje);
    await silje.getByRole('link', { name: nb('applications.start.link') }).click();
    await expectAccessible(silje);
    await silje.getByLabel(nb('applications.start.email')).fill('silje.andersen@porsgrunn.example.no');
    await silje.getByRole('button', { name: nb('applications.start.submit') }).click();
    await silje.waitForURL(/\/soknader\/[0-9a-f-]{36}/);
    applicationUrl = new URL(silje.url()).pathname;
    await expectAccessible(silje);
    for (const name of ['Skien', 'Notodden']) {
      await silje.getByLabel(nb('applications.invite.municipality')).fill(name);
      await silje.getByRole('button', { name: nb('applications.invite.submit') }).click();
      await expect.poll(() => silje.url()).toContain('notice=invited');
    }
    const members = await silje.locator('#members-section').textContent();
    expect(members).toContain('Skien');
    expect(members).toContain(nb('applications.invitation.pending'));
    await expectAccessible(silje);
    await attachDecision(silje);
  }, 120_000);

  it('Ola (Skien) and Marte (Notodden) accept on their applications page and attach their decisions', async () => {
    for (const [subject, email] of [
      ['persona-skien-case-worker', 'ola.dahl@skien.example.no'],
      ['persona-notodden-case-worker', 'marte.lie@notodden.example.no'],
    ] as const) {
      const page = await signedIn(subject);
      await page.getByRole('link', { name: nb('applications.nav') }).click();
      expect(await page.textContent('main')).toContain('Porsgrunn inviterer');
      await expectAccessible(page);
      await page.getByLabel(/^E-post til kontaktperson i /).fill(email);
      await page.getByRole('button', { name: nb('applications.invitation.accept') }).click();
      await page.waitForURL((url) => url.pathname === applicationUrl);
      await expectAccessible(page);
      await attachDecision(page);
      await page.context().close();
    }
  }, 120_000);

  it('the network passes; Silje writes, saves without JavaScript, attaches and submits; receipt, mail and PDF follow', async () => {
    // Two case workers of Porsgrunn (two sessions) edit the draft at once: the second save is a 409 that keeps her text.
    const colleague = await signedIn('persona-porsgrunn-case-worker');
    await colleague.goto(`${running.baseUrl}${applicationUrl}?lang=nb`);
    await silje.goto(`${running.baseUrl}${applicationUrl}?lang=nb`);
    await silje.locator('[name="plan.goal"]').fill('Silje sitt mål.');
    await silje.getByRole('button', { name: nb('applications.form.save') }).click();
    await expect.poll(() => silje.url()).toContain('saved=1');
    await colleague.locator('[name="plan.goal"]').fill('Kollegaens mål.');
    await colleague.getByRole('button', { name: nb('applications.form.save') }).click();
    await expect.poll(() => colleague.locator('#conflict').count()).toBe(1);
    expect(await colleague.locator('#conflict').textContent()).toContain('Målbart mål');
    expect(await colleague.locator('[name="plan.goal"]').inputValue()).toBe('Kollegaens mål.');
    await expectAccessible(colleague);
    await colleague.getByRole('button', { name: nb('applications.form.save') }).click();
    await expect.poll(() => colleague.url()).toContain('saved=1');
    expect(await colleague.locator('[name="plan.goal"]').inputValue()).toBe('Kollegaens mål.');
    await colleague.context().close();

    await silje.goto(`${running.baseUrl}${applicationUrl}?lang=nb`);
    expect(await silje.locator('[name="plan.goal"]').inputValue()).toBe('Kollegaens mål.');
    await silje.locator('[name="plan.goal"]').fill('');
    expect(await silje.locator('#eligibility-result').textContent()).toContain('106\u00a0500 ≥ 60\u00a0000');
    expect(await silje.locator('#members-section').textContent()).not.toContain(nb('applications.invitation.pending'));
    await silje.locator('[name="challenge.text"]').fill('Andelen over 80 år dobles innen 2040, og færre er i arbeidsfør alder.');
    await silje.locator('[name="plan.text"]').fill('Felles rekruttering og en interkommunal bemanningsenhet.');
    await silje.getByRole('button', { name: nb('applications.form.save') }).click();
    await expect.poll(() => silje.url()).toContain('saved=1');
    expect(await silje.locator('#warnings').textContent()).toContain('Målbart mål');
    await expectAccessible(silje);
    await silje.locator('[name="plan.goal"]').fill('Ti prosent færre ubesatte stillinger i 2029.');
    // With JavaScript the draft saves itself a moment after typing stops, and the form follows the new version.
    await expect.poll(() => silje.locator('#autosave-status').textContent(), { timeout: 15_000 }).toContain('Lagret automatisk');
    await silje.locator('[name="anchoring.date"]').fill('2026-11-10');
    await silje.getByRole('button', { name: nb('applications.form.save') }).click();
    await expect.poll(() => silje.url()).toContain('saved=1');
    await silje.getByLabel(/^Fil til /).setInputFiles(PDF);
    await silje.getByRole('button', { name: nb('applications.attachments.upload') }).click();
    await expect.poll(() => silje.url()).toContain('notice=uploaded');
    await silje.getByRole('button', { name: nb('applications.submit.button') }).click();
    await silje.waitForURL(/\/kvittering\/1/);
    expect(await silje.locator('#receipt').textContent()).toContain('Dette er versjon 1');
    await expectAccessible(silje);

    await silje.goto(`${running.baseUrl}/dev/outbox?lang=nb`);
    await expect.poll(async () => (await silje.reload(), await silje.textContent('main')), { timeout: 30_000, interval: 500 }).toContain('Kvittering: søknad til «Nettverk for bærekraftige tjenester 2027»');
    await expectAccessible(silje);

    await silje.goto(`${running.baseUrl}${applicationUrl}?lang=nb`);
    const pdfLink = silje.getByRole('link', { name: nb('applications.submissions.pdf', { number: 1 }) });
    await expect.poll(async () => (await silje.reload(), await pdfLink.count()), { timeout: 30_000, interval: 500 }).toBe(1);
    await expectAccessible(silje);
    const response = await silje.request.get(`${running.baseUrl}${await pdfLink.getAttribute('href')}`);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);
});
