import { describe, expect, it } from 'vitest';
import { seedDemoKnowledge } from '../src/knowledge/index.js';
import { translator } from '../src/platform/i18n/index.js';
import { expectAccessible, hasChromium, openPage, signInAs, startJourney } from './browser.js';

const nb = translator('nb');
const en = translator('en');
const TITLE = 'Hvordan kom Nome i gang med hverdagsrehabilitering?';
const ANSWER = 'Nome started with a small team across home care and physiotherapy; see the case linked below.';

const journey = startJourney({
  async seed(db) {
    await seedDemoKnowledge(db);
  },
});

describe.skipIf(!hasChromium)('the competence centre answers a question', () => {
  it('Silje asks, Ragnhild answers and publishes, a visitor reads it in Danish without Silje’s name', async () => {
    const silje = await openPage(await journey.browser.newContext({ locale: 'nb-NO', viewport: { width: 1280, height: 900 } }));
    await signInAs(silje, journey.running.baseUrl, 'persona-porsgrunn-case-worker');
    await silje.goto(`${journey.running.baseUrl}/kunnskapsbank/sporsmal/ny?lang=nb`);
    await expectAccessible(silje);
    await silje.getByLabel(nb('knowledge.q.field.title')).fill(TITLE);
    await silje
      .getByLabel(nb('knowledge.q.field.question'), { exact: true })
      .fill('Vi vil prøve det samme i Porsgrunn. Hvor startet de, og hvem var med?');
    await silje.getByLabel(nb('knowledge.q.field.mayPublish')).check();
    await silje.getByRole('button', { name: nb('knowledge.q.send') }).click();
    await expect.poll(() => silje.url()).toContain('/kunnskapsbank/sporsmal/mine');
    expect(await silje.textContent('main')).toContain(TITLE);
    await expectAccessible(silje);

    const ragnhild = await openPage(await journey.browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } }));
    await signInAs(ragnhild, journey.running.baseUrl, 'persona-adviser');
    await ragnhild.goto(`${journey.running.baseUrl}/kunnskapsbank/sporsmal/apne?lang=en`);
    await expectAccessible(ragnhild);
    const card = ragnhild.locator('article', { hasText: TITLE });
    await card.getByLabel(en('knowledge.q.field.answer')).fill(ANSWER);
    await card.getByLabel('Rehabiliteringsteam for hverdagsrehabilitering i Nome').check();
    await card.getByRole('button', { name: en('knowledge.q.sendAnswer') }).click();
    await expect.poll(async () => ragnhild.textContent('main')).toContain(en('knowledge.q.answered'));
    await expectAccessible(ragnhild);
    await ragnhild
      .locator('article', { hasText: TITLE })
      .getByRole('button', { name: en('knowledge.q.publish') })
      .click();
    await expect.poll(async () => ragnhild.textContent('main')).toContain(en('knowledge.q.published'));

    const visitor = await openPage(await journey.browser.newContext({ locale: 'da-DK' }));
    await visitor.goto(`${journey.running.baseUrl}/videnbank/sporgsmal?lang=da`);
    const published = (await visitor.textContent('main')) ?? '';
    expect(published).toContain(TITLE);
    expect(published).toContain(ANSWER);
    expect(published).not.toContain('Silje');
    await expectAccessible(visitor);

    await silje.goto(`${journey.running.baseUrl}/kunnskapsbank/sporsmal/mine?lang=nb`);
    expect(await silje.textContent('main')).toContain(ANSWER);
    await expectAccessible(silje);
    for (const page of [silje, ragnhild, visitor]) await page.context().close();
  }, 120_000);
});
