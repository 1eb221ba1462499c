import { describe, expect, it } from 'vitest';
import { seedDemoKnowledge } from '../src/knowledge/index.js';
import { translator } from '../src/platform/i18n/index.js';
import { seedDemoProgrammes } from '../src/programmes/index.js';
import { expectAccessible, hasChromium, openPage, signInAs, startJourney } from './browser.js';

const nb = translator('nb');
const da = translator('da');
const NAME = 'Velferdsteknologifondet for kommuner';

const journey = startJourney({
  async seed(db) {
    await seedDemoProgrammes(db);
    await seedDemoKnowledge(db);
  },
});

describe.skipIf(!hasChromium)('the adviser keeps the directory', () => {
  it('Ragnhild adds a scheme with a deadline; a visitor finds it in Danish with the Danish spelling', async () => {
    const ragnhild = await openPage(await journey.browser.newContext({ locale: 'nb-NO', viewport: { width: 1280, height: 900 } }));
    await signInAs(ragnhild, journey.running.baseUrl, 'persona-adviser');
    await ragnhild.goto(`${journey.running.baseUrl}/kunnskapsbank?lang=nb`);
    await ragnhild.getByRole('link', { name: nb('knowledge.dir.link') }).click();
    await expect.poll(() => ragnhild.url()).toContain('/kunnskapsbank/aktorer-og-ordninger');
    expect(await ragnhild.textContent('main')).toContain('Forskningsrådet');
    await expectAccessible(ragnhild);
    await ragnhild.getByRole('link', { name: nb('knowledge.dir.new') }).click();
    await expectAccessible(ragnhild);
    await ragnhild.getByLabel(nb('knowledge.dir.field.entry')).selectOption('scheme');
    await ragnhild.getByLabel(nb('knowledge.dir.field.name')).fill(NAME);
    await ragnhild
      .getByLabel(nb('knowledge.dir.field.description'))
      .fill('Tilskudd til utprøving av trygghetsalarmer og annen velferdsteknologi i hjemmetjenesten.');
    await ragnhild.getByLabel(nb('knowledge.theme.welfare_technology')).check();
    await ragnhild.getByLabel(nb('knowledge.dir.field.web')).fill('https://example.org/velferdsteknologifondet');
    await ragnhild.getByLabel(nb('knowledge.dir.field.runner')).fill('Kompetansesenteret for kommunal innovasjon');
    await ragnhild.getByLabel(nb('knowledge.dir.field.deadline')).fill('2027-03-01T12:00');
    await ragnhild.getByLabel(nb('knowledge.dir.field.eligible')).fill('Kommuner og interkommunale samarbeid.');
    await ragnhild.getByLabel(nb('knowledge.dir.field.source')).fill('Rådgiverens egen oversikt');
    await ragnhild.getByRole('button', { name: nb('knowledge.dir.save') }).click();
    await expect.poll(async () => ragnhild.textContent('main')).toContain(nb('knowledge.dir.saved'));
    expect(await ragnhild.textContent('main')).toContain('1. mars 2027');
    await expectAccessible(ragnhild);

    const visitor = await openPage(await journey.browser.newContext({ locale: 'da-DK', viewport: { width: 1280, height: 900 } }));
    await visitor.goto(`${journey.running.baseUrl}/videnbank/aktorer-og-ordninger?lang=da`);
    await expectAccessible(visitor);
    await visitor.getByLabel(da('knowledge.dir.searchLabel')).fill('velfærdsteknologifond');
    await visitor.getByRole('button', { name: da('knowledge.search.submit'), exact: true }).click();
    await expect.poll(async () => visitor.textContent('main')).toContain(NAME);
    await visitor.locator('main summary').click();
    await visitor.getByLabel(/^Tilskudsordning \(/).check();
    await visitor.getByRole('button', { name: da('knowledge.search.apply') }).click();
    await expect.poll(() => visitor.url()).toContain('type=scheme');
    expect(await visitor.textContent('main')).toContain(NAME);
    await expectAccessible(visitor);
    await visitor.getByRole('link', { name: NAME }).click();
    await expect.poll(async () => visitor.textContent('main')).toContain('1. marts 2027');
    expect(await visitor.textContent('main')).toContain(da('knowledge.dir.eligible'));
    await expectAccessible(visitor);
    for (const page of [ragnhild, visitor]) await page.context().close();
  }, 180_000);
});
