import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { translator } from '../src/platform/i18n/index.js';
import { listSubmittedApplications } from '../src/applications/store.js';
import { seedDemoProgrammes } from '../src/programmes/demo.js';
import { findCall, seededIds } from '../src/programmes/index.js';
import { seedSmallRegistry } from '../src/programmes/testing.js';
import { DEMO_CALL_KEY, seedDemoAssessment } from '../src/assessment/demo.js';
import { agreedScoresForCall, findAssignment, listAssignmentsOfCall, listPool, pausedApplicationsOfCall } from '../src/assessment/store.js';
import { expectAccessible, hasChromium, openPage, signInAs, startJourney } from './browser.js';

let callId: string;
let callTitle: string;
const nb = translator('nb');

const journey = startJourney({
  async seed(db) {
    await seedSmallRegistry(db);
    await seedDemoProgrammes(db);
    await seedDemoAssessment(db);
    callId = (await seededIds(db, 'programme_calls', DEMO_CALL_KEY))!;
    callTitle = (await findCall(db, callId))!.content.title;
  },
});

async function signedIn(subject: string): Promise<Page> {
  const context = await journey.browser.newContext({ locale: 'nb-NO' });
  const page = await openPage(context);
  await signInAs(page, journey.running.baseUrl, subject);
  return page;
}

async function openReview(page: Page, applicant: string) {
  await page.goto(`${journey.running.baseUrl}/vurderinger?lang=nb`);
  await expectAccessible(page);
  // Links read "case number, members", e.g. "2026/0003 Porsgrunn, Skien, Notodden".
  await page
    .locator('#my-reviews')
    .getByRole('link', { name: new RegExp(`^\\d{4}/\\d{4} ${applicant}$`) })
    .click();
  await page.waitForURL(/\/vurderinger\/[0-9a-f-]{36}/);
  await expectAccessible(page);
}

async function declareNoConflict(page: Page) {
  expect(await page.locator('#content').count()).toBe(0);
  await page.getByLabel(nb('assessment.declaration.no')).check();
  await page.getByRole('button', { name: nb('assessment.declaration.submit') }).click();
  await expect.poll(() => page.url()).toContain('notice=declared');
  expect(await page.locator('#content').count()).toBe(1);
  await expectAccessible(page);
}

async function scoreAndSubmit(page: Page, scores: [number, number, number]) {
  for (const [i, score] of scores.entries()) {
    await page.locator(`#score-${i + 1}`).selectOption(String(score));
    await page.locator(`#rationale-${i + 1}`).fill(`Begrunnelse ${i + 1}: poeng ${score}`);
  }
  await page.getByRole('button', { name: nb('assessment.score.save') }).click();
  await expect.poll(() => page.url()).toContain('notice=saved');
  await expectAccessible(page);
  await page.getByRole('button', { name: nb('assessment.score.submit') }).click();
  await expect.poll(() => page.url()).toContain('notice=submitted');
  await expectAccessible(page);
}

