import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { translator } from '../src/platform/i18n/index.js';
import { seedDemoProgrammes } from '../src/programmes/demo.js';
import { seededIds } from '../src/programmes/index.js';
import { formatNumber } from '../src/platform/i18n/index.js';
import { pdfText } from '../src/platform/pdf/text.js';
import { membersFromRegistry } from '../src/programmes/eligibility.js';
import { expectAccessible, hasChromium, openPage, signInAs, startJourney } from './browser.js';

let callId: string;
let applicationUrl = '';
/** The network's population as the registry has it, formatted as the pages show it. */
let networkPopulation = '';
const nb = translator('nb');
const PDF = { name: 'vedtak.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n% vedtak i kommunestyret\n') };

const journey = startJourney({
  shippedRegistry: true,
  async seed(db) {
    // The shipped registry: real neighbours, counties, populations and projections.
    await seedDemoProgrammes(db);
    const { members } = await membersFromRegistry(db, 'NO', ['4001', '4003', '4005']);
    networkPopulation = formatNumber(
      'nb',
      members.reduce((sum, m) => sum + m.population!.persons, 0),
    );
    callId = (await seededIds(db, 'programme_calls', 'nettverk-2027:call'))!;
  },
});

async function signedIn(subject: string): Promise<Page> {
  const context = await journey.browser.newContext({ locale: 'nb-NO' });
  const page = await openPage(context);
  await signInAs(page, journey.running.baseUrl, subject);
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

  it('a signed-out visitor checks Porsgrunn alone, finds partners with why and the verdict, and checks again with one', async () => {
    const context = await journey.browser.newContext({ locale: 'nb-NO' });
    const page = await openPage(context);
    await page.goto(`${journey.running.baseUrl}/utlysninger/${callId}/sjekk?lang=nb&member=4001#check`);
    expect(await page.locator('#check-result').textContent()).toContain('Samlet folketall');
    await page.getByRole('link', { name: nb('applications.finder.link') }).click();
    await page.waitForURL(/\/partnere/);
    expect(await page.locator('#partner-4003 [data-reason="neighbour"]').textContent()).toBe(
      nb('applications.partners.reason.neighbour', { names: 'Porsgrunn' }),
    );
    expect(await page.locator('#partner-4003 .partner-verdict').getAttribute('data-verdict')).toBe('networkPasses');
    expect(await page.locator('form[method="post"]').count()).toBe(0); // read-only: no invitations
    await expectAccessible(page);
    await page.getByRole('link', { name: nb('applications.finder.check', { name: 'Skien' }) }).click();
    await page.waitForURL(/\/sjekk/);
    expect(await page.locator('#check-result').textContent()).toMatch(/Samlet folketall [\d\u00a0]+ ≥ 60\u00a0000/);
    await expectAccessible(page);
    await context.close();
  }, 60_000);

  it('Silje (Porsgrunn) starts an application on the open call and invites Skien and Notodden', async () => {
    silje = await signedIn('persona-porsgrunn-case-worker');
    await silje.goto(`${journey.running.baseUrl}/utlysninger/${callId}?lang=nb`);
    expect(await silje.textContent('h1')).toBe('Nettverk for bærekraftige tjenester 2027');
    await expectAccessible(silje);
    await silje.getByRole('link', { name: nb('applications.start.link') }).click();
    await expectAccessible(silje);
    // The contact address is the signed-in person's, prefilled; emptied, it is asked for.
    expect(await silje.getByLabel(nb('applications.start.email')).inputValue()).toBe('silje.andersen@porsgrunn.example.no');
    await silje.getByLabel(nb('applications.start.email')).fill('');
    await silje.getByRole('button', { name: nb('applications.start.submit') }).click();
    expect(await silje.locator('#error-summary').textContent()).toContain(nb('applications.start.emailRequired'));
    await silje.getByLabel(nb('applications.start.email')).fill('silje.andersen@porsgrunn.example.no');
    await silje.getByRole('button', { name: nb('applications.start.submit') }).click();
    await silje.waitForURL(/\/soknader\/[0-9a-f-]{36}/);
    applicationUrl = new URL(silje.url()).pathname;
    await expectAccessible(silje);
    // The call allows one application per municipality per round: the call page says so, and a second draft is refused by name.
    await silje.goto(`${journey.running.baseUrl}/utlysninger/${callId}?lang=en`);
    expect(await silje.locator('main').textContent()).toContain(translator('en')('programmes.call.onePerRound'));
    await silje.getByRole('link', { name: translator('en')('applications.start.link') }).click();
    await silje.getByLabel(translator('en')('applications.start.email')).fill('silje.andersen@porsgrunn.example.no');
    await silje.getByRole('button', { name: translator('en')('applications.start.submit') }).click();
    expect(await silje.locator('main').textContent()).toMatch(
      /Porsgrunn is already in the application from Porsgrunn \(started \d+ \w+ 2026/,
    );
    await expectAccessible(silje);
    await silje.goto(`${journey.running.baseUrl}${applicationUrl}?lang=nb`);
    // Partner suggestions: neighbours, the same county and similar projected challenges, each with why and the verdict.
    // The suggestions are folded until asked for, so the form is not pushed down the page.
    await silje.locator('#partners-section > details > summary').click();
    const skien = silje.locator('#partner-4003');
    expect(await skien.locator('[data-reason="neighbour"]').textContent()).toBe(
      nb('applications.partners.reason.neighbour', { names: 'Porsgrunn' }),
    );
    expect(await skien.locator('[data-reason="region"]').textContent()).toBe(
      nb('applications.partners.reason.region', { region: 'Telemark' }),
    );
    expect(await skien.locator('.partner-verdict').textContent()).toContain(nb('applications.partners.verdict.networkPasses'));
    expect(await skien.locator('.partner-verdict').textContent()).toMatch(/Samlet folketall [\d\u00a0]+ ≥ 60\u00a0000/);
    for (const neighbour of ['#partner-3909', '#partner-4010'])
      expect(await silje.locator(`${neighbour} [data-reason="neighbour"]`).count()).toBe(1);
    expect(await silje.locator('#partners-section [data-reason="similar"]').count()).toBeGreaterThan(0);
    expect(await silje.locator('#partners-section [data-verdict="fails"]').count()).toBeGreaterThan(0);
    await skien.getByText(nb('applications.partners.rules', { name: 'Skien' })).click();
    expect(await skien.locator('details').textContent()).toContain(nb('applications.eligibility.pending'));
    await expectAccessible(silje);
    // The projected challenge of Porsgrunn alone, before anyone has joined.
    expect(await silje.locator('[id="challenge.projection-figures"] tbody th').allTextContents()).toEqual(['Porsgrunn']);
    await skien.getByRole('button', { name: nb('applications.partners.invite', { name: 'Skien' }) }).click();
    await expect.poll(() => silje.url()).toContain('notice=invited');
    await silje.getByLabel(nb('applications.invite.municipality')).fill('Notodden');
    await silje.getByRole('button', { name: nb('applications.invite.submit') }).click();
    await expect.poll(() => silje.url()).toContain('notice=invited');
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
    await colleague.goto(`${journey.running.baseUrl}${applicationUrl}?lang=nb`);
    await silje.goto(`${journey.running.baseUrl}${applicationUrl}?lang=nb`);
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

    await silje.goto(`${journey.running.baseUrl}${applicationUrl}?lang=nb`);
    expect(await silje.locator('[name="plan.goal"]').inputValue()).toBe('Kollegaens mål.');
    await silje.locator('[name="plan.goal"]').fill('');
    expect(await silje.locator('#eligibility-result').textContent()).toContain(`${networkPopulation} ≥ 60\u00a0000`);
    // Each member's projected challenge and the network's, projected as one, with scenario and base year.
    const figures = silje.locator('[id="challenge.projection-figures"]');
    expect(await figures.locator('tbody th').allTextContents()).toEqual([
      'Porsgrunn',
      'Skien',
      'Notodden',
      nb('applications.challenge.network', { count: 3 }),
    ]);
    expect(await figures.locator('caption').textContent()).toMatch(/^Innbyggere 80 år og eldre, 20\d\d og 2040$/);
    expect(await figures.textContent()).toMatch(/Stifinners framskriving, hovedalternativet, basisår 20\d\d\./);
    expect(await silje.locator('#members-section').textContent()).not.toContain(nb('applications.invitation.pending'));
    await silje.locator('[name="challenge.text"]').fill('Andelen over 80 år dobles innen 2040, og færre er i arbeidsfør alder.');
    await silje.locator('[name="plan.text"]').fill('Felles rekruttering og en interkommunal bemanningsenhet.');
    await silje.getByRole('button', { name: nb('applications.form.save') }).click();
    await expect.poll(() => silje.url()).toContain('saved=1');
    expect(await silje.locator('#warnings').textContent()).toContain('Målbart mål');
    await expectAccessible(silje);
    await silje.locator('[name="plan.goal"]').fill('Ti prosent færre ubesatte stillinger i 2029.');
    await silje.locator('[name="economy.applied"]').fill('3 500 000');
    // With JavaScript the draft saves itself a moment after typing stops, and the form follows the new version.
    await expect.poll(() => silje.locator('#autosave-status').textContent(), { timeout: 15_000 }).toContain('Lagret automatisk');
    await silje.locator('[name="plan.start"]').fill('2027-01-04');
    await silje.locator('[name="anchoring.text"]').fill('Behandlet i formannskapet; de tillitsvalgte er med i styringsgruppen.');
    await silje.getByRole('button', { name: nb('applications.form.save') }).click();
    await expect.poll(() => silje.url()).toContain('saved=1');
    await silje.getByLabel(/^Fil til /).setInputFiles(PDF);
    await silje.getByRole('button', { name: nb('applications.attachments.upload') }).click();
    await expect.poll(() => silje.url()).toContain('notice=uploaded');
    await silje.getByRole('button', { name: nb('applications.submit.button') }).click();
    await silje.waitForURL(/\/kvittering\/1/);
    expect(await silje.locator('#receipt').textContent()).toContain('Dette er versjon 1');
    const networkRow = await silje
      .locator('[id="receipt-challenge.projection-figures"] tbody tr')
      .last()
      .locator('th, td')
      .allTextContents();
    expect(networkRow[0]).toBe(nb('applications.challenge.network', { count: 3 }));
    await expectAccessible(silje);

    await silje.goto(`${journey.running.baseUrl}/dev/outbox?lang=nb`);
    await expect
      .poll(
        async () => {
          await silje.reload();
          return silje.textContent('main');
        },
        { timeout: 30_000, interval: 500 },
      )
      .toContain('Kvittering: søknad til «Nettverk for bærekraftige tjenester 2027»');
    await expectAccessible(silje);

    await silje.goto(`${journey.running.baseUrl}${applicationUrl}?lang=nb`);
    const pdfLink = silje.getByRole('link', { name: nb('applications.submissions.pdf', { number: 1 }) });
    await expect
      .poll(
        async () => {
          await silje.reload();
          return pdfLink.count();
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(1);
    await expectAccessible(silje);
    const response = await silje.request.get(`${journey.running.baseUrl}${await pdfLink.getAttribute('href')}`);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
    // The receipt PDF prints the projected challenge as submitted: the network's figures with scenario and base year.
    const text = pdfText(await response.body());
    expect(text).toContain(`${networkRow[0]}: ${networkRow[1]} i 20`);
    expect(text).toContain(`${networkRow[2]} i 2040 (${networkRow[3]})`);
    expect(text).toMatch(/Stifinners framskriving, hovedalternativet, basisår 20\d\d\./);
  }, 120_000);
});
