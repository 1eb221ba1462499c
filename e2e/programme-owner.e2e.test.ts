import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../src/platform/i18n/index.js';
import { seedDemoProgrammes } from '../src/programmes/demo.js';
import { seedSmallRegistry } from '../src/programmes/testing.js';
import { orThrow } from '../src/platform/outcome.js';
import { amendCall, findCall } from '../src/programmes/index.js';
import { instantToLocal } from '../src/programmes/time.js';
import { expectAccessible, hasChromium, openPage, signInAs, startJourney } from './browser.js';

const nb = translator('nb');

const journey = startJourney({
  async seed(db) {
    await seedSmallRegistry(db);
    await seedDemoProgrammes(db);
  },
});

async function signIn(page: Page, subject: string) {
  await signInAs(page, journey.running.baseUrl, subject);
}

describe.skipIf(!hasChromium)('a programme owner publishes a call and a municipality checks eligibility', () => {
  let context: BrowserContext;
  let callUrl = '';
  beforeAll(async () => {
    context = await journey.browser.newContext({ locale: 'nb-NO' });
  });
  afterAll(() => context?.close());

  it('Ingrid (KDD) creates a call with two rounds and a 60 000 network rule, previews and publishes it', async () => {
    const page = await openPage(context);
    await signIn(page, 'persona-kdd-owner');
    await page.goto(`${journey.running.baseUrl}/utlysninger?lang=nb`);
    await expectAccessible(page);
    await page.getByRole('link', { name: nb('programmes.list.ownerLink') }).click();
    await expectAccessible(page);
    await page
      .getByRole('link', { name: /^Ny utlysning: / })
      .first()
      .click();
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
    const ola = await journey.browser.newContext({ locale: 'nb-NO' });
    const page = await openPage(ola);
    await signIn(page, 'persona-skien-case-worker');
    await page.goto(`${journey.running.baseUrl}${callUrl}?lang=nb`);
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

describe.skipIf(!hasChromium)('a programme owner works with a form template, questions and answers and a late-submission exception', () => {
  let context: BrowserContext;
  let page: Page;
  let callId = '';
  let templatePath = '';
  let questionPath = '';
  const local = (ms: number) => instantToLocal(new Date(ms), 'Europe/Oslo');
  beforeAll(async () => {
    context = await journey.browser.newContext({ locale: 'nb-NO' });
    page = await openPage(context);
  });
  afterAll(() => context?.close());

  it('Ingrid (KDD) copies and edits a template without JavaScript, previews it and creates a call from it', async () => {
    await signIn(page, 'persona-kdd-owner');
    await page.goto(`${journey.running.baseUrl}/eier?lang=nb`);
    await page.getByRole('link', { name: nb('programmes.templates.link') }).click();
    await expectAccessible(page);
    await page.getByRole('link', { name: nb('programmes.templates.new') }).click();
    await expectAccessible(page);
    await page.getByLabel(nb('programmes.templates.name')).fill('Omstillingssøknad 2027');
    await page
      .getByLabel(nb('programmes.templates.startFrom'))
      .selectOption({ label: nb('programmes.templates.copyOf', { name: 'Nettverkssøknad' }) });
    await page.getByRole('button', { name: nb('programmes.templates.create') }).click();
    await expect.poll(() => page.url()).toMatch(/\/eier\/skjemamaler\/[0-9a-f-]{36}/);
    templatePath = new URL(page.url()).pathname;
    await expectAccessible(page);

    await page.getByLabel(nb('programmes.templates.newKind', { number: 1 })).selectOption('attachment');
    await page.getByRole('button', { name: nb('programmes.templates.addPart', { number: 1 }) }).click();
    expect(await page.textContent('body')).toContain(nb('programmes.templates.unsaved'));
    await expectAccessible(page);
    await page.locator('#s0-p2-label').fill('Vedtak om deltakelse');
    await page.locator('#s0-p2-required').check();
    await page.getByRole('button', { name: nb('programmes.templates.partUp', { section: 1, number: 3 }) }).click();
    expect(await page.locator('#s0-p1-label').inputValue()).toBe('Vedtak om deltakelse');
    await page
      .getByRole('button', { name: nb('programmes.templates.save') })
      .first()
      .click();
    await expect.poll(() => page.url()).toContain('saved=1');
    expect(await page.textContent('body')).toContain(nb('programmes.templates.saved', { version: 2 }));
    await expectAccessible(page);

    await page.getByRole('link', { name: nb('programmes.templates.preview') }).click();
    expect(await page.textContent('main')).toContain('Vedtak om deltakelse');
    await expectAccessible(page);
    await page.getByRole('link', { name: nb('programmes.templates.back') }).click();

    await page
      .getByRole('link', { name: /^Ny utlysning med malen i / })
      .first()
      .click();
    await expectAccessible(page);
    await page.getByLabel(nb('programmes.callForm.title'), { exact: true }).fill('Omstilling med politisk forankring 2027');
    await page.getByLabel(nb('programmes.callForm.purpose')).fill('Kommuner som vil omstille tjenestene sine.');
    await page.getByLabel(nb('programmes.callForm.roundOpens', { number: 1 })).fill(local(Date.now() - 3600_000));
    await page.getByLabel(nb('programmes.callForm.roundCloses', { number: 1 })).fill(local(Date.now() + 2 * 86_400_000));
    await page.getByRole('button', { name: nb('programmes.callForm.create') }).click();
    await expect.poll(() => page.url()).toContain('saved=1');
    await page.getByRole('button', { name: nb('programmes.callForm.publish') }).click();
    await expect.poll(() => page.url()).toMatch(/\/utlysninger\/[0-9a-f-]{36}/);
    callId = new URL(page.url()).pathname.split('/')[2]!;
    const published = (await findCall(journey.running.database.db, callId))!;
    expect(published.status === 'published' && published.snapshot.form.sections[0]!.parts[1]!.label).toBe('Vedtak om deltakelse');
    await expectAccessible(page);
  });

  it('she publishes a question and answer that appears on the public call page with its date', async () => {
    await page.goto(`${journey.running.baseUrl}/eier/utlysninger/${callId}?lang=nb`);
    await page.getByRole('link', { name: nb('programmes.qa.owner.link', { count: 0 }) }).click();
    await expectAccessible(page);
    await page.getByLabel(nb('programmes.qa.question'), { exact: true }).fill('Må vedtaket være fattet før fristen?');
    await page.getByLabel(nb('programmes.qa.answer'), { exact: true }).fill('Ja, vedtaket må være fattet og datert før fristen.');
    await page.getByRole('button', { name: nb('programmes.qa.action.createPublish'), exact: true }).click();
    await expect.poll(async () => page.textContent('main')).toContain('Må vedtaket være fattet før fristen?');
    await expectAccessible(page);
    const anonymous = await journey.browser.newContext({ locale: 'nb-NO' });
    const reader = await openPage(anonymous);
    await reader.goto(`${journey.running.baseUrl}/utlysninger/${callId}?lang=nb`);
    const qa = await reader.locator('#qa').textContent();
    expect(qa).toContain('Ja, vedtaket må være fattet og datert før fristen.');
    expect(qa).toMatch(/Publisert \d{1,2}\. \w+ \d{4}/);
    expect(await reader.locator('.change-log').textContent()).toContain('Må vedtaket være fattet før fristen?');
    await expectAccessible(reader);
    await anonymous.close();
  });

  it("after the deadline she grants Skien an extension, and Ola starts Skien's application late and sees it there; he asks a question that she answers and publishes", async () => {
    const db = journey.running.database.db;
    const call = (await findCall(db, callId))!;
    // Time passes: the round closes a minute ago (as if the owner had set that deadline).
    const rounds = [{ ...call.content.rounds[0]!, closesAt: new Date(Date.now() - 60_000).toISOString() }];
    orThrow(await amendCall(db, callId, call.version, { ...call.content, rounds }, 'Fristen er ute', { user: null, requestId: 'e2e' }));

    await page.goto(`${journey.running.baseUrl}/eier/utlysninger/${callId}?lang=nb`);
    await expectAccessible(page);
    await page.getByLabel(nb('programmes.extension.municipality')).fill('Skien');
    await page.getByLabel(nb('programmes.extension.until', { zone: 'Europe/Oslo' })).fill(local(Date.now() + 3 * 86_400_000));
    await page.getByLabel(nb('programmes.extension.reason')).fill('Kommunestyremøtet ble flyttet på grunn av uvær.');
    await page.getByRole('button', { name: nb('programmes.extension.grant') }).click();
    await expect.poll(() => page.url()).toContain('extension=granted');
    const list = await page.locator('#extensions').textContent();
    expect(list).toContain('Skien');
    expect(list).toContain('Kommunestyremøtet ble flyttet på grunn av uvær.');
    await expectAccessible(page);

    const ola = await journey.browser.newContext({ locale: 'nb-NO' });
    const olaPage = await openPage(ola);
    await signIn(olaPage, 'persona-skien-case-worker');
    // The round has closed, but Skien's exception lets Ola start and work on an application.
    await olaPage.goto(`${journey.running.baseUrl}/utlysninger/${callId}?lang=nb`);
    await olaPage.getByRole('link', { name: nb('applications.start.link') }).click();
    await expectAccessible(olaPage);
    await olaPage.getByRole('button', { name: nb('applications.start.submit') }).click();
    await expect.poll(() => olaPage.url()).toMatch(/\/soknader\/[0-9a-f-]{36}/);
    expect(await olaPage.locator('#extension').textContent()).toContain('Dere har fått utsettelse til');
    expect(await olaPage.getByRole('button', { name: nb('applications.form.save') }).count()).toBe(1);
    await expectAccessible(olaPage);

    // Ola asks the owner from the call page; Ingrid answers and publishes it without his name.
    await olaPage.goto(`${journey.running.baseUrl}/utlysninger/${callId}?lang=nb`);
    await olaPage.getByLabel(nb('programmes.qa.ask.label')).fill('Kan vi legge ved protokollen i stedet for vedtaket?');
    await olaPage.getByRole('button', { name: nb('programmes.qa.ask.submit') }).click();
    await expect.poll(() => olaPage.url()).toContain('asked=1');
    expect(await olaPage.locator('#ask').textContent()).toContain(nb('programmes.qa.ask.sent'));
    await expectAccessible(olaPage);
    await ola.close();

    await page.goto(`${journey.running.baseUrl}/eier/utlysninger/${callId}/sporsmal?lang=nb`);
    expect(await page.textContent('main')).toContain('Ola Dahl');
    await page.getByRole('link', { name: /Kan vi legge ved protokollen/ }).click();
    questionPath = new URL(page.url()).pathname;
    await expectAccessible(page);
    await page.getByLabel(nb('programmes.qa.answer'), { exact: true }).fill('Ja, protokollen med vedtaket holder.');
    await page.getByRole('button', { name: nb('programmes.qa.action.publish') }).click();
    await expect.poll(() => page.url()).toContain('saved=1');
    await expectAccessible(page);
    await page.goto(`${journey.running.baseUrl}/utlysninger/${callId}?lang=nb`);
    const qa = await page.locator('#qa').textContent();
    expect(qa).toContain('Ja, protokollen med vedtaket holder.');
    expect(qa).not.toContain('Ola Dahl');
  });

  it('every new page passes axe in nynorsk, Danish and English too', async () => {
    const paths = [
      '/eier/skjemamaler',
      templatePath,
      `${templatePath}/forhandsvis`,
      '/eier/skjemamaler/ny',
      `/eier/utlysninger/${callId}`,
      `/eier/utlysninger/${callId}/sporsmal`,
      questionPath,
      `/utlysninger/${callId}`,
    ];
    for (const lang of ['nn', 'da', 'en']) {
      for (const path of paths) {
        await page.goto(`${journey.running.baseUrl}${path}?lang=${lang}`);
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        await expectAccessible(page);
      }
    }
    await page.goto(`${journey.running.baseUrl}/?lang=nb`);
  });
});
