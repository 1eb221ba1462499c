/**
 * Silje, case worker in Porsgrunn, coordinates a benchmarking network: she plans its first meeting
 * with an agenda (on Oslo's clock), writes the minutes afterwards, uploads them as a file, and
 * publishes a summary of the network for everyone. A visitor, not signed in, finds the summary from
 * the key-figures page and reads it in English, but not the network's own page. Every page is checked
 * with axe at 1280 px and at 390 px.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { translator } from '../src/platform/i18n/index.js';
import { accessibilityViolations, expectAccessible, hasChromium, openPage, PHONE, signInAs, startJourney } from './browser.js';

const nb = translator('nb');
const en = translator('en');

const journey = startJourney({ shippedRegistry: true });

/** Axe and the phone's width at 1280 px, then axe again at 390 px. */
async function checkBothWidths(page: Page) {
  await expectAccessible(page);
  const own = page.viewportSize()!;
  await page.setViewportSize(PHONE);
  expect(await accessibilityViolations(page), `axe at 390 px on ${page.url()}`).toEqual([]);
  await page.setViewportSize(own);
}

const status = (page: Page) => page.locator('[role="status"]').textContent();

describe.skipIf(!hasChromium)("Porsgrunn's case worker coordinates a network's meeting", () => {
  it('plans it with an agenda, writes and uploads the minutes, and publishes a summary a visitor reads in English', async () => {
    const silje = await openPage(await journey.browser.newContext({ locale: 'nb-NO', viewport: { width: 1280, height: 900 } }));
    await signInAs(silje, journey.running.baseUrl, 'persona-porsgrunn-case-worker');
    await silje.goto(`${journey.running.baseUrl}/nettverk?lang=nb`);
    await silje.getByLabel(nb('networks.start.name')).fill('Omsorg i Grenland');
    await silje.getByRole('button', { name: nb('networks.start.submit') }).click();
    await expect.poll(() => status(silje)).toContain(nb('networks.done.started'));
    const networkUrl = silje.url().split('?')[0]!;

    // A date that does not exist first (typed as in a browser without a date-and-time picker, where the field is text), then the meeting.
    const starts = silje.getByLabel(nb('networks.meeting.starts', { zone: nb('networks.meeting.zone.Europe/Oslo') }));
    await silje.getByLabel(nb('networks.meeting.title'), { exact: true }).fill('Første nettverksmøte');
    await silje.getByLabel(nb('networks.meeting.place')).fill('Porsgrunn rådhus, møterom Frier');
    await silje
      .getByLabel(nb('networks.meeting.agenda'), { exact: true })
      .fill('Velkommen\nSykefravær i hjemmetjenesten\nTiltak og neste møte');
    await starts.evaluate((input) => {
      (input as unknown as { type: string }).type = 'text';
    });
    await starts.fill('2027-02-30 10:00');
    await silje.getByRole('button', { name: nb('networks.meeting.submitPlan') }).click();
    await expect.poll(() => silje.textContent('main')).toContain(nb('networks.problem.badTime'));
    await checkBothWidths(silje);
    await silje.getByLabel(nb('networks.meeting.starts', { zone: nb('networks.meeting.zone.Europe/Oslo') })).fill('2027-01-14T10:00');
    await silje.getByRole('button', { name: nb('networks.meeting.submitPlan') }).click();
    await expect.poll(() => status(silje)).toContain(nb('networks.done.planned'));
    expect(await silje.locator('#meetings-heading').textContent()).toBe(nb('networks.meeting.heading'));
    await checkBothWidths(silje);

    await silje.getByRole('link', { name: 'Første nettverksmøte' }).click();
    const main = (await silje.textContent('main')) ?? '';
    expect(main).toContain('14. januar 2027 kl. 10:00 (norsk tid)');
    expect(await silje.locator('#agenda-heading + ol li').allTextContents()).toEqual([
      'Velkommen',
      'Sykefravær i hjemmetjenesten',
      'Tiltak og neste møte',
    ]);
    await checkBothWidths(silje);
    await silje
      .getByRole('textbox', { name: nb('networks.meeting.notes'), exact: true })
      .fill('Vi ble enige om å måle sykefravær på samme måte i alle kommunene.');
    await silje.getByRole('button', { name: nb('networks.meeting.submitNotes') }).click();
    await expect.poll(() => status(silje)).toContain(nb('networks.done.notes'));
    await silje.getByLabel(nb('networks.meeting.file'), { exact: true }).setInputFiles({
      name: 'referat-14-januar.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 referat'),
    });
    await silje.getByRole('button', { name: nb('networks.meeting.submitUpload') }).click();
    await expect.poll(() => status(silje)).toContain(nb('networks.done.uploaded'));
    expect(await silje.getByRole('link', { name: 'referat-14-januar.pdf' }).count()).toBe(1);
    expect(await silje.textContent('#notes-heading + p')).toContain('måle sykefravær på samme måte');
    await checkBothWidths(silje);

    await silje.goto(`${networkUrl}?lang=nb`);
    const summary = 'Porsgrunn sammenligner pleie og omsorg med nabokommunene og deler tiltakene her.';
    await silje.getByLabel(nb('networks.summary.text')).fill(summary);
    await silje.getByRole('button', { name: nb('networks.summary.submit') }).click();
    await expect.poll(() => status(silje)).toContain(nb('networks.done.published'));
    await checkBothWidths(silje);
    await silje.context().close();

    const visitor = await openPage(await journey.browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } }));
    await visitor.goto(`${journey.running.baseUrl}/nokkeltall?lang=en`);
    await visitor.getByRole('link', { name: en('networks.public.link') }).click();
    await checkBothWidths(visitor);
    await visitor.getByRole('link', { name: 'Omsorg i Grenland' }).click();
    const read = (await visitor.textContent('main')) ?? '';
    expect(read).toContain(summary);
    expect(read).toContain(en('networks.public.members', { count: 1 }));
    expect(read).toContain('Porsgrunn');
    expect(read).not.toContain('Første nettverksmøte');
    await checkBothWidths(visitor);
    // The network's own page is for its members: the visitor is sent to sign in.
    await visitor.goto(`${networkUrl}?lang=en`);
    expect(await visitor.textContent('main')).not.toContain(summary);
    await visitor.context().close();
  }, 240_000);
});
