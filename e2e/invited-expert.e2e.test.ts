/**
 * Ingrid (KDD) invites an external expert, Nora Berg at NTNU, who has never signed in, to the
 * programme's expert panel by e-mail; Nora follows the single-use link, signs in and joins; the
 * link then says it is used. The invitation page is checked in four languages at 1280 and 390 px.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_CALL_KEY, seedDemoAssessment } from '../src/assessment/demo.js';
import { listPool } from '../src/assessment/store.js';
import { findPersona } from '../src/platform/auth/personas.js';
import { LOCALES, translator } from '../src/platform/i18n/index.js';
import { seedDemoProgrammes } from '../src/programmes/demo.js';
import { findCall, seededIds } from '../src/programmes/index.js';
import { seedSmallRegistry } from '../src/programmes/testing.js';
import { expectAccessible, hasChromium, openPage, signInAs, startJourney } from './browser.js';

let programmeId: string;
let link = '';
const nb = translator('nb');
const nn = translator('nn');
const NORA = findPersona('persona-invited-expert')!;

const journey = startJourney({
  async seed(db) {
    await seedSmallRegistry(db);
    await seedDemoProgrammes(db);
    await seedDemoAssessment(db);
    programmeId = (await findCall(db, (await seededIds(db, 'programme_calls', DEMO_CALL_KEY))!))!.programmeId;
  },
});

describe.skipIf(!hasChromium)('Ingrid invites Nora, an external expert, to the expert panel', () => {
  let ingrid: Page;

  it('Ingrid invites Nora by e-mail; a wrong address is refused and kept in the form', async () => {
    ingrid = await openPage(await journey.browser.newContext({ locale: 'nb-NO' }));
    await signInAs(ingrid, journey.running.baseUrl, 'persona-kdd-owner');
    await ingrid.goto(`${journey.running.baseUrl}/eier/programmer/${programmeId}/fagpanel?lang=nb`);
    const form = ingrid.locator('#invite');
    await form.getByLabel(nb('assessment.invitation.name')).fill('Nora Berg');
    await form.getByLabel(nb('assessment.invitation.email')).fill('nora.berg(at)ntnu');
    await form.getByLabel(nb('assessment.invitation.employer')).fill('NTNU');
    // The browser's own check of type=email is bypassed, as a client without it would post.
    await form.locator('form').evaluate((f) => ((f as unknown as { noValidate: boolean }).noValidate = true));
    await form.getByRole('button', { name: nb('assessment.invitation.submit') }).click();
    expect(await ingrid.textContent('.ds-error-summary')).toContain(nb('assessment.invitation.problem.email'));
    expect(await form.getByLabel(nb('assessment.invitation.employer')).inputValue()).toBe('NTNU');
    await expectAccessible(ingrid);
    await ingrid.locator('#invite').getByLabel(nb('assessment.invitation.email')).fill(NORA.email);
    await ingrid
      .locator('#invite')
      .getByRole('button', { name: nb('assessment.invitation.submit') })
      .click();
    await expect.poll(() => ingrid.url()).toContain('notice=invited');
    expect(await ingrid.textContent('#invitations')).toContain('Nora Berg, NTNU (nora.berg@ntnu.example.no)');
    await expectAccessible(ingrid);
    const notice = await journey.running.database.db
      .selectFrom('notifications')
      .select('link')
      .where('recipient_email', '=', NORA.email)
      .executeTakeFirstOrThrow();
    link = notice.link!;
  }, 60_000);

  it('the link reads in four languages, signed out, at 1280 and 390 px', async () => {
    const page = await openPage(await journey.browser.newContext());
    for (const lang of LOCALES) {
      const response = await page.goto(`${journey.running.baseUrl}${link}?lang=${lang}`);
      expect(response?.status()).toBe(200);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      expect(await page.textContent('main')).toContain('Nora Berg (NTNU)');
      await expectAccessible(page);
    }
    await page.context().close();
  }, 60_000);

  it('Nora follows the link in nynorsk, signs in and joins; the link is then used', async () => {
    const nora = await openPage(await journey.browser.newContext({ locale: 'nn-NO' }));
    await nora.goto(`${journey.running.baseUrl}${link}?lang=nn`);
    await nora.getByRole('link', { name: nn('assessment.invitation.signIn') }).click();
    await expect.poll(() => nora.url()).toContain('/idp/interaction/');
    await nora.getByLabel(`${NORA.name} (${NORA.description})`).check();
    await nora.getByRole('button', { name: nn('idp.continue') }).click();
    await nora.waitForURL((url) => url.pathname === link);
    await expectAccessible(nora);
    await nora.getByRole('button', { name: nn('assessment.invitation.accept') }).click();
    await nora.waitForURL(/\/vurderinger/);
    expect(await nora.textContent('main')).toContain(nn('assessment.invitation.accepted'));
    await expectAccessible(nora);
    expect((await listPool(journey.running.database.db, programmeId)).find((m) => m.name === 'Nora Berg')?.kind).toBe('external');
    const again = await nora.goto(`${journey.running.baseUrl}${link}?lang=nn`);
    expect(again?.status()).toBe(409);
    expect(await nora.textContent('main')).toContain(nn('assessment.invitation.problem.used'));
    await nora.context().close();

    await ingrid.reload();
    expect(await ingrid.textContent('#pool')).toContain('Nora Berg');
    expect(await ingrid.locator('#invitations').count()).toBe(0);
  }, 90_000);
});
