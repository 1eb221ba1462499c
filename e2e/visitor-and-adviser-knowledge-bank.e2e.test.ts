import { describe, expect, it } from 'vitest';
import { seedDemoKnowledge } from '../src/knowledge/index.js';
import { LOCALES, translator } from '../src/platform/i18n/index.js';
import { expectAccessible, hasChromium, openPage, signInAs, startJourney } from './browser.js';

const nn = translator('nn');
const da = translator('da');
const nb = translator('nb');
const NOME = 'Rehabiliteringsteam for hverdagsrehabilitering i Nome';

const journey = startJourney({
  async seed(db) {
    await seedDemoKnowledge(db);
  },
});

describe.skipIf(!hasChromium)('the knowledge bank in a browser', () => {
  it('a visitor searches with a typo and a facet in nynorsk and opens Nome’s case', async () => {
    const page = await openPage(await journey.browser.newContext({ locale: 'nn-NO', viewport: { width: 1280, height: 900 } }));
    await page.goto(`${journey.running.baseUrl}/kunnskapsbank?lang=nn`);
    await expectAccessible(page);
    await page.getByLabel(nn('knowledge.search.label')).fill('kvardagsrehabiliterng');
    await page.getByRole('button', { name: nn('knowledge.search.submit'), exact: true }).click();
    await expect.poll(() => page.url()).toContain('q=kvardagsrehabiliterng');
    expect(await page.textContent('#results + p')).toBe(nn('knowledge.search.count', { count: '2' }));
    await expectAccessible(page);
    // The facet: Noreg only (the filters open in a disclosure; the form works without JavaScript).
    await page.locator('summary', { hasText: nn('knowledge.search.filters') }).click();
    await page.getByLabel(/^Noreg \(\d+\)$/).check();
    await page.getByRole('button', { name: nn('knowledge.search.apply') }).click();
    await expect.poll(() => page.url()).toContain('country=NO');
    expect(await page.locator('main li.ds-card').count()).toBe(1);
    expect(await page.locator('main mark').first().textContent()).toBe('hverdagsrehabilitering');
    await expectAccessible(page);
    await page.getByRole('link', { name: NOME }).click();
    await expect.poll(() => page.url()).toContain('/kunnskapsbank/rehabiliteringsteam');
    expect(await page.locator('h1').getAttribute('lang')).toBe('nn');
    expect(await page.textContent('main')).toContain('Nye vegar til framtidas velferd');
    await expectAccessible(page);
    await page.context().close();
  }, 90_000);

  it('in Danish at /videnbank the filters come from a shared link, and a filter can be removed', async () => {
    const page = await openPage(await journey.browser.newContext({ locale: 'da-DK' }));
    await page.goto(`${journey.running.baseUrl}/videnbank?lang=da&q=omsorg&country=DK&phase=put_to_use`);
    expect(await page.locator('main li.ds-card').count()).toBe(1);
    expect(await page.textContent('main li.ds-card')).toContain('Længst muligt i eget liv');
    await expectAccessible(page);
    await page.getByRole('link', { name: da('knowledge.search.remove', { value: 'Danmark' }) }).click();
    await expect.poll(() => page.url()).not.toContain('country=DK');
    expect(await page.locator('main li.ds-card').count()).toBeGreaterThan(1);
    await page.getByRole('link', { name: 'Længst muligt i eget liv' }).click();
    expect(await page.locator('h1').getAttribute('lang')).toBe('da');
    await expectAccessible(page);
    await page.context().close();
  }, 60_000);

  it('the bank and a case read in four languages', async () => {
    const page = await openPage(await journey.browser.newContext());
    for (const lang of LOCALES) {
      await page.goto(`${journey.running.baseUrl}/kunnskapsbank?lang=${lang}&theme=rehabilitation`);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      await expectAccessible(page);
      await page.goto(`${journey.running.baseUrl}/kunnskapsbank/skule-pa-byggjeplass?lang=${lang}`);
      await expectAccessible(page);
    }
    await page.context().close();
  }, 90_000);

  it("Skien's case worker says Skien adopted Nome's case (a missing text first)", async () => {
    const page = await openPage(await journey.browser.newContext({ locale: 'nb-NO' }));
    await signInAs(page, journey.running.baseUrl, 'persona-skien-case-worker');
    await page.goto(`${journey.running.baseUrl}/kunnskapsbank/rehabiliteringsteam-for-hverdagsrehabilitering-i-nome?lang=nb`);
    await expectAccessible(page);
    await page.getByRole('button', { name: nb('knowledge.adopt.submit') }).click();
    expect(await page.textContent('[role="alert"]')).toContain(nb('knowledge.problem.changesMissing'));
    await expectAccessible(page);
    await page.getByLabel(nb('knowledge.adopt.changes')).fill('Teamet har en sykepleier i stedet for fysioterapeut.');
    await page.getByLabel(nb('knowledge.adopt.year')).fill('2025');
    await page.getByRole('button', { name: nb('knowledge.adopt.submit') }).click();
    await expect.poll(() => page.url()).toContain('adopted=1');
    expect(await page.textContent('#adoptions ~ ul, section[aria-labelledby="adoptions"]')).toContain('Skien kommune');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Skien kommune' }).click();
    expect(await page.textContent('main')).toContain(nb('knowledge.municipality.from', { names: 'Nome' }));
    await expectAccessible(page);
    await page.context().close();
  }, 90_000);

  it('Ragnhild, the adviser, writes a case and recommends it', async () => {
    const page = await openPage(await journey.browser.newContext({ locale: 'nb-NO' }));
    await signInAs(page, journey.running.baseUrl, 'persona-adviser');
    await page.goto(`${journey.running.baseUrl}/kunnskapsbank?lang=nb`);
    await page.getByRole('link', { name: nb('knowledge.search.new') }).click();
    await expectAccessible(page);
    await page.getByLabel(nb('knowledge.field.title')).fill('Nattlig tilsyn med sensorer');
    await page.getByLabel(nb('knowledge.field.problem')).fill('Tilsyn om natten vekker beboerne.');
    await page.getByLabel(nb('knowledge.field.done')).fill('Kommunen prøver sensorer i stedet for runder.');
    await page.getByLabel(nb('knowledge.field.municipalities')).fill('Porsgrunn');
    await page.getByLabel(nb('knowledge.field.source')).fill('Kompetansesenteret');
    await page.getByRole('button', { name: nb('knowledge.edit.save') }).click();
    expect(await page.textContent('.ds-error-summary')).toContain('«4018 Nome»');
    await expectAccessible(page);
    await page.getByLabel(nb('knowledge.field.municipalities')).fill('4001 Porsgrunn');
    await page.getByRole('button', { name: nb('knowledge.edit.save') }).click();
    await expect.poll(() => page.url()).toContain('saved=1');
    expect(await page.textContent('main')).toContain(nb('knowledge.case.saved'));
    await expectAccessible(page);
    await page.getByRole('button', { name: nb('knowledge.case.recommend') }).click();
    await expect.poll(() => page.url()).toContain('recommended=1');
    expect(await page.textContent('main')).toContain(nb('knowledge.case.recommended'));
    await page.context().close();
  }, 90_000);
});
