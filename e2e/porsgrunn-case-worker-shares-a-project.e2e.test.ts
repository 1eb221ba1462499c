import { describe, expect, it } from 'vitest';
import { seedDemoKnowledge } from '../src/knowledge/index.js';
import { translator } from '../src/platform/i18n/index.js';
import { seedDemoProgrammes } from '../src/programmes/index.js';
import { seedDemoProjects } from '../src/projects/index.js';
import { expectAccessible, hasChromium, openPage, signInAs, startJourney } from './browser.js';

let project: string;
const nb = translator('nb');
const en = translator('en');
const TITLE = 'Brukerundersøkelser i alle tjenester i Porsgrunn';
const PROGRAMME = 'Kommunalt omstillingsprogram';

const journey = startJourney({
  async seed(db) {
    await seedDemoProgrammes(db);
    await seedDemoProjects(db);
    await seedDemoKnowledge(db);
    project = (await db.selectFrom('projects').select('id').where('seed_key', '=', 'omstilling-2003:4001').executeTakeFirstOrThrow()).id;
  },
});

describe.skipIf(!hasChromium)('a project shared in the knowledge bank', () => {
  it('Silje makes a case from Porsgrunn’s project in one step, choosing what becomes public', async () => {
    const page = await openPage(await journey.browser.newContext({ locale: 'nb-NO', viewport: { width: 1280, height: 900 } }));
    await signInAs(page, journey.running.baseUrl, 'persona-porsgrunn-case-worker');
    await page.goto(`${journey.running.baseUrl}/prosjekter/${project}/oppfolging?lang=nb`);
    await expectAccessible(page);
    await page.getByRole('link', { name: nb('knowledge.seed.title') }).click();
    await expect.poll(() => page.url()).toContain(`/kunnskapsbank/ny/fra-prosjekt/${project}`);
    expect(await page.textContent('main')).toContain(PROGRAMME);
    expect(await page.inputValue('#part-results')).toContain('Porsgrunn har brukerundersøkelser i ti tjenester');
    await expectAccessible(page);
    await page.getByLabel(nb('knowledge.field.title')).fill(TITLE);
    await page.getByLabel(nb('knowledge.field.sector')).selectOption({ label: nb('knowledge.sector.organisation') });
    const tick = (part: 'goals' | 'spreading' | 'learned') => page.locator(`#public-${part}`);
    // A mistake first: nothing ticked for what was done.
    await tick('goals').uncheck();
    await tick('spreading').uncheck();
    await page.getByRole('button', { name: nb('knowledge.seed.publish') }).click();
    expect(await page.textContent('.ds-error-summary')).toContain(nb('knowledge.problem.doneMissing'));
    await expectAccessible(page);
    await tick('goals').check();
    await tick('spreading').check();
    await tick('learned').uncheck();
    await page.getByRole('button', { name: nb('knowledge.seed.publish') }).click();
    await expect.poll(() => page.url()).toContain('saved=1');
    const main = await page.textContent('main');
    expect(main).toContain('Malene for brukerundersøkelser og styringsinformasjon deles med nabokommunene.');
    expect(main).not.toContain('Forankring i kommunestyret');
    expect(main).toContain(PROGRAMME);
    expect(await page.getByRole('link', { name: nb('knowledge.case.fromProject') }).getAttribute('href')).toBe(
      `/prosjekter/${project}?lang=nb`,
    );
    await expectAccessible(page);
    await page.context().close();
  }, 120_000);

  it('a visitor finds it in English with the programme facet', async () => {
    const page = await openPage(await journey.browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } }));
    await page.goto(`${journey.running.baseUrl}/knowledge-bank?lang=en`);
    await page.locator('summary', { hasText: en('knowledge.search.filters') }).click();
    await page.getByLabel(`${PROGRAMME} (1)`).check();
    await page.getByRole('button', { name: en('knowledge.search.apply') }).click();
    await expect.poll(() => page.url()).toContain(`programme=${encodeURIComponent(PROGRAMME).replaceAll('%20', '+')}`);
    expect(await page.locator('main li.ds-card').count()).toBe(1);
    await expectAccessible(page);
    await page.getByRole('link', { name: TITLE }).click();
    await expect.poll(() => page.url()).toContain('/knowledge-bank/brukerundersokelser-i-alle-tjenester-i-porsgrunn');
    expect(await page.locator('h1').getAttribute('lang')).toBe('nb');
    await expectAccessible(page);
    await page.context().close();
  }, 90_000);
});
