/**
 * The partner finder and the projected challenge over the shipped registry (every municipality,
 * population for several years), so the projections, neighbours and counties are the real ones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../platform/db/testing.js';
import { findFile } from '../platform/files/store.js';
import { pdfText } from '../platform/pdf/text.js';
import { csrfTokenIn, signInThroughProvider } from '../platform/testing/harness.js';
import { startTestApp, type RunningApp } from '../test-app.js';
import { seedDemoProgrammes, seededIds } from '../programmes/index.js';
import { importShippedRegistry } from '../registry/index.js';
import type { Actor } from '../platform/db/kit.js';
import { findApplication, listSubmissions, submittedChallenges } from './store.js';
import { addAttachment, attachMemberDecision, inviteMunicipality, respondToInvitation, saveAnswers } from './use-cases.js';
import { orThrow } from '../platform/outcome.js';
import { pdfFile } from './testing.js';

let running: RunningApp;
let cookie = '';
let callId: string;
let applicationId = '';
const SILJE = 'persona-porsgrunn-case-worker';
const actor: Actor = { user: null, requestId: 'test' };

beforeAll(async () => {
  const database = await createTestDatabase();
  await importShippedRegistry(database.db);
  running = await startTestApp({ database });
  await seedDemoProgrammes(database.db);
  cookie = (await signInThroughProvider(running.baseUrl, SILJE)).header();
  callId = (await seededIds(database.db, 'programme_calls', 'nettverk-2027:call'))!;
}, 180_000);
afterAll(async () => {
  await running?.close();
  await running?.database.dispose();
});

const get = (url: string) => running.app.inject({ url, headers: { cookie } });
async function post(url: string, form: Record<string, string>) {
  const body = new URLSearchParams({ _csrf: csrfTokenIn((await get('/soknader')).body), ...form });
  return running.app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: body.toString(),
  });
}
const section = (html: string, id: string) => new RegExp(`id="${id.replace('.', '\\.')}"[\\s\\S]*?</(?:form|table)>`).exec(html)?.[0] ?? '';
const figure = (text: string) =>
  Number(
    text
      .replace(/\s|\u00a0/g, '')
      .replace(',', '.')
      .replace('\u2212', '-'),
  );

describe('partners and the projected challenge, with the real registry', () => {
  it("suggests Porsgrunn's neighbours, Telemark and similar challenges, each with why and whether the network would pass", async () => {
    const started = await post('/soknader', { call: callId, municipality: '4001', email: 'silje.andersen@porsgrunn.example.no' });
    applicationId = /\/soknader\/([0-9a-f-]{36})/.exec(started.headers.location as string)![1]!;
    const page = (await get(`/soknader/${applicationId}?lang=nb`)).body;
    for (const code of ['4003', '3909', '4010']) expect(section(page, `partner-${code}`), code).toContain('Nabo til Porsgrunn');
    const skien = section(page, 'partner-4003');
    expect(skien).toContain('Samme fylke: Telemark');
    expect(skien).toContain('data-verdict="networkPasses"');
    expect(skien).toMatch(/Samlet folketall [\d\u00a0]+ ≥ 60\u00a0000/);
    const similar = [...page.matchAll(/data-reason="similar">([^<]*)</g)].map((m) => m[1]!);
    expect(similar.length).toBeGreaterThanOrEqual(1);
    expect(similar[0]).toMatch(
      /^Lignende utfordring: personer 20–66 år per person 80\+ går fra \d+(,\d)? til \d+(,\d)? innen 2040 \([−+]?\d+(,\d)? %; nettverket [−+]?\d+(,\d)? %\)$/,
    );
    const english = (await get(`/soknader/${applicationId}?lang=en`)).body;
    expect(section(english, 'partner-4003')).toContain('Neighbour of Porsgrunn');
  }, 60_000);

  it("shows Porsgrunn's own figures, then the network's projected as one, with scenario and base year", async () => {
    const alone = section((await get(`/soknader/${applicationId}?lang=nb`)).body, 'challenge.projection-figures');
    expect(alone).toMatch(/<caption>Innbyggere 80 år og eldre, 20\d\d og 2040<\/caption>/);
    expect(alone).toContain('Porsgrunn');
    expect(alone).not.toContain('Nettverket samlet');
    expect(await post(`/soknader/${applicationId}/invitasjoner`, { municipality: '4003' })).toMatchObject({ statusCode: 303 });
    orThrow(await respondToInvitation(running.database.db, applicationId, '4003', 'accepted', 'ola.dahl@skien.example.no', actor));
    const page = (await get(`/soknader/${applicationId}?lang=nb`)).body;
    expect(page).toMatch(/Stifinners framskriving, hovedalternativet, basisår 20\d\d\./);
    const rows = [
      ...section(page, 'challenge.projection-figures').matchAll(/<th scope="row">([^<]*)<\/th><td>([^<]*)<\/td><td>([^<]*)<\/td>/g),
    ].map((m) => ({ area: m[1]!, base: figure(m[2]!), horizon: figure(m[3]!) }));
    expect(rows.map((r) => r.area)).toEqual(['Porsgrunn', 'Skien', 'Nettverket samlet (2 kommuner)']);
    // Persons aged 80+ add up: the network projected as one is the sum of its members.
    expect(Math.abs(rows[2]!.base - rows[0]!.base - rows[1]!.base)).toBeLessThanOrEqual(1);
    expect(Math.abs(rows[2]!.horizon - rows[0]!.horizon - rows[1]!.horizon)).toBeLessThanOrEqual(1);
    expect(rows[2]!.horizon).toBeGreaterThan(rows[2]!.base);
  }, 60_000);

  it('copies the figures into the submitted version, keeps them when the network changes, and prints them in the receipt PDF', async () => {
    const db = running.database.db;
    for (const code of ['4001', '4003'])
      orThrow(
        await attachMemberDecision(db, applicationId, code, { body: 'kommunestyre', date: '2026-11-10' }, pdfFile(`${code}.pdf`), actor),
      );
    const version = orThrow(
      await saveAnswers(
        db,
        applicationId,
        (await findApplication(db, applicationId))!.version,
        {
          'challenge.text': 'Flere eldre.',
          'plan.text': 'Felles rekruttering.',
          'plan.goal': 'Ti prosent.',
          'economy.applied': '2 000 000',
          'plan.start': '2026-11-10',
          'anchoring.text': 'Behandlet i formannskapet og med de ansatte.',
        },
        actor,
      ),
    );
    orThrow(await addAttachment(db, applicationId, version, 'plan.document', pdfFile('vedtak.pdf'), actor));
    const before = section((await get(`/soknader/${applicationId}?lang=nb`)).body, 'challenge.projection-figures');
    const submitted = await post(`/soknader/${applicationId}/send`, {
      version: String((await findApplication(db, applicationId))!.version),
    });
    expect(submitted.statusCode, submitted.body.match(/ds-error-summary[\s\S]*?<\/ul>/)?.[0]).toBe(303);
    const [submission] = await listSubmissions(db, applicationId);
    const [kept] = await submittedChallenges(db, submission!.id);
    expect(kept).toMatchObject({
      part: 'challenge.projection',
      indicator: 'age-80-plus',
      scenario: 'main',
      horizonYear: 2040,
      missing: [],
    });
    expect(kept!.areas.map((a) => a.codes)).toEqual([['4001'], ['4003'], ['4001', '4003']]);

    // Notodden joins the draft afterwards: the draft shows three, the submitted version keeps two.
    orThrow(await inviteMunicipality(db, applicationId, { code: '4005', name: 'Notodden' }, 5, actor));
    orThrow(await respondToInvitation(db, applicationId, '4005', 'accepted', null, actor));
    expect(section((await get(`/soknader/${applicationId}?lang=nb`)).body, 'challenge.projection-figures')).toContain(
      'Nettverket samlet (3 kommuner)',
    );
    const receipt = section((await get(`/soknader/${applicationId}/kvittering/1?lang=nb`)).body, 'receipt-challenge.projection-figures');
    expect(receipt).toContain('Nettverket samlet (2 kommuner)');
    expect(receipt.replace(/id="[^"]*"/, '')).toBe(before.replace(/id="[^"]*"/, ''));

    let pdfFileId: string | null = null;
    for (let i = 0; i < 150 && !pdfFileId; i++) {
      pdfFileId = (await listSubmissions(db, applicationId))[0]!.pdfFileId;
      if (!pdfFileId) await new Promise((r) => setTimeout(r, 200));
    }
    const text = pdfText((await findFile(db, pdfFileId!))!.content);
    expect(text).toContain('Framskrevet utvikling i kommunene:');
    expect(text).toMatch(/Innbyggere 80 år og eldre, 20\d\d og 2040/);
    expect(text).toMatch(/Nettverket samlet \(2 kommuner\): [\d\u00a0 ]+ i 20\d\d, [\d\u00a0 ]+ i 2040 \(\+\d+,?\d* %\)/);
    expect(text).toMatch(/hovedalternativet, basisår 20\d\d\./);
  }, 90_000);

  it("offers the finder read-only to a signed-out visitor from the call page's eligibility check", async () => {
    const anonymous = (url: string) => running.app.inject({ url });
    const check = await anonymous(`/utlysninger/${callId}/sjekk?member=4003&lang=en`);
    expect(check.body).toContain(`href="/utlysninger/${callId}/partnere?lang=en&member=4003"`);
    const finder = await anonymous(`/utlysninger/${callId}/partnere?lang=en&member=4003`);
    expect(finder.statusCode).toBe(200);
    const porsgrunn = /id="partner-4001"[\s\S]*?<\/li>\s*<\/ul>[\s\S]*?<\/a>/.exec(finder.body)?.[0] ?? '';
    expect(porsgrunn).toContain('Neighbour of Skien');
    expect(porsgrunn).toContain('Same county or region: Telemark');
    expect(porsgrunn).toContain('data-verdict="networkPasses"');
    expect(porsgrunn).toContain(`/utlysninger/${callId}/sjekk?lang=en&member=4003&member=4001#check`);
    expect(finder.body).toContain('data-reason="similar"');
    expect(finder.body).not.toContain('method="post" action="/soknader');
    for (const lang of ['nb', 'nn', 'da'])
      expect((await anonymous(`/utlysninger/${callId}/partnere?lang=${lang}&member=4003`)).statusCode).toBe(200);
    expect((await anonymous(`/utlysninger/${callId}/partnere?lang=en`)).body).toContain('Choose your municipality in the call');
    expect((await anonymous(`/utlysninger/00000000-0000-0000-0000-000000000000/partnere`)).statusCode).toBe(404);
    expect(
      (await anonymous(`/utlysninger/${callId}/partnere?${Array.from({ length: 21 }, () => 'member=4001').join('&')}`)).statusCode,
    ).toBe(400);
  });
});
