/**
 * A sweep over every page of the assessment, selection, call-owner tools (templates, Q&A,
 * late-submission exceptions) and the partner finder: each page, signed in as the persona who uses
 * it, in nb, nn, da and en, checked with axe (WCAG 2.1 AA), for its <html lang> and for raw message
 * keys or unfilled {placeholders} in the visible text. The state between the pages is made the way
 * people make it: through the pages' own forms, posted from a browser with JavaScript off, so each
 * kind of page is also shown to work without scripts (one POST round trip per kind).
 * Every problem is collected and listed at the end of each step, page and language first.
 */
import { appendFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { registeredMessages } from '../src/platform/i18n/index.js';
import { findPersona } from '../src/platform/auth/personas.js';
import { LOCALES, translator } from '../src/platform/i18n/index.js';
import { listSubmittedApplications, startApplication } from '../src/applications/index.js';
import { orThrow } from '../src/platform/outcome.js';
import { DEMO_CALL_KEY, seedDemoAssessment } from '../src/assessment/demo.js';
import { listAssignmentsOfCall, listPool } from '../src/assessment/store.js';
import { seedDemoProgrammes } from '../src/programmes/demo.js';
import { askQuestion, findCall, listQuestions, seededIds, type StoredCall } from '../src/programmes/index.js';
import { seedSmallRegistry } from '../src/programmes/testing.js';
import { GRANT_LIST_PATHS } from '../src/selection/routes.js';
import { agreeScores } from '../src/selection/testing.js';
import { accessibilityViolations, hasChromium, openPage, pageProblems, signInAs, startJourney } from './browser.js';

const INGRID = 'persona-kdd-owner';
const KARI = 'persona-kdd-approver';
const ANNE = 'persona-reviewer-expert';
const SILJE = 'persona-porsgrunn-case-worker';
const nb = translator('nb');

let demoCall: StoredCall;
let openCall: StoredCall;
let templateId: string;
const contexts: BrowserContext[] = [];
const withScript = new Map<string, Page>();
const withoutScript = new Map<string, Page>();
const anonymous: Record<'script' | 'none', Page | undefined> = { script: undefined, none: undefined };

const KEY_PREFIXES = [...new Set(Object.keys(registeredMessages('nb')).map((k) => k.split('.')[0]!))];
const RAW_KEY = new RegExp(`(?<![\\w@/.-])(?:${KEY_PREFIXES.join('|')})\\.[A-Za-z][\\w]*(?:\\.[\\w]+)*`, 'g');
const PLACEHOLDER = /\{[A-Za-z][\w]*\}/g;

const journey = startJourney({
  async seed(db) {
    progress('starting');
    await seedSmallRegistry(db);
    await seedDemoProgrammes(db);
    await seedDemoAssessment(db);
    demoCall = (await findCall(db, (await seededIds(db, 'programme_calls', DEMO_CALL_KEY))!))!;
    openCall = (await findCall(db, (await seededIds(db, 'programme_calls', 'nettverk-2027:call'))!))!;
    templateId = (await seededIds(db, 'programme_form_templates', 'nettverk-2027:template'))!;
    progress('started');
  },
});
afterAll(async () => {
  for (const context of contexts) await context.close();
});

async function newPage(javaScriptEnabled: boolean): Promise<Page> {
  const context = await journey.browser.newContext({ locale: 'nb-NO', javaScriptEnabled });
  contexts.push(context);
  return openPage(context);
}

/** A tab signed in as the persona (the provider's persona form works without scripts too). */
async function as(subject: string, script = true): Promise<Page> {
  const tabs = script ? withScript : withoutScript;
  const existing = tabs.get(subject);
  if (existing) return existing;
  const page = await newPage(script);
  progress(`signing in ${subject}${script ? '' : ' without JavaScript'}`);
  await signInAs(page, journey.running.baseUrl, subject);
  tabs.set(subject, page);
  return page;
}

async function guest(script = true): Promise<Page> {
  const key = script ? 'script' : 'none';
  return (anonymous[key] ??= await newPage(script));
}

/** Where the sweep is, for a person watching a slow run: SWEEP_PROGRESS=/some/file. */
function progress(line: string) {
  if (process.env.SWEEP_PROGRESS) appendFileSync(process.env.SWEEP_PROGRESS, `${new Date().toISOString()} ${line}\n`);
}

const withLang = (path: string, lang: string) => `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;

/**
 * Everything wrong with the page as it stands, one line each. Without JavaScript the page can be
 * read but not scripted (Chromium never answers an evaluate there), so axe runs only with scripts on;
 * every page a no-JavaScript post lands on is also swept with scripts on.
 */
async function problemsOnPage(page: Page, lang: string, status: number | undefined, script = true): Promise<string[]> {
  const problems: string[] = [];
  if (status !== undefined && status >= 400) problems.push(`HTTP ${status}`);
  const htmlLang = await page.locator('html').getAttribute('lang');
  if (htmlLang !== lang) problems.push(`<html lang="${htmlLang}">, expected "${lang}"`);
  const text = await page.locator('body').innerText();
  for (const key of new Set(text.match(RAW_KEY) ?? [])) problems.push(`raw message key in the text: ${key}`);
  for (const slot of new Set(text.match(PLACEHOLDER) ?? [])) problems.push(`unfilled placeholder in the text: ${slot}`);
  if (!script) return problems;
  for (const violation of await accessibilityViolations(page)) problems.push(`axe ${violation}`);
  for (const problem of pageProblems(page).splice(0)) problems.push(`console ${problem}`);
  return problems;
}

/** Visits the page in all four languages; returns its problems as "label [lang] path: problem". */
async function sweep(page: Page, label: string, path: string): Promise<string[]> {
  const found: string[] = [];
  for (const lang of LOCALES) {
    progress(`${label} [${lang}] ${path}`);
    const response = await page.goto(`${journey.running.baseUrl}${withLang(path, lang)}`);
    for (const problem of await problemsOnPage(page, lang, response?.status())) found.push(`${label} [${lang}] ${path}: ${problem}`);
  }
  return found;
}

/** The problems of the page a form post landed on (with JavaScript off), as `sweep` lists them. */
async function afterPost(page: Page, label: string, lang = 'nb'): Promise<string[]> {
  const path = new URL(page.url()).pathname;
  progress(`${label} (no JS, after POST) ${path}`);
  return (await problemsOnPage(page, lang, undefined, false)).map((p) => `${label} (no JS, after POST) [${lang}] ${path}: ${p}`);
}

/** Controls that must be on the page as served without JavaScript. */
async function controlsPresent(page: Page, label: string, path: string, selectors: string[]): Promise<string[]> {
  progress(`${label} (no JS) ${path}`);
  const response = await page.goto(`${journey.running.baseUrl}${withLang(path, 'nb')}`);
  const found = (await problemsOnPage(page, 'nb', response?.status(), false)).map((p) => `${label} (no JS) [nb] ${path}: ${p}`);
  for (const selector of selectors)
    if ((await page.locator(selector).count()) === 0) found.push(`${label} (no JS) [nb] ${path}: control missing: ${selector}`);
  return found;
}

function report(found: string[]) {
  if (found.length > 0) console.log(`\n${found.join('\n')}\n`);
  expect(found).toEqual([]);
}

const ids = new Map<string, string>();
const appId = (lead: string) => ids.get(lead)!;
let anneAssignment = '';
let anneApplication = '';

describe.skipIf(!hasChromium)('every new page, in four languages, with and without JavaScript', () => {
  it("assessment: the owner's dashboard and reviewer pool; batch assignment posted without JavaScript", async () => {
    const found: string[] = [];
    for (const s of await listSubmittedApplications(journey.running.database.db, demoCall.id))
      ids.set(s.application.leadCode, s.application.id);
    const ingrid = await as(INGRID);
    const dashboard = `/eier/utlysninger/${demoCall.id}/vurdering`;
    found.push(...(await sweep(ingrid, 'owner assessment dashboard (unassigned)', dashboard)));
    found.push(...(await sweep(ingrid, 'reviewer pool', `/eier/programmer/${demoCall.programmeId}/fagpanel`)));
    const plain = await as(INGRID, false);
    found.push(
      ...(await controlsPresent(plain, 'owner assessment dashboard', dashboard, ['input[name="perApplication"]', 'input[name="_csrf"]'])),
    );
    await plain.getByLabel(nb('assessment.batch.perApplication')).fill('1');
    await plain.getByRole('button', { name: nb('assessment.batch.submit') }).click();
    await expect.poll(() => plain.url()).toContain('assigned=6');
    found.push(...(await afterPost(plain, 'owner assessment dashboard')));
    found.push(...(await sweep(ingrid, 'owner assessment dashboard (assigned)', dashboard)));
    const plainPool = `/eier/programmer/${demoCall.programmeId}/fagpanel`;
    found.push(...(await controlsPresent(plain, 'reviewer pool', plainPool, ['form[action*="/fagpanel"] button[type="submit"]'])));
    report(found);
  }, 600_000);

  it('assessment: My reviews, the declaration page and the scoring page; declaration, scores and a flag posted without JavaScript', async () => {
    const found: string[] = [];
    const db = journey.running.database.db;
    const pool = await listPool(db, demoCall.programmeId);
    const anneId = pool.find((m) => m.name === findPersona(ANNE)!.name)!.userId;
    const mine = (await listAssignmentsOfCall(db, demoCall.id)).find((a) => a.reviewerId === anneId)!;
    anneAssignment = mine.id;
    anneApplication = mine.applicationId;
    const anne = await as(ANNE);
    found.push(...(await sweep(anne, 'My reviews', '/vurderinger')));
    const path = `/vurderinger/${anneAssignment}`;
    found.push(...(await sweep(anne, 'declaration page', path)));
    const plain = await as(ANNE, false);
    found.push(
      ...(await controlsPresent(plain, 'declaration page', path, [
        'input[type="radio"]',
        'form[action*="/erklaering"] button[type="submit"]',
      ])),
    );
    await plain.getByLabel(nb('assessment.declaration.no')).check();
    await plain.getByRole('button', { name: nb('assessment.declaration.submit') }).click();
    await expect.poll(() => plain.url()).toContain('notice=declared');
    found.push(...(await afterPost(plain, 'declaration page')));
    found.push(...(await sweep(anne, 'scoring page (declared)', path)));
    for (const i of [1, 2, 3]) {
      await plain.locator(`#score-${i}`).selectOption(String(5 - i));
      await plain.locator(`#rationale-${i}`).fill(`Begrunnelse ${i}`);
    }
    await plain.getByRole('button', { name: nb('assessment.score.save') }).click();
    await expect.poll(() => plain.url()).toContain('notice=saved');
    found.push(...(await afterPost(plain, 'scoring page (saved)')));
    await plain.getByRole('button', { name: nb('assessment.score.submit') }).click();
    await expect.poll(() => plain.url()).toContain('notice=submitted');
    found.push(...(await afterPost(plain, 'scoring page (submitted)')));
    await plain.getByLabel(nb('assessment.flag.text')).fill('Må vurderes juridisk.');
    await plain.getByRole('button', { name: nb('assessment.flag.raise') }).click();
    await expect.poll(() => plain.url()).toContain('notice=flagged');
    found.push(...(await afterPost(plain, 'scoring page (flagged)')));
    found.push(...(await sweep(anne, 'scoring page (submitted, flagged)', path)));
    found.push(...(await sweep(anne, 'My reviews (submitted)', '/vurderinger')));
    report(found);
  }, 600_000);

  it('assessment: the review/consensus page with its flag; flag resolved and consensus recorded without JavaScript', async () => {
    const found: string[] = [];
    const path = `/vurdering/soknader/${anneApplication}`;
    const anne = await as(ANNE);
    found.push(...(await sweep(anne, 'review/consensus page (open flag)', path)));
    found.push(...(await sweep(await as(INGRID), 'owner assessment dashboard (flag open)', `/eier/utlysninger/${demoCall.id}/vurdering`)));
    const plain = await as(ANNE, false);
    // An open flag puts the application on hold: the consensus form comes back once it is resolved.
    found.push(...(await controlsPresent(plain, 'review/consensus page (open flag)', path, ['textarea[name^="resolution-"]'])));
    await plain.getByLabel(nb('assessment.flag.resolution')).fill('Avklart med juristene.');
    await plain.getByRole('button', { name: nb('assessment.flag.resolve') }).click();
    await expect.poll(() => plain.url()).toContain('notice=resolved');
    found.push(...(await afterPost(plain, 'review/consensus page (flag resolved)')));
    found.push(
      ...(await controlsPresent(plain, 'review/consensus page', path, [
        'form[action*="/konsensus"] button[type="submit"]',
        'select#score-1',
        'textarea#reasoning-1',
      ])),
    );
    for (const i of [1, 2, 3]) {
      await plain.locator(`#score-${i}`).selectOption(String(5 - i));
      await plain.locator(`#reasoning-${i}`).fill(`Omforent ${i}`);
    }
    await plain.getByRole('button', { name: nb('assessment.consensus.submit') }).click();
    await expect.poll(() => plain.url()).toContain('notice=agreed');
    found.push(...(await afterPost(plain, 'review/consensus page (agreed)')));
    found.push(...(await sweep(anne, 'review/consensus page (agreed, flag resolved)', path)));
    report(found);
  }, 600_000);

  it('selection: the ranking page and a simulated over-budget result in four languages; a selection recorded without JavaScript', async () => {
    const found: string[] = [];
    const db = journey.running.database.db;
    const rest = Object.fromEntries(
      Object.entries({
        '4001': [5, 4, 5],
        '1804': [4, 4, 4],
        '4014': [4, 4, 4],
        '3405': [3, 4, 3],
        '3909': [2, 2, 1],
        '4026': [1, 1, 1],
      }).filter(([lead]) => appId(lead) !== anneApplication),
    );
    await agreeScores(db, (await findCall(db, demoCall.id))!, rest);
    const ingrid = await as(INGRID);
    const path = `/eier/utlysninger/${demoCall.id}/utvelgelse`;
    found.push(...(await sweep(ingrid, 'selection page', path)));
    const fill = async (page: Page, amounts: Record<string, string>) => {
      for (const lead of ids.keys()) {
        const id = appId(lead);
        if (lead in amounts) {
          await page.locator(`[name="select-${id}"]`).check();
          await page.locator(`[name="amount-${id}"]`).fill(amounts[lead]!);
        }
        await page.locator(`[name="reason-${id}"]`).fill(`Begrunnelse for ${lead}`);
      }
    };
    for (const lang of LOCALES) {
      await ingrid.goto(`${journey.running.baseUrl}${withLang(path, lang)}`);
      await fill(ingrid, { '4001': '12 000 000', '1804': '8 000 000', '4014': '6 000 000' });
      const [response] = await Promise.all([
        ingrid.waitForResponse((r) => r.request().method() === 'POST'),
        ingrid.locator('button[name="action"][value="simulate"]').click(),
      ]);
      await ingrid.waitForLoadState();
      if (response.status() !== 422) found.push(`selection page, simulated over budget [${lang}]: HTTP ${response.status()}, expected 422`);
      for (const p of await problemsOnPage(ingrid, lang, undefined))
        found.push(`selection page, simulated over budget [${lang}] ${path}: ${p}`);
    }
    const plain = await as(INGRID, false);
    found.push(
      ...(await controlsPresent(plain, 'selection page', path, [
        'button[name="action"][value="simulate"]',
        'button[name="action"][value="record"]',
        'input[type="checkbox"][name^="select-"]',
      ])),
    );
    await fill(plain, { '4001': '10 000 000', '1804': '8 000 000', '4014': '5 000 000' });
    await plain.locator('button[name="action"][value="record"]').click();
    await expect.poll(() => plain.url()).toContain('recorded=');
    found.push(...(await afterPost(plain, 'selection page (recorded)')));
    found.push(...(await sweep(ingrid, 'selection page (recorded)', path)));
    report(found);
  }, 600_000);

  it('decisions: the decisions page before and after; decisions and publication posted without JavaScript; the public grants list under its four names; the applicant sees the decision', async () => {
    const found: string[] = [];
    const ingrid = await as(INGRID);
    const path = `/eier/utlysninger/${demoCall.id}/vedtak`;
    found.push(...(await sweep(ingrid, 'decisions page (pending)', path)));
    const plain = await as(INGRID, false);
    found.push(
      ...(await controlsPresent(plain, 'decisions page', path, [
        '#decide-form button[type="submit"]',
        'input[type="radio"][name^="language-"]:checked',
        'textarea[name^="reason-"]',
      ])),
    );
    for (const lead of ids.keys()) {
      const id = appId(lead);
      await plain.locator(`[name="reason-${id}"]`).fill(`Vedtaksgrunn ${lead}`);
      if ((await plain.locator(`[name="summary-${id}"]`).count()) > 0)
        await plain.locator(`[name="summary-${id}"]`).fill(`Prosjekt ${lead}`);
    }
    await plain.locator('#decide-form button[type="submit"]').click();
    await expect.poll(() => plain.url()).toContain('decided=');
    found.push(...(await afterPost(plain, 'decisions page (decided)')));
    // Four eyes: Kari approves, without JavaScript, before anything goes out or can be published.
    const kari = await as(KARI);
    found.push(...(await sweep(kari, 'decisions to approve (list)', '/godkjenning')));
    const approvalPath = `/eier/utlysninger/${demoCall.id}/godkjenning`;
    found.push(...(await sweep(kari, 'decisions to approve (call)', approvalPath)));
    const kariPlain = await as(KARI, false);
    found.push(...(await controlsPresent(kariPlain, 'decisions to approve', approvalPath, ['#approve-form button[type="submit"]'])));
    await kariPlain.locator('#approve-form button[type="submit"]').click();
    await expect.poll(() => kariPlain.url()).toContain('approved=');
    found.push(...(await afterPost(kariPlain, 'decisions to approve (approved)')));
    await plain.goto(`${journey.running.baseUrl}${path}`);
    await plain.locator('form[action*="/publiser-resultater"] button[type="submit"]').click();
    await plain.waitForLoadState();
    found.push(...(await afterPost(plain, 'decisions page (published)')));
    found.push(...(await sweep(ingrid, 'decisions page (decided, published)', path)));
    const public_ = await guest();
    for (const grants of GRANT_LIST_PATHS) found.push(...(await sweep(public_, 'public grants list', grants)));
    const silje = await as(SILJE);
    found.push(...(await sweep(silje, "applicant's application page with a decision", `/soknader/${appId('4001')}`)));
    found.push(...(await sweep(silje, 'the appeal form', `/soknader/${appId('4001')}/klage`)));
    found.push(...(await sweep(silje, 'notifications sent to me', '/varsler')));
    const siljePlain = await as(SILJE, false);
    // The letter is made by a background job after the decision: wait for it as Silje would, by reloading.
    const letterLink = `a[href*="/soknader/${appId('4001')}/vedtaksbrev"]`;
    await expect
      .poll(
        async () => {
          await siljePlain.goto(`${journey.running.baseUrl}/soknader/${appId('4001')}`);
          return siljePlain.locator(letterLink).count();
        },
        { timeout: 60_000, interval: 1000 },
      )
      .toBe(1);
    found.push(
      ...(await controlsPresent(siljePlain, "applicant's application page with a decision", `/soknader/${appId('4001')}`, [letterLink])),
    );
    report(found);
  }, 600_000);

  it('templates: list, new, editor, preview and new call from a template; a template created and saved without JavaScript', async () => {
    const found: string[] = [];
    const ingrid = await as(INGRID);
    found.push(...(await sweep(ingrid, 'template list', '/eier/skjemamaler')));
    found.push(...(await sweep(ingrid, 'new template', '/eier/skjemamaler/ny')));
    found.push(...(await sweep(ingrid, 'template editor', `/eier/skjemamaler/${templateId}`)));
    found.push(...(await sweep(ingrid, 'template preview', `/eier/skjemamaler/${templateId}/forhandsvis`)));
    found.push(
      ...(await sweep(ingrid, 'new call from template', `/eier/programmer/${openCall.programmeId}/utlysninger/ny?mal=${templateId}`)),
    );
    const plain = await as(INGRID, false);
    found.push(
      ...(await controlsPresent(
        plain,
        'new call from template',
        `/eier/programmer/${openCall.programmeId}/utlysninger/ny?mal=${templateId}`,
        [`select[name="templateId"] option[value="${templateId}"][selected]`],
      )),
    );
    found.push(
      ...(await controlsPresent(plain, 'new template', '/eier/skjemamaler/ny', ['input[name="name"]', 'select[name="startFrom"]'])),
    );
    await plain.locator('[name="name"]').fill('Sveipemal');
    await plain.locator('form[action^="/eier/skjemamaler"] button[type="submit"]').click();
    await expect.poll(() => plain.url()).toMatch(/\/eier\/skjemamaler\/[0-9a-f-]{36}/);
    found.push(...(await afterPost(plain, 'template editor (created)')));
    const editor = new URL(plain.url()).pathname;
    found.push(
      ...(await controlsPresent(plain, 'template editor', editor, [
        'button[name="op"][value="save"]',
        'button[name="op"]:not([value="save"])',
      ])),
    );
    await plain.locator('button[name="op"]:not([value="save"])').first().click();
    await plain.waitForLoadState();
    found.push(...(await afterPost(plain, 'template editor (re-rendered by an editor button)')));
    await plain.locator('button[name="op"][value="save"]').first().click();
    await expect.poll(() => plain.url()).toContain('saved=');
    found.push(...(await afterPost(plain, 'template editor (saved)')));
    found.push(...(await sweep(ingrid, 'template editor (new template)', editor)));
    report(found);
  }, 600_000);

  it("Q&A: the owner's question pages and the public call page with its questions; a question asked and one answered without JavaScript", async () => {
    const found: string[] = [];
    const db = journey.running.database.db;
    await askQuestion(
      db,
      openCall.id,
      'Kan en kommune være med i to nettverk?',
      { name: 'Silje Andersen', municipality: 'Porsgrunn kommune' },
      { user: null, requestId: 'sweep' },
    );
    const siljePlain = await as(SILJE, false);
    const callPath = `/utlysninger/${openCall.id}`;
    found.push(
      ...(await controlsPresent(siljePlain, 'public call page with Q&A', callPath, [
        'textarea[name="question"]',
        'form[action*="/sporsmal"] button[type="submit"]',
      ])),
    );
    await siljePlain.locator('textarea[name="question"]').fill('Teller innbyggertallet fra 1. januar?');
    await siljePlain.locator('form[action*="/sporsmal"] button[type="submit"]').click();
    await expect.poll(() => siljePlain.url()).toContain('asked=1');
    found.push(...(await afterPost(siljePlain, 'public call page with Q&A (asked)')));
    const plain = await as(INGRID, false);
    const ownerPath = `/eier/utlysninger/${openCall.id}/sporsmal`;
    found.push(
      ...(await controlsPresent(plain, "owner's Q&A page", ownerPath, [
        'textarea[name="question"]',
        'textarea[name="answer"]',
        'button[name="action"][value="publish"]',
      ])),
    );
    await plain.locator('textarea[name="question"]').fill('Må vedtaket være fattet før fristen?');
    await plain.locator('textarea[name="answer"]').fill('Ja, i formannskap eller kommunestyre.');
    await plain.locator('button[name="action"][value="publish"]').click();
    await plain.waitForLoadState();
    expect(await plain.locator('body').innerText()).toContain('Må vedtaket være fattet før fristen?');
    found.push(...(await afterPost(plain, "owner's Q&A page (entry published)")));
    const ingrid = await as(INGRID);
    found.push(...(await sweep(ingrid, "owner's Q&A page", ownerPath)));
    for (const q of await listQuestions(db, openCall.id))
      found.push(...(await sweep(ingrid, `owner's Q&A entry (${q.status})`, `/eier/sporsmal/${q.id}`)));
    found.push(...(await sweep(await guest(), 'public call page with Q&A (signed out)', callPath)));
    found.push(...(await sweep(await as(SILJE), 'public call page with Q&A (case worker)', callPath)));
    const guestPlain = await guest(false);
    found.push(
      ...(await controlsPresent(guestPlain, 'public call page with Q&A (signed out)', callPath, [
        '#ask, [id*="qa"], [aria-labelledby*="qa"], [aria-labelledby*="ask"]',
      ])),
    );
    report(found);
  }, 600_000);

  it("late-submission exceptions: the owner's call page with its exception form; one granted without JavaScript, then shown", async () => {
    const found: string[] = [];
    const path = `/eier/utlysninger/${openCall.id}`;
    const ingrid = await as(INGRID);
    found.push(...(await sweep(ingrid, "owner's call page, exceptions (none)", path)));
    const plain = await as(INGRID, false);
    found.push(
      ...(await controlsPresent(plain, "owner's call page, exceptions", path, [
        '#extension-municipality',
        '#extension-roundIndex',
        '#extension-until',
        '#extension-reason',
      ])),
    );
    await plain.locator('#extension-municipality').fill('Skien');
    await plain.locator('#extension-roundIndex').selectOption('0');
    const closes = new Date(Date.parse(openCall.content.rounds[0]!.closesAt) + 3 * 86_400_000);
    await plain.locator('#extension-until').fill(`${closes.toISOString().slice(0, 10)}T12:00`);
    await plain.locator('#extension-reason').fill('Kommunestyremøtet ble flyttet på grunn av flom.');
    await plain.getByRole('button', { name: nb('programmes.extension.grant') }).click();
    await plain.waitForLoadState();
    if (!plain.url().includes('extension=granted'))
      found.push(`owner's call page, exceptions (no JS) [nb]: granting did not redirect with extension=granted (at ${plain.url()})`);
    found.push(...(await afterPost(plain, "owner's call page, exceptions (granted)")));
    found.push(...(await sweep(ingrid, "owner's call page, exceptions (one granted)", path)));
    found.push(
      ...(await sweep(
        await as('persona-skien-case-worker'),
        "applicant's view of the call with an exception",
        `/utlysninger/${openCall.id}`,
      )),
    );
    report(found);
  }, 600_000);

  it("partner finder: suggestions on the lead's application page; an invitation posted without JavaScript", async () => {
    const found: string[] = [];
    const db = journey.running.database.db;
    const draft = orThrow(
      await startApplication(
        db,
        openCall,
        { code: '4001', name: 'Porsgrunn', contactEmail: 'silje.andersen@porsgrunn.example.no' },
        { user: null, requestId: 'sweep' },
      ),
    );
    const path = `/soknader/${draft}`;
    const silje = await as(SILJE);
    found.push(...(await sweep(silje, "lead's application page with partner suggestions", path)));
    if ((await silje.locator('#partners-section').count()) === 0)
      found.push(`lead's application page [en] ${path}: no partner suggestions shown (#partners-section missing)`);
    const plain = await as(SILJE, false);
    const invite = '#partners-section form[action*="/invitasjoner"] button[type="submit"]';
    found.push(...(await controlsPresent(plain, "lead's application page with partner suggestions", path, [invite])));
    if ((await plain.locator(invite).count()) > 0) {
      await plain.locator('#partners-section > details > summary').click();
      await plain.locator(invite).first().click();
      await plain.waitForLoadState();
      found.push(...(await afterPost(plain, "lead's application page (invited a suggested partner)")));
    }
    report(found);
  }, 600_000);

  it('administration: organisations and one organisation with its people and history; a role given without JavaScript', async () => {
    const found: string[] = [];
    const admin = await as('persona-admin');
    found.push(...(await sweep(admin, 'organisations', '/admin/organisasjoner')));
    const fredericia = (
      await journey.running.database.db
        .selectFrom('organisations')
        .select('id')
        .where('name', '=', 'Fredericia Kommune')
        .executeTakeFirstOrThrow()
    ).id;
    const path = `/admin/organisasjoner/${fredericia}`;
    found.push(...(await sweep(admin, 'an organisation', path)));
    const plain = await as('persona-admin', false);
    found.push(
      ...(await controlsPresent(plain, 'an organisation', path, ['#email', '#role', 'form[action*="/roller"] button[type="submit"]'])),
    );
    await plain.locator('#email').fill('mette.jensen@fredericia.example.dk');
    await plain.locator('#role').selectOption('reviewer');
    await plain.locator('form[action*="/roller?"] button[type="submit"]').click();
    await expect.poll(() => plain.url()).toContain('granted=');
    found.push(...(await afterPost(plain, 'an organisation (role given)')));
    // A role for someone who has not signed in yet waits on the page.
    await plain.locator('#email').fill('ny.saksbehandler@fredericia.example.dk');
    await plain.locator('#role').selectOption('case_worker');
    await plain.locator('form[action*="/roller?"] button[type="submit"]').click();
    await expect.poll(() => plain.url()).toContain('pending=');
    found.push(...(await afterPost(plain, 'an organisation (role waiting for a first sign-in)')));
    found.push(...(await sweep(admin, 'an organisation with history and a waiting role', path)));
    // The audit log reads in words: record types, actions and states by name, no keys or ids.
    found.push(...(await sweep(admin, 'audit log', '/admin/audit')));
    found.push(...(await sweep(admin, 'audit log of one organisation', `/admin/audit?recordType=organisation&recordId=${fredericia}`)));
    const log = (await admin.locator('main').innerText()) ?? '';
    for (const internal of ['grant-role', 'organisation ', fredericia, 'case_worker'])
      if (log.includes(internal)) found.push(`audit log shows "${internal}"`);
    report(found);
  }, 600_000);
});
