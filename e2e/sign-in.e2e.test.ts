import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAS, type Persona } from '../src/platform/auth/personas.js';
import { translator, type Locale } from '../src/platform/i18n/index.js';
import { accessibilityViolations, expectAccessible, hasChromium, openPage, startJourney } from './browser.js';

const journey = startJourney();

const nb = translator('nb');

/** The whole sign-in as a person does it: link, choice of service, persona page, back home. */
async function signIn(page: Page, persona: Persona, checkAccessibility = true) {
  const check = checkAccessibility ? expectAccessible : async () => {};
  await page.goto(`${journey.running.baseUrl}/?lang=nb`);
  await page.getByRole('link', { name: nb('nav.signIn') }).click();
  await check(page);
  const service = persona.loginKind === 'citizen' ? nb('signIn.asCitizen') : nb('signIn.asEmployee');
  await page.getByRole('link', { name: service }).click();
  await expect.poll(() => page.url()).toContain('/idp/interaction/');
  await check(page);
  await page.getByLabel(`${persona.name} (${persona.description})`).check();
  await page.getByRole('button', { name: nb('idp.continue') }).click();
  await page.waitForURL((url) => url.pathname === '/');
  expect(await page.textContent('body')).toContain(nb('layout.signedInAs', { name: persona.name }));
  await check(page);
}

async function signOut(page: Page, checkAccessibility = true) {
  const check = checkAccessibility ? expectAccessible : async () => {};
  await page.getByRole('button', { name: nb('nav.signOut') }).click();
  await expect.poll(() => page.url()).toContain('/oidc/session/end');
  await check(page);
  await page.getByRole('button', { name: nb('idp.signOut.yes') }).click();
  await page.waitForURL(`${journey.running.baseUrl}/logged-out`);
  await check(page);
  expect(await page.textContent('h1')).toBe(nb('signOut.done'));
}

describe.skipIf(!hasChromium)('in Chromium, with axe-core on every page', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await journey.browser.newContext({ locale: 'nb-NO' });
  });
  afterAll(() => context?.close());

  it('the accessibility check itself notices an unlabelled field', async () => {
    const page = await openPage(context);
    await page.setContent('<html lang="nb"><head><title>x</title></head><body><main><input type="text"></main></body></html>');
    expect((await accessibilityViolations(page)).join()).toContain('label');
    await page.close();
  });

  it.each(['nb', 'nn', 'da', 'en'] as Locale[])('a visitor reads the front page in %s, chosen with the language switch', async (locale) => {
    const page = await openPage(context);
    await page.goto(`${journey.running.baseUrl}/?lang=${locale === 'nb' ? 'en' : 'nb'}`);
    const switchName = translator(locale === 'nb' ? 'en' : 'nb')('layout.language');
    await page
      .getByRole('navigation', { name: switchName })
      .getByRole('link', { name: translator(locale)(`language.${locale}`) })
      .click();
    expect(await page.getAttribute('html', 'lang')).toBe(locale);
    expect(await page.textContent('h1')).toBe(translator(locale)('site.tagline'));
    await expectAccessible(page);
    await page.close();
  });

  it('a visitor who mistypes an address, or meets a failure, gets a translated page without internals', async () => {
    const page = await openPage(context);
    const missing = await page.goto(`${journey.running.baseUrl}/kommune/finnes-ikke?lang=en`);
    expect(missing?.status()).toBe(404);
    expect(await page.textContent('h1')).toBe(translator('en')('error.404.title'));
    await expectAccessible(page);
    const failed = await page.goto(`${journey.running.baseUrl}/dev/fail?lang=da`);
    expect(failed?.status()).toBe(500);
    expect(await page.textContent('h1')).toBe(translator('da')('error.500.title'));
    expect(await page.textContent('body')).not.toContain('deliberate');
    await expectAccessible(page);
    await page.close();
  });

  it('a developer reads a mail in the outbox', async () => {
    await journey.running.app.mailer.send({
      to: ['mette.jensen@fredericia.example.dk'],
      subject: 'Kvittering',
      text: 'Ansøgningen er modtaget.',
    });
    const page = await openPage(context);
    await page.goto(`${journey.running.baseUrl}/dev/outbox?lang=da`);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Kvittering' }).first().click();
    expect(await page.textContent('main')).toContain('Ansøgningen er modtaget.');
    await expectAccessible(page);
    await page.close();
  });

  it('a visitor reads the accessibility statement and the API documentation', async () => {
    const page = await openPage(context);
    await page.goto(`${journey.running.baseUrl}/?lang=nn`);
    await page.getByRole('link', { name: translator('nn')('layout.footer.accessibility') }).click();
    await expectAccessible(page);
    await page.getByRole('link', { name: translator('nn')('layout.footer.api') }).click();
    expect(await page.textContent('main')).toContain('/api/v1/me');
    await expectAccessible(page);
    await page.close();
  });

  it.each(PERSONAS.map((persona) => [`${persona.name}, ${persona.description},`, persona] as const))(
    '%s signs in and out through the OpenID provider',
    async (_title, persona) => {
      const page = await openPage(context);
      await signIn(page, persona);
      await signOut(page);
      await page.close();
    },
  );

  it('a person who sends the sign-in page without choosing sees the error summary, linked to the field', async () => {
    const page = await openPage(context);
    await page.goto(`${journey.running.baseUrl}/login/employee?returnTo=/`);
    await expect.poll(() => page.url()).toContain('/idp/interaction/');
    await page.getByRole('button', { name: nb('idp.continue') }).click();
    const summary = page.locator('.ds-error-summary');
    expect(await summary.textContent()).toContain(nb('idp.choosePersona'));
    await expectAccessible(page);
    await summary.getByRole('link').click();
    expect(await page.evaluate(() => (globalThis as unknown as { location: { hash: string } }).location.hash)).toMatch(/^#persona-/);
    await page.close();
  });

  it('Nora, a citizen of Porsgrunn, signs in and out with JavaScript turned off', async () => {
    // axe needs script in the page, so this walk checks only that nothing depends on it.
    const noScript = await journey.browser.newContext({ javaScriptEnabled: false, locale: 'nb-NO' });
    const page = await openPage(noScript);
    await signIn(page, PERSONAS.find((persona) => persona.loginKind === 'citizen')!, false);
    await signOut(page, false);
    await noScript.close();
  });

  it('Eirik, the system administrator, reads the audit log of one person', async () => {
    const page = await openPage(context);
    const eirik = PERSONAS.find((persona) => persona.subject === 'persona-admin')!;
    await signIn(page, eirik);
    await page.getByRole('link', { name: nb('nav.audit') }).click();
    await expectAccessible(page);
    // Each event reads in words: what kind of record, what happened, from which state to which.
    const signedIn = page
      .locator('tbody tr', { hasText: nb('audit.history') })
      .filter({ hasText: 'logget inn' })
      .first();
    expect(await signedIn.textContent()).toContain('Bruker');
    await signedIn.getByRole('link', { name: nb('audit.history') }).click();
    await expect.poll(() => page.url()).toContain('recordType=user');
    const rows = await page.locator('tbody tr').count();
    expect(rows).toBeGreaterThan(0);
    expect(await page.textContent('main')).toContain('Viser hendelsene for én bruker.');
    expect(await page.textContent('tbody')).toContain('– → Innlogget');
    await expectAccessible(page);
    await signOut(page);
    await page.close();
  });
});
