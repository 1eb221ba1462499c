/**
 * The Danish journey: Mette (Fredericia) applies to the ministry's open frikommuneforsøg round in
 * Danish, with Middelfart; Kolding never answers and its invitation is withdrawn; each municipality
 * gives its decision once, by a Danish body; the receipt carries the case number.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { translator } from '../src/platform/i18n/index.js';
import { seedDemoProgrammes } from '../src/programmes/demo.js';
import { seededIds } from '../src/programmes/index.js';
import { expectAccessible, hasChromium, openPage, signInAs, startJourney } from './browser.js';

let callId: string;
let applicationUrl = '';
const da = translator('da');
const PDF = { name: 'beslutning.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n% beslutning i kommunalbestyrelsen\n') };

const journey = startJourney({
  shippedRegistry: true,
  async seed(db) {
    await seedDemoProgrammes(db);
    callId = (await seededIds(db, 'programme_calls', 'frikommune-2027:call'))!;
  },
});

async function signedIn(subject: string): Promise<Page> {
  const page = await openPage(await journey.browser.newContext({ locale: 'da-DK' }));
  await signInAs(page, journey.running.baseUrl, subject);
  return page;
}

async function attachDecision(page: Page) {
  const bodies = await page.getByLabel(da('applications.decision.body')).locator('option').allTextContents();
  expect(bodies.filter((b) => b.trim() !== '')).toEqual([da('programmes.body.okonomiudvalg'), da('programmes.body.kommunalbestyrelse')]);
  await page.getByLabel(da('applications.decision.body')).selectOption('kommunalbestyrelse');
  await page.getByLabel(da('applications.decision.date')).fill('2026-11-25');
  await page.getByLabel(da('applications.decision.file')).setInputFiles(PDF);
  await page.getByRole('button', { name: da('applications.decision.submit') }).click();
  await expect.poll(() => page.url()).toContain('notice=decision');
  await expectAccessible(page);
}

describe.skipIf(!hasChromium)('Mette (Fredericia) applies to the Danish frikommuneforsøg round', () => {
  let mette: Page;

  it('reads the call in Danish only, with its rules, and starts an application', async () => {
    mette = await signedIn('persona-fredericia-case-worker');
    await mette.goto(`${journey.running.baseUrl}/utlysninger/${callId}?lang=da`);
    expect(await mette.textContent('h1')).toBe('Frikommuneforsøg 2027: forsøgsansøgninger');
    const main = (await mette.textContent('main')) ?? '';
    expect(main).toContain('Indenrigs- og Sundhedsministeriet');
    expect(main).toContain('Udsatte børns vej gennem livet fra daginstitution til uddannelse');
    expect(main).toContain('kommunalbestyrelse eller økonomiudvalg');
    for (const norwegian of ['formannskap', 'kommunestyre', 'Søknadsfrist', 'søknad']) expect(main).not.toContain(norwegian);
    await expectAccessible(mette);
    await mette.getByRole('link', { name: da('applications.start.link') }).click();
    expect(await mette.getByLabel(da('applications.start.email')).inputValue()).toBe('mette.jensen@fredericia.example.dk');
    await mette.getByRole('button', { name: da('applications.start.submit') }).click();
    await mette.waitForURL(/\/soknader\/[0-9a-f-]{36}/);
    applicationUrl = new URL(mette.url()).pathname;
    expect(await mette.locator('#case-number').textContent()).toMatch(/^\d{4}\/\d{4}$/);
    // Fredericia alone is under 60.000 inhabitants: the rule says so with the numbers.
    expect(await mette.locator('#eligibility-result').textContent()).toMatch(/60\.000/);
    await expectAccessible(mette);
  }, 120_000);

  it('invites Middelfart and Kolding; Middelfart is told by mail and accepts; Kolding never answers and is withdrawn', async () => {
    for (const name of ['Middelfart', 'Kolding']) {
      await mette.getByLabel(da('applications.invite.municipality')).fill(name);
      await mette.getByRole('button', { name: da('applications.invite.submit') }).click();
      await expect.poll(() => mette.url()).toContain('notice=invited');
    }
    expect(await mette.locator('[role="status"], .ds-alert').first().textContent()).toContain('Kolding');
    await expectAccessible(mette);

    const rasmus = await signedIn('persona-middelfart-case-worker');
    await expect
      .poll(async () => {
        await rasmus.goto(`${journey.running.baseUrl}/varsler?lang=da`);
        return rasmus.textContent('main');
      })
      .toContain('Invitation til at søge sammen: Frikommuneforsøg 2027: forsøgsansøgninger');
    await expectAccessible(rasmus);
    await rasmus
      .getByRole('link', { name: da('applications.nav') })
      .first()
      .click();
    expect(await rasmus.textContent('main')).toContain('Fredericia inviterer Middelfart');
    await rasmus.getByLabel(/^E-mail til kontaktperson i /).fill('rasmus.holm@middelfart.example.dk');
    await rasmus.getByRole('button', { name: da('applications.invitation.accept') }).click();
    await rasmus.waitForURL((url) => url.pathname === applicationUrl);
    await attachDecision(rasmus);
    await rasmus.context().close();

    await mette.goto(`${journey.running.baseUrl}${applicationUrl}?lang=da`);
    await mette.getByRole('button', { name: `${da('applications.invitation.withdraw')}: Kolding` }).click();
    await expect.poll(() => mette.url()).toContain('notice=released');
    const members = (await mette.locator('#members-section').textContent()) ?? '';
    expect(members).toContain(da('applications.invitation.withdrawn'));
    expect(members).toContain(da('applications.invitation.accepted'));
    await expectAccessible(mette);
  }, 180_000);

  it('gives her own decision once, answers in Danish and submits; the receipt carries the case number', async () => {
    await attachDecision(mette);
    await mette.locator('[name="trial.description"]').fill('Et sammenhængende forløb for udsatte børn fra dagtilbud til uddannelse.');
    await mette.locator('[name="trial.rules"]').fill('Fritagelse fra krav om separate handleplaner.');
    await mette.locator('[name="goal.text"]').fill('Flere udsatte unge i uddannelse.');
    await mette.locator('[name="goal.target"]').fill('15');
    await mette.getByRole('button', { name: da('applications.form.save') }).click();
    await expect.poll(() => mette.url()).toContain('saved=1');
    expect(await mette.locator('#eligibility-result').textContent()).toContain('≥ 60.000');
    await mette.getByRole('button', { name: da('applications.submit.button') }).click();
    await mette.waitForURL(/\/kvittering\/1/);
    expect(await mette.locator('#receipt').textContent()).toMatch(/^Sagsnummer \d{4}\/\d{4}\. Ansøgningen til »Frikommuneforsøg 2027/);
    await expectAccessible(mette);
    await mette
      .getByRole('link', { name: da('applications.nav') })
      .first()
      .click();
    const mine = (await mette.textContent('main')) ?? '';
    expect(mine).toMatch(/\d{4}\/\d{4}/);
    expect(mine).toContain('Indsendt');
    await expectAccessible(mette);
  }, 120_000);
});
