import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { findFile } from '../src/platform/files/store.js';
import { translator } from '../src/platform/i18n/index.js';
import { DEMO_CALL_KEY, seedDemoAssessment } from '../src/assessment/demo.js';
import { seedDemoProgrammes } from '../src/programmes/demo.js';
import { findCall, seededIds, type StoredCall } from '../src/programmes/index.js';
import { seedSmallRegistry } from '../src/programmes/testing.js';
import { listDecisionsOfCall } from '../src/selection/store.js';
import { agreeScores, threeSixtyGivingErrors } from '../src/selection/testing.js';
import { expectAccessible, hasChromium, openPage, signInAs, startJourney } from './browser.js';

let call: StoredCall;
let ids: Map<string, string>;
const nb = translator('nb');
const CALL_TITLE = 'Nettverk for bærekraftige tjenester 2026';
const NAMES = {
  '4001': 'Porsgrunn, Skien, Notodden',
  '1804': 'Bodø',
  '4014': 'Kragerø, Bamble, Drangedal',
  '3405': 'Lillehammer, Gjøvik',
  '3909': 'Larvik',
  '4026': 'Tinn',
} as const;
/** Each application as the owner's pages name it: case number and members. */
const APPLICANTS: Record<keyof typeof NAMES, string> = { ...NAMES };

const journey = startJourney({
  async seed(db) {
    await seedSmallRegistry(db);
    await seedDemoProgrammes(db);
    await seedDemoAssessment(db);
    call = (await findCall(db, (await seededIds(db, 'programme_calls', DEMO_CALL_KEY))!))!;
    // The reviewers' work, done through the assessment's own store functions: every application has agreed scores.
    ids = await agreeScores(db, call, {
      '4001': [5, 4, 5],
      '1804': [4, 4, 4],
      '4014': [4, 4, 4],
      '3405': [3, 4, 3],
      '3909': [2, 2, 1],
      '4026': [1, 2, 1],
    });
    for (const row of await db.selectFrom('applications').select(['case_number', 'lead_code']).where('call_id', '=', call.id).execute())
      if (row.lead_code in NAMES)
        APPLICANTS[row.lead_code as keyof typeof NAMES] = `${row.case_number} ${NAMES[row.lead_code as keyof typeof NAMES]}`;
  },
});

async function signedIn(subject: string): Promise<Page> {
  const context = await journey.browser.newContext({ locale: 'nb-NO' });
  const page = await openPage(context);
  await signInAs(page, journey.running.baseUrl, subject);
  return page;
}

async function choose(page: Page, amounts: Partial<Record<keyof typeof APPLICANTS, string>>) {
  for (const [lead, applicant] of Object.entries(APPLICANTS) as [keyof typeof APPLICANTS, string][]) {
    const box = page.getByLabel(nb('selection.ranking.selectLabel', { applicant }), { exact: true });
    if (amounts[lead] !== undefined) await box.check();
    else await box.uncheck();
    await page.getByLabel(nb('selection.ranking.amountLabel', { applicant, currency: 'NOK' }), { exact: true }).fill(amounts[lead] ?? '');
    await page
      .getByLabel(nb('selection.ranking.reasonLabel', { applicant }), { exact: true })
      .fill(amounts[lead] ? `${applicant} er blant de best rangerte og passer i rammen.` : `${applicant} er rangert lavere enn de valgte.`);
  }
}