describe.skipIf(!hasChromium)('reviewers assess the six demo applications', () => {
  let ingrid: Page;
  let per: Page;
  let anne: Page;

  it('Ingrid (KDD) finds the assessment of the closed call, sees the pool and batch-assigns two reviewers per application', async () => {
    ingrid = await signedIn('persona-kdd-owner');
    await ingrid.goto(`${journey.running.baseUrl}/eier?lang=nb`);
    await expectAccessible(ingrid);
    await ingrid.getByRole('link', { name: nb('assessment.dashboard.link', { call: callTitle }) }).click();
    await ingrid.waitForURL(/\/vurdering/);
    await expectAccessible(ingrid);
    await ingrid.getByRole('link', { name: nb('assessment.pool.link') }).click();
    expect(await ingrid.locator('#pool').textContent()).toContain('Anne Strand');
    await expectAccessible(ingrid);
    await ingrid.goBack();
    await ingrid.getByLabel(nb('assessment.batch.perApplication')).fill('2');
    await ingrid.getByRole('button', { name: nb('assessment.batch.submit') }).click();
    await expect.poll(() => ingrid.url()).toContain('assigned=11');
    await expectAccessible(ingrid);
    expect(await ingrid.locator('#exclusions').textContent()).toContain('Per Holm er ansatt i Porsgrunn (4001), som er med i søknaden.');
    const db = journey.running.database.db;
    const porsgrunn = (await listSubmittedApplications(db, callId)).find((s) => s.application.leadCode === '4001')!.application.id;
    const pool = await listPool(db, (await findCall(db, callId))!.programmeId);
    const perId = pool.find((m) => m.name === 'Per Holm')!.userId;
    const all = await listAssignmentsOfCall(db, callId);
    expect(all).toHaveLength(11);
    expect(all.some((a) => a.reviewerId === perId && a.applicationId === porsgrunn)).toBe(false);
  }, 120_000);

  it('Per never sees the Porsgrunn network; he declares a personal conflict on Tinn and is removed; Ingrid sees the notice', async () => {
    per = await signedIn('persona-reviewer-porsgrunn');
    await per.getByRole('link', { name: nb('assessment.nav') }).click();
    await per.waitForURL(/\/vurderinger/);
    const list = await per.locator('#my-reviews').textContent();
    expect(list).not.toContain('Porsgrunn');
    expect(list).toContain('Larvik');
    await openReview(per, 'Tinn');
    await per.getByLabel(nb('assessment.declaration.yes')).check();
    await per.getByLabel(nb('assessment.declaration.kind')).selectOption('personal');
    await per.getByLabel(nb('assessment.declaration.text')).fill('Min søster er prosjektleder i søknaden.');
    await per.getByRole('button', { name: nb('assessment.declaration.submit') }).click();
    await expect.poll(() => per.url()).toContain('notice=conflicted');
    expect(await per.locator('#content').count()).toBe(0);
    await expectAccessible(per);
    await ingrid.goto(`${journey.running.baseUrl}/eier/utlysninger/${callId}/vurdering?lang=nb`);
    expect(await ingrid.locator('#reassign').textContent()).toMatch(
      /Per Holm er inhabil i søknaden fra \d{4}\/\d{4} Tinn \(personlig forhold\)/,
    );
    await expectAccessible(ingrid);
  }, 120_000);

  it('Per and Anne score Larvik; Anne also scores the Porsgrunn network', async () => {
    await openReview(per, 'Larvik');
    await declareNoConflict(per);
    await scoreAndSubmit(per, [3, 2, 1]);
    anne = await signedIn('persona-reviewer-expert');
    await openReview(anne, 'Larvik');
    await declareNoConflict(anne);
    await scoreAndSubmit(anne, [4, 2, 2]);
    await openReview(anne, 'Porsgrunn, Skien, Notodden');
    await declareNoConflict(anne);
    await scoreAndSubmit(anne, [5, 4, 5]);
  }, 180_000);

  it('Anne, the lead, sees both scores side by side and records the consensus for Larvik', async () => {
    await anne.goto(`${journey.running.baseUrl}/vurderinger?lang=nb`);
    await anne.getByRole('link', { name: /^Omforent vurdering for \d{4}\/\d{4} Larvik$/ }).click();
    await anne.waitForURL(/\/vurdering\/soknader\//);
    await expectAccessible(anne);
    const table = await anne.locator('#side-by-side').textContent();
    expect(table).toContain('Per Holm');
    expect(table).toContain('Anne Strand');
    expect(table).toContain('Begrunnelse 1: poeng 3');
    for (const [i, score] of [4, 2, 1].entries()) {
      await anne.locator(`#score-${i + 1}`).selectOption(String(score));
      await anne.locator(`#reasoning-${i + 1}`).fill(`Enige etter samtale (${i + 1})`);
    }
    await anne.getByRole('button', { name: nb('assessment.consensus.submit') }).click();
    await expect.poll(() => anne.url()).toContain('notice=agreed');
    await expectAccessible(anne);
    const agreed = await agreedScoresForCall(journey.running.database.db, callId);
    expect(agreed.map((s) => s.score)).toEqual([4, 2, 1]);
  }, 120_000);

  it('Ingrid flags the Porsgrunn network for a legal check, which pauses it, and resolves the flag', async () => {
    await ingrid.goto(`${journey.running.baseUrl}/eier/utlysninger/${callId}/vurdering?lang=nb`);
    await ingrid.locator('#progress-applications').getByRole('link', { name: 'Porsgrunn, Skien, Notodden' }).click();
    await ingrid.waitForURL(/\/vurdering\/soknader\//);
    await expectAccessible(ingrid);
    expect(await ingrid.locator('#side-by-side').textContent()).toContain('Anne Strand');
    await ingrid.locator('#flagText').last().fill('Må vurderes juridisk: felles responssenter og personvern.');
    await ingrid
      .getByRole('button', { name: nb('assessment.flag.raise') })
      .last()
      .click();
    await expect.poll(() => ingrid.url()).toContain('notice=flagged');
    expect(await ingrid.textContent('main')).toContain(nb('assessment.consensus.paused'));
    expect(await pausedApplicationsOfCall(journey.running.database.db, callId)).toHaveLength(1);
    await expectAccessible(ingrid);
    await ingrid.getByLabel(nb('assessment.flag.resolution')).fill('Avklart med lovavdelingen: behandlingsgrunnlag finnes.');
    await ingrid.getByRole('button', { name: nb('assessment.flag.resolve') }).click();
    await expect.poll(() => ingrid.url()).toContain('notice=resolved');
    expect(await pausedApplicationsOfCall(journey.running.database.db, callId)).toEqual([]);
    await expectAccessible(ingrid);
  }, 120_000);

  it("Per opening Anne's score page gets 403, and nothing changes", async () => {
    const db = journey.running.database.db;
    const pool = await listPool(db, (await findCall(db, callId))!.programmeId);
    const anneId = pool.find((m) => m.name === 'Anne Strand')!.userId;
    const annes = (await listAssignmentsOfCall(db, callId)).find((a) => a.reviewerId === anneId && a.state === 'submitted')!;
    const before = await findAssignment(db, annes.id);
    const response = await per.goto(`${journey.running.baseUrl}/vurderinger/${annes.id}?lang=nb`);
    expect(response?.status()).toBe(403);
    expect(await per.content()).not.toContain('Begrunnelse');
    await expectAccessible(per);
    expect(await findAssignment(db, annes.id)).toEqual(before);
  }, 60_000);
});
