import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../platform/audit/store.js';
import { translator } from '../platform/i18n/index.js';
import { listCapturedMail } from '../platform/mail/store.js';
import type { PageContext } from '../platform/ui/context.js';
import { csrfTokenIn, signInThroughProvider } from '../platform/testing/harness.js';
import { startTestApp, type RunningApp } from '../test-app.js';
import { DEMO_CALL_KEY, seedDemoAssessment } from '../assessment/index.js';
import { findCall, seedDemoProgrammes, seededIds, seedSmallRegistry, type StoredCall } from '../programmes/index.js';
import { findDecision, listDecisionsOfCall, loadSelectionBoard } from './store.js';
import { agreeScores, threeSixtyGivingErrors } from './testing.js';

let running: RunningApp;
let call: StoredCall;
let ids: Map<string, string>;
const cookie: Record<string, string> = {};
const INGRID = 'persona-kdd-owner';
const LARS = 'persona-sfvt-officer';
const ADMIN = 'persona-admin';
const SILJE = 'persona-porsgrunn-case-worker';
const METTE = 'persona-fredericia-case-worker';
const ANNE = 'persona-reviewer-expert';
const KARI = 'persona-kdd-approver';

beforeAll(async () => {
  running = await startTestApp();
  const db = running.database.db;
  await seedSmallRegistry(db);
  await seedDemoProgrammes(db);
  await seedDemoAssessment(db);
  call = (await findCall(db, (await seededIds(db, 'programme_calls', DEMO_CALL_KEY))!))!;
  ids = await agreeScores(db, call, {
    '4001': [5, 4, 5],
    '1804': [4, 4, 4],
    '4014': [4, 4, 4],
    '3405': [3, 4, 3],
    '3909': [2, 2, 1],
    '4026': [1, 1, 1],
  });
  for (const subject of [INGRID, LARS, ADMIN, SILJE, METTE, ANNE, KARI])
    cookie[subject] = (await signInThroughProvider(running.baseUrl, subject)).header();
}, 180_000);
afterAll(() => running?.close());

const id = (lead: string) => ids.get(lead)!;
const selectionUrl = () => `/eier/utlysninger/${call.id}/utvelgelse`;
const decisionsUrl = () => `/eier/utlysninger/${call.id}/vedtak`;
const get = (url: string, who?: string) => running.app.inject({ url, headers: who ? { cookie: cookie[who]! } : {} });
const board = async () => loadSelectionBoard(running.database.db, (await findCall(running.database.db, call.id))!, new Date());

async function post(url: string, who: string, form: Record<string, string>, withToken = true) {
  // Every signed-in page carries a token (the sign-out form).
  const token = csrfTokenIn((await get('/', who)).body);
  const body = new URLSearchParams({ ...(withToken ? { _csrf: token } : {}), ...form });
  return running.app.inject({
    method: 'POST',
    url,
    headers: { cookie: cookie[who]!, 'content-type': 'application/x-www-form-urlencoded' },
    payload: body.toString(),
  });
}

/** Every ranked application with a reason; `selected` maps lead codes to granted amounts as typed. */
function selection(version: number, selected: Record<string, string>, action: 'simulate' | 'record') {
  const form: Record<string, string> = { version: String(version), action };
  for (const lead of ['4001', '1804', '4014', '3405', '3909', '4026']) {
    form[`reason-${id(lead)}`] = `Begrunnelse for ${lead}`;
    if (lead in selected) {
      form[`select-${id(lead)}`] = 'on';
      form[`amount-${id(lead)}`] = selected[lead]!;
    }
  }
  return form;
}