describe.skipIf(!hasChromium)('Ingrid (KDD) selects within quota and budget, decides, and publishes', () => {
  let ingrid: Page;

  it('simulates a selection over the budget and sees it refused with the numbers; then records one within quota', async () => {
    ingrid = await signedIn('persona-kdd-owner');
    await ingrid.goto(`${journey.running.baseUrl}/eier?lang=nb`);
    await ingrid.getByRole('link', { name: nb('selection.owner.link', { call: CALL_TITLE }) }).click();
    await ingrid.waitForURL(/\/utvelgelse/);
    expect(await ingrid.textContent('#ranking')).toContain(nb('selection.ranking.tie'));
    await expectAccessible(ingrid);

    await choose(ingrid, { '4001': '12 000 000', '1804': '8 000 000', '4014': '6 000 000' });
    await ingrid.getByRole('button', { name: nb('selection.action.simulate') }).click();
    await expect.poll(() => ingrid.locator('#error-summary').count()).toBe(1);
    expect(await ingrid.textContent('#error-summary')).toContain(
      'Tildelt 26\u00a0000\u00a0000 NOK er over budsjettrammen 24\u00a0000\u00a0000 NOK med 2\u00a0000\u00a0000 NOK.',
    );
    expect(
      await ingrid
        .getByLabel(nb('selection.ranking.amountLabel', { applicant: APPLICANTS['4014'], currency: 'NOK' }), { exact: true })
        .inputValue(),
    ).toBe('6 000 000');
    await expectAccessible(ingrid);

    await ingrid
      .getByLabel(nb('selection.ranking.amountLabel', { applicant: APPLICANTS['4001'], currency: 'NOK' }), { exact: true })
      .fill('10 000 000');
    await ingrid.getByRole('button', { name: nb('selection.action.simulate') }).click();
    await expect.poll(() => ingrid.textContent('main')).toContain(nb('selection.page.simulated'));
    expect(await ingrid.textContent('#budget-line')).toBe('Tildelt 24\u00a0000\u00a0000 NOK av 24\u00a0000\u00a0000 NOK; igjen 0 NOK');
    expect(await ingrid.textContent('#alternatives')).toContain('over budsjettet');
    await expectAccessible(ingrid);

    await ingrid.getByRole('button', { name: nb('selection.action.record') }).click();
    await expect.poll(() => ingrid.url()).toContain('recorded=1');
    expect(await ingrid.textContent('main')).toContain(nb('selection.page.recorded', { version: 2 }));
    await expectAccessible(ingrid);
  }, 180_000);

  it('decides all six, Kragerø in nynorsk; every applicant gets a PDF letter in its language, mailed where there is an address', async () => {
    await ingrid.getByRole('link', { name: nb('selection.page.toDecisions') }).click();
    await ingrid.waitForURL(/\/vedtak/);
    await expectAccessible(ingrid);
    await ingrid.locator(`#language-${ids.get('4014')}-nn`).check();
    await ingrid
      .getByLabel(nb('selection.decisions.conditions', { applicant: APPLICANTS['4001'] }), { exact: true })
      .fill('Sluttrapport innen 1. juni 2028.');
    await ingrid.getByRole('button', { name: nb('selection.decisions.submit', { count: 6 }) }).click();
    await expect.poll(() => ingrid.url()).toContain('decided=6');
    await expectAccessible(ingrid);

    // Four eyes: Kari (KDD, approver) reads each decision and previews its letter; she sends Larvik back, Ingrid prepares it again, Kari approves.
    const kari = await signedIn('persona-kdd-approver');
    await kari.goto(`${journey.running.baseUrl}/?lang=nb`);
    await kari
      .getByRole('link', { name: nb('selection.approval.nav') })
      .first()
      .click();
    await kari.getByRole('link', { name: CALL_TITLE }).click();
    await kari.waitForURL(/\/godkjenning/);
    await expectAccessible(kari);
    const larvik = ids.get('3909')!;
    await kari.locator(`#return-reason-${larvik}`).fill('Begrunnelsen må vise til kriteriene i utlysningen.');
    await kari
      .locator(`#decision-${larvik}`)
      .getByRole('button', { name: nb('selection.approval.return') })
      .click();
    await expect.poll(() => kari.url()).toContain('returned=1');
    await ingrid.reload();
    expect(await ingrid.textContent(`#returned-${larvik}`)).toContain('Begrunnelsen må vise til kriteriene i utlysningen.');
    await expectAccessible(ingrid);
    await ingrid.locator(`#reason-${larvik}`).fill('Larvik er rangert lavest etter kriteriene: utfordringen er ikke dokumentert.');
    await ingrid.getByRole('button', { name: nb('selection.decisions.submit', { count: 1 }) }).click();
    await expect.poll(() => ingrid.url()).toContain('decided=1');
    await kari.reload();
    await kari.getByRole('button', { name: nb('selection.approval.submit') }).click();
    await expect.poll(() => kari.url()).toContain('approved=6');
    await expectAccessible(kari);
    await kari.context().close();

    // The job's progress is on the page: every letter made and sent to each member's mailbox (and, for the Porsgrunn network, its case workers).
    await expect
      .poll(
        async () => {
          await ingrid.reload();
          return (await ingrid.locator('.letter-state').evaluateAll((tags) => tags.map((t) => t.getAttribute('data-state')))).sort();
        },
        { timeout: 60_000, interval: 1000 },
      )
      .toEqual(['sent', 'sent', 'sent', 'sent', 'sent', 'sent']);
    await expectAccessible(ingrid);

    const decisions = await listDecisionsOfCall(journey.running.database.db, call.id);
    expect(decisions.map((d) => d.state).sort()).toEqual(['granted', 'granted', 'granted', 'rejected', 'rejected', 'rejected']);
    for (const decision of decisions) {
      const pdf = (await findFile(journey.running.database.db, decision.letterFileId!))!.content.toString('latin1');
      expect(pdf.startsWith('%PDF-')).toBe(true);
      expect(pdf, decision.applicationId).toContain(decision.applicationId === ids.get('4014') ? '/Lang (nn-NO)' : '/Lang (nb-NO)');
    }
    const link = ingrid.getByRole('link', { name: nb('selection.decisions.letterLink', { language: nb('language.nn') }) });
    const response = await ingrid.request.get(`${journey.running.baseUrl}${await link.getAttribute('href')}`);
    expect(response.headers()['content-type']).toBe('application/pdf');

    await ingrid.goto(`${journey.running.baseUrl}/dev/outbox?lang=nb`);
    expect(await ingrid.textContent('main')).toContain(`Vedtak på søknaden til «${CALL_TITLE}»`);
    expect(await ingrid.textContent('main')).toContain('silje.andersen@porsgrunn.example.no');
    expect(await ingrid.textContent('main')).toContain('postmottak@kragero.kommune.example.no');
    await expectAccessible(ingrid);
  }, 180_000);

  it('Silje (Porsgrunn) sees the decision and downloads the letter on her application page', async () => {
    const silje = await signedIn('persona-porsgrunn-case-worker');
    await silje.goto(`${journey.running.baseUrl}/soknader/${ids.get('4001')}?lang=nb`);
    const section = await silje.textContent('#decision-section');
    expect(section).toContain('Innvilget');
    expect(section).toContain('10\u00a0000\u00a0000 NOK');
    expect(section).toContain('Sluttrapport innen 1. juni 2028.');
    expect(await silje.textContent('main')).not.toContain('Anne Strand');
    await expectAccessible(silje);
    const href = await silje.getByRole('link', { name: nb('selection.applicant.letter') }).getAttribute('href');
    const letter = await silje.request.get(`${journey.running.baseUrl}${href}`);
    expect((await letter.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await silje.context().close();
  }, 120_000);

  it('publishes; the public list and /open-data/360giving.json show exactly the granted projects', async () => {
    await ingrid.goto(`${journey.running.baseUrl}/eier/utlysninger/${call.id}/vedtak?lang=nb`);
    await ingrid.getByRole('button', { name: nb('selection.publish.submit', { count: 3 }) }).click();
    await expect.poll(() => ingrid.url()).toContain('published=3');
    await expectAccessible(ingrid);

    const visitor = await openPage(await journey.browser.newContext({ locale: 'nn-NO' }));
    for (const lang of ['nb', 'nn', 'da', 'en'] as const) {
      await visitor.goto(`${journey.running.baseUrl}/tildelinger?lang=${lang}`);
      expect(await visitor.textContent('h1')).toBe(translator(lang)('selection.public.title'));
      const rows = await visitor.locator('table.grants tbody th').allTextContents();
      expect(rows.sort()).toEqual([NAMES['1804'], NAMES['4014'], NAMES['4001']].sort());
      await expectAccessible(visitor);
    }
    const response = await visitor.request.get(`${journey.running.baseUrl}/open-data/360giving.json`);
    const data = (await response.json()) as { grants: { id: string; amountAwarded: number; recipientOrganization: { name: string }[] }[] };
    expect(threeSixtyGivingErrors(data)).toEqual([]);
    expect(data.grants.map((g) => [g.id, g.amountAwarded, g.recipientOrganization[0]!.name]).sort()).toEqual(
      [
        [`360G-stifinner-${ids.get('4001')}`, 10_000_000, 'Porsgrunn'],
        [`360G-stifinner-${ids.get('1804')}`, 8_000_000, 'Bodø'],
        [`360G-stifinner-${ids.get('4014')}`, 6_000_000, 'Kragerø'],
      ].sort(),
    );
    await visitor.context().close();
  }, 180_000);

  it('Silje appeals the decision within the period; Ingrid changes it with reasons; Silje and the public see it', async () => {
    const silje = await signedIn('persona-porsgrunn-case-worker');
    await silje.goto(`${journey.running.baseUrl}/soknader/${ids.get('4001')}?lang=nb`);
    await silje.locator('#appeal a').click();
    await silje.waitForURL(/\/klage/);
    await expectAccessible(silje);
    await silje.getByRole('button', { name: nb('selection.appeal.submit') }).click();
    expect(await silje.locator('#error-summary').textContent()).toContain(nb('selection.appeal.problem.grounds'));
    await expectAccessible(silje);
    await silje.getByLabel(nb('selection.appeal.grounds')).fill('Tilskuddet dekker ikke prosjektlederen som var i budsjettet.');
    await silje.getByRole('button', { name: nb('selection.appeal.submit') }).click();
    await silje.waitForURL(/notice=appealed/);
    expect(await silje.textContent('#appeal')).toContain('Klage mottatt');

    await ingrid.goto(`${journey.running.baseUrl}/eier/utlysninger/${call.id}/vedtak?lang=nb`);
    const appeal = ingrid.locator(`#appeal-${ids.get('4001')}`);
    expect(await appeal.textContent()).toContain('Tilskuddet dekker ikke prosjektlederen');
    await appeal.getByLabel(nb('selection.appeal.action.change'), { exact: true }).check();
    await appeal.getByLabel(/^Nytt beløp i NOK/).fill('3 900 000');
    await appeal.getByLabel(nb('selection.appeal.owner.reason')).fill('Prosjektlederen var i budsjettet; vedtaket endres.');
    await appeal.getByRole('button', { name: nb('selection.appeal.owner.submit') }).click();
    await expect.poll(() => ingrid.url()).toContain('assessed=1');
    await expectAccessible(ingrid);

    await silje.reload();
    expect(await silje.textContent('#appeal')).toContain('Vedtaket er endret');
    expect(await silje.textContent('#appeal')).toContain('Nytt tilskudd etter klagen: 3\u00a0900\u00a0000 NOK.');
    await expectAccessible(silje);
    await silje.goto(`${journey.running.baseUrl}/tildelinger?lang=nb`);
    expect(await silje.textContent('table.grants')).toMatch(/3\u00a0900\u00a0000 NOK \(Endret etter klage, var [\d\u00a0]+ NOK\)/);
    await silje.context().close();
  }, 120_000);
});
