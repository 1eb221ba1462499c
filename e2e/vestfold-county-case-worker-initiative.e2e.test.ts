import { describe, expect, it } from 'vitest';
import { translator } from '../src/platform/i18n/index.js';
import { expectAccessible, hasChromium, openPage, signInAs, startJourney } from './browser.js';

const nb = translator('nb');
const en = translator('en');
const TITLE = 'Nattbuss mellom byene i Vestfold';

const journey = startJourney({ shippedRegistry: true });

describe.skipIf(!hasChromium)('a county initiative, moderated by the county', () => {
  it('Henrik drafts a Vestfold initiative with a file; Tone at Vestfold fylkeskommune publishes it; anyone downloads the file', async () => {
    const henrik = await openPage(await journey.browser.newContext({ locale: 'nb-NO', viewport: { width: 1280, height: 900 } }));
    await signInAs(henrik, journey.running.baseUrl, 'persona-citizen-tonsberg');
    await henrik.goto(`${journey.running.baseUrl}/innbyggerforslag/nytt?lang=nb`);
    await expectAccessible(henrik);
    await henrik.getByLabel(nb('participation.field.scope')).selectOption({ label: 'Vestfold fylkeskommune' });
    await henrik.getByLabel(nb('participation.field.title')).fill(TITLE);
    await henrik.getByLabel(nb('participation.field.proposal')).fill('Fylkestinget bes sette opp nattbuss i helgene.');
    await henrik.getByLabel(nb('participation.field.reason')).fill('Unge kommer seg ikke trygt hjem.');
    await henrik.getByRole('button', { name: nb('participation.new.submit') }).click();
    await expect.poll(() => henrik.url()).toContain('done=saved');
    const path = new URL(henrik.url()).pathname;
    expect(await henrik.textContent('main')).toContain('Vestfold fylkeskommune kontrollerer forslaget');
    await expectAccessible(henrik);

    await henrik.getByLabel(nb('participation.files.add')).setInputFiles({
      name: 'rutekart.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3_000, 0x20)]),
    });
    await henrik.getByRole('button', { name: nb('participation.files.upload') }).click();
    await expect.poll(() => henrik.url()).toContain('done=fileAdded');
    expect(await henrik.textContent('main')).toContain('rutekart.pdf (PDF-dokument, 3 kB)');
    await expectAccessible(henrik);
    await henrik.getByRole('button', { name: nb('participation.detail.submit') }).click();
    await expect.poll(() => henrik.url()).toContain('done=submitted');
    await expectAccessible(henrik);

    // Porsgrunn's case worker has nothing to moderate here.
    const silje = await openPage(await journey.browser.newContext({ locale: 'nb-NO', viewport: { width: 1280, height: 900 } }));
    await signInAs(silje, journey.running.baseUrl, 'persona-porsgrunn-case-worker');
    await silje.goto(`${journey.running.baseUrl}/innbyggerforslag?lang=nb`);
    expect(await silje.textContent('main')).not.toContain(TITLE);

    const tone = await openPage(await journey.browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } }));
    await signInAs(tone, journey.running.baseUrl, 'persona-vestfold-case-worker');
    await tone.goto(`${journey.running.baseUrl}/innbyggerforslag?lang=en`);
    await expectAccessible(tone);
    await tone.locator('#to-moderate-table').getByRole('link', { name: TITLE }).click();
    expect(await tone.textContent('main')).toContain(
      en('participation.detail.receiver', { receiver: 'Vestfold County Authority', council: 'the county council' }),
    );
    await expectAccessible(tone);
    await tone.getByRole('button', { name: en('participation.moderate.publish') }).click();
    await expect.poll(() => tone.url()).toContain('done=published');
    expect(await tone.textContent('main')).toContain(en('participation.moderate.published'));
    await expectAccessible(tone);

    const visitor = await openPage(await journey.browser.newContext({ locale: 'nb-NO', viewport: { width: 1280, height: 900 } }));
    await visitor.goto(`${journey.running.baseUrl}${path}?lang=nb`);
    const text = (await visitor.textContent('main')) ?? '';
    expect(text).toContain('0 av 500 underskrifter');
    expect(text).toContain('rutekart.pdf (PDF-dokument, 3 kB)');
    await expectAccessible(visitor);
    const href = await visitor.getByRole('link', { name: 'rutekart.pdf' }).getAttribute('href');
    const download = await visitor.request.get(`${journey.running.baseUrl}${href}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    for (const page of [henrik, silje, tone, visitor]) await page.context().close();
  }, 240_000);
});