describe('selection over HTTP', () => {
  it('is for programme owners of the owning organisation only: 403 for another owner, an administrator, a case worker, a reviewer', async () => {
    expect((await get(selectionUrl(), INGRID)).statusCode).toBe(200);
    for (const who of [LARS, ADMIN, SILJE, ANNE]) {
      expect((await get(selectionUrl(), who)).statusCode, who).toBe(403);
      expect((await get(decisionsUrl(), who)).statusCode, who).toBe(403);
    }
    expect((await get(selectionUrl())).statusCode).toBe(303);
    expect((await get('/eier/utlysninger/00000000-0000-4000-8000-000000000000/utvelgelse', INGRID)).statusCode).toBe(404);
    for (const [lang, heading] of [
      ['nn', 'Utveljing: '],
      ['da', 'Udvælgelse: '],
      ['en', 'Selection: '],
    ] as const) {
      expect((await get(`${selectionUrl()}?lang=${lang}`, INGRID)).body).toContain(`<h1 class="ds-heading" data-size="lg">${heading}`);
      expect((await get(`${decisionsUrl()}?lang=${lang}`, INGRID)).statusCode).toBe(200);
    }
    const page = (await get(selectionUrl(), INGRID)).body;
    expect(page).toContain('Uavgjort');
    expect(page).toContain('Kragerø');
    expect(page).toContain('Reglene for rangering og utvelgelse');
  });

  it('simulates without writing: over the budget is refused with the numbers; within it the page says what fits', async () => {
    const over = await post(
      selectionUrl(),
      INGRID,
      selection(1, { '4001': '12 000 000', '1804': '8 000 000', '4014': '6 000 000' }, 'simulate'),
    );
    expect(over.statusCode).toBe(422);
    expect(over.body).toContain(
      'Tildelt 26\u00a0000\u00a0000 NOK er over budsjettrammen 24\u00a0000\u00a0000 NOK med 2\u00a0000\u00a0000 NOK.',
    );
    expect(over.body).toContain('value="12 000 000"');
    const fits = await post(selectionUrl(), INGRID, selection(1, { '4001': '10 000 000', '1804': '8 000 000' }, 'simulate'));
    expect(fits.statusCode).toBe(200);
    expect(fits.body).toContain('Simulert: ingenting er lagret.');
    expect(fits.body).toContain('Tildelt 18\u00a0000\u00a0000 NOK av 24\u00a0000\u00a0000 NOK; igjen 6\u00a0000\u00a0000 NOK');
    expect((await board()).recorded).toEqual([]);
  });

  it('refuses bad amounts with 400, another owner with 403, a post without CSRF token: nothing written', async () => {
    const bad = await post(selectionUrl(), INGRID, selection(1, { '4001': 'ti millioner', '1804': '-5' }, 'record'));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('tildelt beløp må være et helt tall');
    expect(bad.body).toContain('value="ti millioner"');
    expect((await post(selectionUrl(), LARS, selection(1, { '4001': '1000' }, 'record'))).statusCode).toBe(403);
    expect((await post(selectionUrl(), INGRID, selection(1, { '4001': '1000' }, 'record'), false)).statusCode).toBe(403);
    expect((await post(selectionUrl(), INGRID, { action: 'record' })).statusCode).toBe(400);
    const after = await board();
    expect(after.recorded).toEqual([]);
    expect(after.version).toBe(1);
  });

  it('records within quota and budget; a stale version gets a 409 that keeps the reasons typed', async () => {
    const recorded = await post(
      selectionUrl(),
      INGRID,
      selection(1, { '4001': '10 000 000', '1804': '8 000 000', '4014': '5 000 000' }, 'record'),
    );
    expect(recorded.statusCode).toBe(303);
    expect((await board()).recorded.filter((c) => c.selected)).toHaveLength(3);
    const stale = selection(1, { '4001': '9 000 000' }, 'record');
    stale[`reason-${id('4001')}`] = 'Min egen begrunnelse';
    const conflict = await post(selectionUrl(), INGRID, stale);
    expect(conflict.statusCode).toBe(409);
    expect(conflict.body).toContain('Min egen begrunnelse');
    expect(conflict.body).toContain('name="version" value="2"');
    expect((await board()).recorded.find((c) => c.applicationId === id('4001'))!.amount).toBe(10_000_000);
  });

  it('decides: a missing reason is a 422 and nothing is decided; then every applicant is decided and gets a letter', async () => {
    const form: Record<string, string> = { version: '2' };
    for (const lead of ['4001', '1804', '4014', '3405', '3909', '4026']) {
      const key = id(lead);
      Object.assign(form, {
        [`decide-${key}`]: 'on',
        [`reason-${key}`]: `Vedtaksgrunn ${lead}`,
        [`conditions-${key}`]: '',
        [`summary-${key}`]: `Prosjekt ${lead}`,
        [`language-${key}`]: lead === '4014' ? 'nn' : 'nb',
      });
    }
    expect((await post(decisionsUrl(), LARS, form)).statusCode).toBe(403);
    const missing = await post(decisionsUrl(), INGRID, { ...form, [`reason-${id('3909')}`]: ' ', [`language-${id('4001')}`]: 'da' });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('Larvik: Fyll ut feltet.');
    expect(missing.body).toContain('Porsgrunn, Skien, Notodden: Velg et språk brevet kan skrives på.');
    expect(await listDecisionsOfCall(running.database.db, call.id)).toEqual([]);
    const decided = await post(decisionsUrl(), INGRID, form);
    expect(decided.statusCode).toBe(303);
    expect(decided.headers.location).toContain('decided=6');
    const decisions = await listDecisionsOfCall(running.database.db, call.id);
    expect(decisions.map((d) => d.state).sort()).toEqual(['granted', 'granted', 'granted', 'rejected', 'rejected', 'rejected']);
    // Nothing goes out before Kari, the approver, has read each decision and its letter and approved it.
    expect(decisions.every((d) => d.approval === 'awaiting' && d.letterFileId === null)).toBe(true);
    const approval = `/eier/utlysninger/${call.id}/godkjenning`;
    expect((await get(approval, INGRID)).statusCode).toBe(403);
    expect((await get('/godkjenning', KARI)).body).toContain('6 vedtak venter');
    const toApprove = (await get(approval, KARI)).body;
    expect(toApprove).toContain('Vedtaksgrunn 4001');
    expect(toApprove).toContain('Forberedt av Ingrid Haugen');
    const preview = await get(`/eier/utlysninger/${call.id}/vedtak/${id('4001')}/utkast`, KARI);
    expect(preview.headers['content-type']).toBe('application/pdf');
    expect(preview.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await get(`/eier/utlysninger/${call.id}/vedtak/${id('4001')}/utkast`, SILJE)).statusCode).toBe(403);
    expect((await get(`/soknader/${id('4001')}`, SILJE)).body).not.toContain('id="decision-section"');
    const noReason = await post(`${approval}/${id('3909')}/tilbake`, KARI, { version: '3', [`return-reason-${id('3909')}`]: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Skriv hvorfor vedtaket sendes tilbake.');
    const approve = Object.fromEntries(decisions.map((d) => [`approve-${d.applicationId}`, 'on']));
    expect((await post(approval, INGRID, { version: '3', ...approve })).statusCode).toBe(403);
    const approved = await post(approval, KARI, { version: '3', ...approve });
    expect(approved.statusCode).toBe(303);
    expect(approved.headers.location).toContain('approved=6');
    await expect
      .poll(async () => (await listDecisionsOfCall(running.database.db, call.id)).every((d) => d.letterFileId !== null), {
        timeout: 30_000,
        interval: 500,
      })
      .toBe(true);
    await expect
      .poll(
        async () =>
          (await listCapturedMail(running.database.db)).some(
            (m) => m.subject === 'Vedtak på søknaden til «Nettverk for bærekraftige tjenester 2026»',
          ),
        { timeout: 30_000, interval: 500 },
      )
      .toBe(true);
    await expect
      .poll(async () => (await findDecision(running.database.db, id('4001')))!.mailSentAt !== null, { timeout: 30_000, interval: 500 })
      .toBe(true);
    const page = (await get(decisionsUrl(), INGRID)).body;
    expect(page).toContain('data-state="sent"');
    expect(page).not.toContain('Laget, ingen e-postadresse');
  });

  it('after the decision the selection is locked: a forged change is refused', async () => {
    const forged = await post(selectionUrl(), INGRID, selection(4, { '4001': '1 000' }, 'record'));
    expect(forged.statusCode).toBe(422);
    expect(forged.body).toContain('har fått vedtak; utvelgelsen for søknaden kan ikke endres');
    expect((await findDecision(running.database.db, id('4001')))!.amount).toBe(10_000_000);
  });

  it('the applicant sees the decision and downloads the letter; no reviewer or score is shown; other municipalities get 404', async () => {
    const page = await get(`/soknader/${id('4001')}`, SILJE);
    expect(page.statusCode).toBe(200);
    const section = /id="decision-section"[\s\S]*?<\/section>/.exec(page.body)?.[0] ?? '';
    expect(section).toContain('Innvilget');
    expect(section).toContain('10\u00a0000\u00a0000 NOK');
    expect(section).toContain('Vedtaksgrunn 4001');
    for (const hidden of ['Anne Strand', 'Per Holm', 'Omforent vurdering']) expect(page.body).not.toContain(hidden);
    const letter = await get(`/soknader/${id('4001')}/vedtaksbrev`, SILJE);
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toBe('application/pdf');
    expect(letter.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await get(`/soknader/${id('4001')}/vedtaksbrev`, METTE)).statusCode).toBe(404);
    expect((await get(`/soknader/${id('4001')}/vedtaksbrev`, INGRID)).statusCode).toBe(403);
  });

  it("fills the application page's decision slot with the decision section, and leaves it empty without a decision", async () => {
    const ctx: PageContext = { locale: 'nn', t: translator('nn'), principal: null, url: '/', csrfToken: () => '', scriptNonce: '' };
    const filled = await running.app.slots.render('applications.applicant-decision', { ctx, applicationId: id('4001') });
    expect(filled).toContain('id="decision-section"');
    expect(filled).toContain('Innvilga');
    expect(filled).toContain(`/soknader/${id('4001')}/vedtaksbrev`);
    expect(
      await running.app.slots.render('applications.applicant-decision', { ctx, applicationId: '00000000-0000-4000-8000-000000000000' }),
    ).toBe('');
  });

  it('publishes: the public list in four languages and the open data show exactly the granted projects', async () => {
    expect((await get('/tildelinger')).body).toContain('Ingen tildelinger er offentliggjort ennå.');
    const empty = JSON.parse((await get('/open-data/360giving.json')).body) as { grants: unknown[] };
    expect(empty.grants).toEqual([]);
    expect((await post(`/eier/utlysninger/${call.id}/publiser-resultater`, LARS, { version: '4' })).statusCode).toBe(403);
    expect((await post(`/eier/utlysninger/${call.id}/publiser-resultater`, INGRID, { version: '3' })).statusCode).toBe(409);
    expect((await post(`/eier/utlysninger/${call.id}/publiser-resultater`, INGRID, { version: '4' })).statusCode).toBe(303);
    for (const [path, lang, title] of [
      ['/tildelinger', 'nb', 'Tildelinger'],
      ['/tildelingar', 'nn', 'Tildelingar'],
      ['/bevillinger', 'da', 'Bevillinger'],
      ['/grants', 'en', 'Grants'],
    ] as const) {
      const list = await get(`${path}?lang=${lang}`);
      expect(list.statusCode).toBe(200);
      expect(list.body).toContain(`<h1 class="ds-heading" data-size="lg">${title}</h1>`);
      expect(list.body).toContain('Porsgrunn, Skien, Notodden');
      expect(list.body).not.toContain('Larvik');
    }
    const served = await get('/open-data/360giving.json');
    expect(served.headers['access-control-allow-origin']).toBe('*');
    expect(served.headers['cross-origin-resource-policy']).toBe('cross-origin');
    const json = JSON.parse(served.body) as { grants: { id: string; amountAwarded: number }[] };
    expect(threeSixtyGivingErrors(json)).toEqual([]);
    expect(json.grants.map((g) => [g.id, g.amountAwarded]).sort()).toEqual(
      [
        [`360G-stifinner-${id('1804')}`, 8_000_000],
        [`360G-stifinner-${id('4001')}`, 10_000_000],
        [`360G-stifinner-${id('4014')}`, 5_000_000],
      ].sort(),
    );
    const csv = await get('/open-data/360giving.csv');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.trim().split('\r\n')).toHaveLength(4);
  });

  it('appeals: Silje lodges one within the period (empty grounds a 400, a second one refused); Ingrid changes the decision with reasons; all are told and the public list marks it', async () => {
    const page = (await get(`/soknader/${id('4001')}`, SILJE)).body;
    expect(page).toMatch(/Klag på vedtaket \(frist \d+\. \w+ \d{4}/);
    expect((await get(`/soknader/${id('4001')}/klage`, METTE)).statusCode).toBe(404);
    const empty = await post(`/soknader/${id('4001')}/klage`, SILJE, { grounds: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Skriv hva dere klager på');
    const lodged = await post(`/soknader/${id('4001')}/klage`, SILJE, { grounds: 'Beløpet dekker ikke prosjektlederen.' });
    expect(lodged.statusCode).toBe(303);
    expect((await get(`/soknader/${id('4001')}`, SILJE)).body).toContain('Klage: Klage mottatt');
    expect((await get(`/soknader/${id('4001')}/klage`, SILJE)).statusCode).toBe(303);
    expect((await post(`/soknader/${id('4001')}/klage`, SILJE, { grounds: 'En gang til.' })).statusCode).toBe(303);
    const decisions = (await get(decisionsUrl(), INGRID)).body;
    expect(decisions).toContain('Beløpet dekker ikke prosjektlederen.');
    const assess = `/eier/utlysninger/${call.id}/klager/${id('4001')}`;
    const noReason = await post(assess, INGRID, {
      version: '1',
      [`appeal-action-${id('4001')}`]: 'change',
      [`appeal-reason-${id('4001')}`]: '',
    });
    expect(noReason.statusCode).toBe(400);
    expect((await post(assess, LARS, { version: '1' })).statusCode).toBe(403);
    const reasons = { [`appeal-reason-${id('4001')}`]: 'Prosjektlederen var med i budsjettet; tilskuddet økes.' };
    const noAmount = await post(assess, INGRID, { version: '1', [`appeal-action-${id('4001')}`]: 'change', ...reasons });
    expect(noAmount.statusCode).toBe(400);
    expect(noAmount.body).toContain('skriv det nye beløpet i hele kroner');
    const before = (await get('/tildelinger?lang=nb')).body.match(/Porsgrunn[^<]*<\/th>\s*<td[^>]*>([^<]+)</)?.[1];
    const changed = await post(assess, INGRID, {
      version: '1',
      [`appeal-action-${id('4001')}`]: 'change',
      [`appeal-amount-${id('4001')}`]: '4 100 000',
      ...reasons,
    });
    expect(changed.statusCode).toBe(303);
    expect((await get(`/soknader/${id('4001')}`, SILJE)).body).toContain('Nytt tilskudd etter klagen: 4\u00a0100\u00a0000 NOK.');
    expect((await get('/tildelinger?lang=nb')).body).toContain(`4\u00a0100\u00a0000 NOK (Endret etter klage, var ${before?.trim()}`);
    expect(
      (await post(assess, INGRID, { version: '1', [`appeal-action-${id('4001')}`]: 'uphold', [`appeal-reason-${id('4001')}`]: 'x' }))
        .statusCode,
    ).toBe(409);
    expect((await get(`/soknader/${id('4001')}`, SILJE)).body).toContain('Klage: Vedtaket er endret');
    expect((await get('/tildelinger?lang=nb')).body).toContain('Endret etter klage');
    const told = await running.database.db
      .selectFrom('notifications')
      .select(['occasion', 'recipient_email'])
      .where('occasion', 'like', 'appeal-%')
      .execute();
    expect(told.map((n) => n.occasion.split(':')[0]).sort()).toContain('appeal-lodged');
    expect(told.some((n) => n.occasion.startsWith('appeal-assessed') && n.recipient_email === 'silje.andersen@porsgrunn.example.no')).toBe(
      true,
    );
    const audit = await listAuditEvents(running.database.db, { recordType: 'appeal', recordId: id('4001'), limit: 5 });
    expect(audit.map((e) => `${e.action}:${e.to_state}`)).toEqual(['change:changed', 'lodge:lodged']);
  });
});
