/**
 * Ingrid (KDD) follows up a granted network project and Silje (Porsgrunn) runs it: every page of the
 * projects capability, as the person who uses it, in Chromium with axe (WCAG 2.1 AA) and at 390 px,
 * in two or four languages. Ingrid sets the reporting and payment plans; Silje accepts the grant,
 * attaches the council's decision and submits the plan; Ingrid returns it with a comment; a report
 * is returned and approved, the first tranche released, the overdue reminder sent once, an
 * extension and a move of money granted, the indicator charted and the members mapped; the final
 * report is approved, Anne evaluates, Ingrid publishes and closes, and Silje sends a continuation
 * into the open call.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_CALL_KEY, seedDemoAssessment } from '../src/assessment/demo.js';
import { translator } from '../src/platform/i18n/index.js';
import { seedDemoProgrammes } from '../src/programmes/demo.js';
import { findCall, seededIds, type StoredCall } from '../src/programmes/index.js';
import { seedSmallRegistry } from '../src/programmes/testing.js';
import { seedDemoProjects } from '../src/projects/demo.js';
import { findProjectOfApplication } from '../src/projects/store.js';
import { projectFollowOn, remindOfReports } from '../src/projects/use-cases.js';
import { grantApproved } from '../src/selection/index.js';
import { expectAccessible, hasChromium, openPage, signInAs, startJourney } from './browser.js';

let call: StoredCall;
let projectId: string;
let ingrid: Page;
let silje: Page;
const nb = translator('nb');
const nn = translator('nn');

const journey = startJourney({
  async seed(db) {
    await seedSmallRegistry(db);
    await seedDemoProgrammes(db);
    await seedDemoAssessment(db);
    await seedDemoProjects(db);
    call = (await findCall(db, (await seededIds(db, 'programme_calls', DEMO_CALL_KEY))!))!;
    const ids = await grantApproved(db, call, { '4001': 900_000 }, projectFollowOn);
    projectId = (await findProjectOfApplication(db, ids.get('4001')!))!.id;
  },
});

const url = (path: string, lang = 'nb') => `${journey.running.baseUrl}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;

describe.skipIf(!hasChromium)('Ingrid follows up Porsgrunn’s project, Silje runs it', () => {
  it('Ingrid sets the reporting and payment plans (a wrong total first)', async () => {
    ingrid = await openPage(await journey.browser.newContext({ locale: 'nb-NO' }));
    await signInAs(ingrid, journey.running.baseUrl, 'persona-kdd-owner');
    silje = await openPage(await journey.browser.newContext({ locale: 'nb-NO' }));
    await signInAs(silje, journey.running.baseUrl, 'persona-porsgrunn-case-worker');
    await ingrid.goto(url(`/eier/programmer/${call.programme.id}/oppfolging`));
    await expectAccessible(ingrid);
    await ingrid.getByLabel(nb('projects.followUp.periodTitle', { n: 1 })).fill('Fremdrift 2027');
    await ingrid.locator('#period-0-due').fill('2027-06-01');
    await ingrid.getByLabel(nb('projects.followUp.periodTitle', { n: 2 })).fill('Sluttrapport');
    await ingrid.locator('#period-1-kind').selectOption('final');
    await ingrid.locator('#period-1-due').fill('2028-06-01');
    await ingrid.getByLabel(nb('projects.followUp.trancheShare', { n: 1 })).fill('60');
    await ingrid.locator('#tranche-0-condition').selectOption('accepted');
    await ingrid.getByRole('button', { name: nb('projects.followUp.save') }).click();
    expect(await ingrid.textContent('.ds-error-summary')).toContain('Ratene er til sammen 60 %');
    await expectAccessible(ingrid);
    await ingrid.getByLabel(nb('projects.followUp.trancheShare', { n: 2 })).fill('40');
    await ingrid.locator('#tranche-1-condition').selectOption({ label: '«Fremdrift 2027» er godkjent' });
    await ingrid.getByRole('button', { name: nb('projects.followUp.save') }).click();
    await expect.poll(() => ingrid.url()).toContain('saved=1');
  }, 90_000);

  it('Silje accepts the grant and submits the network’s plan with an indicator; Ingrid returns it in nynorsk', async () => {
    await silje.goto(url('/prosjekter/mine'));
    await expectAccessible(silje);
    await silje.goto(url(`/prosjekter/${projectId}/oppfolging`));
    await expectAccessible(silje);
    await silje.getByRole('button', { name: nb('projects.workspace.accept') }).click();
    await expect.poll(() => silje.url()).toContain('done=accepted');
    await silje.goto(url(`/prosjekter/${projectId}/plan`));
    await expectAccessible(silje);
    await silje.locator('#purpose').fill('Bedre tjenester i Grenland.');
    await silje.locator('#startsOn').fill('2027-01-01');
    await silje.locator('#endsOn').fill('2028-06-30');
    await silje.locator('#goal-0-text').fill('Kortere ventetid');
    await silje.locator('#ind-0-name').fill('Ventetid');
    await silje.locator('#ind-0-unit').fill('dager');
    await silje.locator('#ind-0-baseline').fill('30');
    await silje.locator('#ind-0-target-p1').fill('20');
    await silje.locator('#bud-shared-own-staff-grant').fill('400 000');
    await silje.locator('#projectLeader').fill('Marit Kjelling');
    await silje.locator('#elected').fill('Ordfører');
    await silje.locator('#administration').fill('Rådmann');
    await silje.locator('#employees').fill('Fagforbundet');
    await silje.locator('#councilDate').fill('2027-01-15');
    await silje.locator('#councilCase').fill('27/12');
    await silje.getByRole('button', { name: nb('projects.plan.save') }).click();
    await expect.poll(() => silje.url()).toContain('done=saved');
    await silje
      .locator('#file')
      .setInputFiles({ name: 'vedtak.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await silje.getByRole('button', { name: nb('projects.plan.councilUpload') }).click();
    await expect
      .poll(async () => (await silje.textContent('main')) ?? '')
      .toContain(nb('projects.plan.councilDownload', { name: 'vedtak.pdf' }));
    await silje.getByRole('button', { name: nb('projects.plan.submit') }).click();
    await expect.poll(() => silje.url()).toContain('done=submitted');
    await ingrid.goto(url(`/prosjekter/${projectId}/plan`, 'nn'));
    await expectAccessible(ingrid);
    await ingrid.getByLabel(nn('projects.review.comment')).fill('Skriv måla tydelegare.');
    await ingrid.getByRole('button', { name: nn('projects.review.return') }).click();
    await expect.poll(() => ingrid.url()).toContain('done=reviewed');
    await silje.goto(url(`/prosjekter/${projectId}/plan`));
    expect(await silje.textContent('main')).toContain('Skriv måla tydelegare.');
    await silje.locator('#goal-0-text').fill('Ventetid under ti dager');
    await silje.getByRole('button', { name: nb('projects.plan.submit') }).click();
    await expect.poll(() => silje.url()).toContain('done=submitted');
    await ingrid.goto(url(`/prosjekter/${projectId}/plan`));
    await ingrid.getByRole('button', { name: nb('projects.review.approve') }).click();
    await expect.poll(() => ingrid.url()).toContain('done=reviewed');
    await expectAccessible(ingrid);
  }, 120_000);

  it('Silje submits the first report, Ingrid returns and then approves it, the first tranche is released', async () => {
    const editor = url(`/prosjekter/${projectId}/rapport?periode=p1&del=`);
    await silje.goto(editor);
    await expectAccessible(silje);
    await silje.locator('#actual-i1').fill('22');
    await silje.locator('#q-progress').fill('Kartleggingen er ferdig.');
    await silje.locator('#q-deviations').fill('Ingen.');
    await silje.getByRole('button', { name: nb('projects.report.submit') }).click();
    await expect.poll(() => silje.url()).toContain('done=reportSubmitted');
    await ingrid.goto(url(`/prosjekter/${projectId}/oppfolging`));
    await ingrid.getByRole('link', { name: nb('projects.reports.review') }).click();
    await expectAccessible(ingrid);
    await ingrid.getByLabel(nb('projects.review.comment')).fill('Tallene for Skien mangler.');
    await ingrid.getByRole('button', { name: nb('projects.review.return') }).click();
    await silje.goto(editor);
    expect(await silje.textContent('main')).toContain('Tallene for Skien mangler.');
    await silje.locator('#q-progress').fill('Kartleggingen er ferdig, også i Skien.');
    await silje.getByRole('button', { name: nb('projects.report.submit') }).click();
    await expect.poll(() => silje.url()).toContain('done=reportSubmitted');
    await ingrid.goto(url(`/prosjekter/${projectId}/oppfolging`));
    await ingrid.getByRole('link', { name: nb('projects.reports.review') }).click();
    await ingrid.getByRole('button', { name: nb('projects.review.approve') }).click();
    await silje.goto(url(`/prosjekter/${projectId}/oppfolging`));
    await silje
      .getByRole('button', { name: nb('projects.payments.request') })
      .first()
      .click();
    await ingrid.goto(url(`/prosjekter/${projectId}/oppfolging`, 'en'));
    await ingrid
      .getByRole('button', { name: /^Release/ })
      .first()
      .click();
    await expect.poll(() => ingrid.url()).toContain('done=released');
    await expectAccessible(ingrid);
  }, 120_000);

  it('the clock moves past the final report’s due date: the overdue reminder arrives once', async () => {
    const db = journey.running.database.db;
    const overdue = () => db.selectFrom('notifications').select('id').where('occasion', 'like', `report-overdue:${projectId}:%`).execute();
    await remindOfReports(db, journey.running.app.jobs, new Date('2028-06-05T08:00:00Z'));
    const first = (await overdue()).length;
    expect(first).toBeGreaterThan(0);
    await remindOfReports(db, journey.running.app.jobs, new Date('2028-06-20T08:00:00Z'));
    expect((await overdue()).length).toBe(first);
    await silje.goto(url('/varsler'));
    await expect.poll(async () => (await silje.textContent('main')) ?? '').toContain('Forfalt: «Sluttrapport»');
  }, 60_000);

  it('Silje asks for an extension and Ingrid grants it; the portfolio and its CSV show the project', async () => {
    await silje.goto(url(`/prosjekter/${projectId}/oppfolging`));
    await silje.locator('#endsOn').fill('2028-12-31');
    await silje.locator('#reason').fill('Oppstarten ble forsinket.');
    await silje.getByRole('button', { name: nb('projects.changes.send') }).click();
    await expect.poll(() => silje.url()).toContain('done=change');
    await ingrid.goto(url(`/prosjekter/${projectId}/oppfolging`));
    await ingrid.locator('#decisionReason').fill('Som programmet åpner for.');
    await ingrid.getByRole('button', { name: nb('projects.changes.grant') }).click();
    await expect.poll(() => ingrid.url()).toContain('done=decided');
    expect(await ingrid.textContent('main')).toContain('31. desember 2028');
    await ingrid.goto(url(`/eier/programmer/${call.programme.id}/prosjekter`));
    await expectAccessible(ingrid);
    await ingrid.goto(url('/eier/prosjekter'));
    await expectAccessible(ingrid);
    await ingrid.goto(url(`/eier/programmer/${call.programme.id}/samlinger`));
    await expectAccessible(ingrid);
  }, 90_000);

  it('Silje moves money between cost lines through the plan editor and Ingrid grants it; the follow-up charts the indicator; the members on a map', async () => {
    await silje.goto(url(`/prosjekter/${projectId}/plan/endring`));
    await expectAccessible(silje);
    await silje.locator('#bud-shared-own-staff-grant').fill('300 000');
    await silje.locator('#bud-shared-consultants-grant').fill('100 000');
    await silje.locator('#reason').fill('Vi kjøper analysen i stedet for å gjøre den selv.');
    await silje.getByRole('button', { name: nb('projects.planChange.send') }).click();
    await expect.poll(() => silje.url()).toContain('done=change');
    await ingrid.goto(url(`/prosjekter/${projectId}/oppfolging`, 'nn'));
    expect(await ingrid.textContent('main')).toContain('Konsulentar: tilskot 0 NOK → 100');
    await ingrid.locator('#decisionReason').fill('Greitt.');
    await ingrid.getByRole('button', { name: nn('projects.changes.grant') }).click();
    await expect.poll(() => ingrid.url()).toContain('done=decided');
    expect(await ingrid.textContent('main')).toContain(nn('projects.indicators.title'));
    await expectAccessible(ingrid);
    await ingrid.goto(url(`/eier/programmer/${call.programme.id}/prosjekter/kart`, 'da'));
    expect(await ingrid.locator('a[aria-label="Porsgrunn: 1"]').count()).toBe(1);
    await expectAccessible(ingrid);
  }, 120_000);

  it('Silje sends the final report, Ingrid approves it, Anne evaluates, Ingrid publishes and closes; Silje drafts a continuation into the open call', async () => {
    const anne = await openPage(await journey.browser.newContext({ locale: 'nb-NO' }));
    await signInAs(anne, journey.running.baseUrl, 'persona-reviewer-expert');
    await silje.goto(url(`/prosjekter/${projectId}/rapport?periode=p2&del=`));
    await silje.locator('#actual-i1').fill('9');
    await silje.locator('#q-results').fill('Ventetiden er ni dager.');
    await silje.locator('#q-learned').fill('Felles kartlegging virker.');
    await silje.locator('#q-spreading').fill('Malene deles med nabokommunene.');
    await silje.locator('#step').selectOption('put-to-use');
    await expectAccessible(silje);
    await silje.getByRole('button', { name: nb('projects.report.submit') }).click();
    await expect.poll(() => silje.url()).toContain('done=reportSubmitted');
    await ingrid.goto(url(`/prosjekter/${projectId}/oppfolging`));
    await ingrid.getByRole('link', { name: nb('projects.reports.review') }).click();
    await ingrid.getByRole('button', { name: nb('projects.review.approve') }).click();
    await ingrid.goto(url(`/eier/programmer/${call.programme.id}/prosjekter`));
    await ingrid.locator('#email').fill('anne.strand@telemarksforsking.example.no');
    await ingrid.getByRole('button', { name: nb('projects.evaluation.appoint') }).click();
    await expect.poll(() => ingrid.url()).toContain('done=appointed');
    await anne.goto(url('/evaluering'));
    await expectAccessible(anne);
    await anne.goto(url(`/evaluering/prosjekter/${projectId}`));
    expect(await anne.textContent('main')).toContain('Ventetiden er ni dager.');
    await anne.locator('#text').fill('Prosjektet nådde målet og er tatt i bruk.');
    await anne.getByRole('button', { name: nb('projects.evaluator.save') }).click();
    await expectAccessible(anne);
    await ingrid.goto(url(`/prosjekter/${projectId}/oppfolging`));
    await ingrid.getByRole('button', { name: nb('projects.evaluation.publish') }).click();
    await expect.poll(() => ingrid.url()).toContain('done=published');
    await ingrid.getByRole('button', { name: nb('projects.closing.close') }).click();
    await expect.poll(() => ingrid.url()).toContain('done=closed');
    await expectAccessible(ingrid);
    await silje.goto(url(`/prosjekter/${projectId}/videreforing`));
    await expectAccessible(silje);
    await silje.locator('#background').fill('Ventetiden er nede; nabokommunene vil være med.');
    await silje.locator('#tg-0-group').fill('Nettverkets kommuner');
    await silje.locator('#tg-0-value').fill('Felles utvikling');
    await silje.locator('#tg-0-priority').fill('1');
    await silje.locator('#goal-0-text').fill('Forankring i planene');
    await silje.locator('#act-0-text').fill('Bistand til kommunene');
    await silje.getByRole('button', { name: nb('projects.continuation.save') }).click();
    await silje.locator('#call').selectOption({ index: 0 });
    await silje.getByRole('button', { name: nb('projects.continuation.start') }).click();
    await expect.poll(() => silje.url()).toContain('/soknader/');
    expect(await silje.textContent('main')).toContain(nb('projects.application.continues'));
    await expectAccessible(silje);
    await silje.goto(url(`/prosjekter/${projectId}`, 'en'));
    expect(await silje.textContent('main')).toContain('Prosjektet nådde målet og er tatt i bruk.');
    await expectAccessible(silje);
  }, 180_000);

  it('the public reads the projects in four languages', async () => {
    const visitor = await openPage(await journey.browser.newContext());
    for (const [path, lang] of [
      ['/prosjekter', 'nb'],
      ['/prosjekt', 'nn'],
      ['/projekter', 'da'],
      ['/projects', 'en'],
    ] as const) {
      await visitor.goto(url(path, lang));
      expect(await visitor.locator('html').getAttribute('lang')).toBe(lang);
      expect(await visitor.textContent('main')).toContain('Tingvoll');
      await expectAccessible(visitor);
    }
    await visitor.goto(url(`/prosjekter/${projectId}`, 'da'));
    expect(await visitor.textContent('main')).toContain('Ventetid under ti dager');
    await expectAccessible(visitor);
    // A closed project of the historic programme shows the results and the evaluation its owner made public.
    await visitor.goto(url('/prosjekter', 'en'));
    await visitor.getByRole('link', { name: /^Tingvoll/ }).click();
    expect(await visitor.textContent('main')).toContain('Tingvoll gjennomførte en helhetlig omstilling');
    await expectAccessible(visitor);
  }, 90_000);
});
