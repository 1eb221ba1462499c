/**
 * Silje, Porsgrunn's case worker, nominates a case for this year's innovation prize: one not put to
 * use first (refused), then Porsgrunn's own. Ingrid, the prize owner, sends the nominations to the
 * jury; Per Holm, employed by Porsgrunn, is excluded from Porsgrunn's nomination with the reason
 * shown to both. Anne Strand declares no conflict before she sees it, then scores with a rationale
 * per criterion. Ingrid records the jury's agreement, chooses the winner with the jury's statement
 * and publishes it: the prize page shows it beside the years before, and the case is marked in
 * the bank. Every page is checked with axe at 1280 px and at 390 px; the prize page in four languages.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedDemoKnowledge } from '../src/knowledge/index.js';
import { LOCALES, translator } from '../src/platform/i18n/index.js';
import { PORSGRUNN_CASE, writePorsgrunnCase } from '../src/knowledge/testing/porsgrunn-case.js';
import { expectAccessible, hasChromium, openPage, signInAs, startJourney } from './browser.js';

const nb = translator('nb');
let year: number;

const journey = startJourney({
  async seed(db) {
    await seedDemoKnowledge(db);
    await writePorsgrunnCase(db);
    year = (await db.selectFrom('knowledge_prizes').select('year').where('state', '=', 'open').executeTakeFirstOrThrow()).year;
  },
});

async function as(subject: string): Promise<Page> {
  const page = await openPage(await journey.browser.newContext({ locale: 'nb-NO', viewport: { width: 1280, height: 900 } }));
  await signInAs(page, journey.running.baseUrl, subject);
  return page;
}
const manage = () => `${journey.running.baseUrl}/innovasjonspris/no/${year}/forvaltning?lang=nb`;

describe.skipIf(!hasChromium)('the innovation prize in a browser', () => {
  it('Silje nominates: a case not put to use is refused, Porsgrunn’s own case is taken', async () => {
    const silje = await as('persona-porsgrunn-case-worker');
    await silje.goto(`${journey.running.baseUrl}/innovasjonspris?lang=nb`);
    await expectAccessible(silje);
    await silje.getByLabel(nb('knowledge.prize.case')).selectOption({ label: 'Innovasjonsnettverket i Saman om ein betre kommune' });
    await silje.getByLabel(nb('knowledge.prize.reason')).fill('Et godt nettverk.');
    await silje.getByRole('button', { name: nb('knowledge.prize.nominate') }).click();
    expect(await silje.textContent('.ds-error-summary')).toContain(nb('knowledge.prize.problem.notPutToUse'));
    await expectAccessible(silje);
    await silje.getByLabel(nb('knowledge.prize.case')).selectOption({ label: PORSGRUNN_CASE });
    await silje.getByLabel(nb('knowledge.prize.reason')).fill('Beboerne sover bedre.');
    await silje.getByRole('button', { name: nb('knowledge.prize.nominate') }).click();
    await expect.poll(() => silje.url()).toContain('done=nominated');
    expect(await silje.textContent('main')).toContain(PORSGRUNN_CASE);
    await silje.context().close();
  }, 90_000);

  it('Ingrid sends the nominations to the jury; Per Holm is excluded from Porsgrunn’s with the reason', async () => {
    const ingrid = await as('persona-kdd-owner');
    await ingrid.goto(manage());
    await expectAccessible(ingrid);
    await ingrid.getByRole('button', { name: nb('knowledge.prize.close') }).click();
    await expect.poll(() => ingrid.url()).toContain('done=closed');
    const porsgrunn = ingrid.locator('article', { hasText: PORSGRUNN_CASE });
    expect(await porsgrunn.textContent()).toMatch(/Per Holm.*Porsgrunn/);
    await expectAccessible(ingrid);
    await ingrid.context().close();

    const per = await as('persona-reviewer-porsgrunn');
    await per.goto(`${journey.running.baseUrl}/innovasjonspris/jury?lang=nb`);
    await expectAccessible(per);
    await per.getByRole('link', { name: /Porsgrunn/ }).click();
    expect(await per.textContent('main')).toMatch(/Per Holm.*Porsgrunn/);
    expect(await per.textContent('main')).not.toContain('Beboerne sover bedre.');
    await expectAccessible(per);
    await per.context().close();
  }, 90_000);

  it('Anne declares before she sees the nomination, then scores with a rationale per criterion', async () => {
    const anne = await as('persona-reviewer-expert');
    await anne.goto(`${journey.running.baseUrl}/innovasjonspris/jury?lang=nb`);
    await anne.getByRole('link', { name: /Porsgrunn/ }).click();
    expect(await anne.textContent('main')).not.toContain('Beboerne sover bedre.');
    await expectAccessible(anne);
    await anne.getByLabel(nb('assessment.declaration.question')).selectOption('no');
    await anne.getByRole('button', { name: nb('assessment.declaration.submit') }).click();
    await expect.poll(() => anne.url()).toContain('done=declared');
    expect(await anne.textContent('main')).toContain('Beboerne sover bedre.');
    await expectAccessible(anne);
    for (const [key, score] of [
      ['1', '5'],
      ['2', '4'],
      ['3', '4'],
    ] as const) {
      await anne.locator(`#score-${key}`).selectOption(score);
      await anne.locator(`#rationale-${key}`).fill('Godt dokumentert i saken.');
    }
    await anne.getByRole('button', { name: nb('knowledge.prize.submitScores') }).click();
    await expect.poll(() => anne.url()).toContain('done=submitted');
    await expectAccessible(anne);
    await anne.context().close();
  }, 90_000);

  it('Ingrid records the agreement, chooses the winner and publishes it; the case is marked in the bank', async () => {
    const ingrid = await as('persona-kdd-owner');
    await ingrid.goto(manage());
    await ingrid
      .locator('article', { hasText: PORSGRUNN_CASE })
      .getByRole('link', { name: nb('knowledge.prize.agree') })
      .click();
    await expectAccessible(ingrid);
    for (const key of ['1', '2', '3']) {
      await ingrid.locator(`#score-${key}`).selectOption('4');
      await ingrid.locator(`#reasoning-${key}`).fill('Juryen er enig.');
    }
    await ingrid.getByRole('button', { name: nb('knowledge.prize.agree') }).click();
    await expect.poll(() => ingrid.url()).toContain('done=agreed');
    await ingrid.getByLabel(nb('knowledge.prize.winnerField'), { exact: true }).selectOption({ label: PORSGRUNN_CASE });
    await ingrid.getByRole('button', { name: nb('knowledge.prize.decide') }).click();
    expect(await ingrid.textContent('.ds-error-summary')).toContain(nb('knowledge.prize.problem.statementMissing'));
    await expectAccessible(ingrid);
    await ingrid.getByLabel(nb('knowledge.prize.winnerField'), { exact: true }).selectOption({ label: PORSGRUNN_CASE });
    await ingrid.getByLabel(nb('knowledge.prize.statement')).fill('Sensorene gir beboerne ro om natten.');
    await ingrid.getByRole('button', { name: nb('knowledge.prize.decide') }).click();
    await expect.poll(() => ingrid.url()).toContain('done=decided');
    await ingrid.getByRole('button', { name: nb('knowledge.prize.publish') }).click();
    await expect.poll(() => ingrid.url()).toContain('done=published');
    await expectAccessible(ingrid);
    await ingrid.goto(`${journey.running.baseUrl}/innovasjonspris?lang=nb`);
    const winners = (await ingrid.textContent('section[aria-labelledby="winners"]')) ?? '';
    expect(winners).toContain('Sensorene gir beboerne ro om natten.');
    expect(winners).toContain(`Innovasjonsprisen ${year - 1}`);
    expect(winners).toContain('Den danske innovationspris 2010');
    await ingrid.getByRole('link', { name: PORSGRUNN_CASE }).first().click();
    expect(await ingrid.textContent('main')).toContain(`${nb('knowledge.prize.winner')}: Innovasjonsprisen ${year}`);
    await expectAccessible(ingrid);
    await ingrid.context().close();
  }, 120_000);

  it('the prize page reads in four languages', async () => {
    const page = await openPage(await journey.browser.newContext());
    for (const lang of LOCALES) {
      await page.goto(`${journey.running.baseUrl}/innovasjonspris?lang=${lang}`);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      expect(await page.textContent('h1')).toBe(translator(lang)('knowledge.prize.title'));
      await expectAccessible(page);
    }
    await page.context().close();
  }, 90_000);
});
