import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { findPersona } from '../src/platform/auth/personas.js';
import type { DB } from '../src/platform/db/database.js';
import { createTestDatabase } from '../src/platform/db/testing.js';
import { translator } from '../src/platform/i18n/index.js';
import { importShippedRegistry } from '../src/registry/index.js';
import { startTestApp, type RunningApp } from '../src/test-app.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface Journey {
  readonly running: RunningApp;
  readonly browser: Browser;
}

/**
 * Registers a journey file's set-up and tear-down: the whole product on a fresh database (over the
 * shipped registry when asked), `seed` run on it, and Chromium; both stopped after the file's tests.
 */
export function startJourney(options: { shippedRegistry?: boolean; seed?: (db: DB) => Promise<void> } = {}): Journey {
  const journey = {} as { running: RunningApp; browser: Browser };
  beforeAll(async () => {
    if (!hasChromium) return;
    const database = await createTestDatabase();
    if (options.shippedRegistry) await importShippedRegistry(database.db);
    journey.running = await startTestApp({ database });
    await options.seed?.(database.db);
    journey.browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await journey.browser?.close();
    await journey.running?.close();
    await journey.running?.database.dispose();
  });
  return journey;
}

/** A browser tab that fails the test on any CSP violation or page error. */
export async function openPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  (page as Page & { problems: string[] }).problems = problems;
  return page;
}

export function pageProblems(page: Page): string[] {
  return (page as Page & { problems?: string[] }).problems ?? [];
}

/** The WCAG 2.1 A/AA violations axe-core finds on the page as it stands, one line each. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  // evaluate() runs outside the page's CSP, so the strict policy stays on for the page itself.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, { runOnly: { type: 'tag', values: tags } });
    return result.violations as { id: string; help: string; nodes: { target: string[] }[] }[];
  }, WCAG_21_AA);
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Runs in the page (the tests are compiled without the DOM's types, so it is kept as source). */
const PHONE_CHECK = `(() => {
  const problems = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1) {
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1 && !el.closest('.table-scroll, [data-scroll]'))
      .slice(0, 3)
      .map((el) => el.tagName.toLowerCase() + '.' + [...el.classList].join('.'));
    problems.push('scrolls sideways: ' + root.scrollWidth + ' px wide content in ' + root.clientWidth + ' px (' + wide.join(', ') + ')');
  }
  const header = document.querySelector('header.site-header');
  if (header && header.getBoundingClientRect().height > 130)
    problems.push('header is ' + Math.round(header.getBoundingClientRect().height) + ' px tall');
  for (const text of document.querySelectorAll('svg text')) {
    const matrix = text.getScreenCTM();
    if (!matrix || text.getClientRects().length === 0 || (text.textContent || '').trim() === '') continue;
    const size = Number.parseFloat(getComputedStyle(text).fontSize) * Math.hypot(matrix.a, matrix.b);
    if (size < 11.5) {
      problems.push('chart text "' + text.textContent.trim().slice(0, 20) + '" is ' + size.toFixed(1) + ' px');
      break;
    }
  }
  return problems;
})()`;

/** A phone's width: every page must fit it without scrolling sideways. */
export const PHONE = { width: 390, height: 844 } as const;

/**
 * What is wrong with the page on a phone: sideways scrolling, a header taller than about 120 px, chart
 * text rendered smaller than 12 px. Measured at 390 px, then the tab goes back to its own size.
 */
export async function phoneProblems(page: Page): Promise<string[]> {
  const own = page.viewportSize();
  await page.setViewportSize(PHONE);
  try {
    return (await page.evaluate(PHONE_CHECK)) as string[];
  } finally {
    if (own) await page.setViewportSize(own);
  }
}

/** Fails the test on any WCAG 2.1 A/AA violation, CSP refusal or script error on the page, or when it does not fit a phone. */
export async function expectAccessible(page: Page) {
  expect(await accessibilityViolations(page), `axe on ${page.url()}`).toEqual([]);
  expect(pageProblems(page), `console on ${page.url()}`).toEqual([]);
  const onPhone = (await phoneProblems(page)).join('; ');
  expect(onPhone, `at ${PHONE.width} px on ${page.url().slice(0, 120)}: ${onPhone}`).toBe('');
}

/** Signs the tab in as the persona through the embedded OpenID provider's sign-in page, as a person would. */
export async function signInAs(page: Page, baseUrl: string, subject: string): Promise<void> {
  const persona = findPersona(subject)!;
  await page.goto(`${baseUrl}/login/${persona.loginKind}?returnTo=/`);
  await expect.poll(() => page.url()).toContain('/idp/interaction/');
  await page.getByLabel(`${persona.name} (${persona.description})`).check();
  // The provider's page speaks the browser's language.
  const names = (['nb', 'nn', 'da', 'en'] as const).map((locale) => translator(locale)('idp.continue'));
  await page.getByRole('button', { name: new RegExp(`^(${names.join('|')})$`) }).click();
  await page.waitForURL((url) => url.pathname === '/');
}
