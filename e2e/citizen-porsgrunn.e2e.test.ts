/**
 * Nora (Porsgrunn) drafts a citizens' initiative with Jonas as co-initiator; Silje, Porsgrunn's case
 * worker, publishes it; residents sign (Emma in Skien cannot); Nora hands it in; Silje records the
 * council's decision. Every page is checked with axe at 1280 and 390 px; the public page in two languages.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { translator } from '../src/platform/i18n/index.js';
import { expectAccessible, hasChromium, openPage, signInAs, startJourney } from './browser.js';

const nb = translator('nb');
const en = translator('en');
let initiativeUrl = '';

const journey = startJourney({ shippedRegistry: true });

async function signedIn(subject: string): Promise<Page> {
  const page = await openPage(await journey.browser.newContext({ locale: 'nb-NO', viewport: { width: 1280, height: 900 } }));
  await signInAs(page, journey.running.baseUrl, subject);
  return page;
}

describe.skipIf(!hasChromium)('Nora (Porsgrunn) puts forward a citizens’ initiative', () => {
  it('reads the rule and her threshold, in bokmål and English', async () => {
    const visitor = await openPage(await journey.browser.newContext({ viewport: { width: 1280, height: 900 } }));
    for (const [lang, t] of [
      ['nb', nb],
      ['en', en],
    ] as const) {
      await visitor.goto(`${journey.running.baseUrl}/innbyggerforslag?lang=${lang}`);
      await visitor.getByLabel(t('participation.lookup.area')).selectOption('kommune-4001');
      await visitor.getByRole('button', { name: t('participation.lookup.submit') }).click();
      expect(await visitor.textContent('main')).toContain(t('participation.threshold.result', { name: 'Porsgrunn', signatures: '300' }));
      await expectAccessible(visitor);
    }
    await visitor.goto(`${journey.running.baseUrl}/innbyggerforslag?lang=da&omrade=kommune-607`);
    expect(await visitor.textContent('main')).toContain('Fredericia er en dansk kommune.');
    await expectAccessible(visitor);
    await visitor.close();
  });

  it('drafts it with a co-initiator, who confirms, and sends it for moderation', async () => {
    const nora = await signedIn('persona-citizen-porsgrunn');
    await nora.goto(`${journey.running.baseUrl}/innbyggerforslag?lang=nb`);
    await nora.getByRole('link', { name: nb('participation.new.link') }).click();
    await expectAccessible(nora);
    await nora.getByLabel(nb('participation.field.title')).fill('Benker langs elva');
    await nora.getByLabel(nb('participation.field.proposal')).fill('Kommunestyret bes sette ut benker langs elvepromenaden.');
    await nora.getByLabel(nb('participation.field.reason')).fill('Eldre trenger steder å hvile på turen.');
    await nora.getByLabel(nb('participation.field.coInitiators')).fill('jonas.vik@example.no');
    await nora.getByRole('button', { name: nb('participation.new.submit') }).click();
    await expect.poll(() => nora.url()).toContain('done=saved');
    initiativeUrl = nora.url().split('?')[0]!;
    expect(await nora.textContent('main')).toContain(nb('participation.detail.pending'));
    await expectAccessible(nora);

    const jonas = await signedIn('persona-citizen-porsgrunn-2');
    await jonas.goto(`${initiativeUrl}?lang=nb`);
    await jonas.getByRole('button', { name: nb('participation.detail.confirm') }).click();
    await expect.poll(() => jonas.url()).toContain('done=confirmed');
    await expectAccessible(jonas);

    await nora.goto(`${initiativeUrl}?lang=nb`);
    await nora.getByRole('button', { name: nb('participation.detail.submit') }).click();
    await expect.poll(() => nora.url()).toContain('done=submitted');
    await expectAccessible(nora);
  });

  it('is published by Porsgrunn’s case worker, signed by residents, and not by a resident of Skien', async () => {
    const silje = await signedIn('persona-porsgrunn-case-worker');
    await silje.goto(`${journey.running.baseUrl}/innbyggerforslag?lang=nb`);
    await silje.getByRole('link', { name: 'Benker langs elva' }).first().click();
    await expectAccessible(silje);
    await silje.getByRole('button', { name: nb('participation.moderate.publish') }).click();
    await expect.poll(() => silje.url()).toContain('done=published');

    const jonas = await signedIn('persona-citizen-porsgrunn-2');
    await jonas.goto(`${initiativeUrl}?lang=nb`);
    await jonas.getByLabel(nb('participation.detail.showName')).check();
    await jonas.getByRole('button', { name: nb('participation.detail.sign') }).click();
    await expect.poll(() => jonas.url()).toContain('done=signed');
    expect(await jonas.textContent('main')).toContain('1 av 300 underskrifter');
    await expectAccessible(jonas);

    const emma = await signedIn('persona-citizen-skien');
    await emma.goto(`${initiativeUrl}?lang=nb`);
    await emma.getByRole('button', { name: nb('participation.detail.sign') }).click();
    expect(await emma.textContent('main')).toContain(nb('participation.problem.notResident'));
    await expectAccessible(emma);

    const nora = await signedIn('persona-citizen-porsgrunn');
    await nora.goto(`${initiativeUrl}?lang=nb`);
    await nora.getByRole('button', { name: nb('participation.detail.sign') }).click();
    await expect.poll(() => nora.url()).toContain('done=signed');
    expect(await nora.textContent('main')).toContain('2 av 300 underskrifter');
  });

  it('is handed in at the threshold and its treatment recorded by the municipality', async () => {
    // Two signatures reach a threshold of Utsira's size (2 % of about 200 residents).
    await journey.running.database.db.updateTable('participation_initiatives').set({ threshold: 2 }).execute();
    const nora = await signedIn('persona-citizen-porsgrunn');
    await nora.goto(`${initiativeUrl}?lang=nb`);
    await nora.getByRole('button', { name: nb('participation.handIn.submit') }).click();
    await expect.poll(() => nora.url()).toContain('done=handedIn');
    expect(await nora.textContent('main')).toContain('Det skal behandles i kommunestyret senest');
    await expectAccessible(nora);

    const silje = await signedIn('persona-porsgrunn-case-worker');
    await silje.goto(`${initiativeUrl}?lang=nb`);
    await silje.getByLabel(nb('participation.treatment.meetingDate')).fill('2027-03-11');
    await silje.getByLabel(nb('participation.treatment.caseNumber')).fill('27/45');
    await silje.getByLabel(nb('participation.treatment.decision')).fill('Kommunestyret vedtok å sette ut ti benker.');
    await silje.getByRole('button', { name: nb('participation.treatment.submit') }).click();
    await expect.poll(() => silje.url()).toContain('done=treated');
    await expectAccessible(silje);

    const visitor = await openPage(await journey.browser.newContext({ viewport: { width: 1280, height: 900 } }));
    await visitor.goto(`${initiativeUrl}?lang=en`);
    const main = (await visitor.textContent('main')) ?? '';
    expect(main).toContain('Treated at the meeting of');
    expect(main).toContain('Jonas Vik');
    expect(main).not.toContain('Nora Bakke (');
    await expectAccessible(visitor);
  });
});

describe.skipIf(!hasChromium)('Nora (Porsgrunn) sends an idea to the ministry', () => {
  it('is taken up by the ministry and linked to a case, and reads so in four languages', async () => {
    const nora = await signedIn('persona-citizen-porsgrunn');
    await nora.goto(`${journey.running.baseUrl}/ideer?lang=nb`);
    await expectAccessible(nora);
    await nora.getByRole('link', { name: nb('participation.idea.new.link') }).click();
    await expectAccessible(nora);
    await nora
      .getByLabel(nb('participation.idea.field.receiver'), { exact: true })
      .selectOption({ label: 'Kommunal- og distriktsdepartementet – departement' });
    await nora.getByLabel(nb('participation.idea.field.theme'), { exact: true }).selectOption('digital');
    await nora.getByLabel(nb('participation.idea.field.title'), { exact: true }).fill('Ferdig utfylt startlån');
    await nora
      .getByLabel(nb('participation.idea.field.description'), { exact: true })
      .fill('Søknaden om startlån kunne fylles ut med det staten alt vet.');
    await nora.getByLabel(nb('participation.idea.field.anonymous'), { exact: true }).check();
    await nora.getByRole('button', { name: nb('participation.idea.new.submit') }).click();
    await expect.poll(() => nora.url()).toContain('done=sent');
    const ideaUrl = nora.url().split('?')[0]!;
    await expectAccessible(nora);

    const ingrid = await signedIn('persona-kdd-owner');
    await ingrid.goto(`${journey.running.baseUrl}/ideer?lang=nb`);
    await ingrid.getByRole('link', { name: 'Ferdig utfylt startlån' }).first().click();
    await expectAccessible(ingrid);
    await ingrid.getByRole('button', { name: nb('participation.idea.answer.publish') }).click();
    await expect.poll(() => ingrid.url()).toContain('done=publish');
    await ingrid
      .getByLabel(nb('participation.idea.answer.comment'), { exact: true })
      .fill('Takk! Vi tar dette med i arbeidet med enklere søknader.');
    await ingrid.getByRole('button', { name: nb('participation.idea.answer.commentSubmit') }).click();
    await expect.poll(() => ingrid.url()).toContain('done=comment');
    await ingrid.getByLabel(nb('participation.idea.answer.linkUrl'), { exact: true }).fill('javascript:alert(1)');
    await ingrid.getByLabel(nb('participation.idea.answer.linkTitle'), { exact: true }).fill('Sak 26/1234');
    await ingrid.getByRole('button', { name: nb('participation.idea.answer.takeUp') }).click();
    expect(await ingrid.textContent('main')).toContain(nb('participation.idea.problem.badLink'));
    await expectAccessible(ingrid);
    await ingrid
      .getByLabel(nb('participation.idea.answer.linkUrl'), { exact: true })
      .fill('https://www.regjeringen.no/no/dokumenter/sak-26-1234/');
    await ingrid.getByLabel(nb('participation.idea.answer.linkTitle'), { exact: true }).fill('Sak 26/1234: enklere startlån');
    await ingrid.getByRole('button', { name: nb('participation.idea.answer.takeUp') }).click();
    await expect.poll(() => ingrid.url()).toContain('done=takeUp');
    await expectAccessible(ingrid);

    const visitor = await openPage(await journey.browser.newContext({ viewport: { width: 1280, height: 900 } }));
    for (const lang of ['nb', 'nn', 'da', 'en'] as const) {
      const t = translator(lang);
      await visitor.goto(`${journey.running.baseUrl}/ideer?lang=${lang}&status=taken_up&q=startl%C3%A5n`);
      await visitor.getByRole('link', { name: 'Ferdig utfylt startlån' }).click();
      const main = (await visitor.textContent('main')) ?? '';
      expect(main).toContain(t('participation.idea.detail.takenUp'));
      expect(main).toContain(t('participation.idea.detail.anonymous'));
      expect(main).not.toContain('Nora');
      expect(await visitor.getByRole('link', { name: 'Sak 26/1234: enklere startlån' }).getAttribute('href')).toBe(
        'https://www.regjeringen.no/no/dokumenter/sak-26-1234/',
      );
      await expectAccessible(visitor);
    }
    expect(visitor.url().split('?')[0]).toBe(ideaUrl);
  });
});
