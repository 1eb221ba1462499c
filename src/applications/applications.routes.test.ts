import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCapturedMail } from '../platform/mail/store.js';
import { csrfTokenIn, formClient, signInThroughProvider, type UploadedFile } from '../platform/testing/harness.js';
import { startTestApp, type RunningApp } from '../test-app.js';
import { seedDemoProgrammes, seededIds, seedSmallRegistry } from '../programmes/index.js';
import { findApplication, listSubmissions } from './store.js';

let running: RunningApp;
const cookie: Record<string, string> = {};
let callId: string;
let applicationId: string;
const SILJE = 'persona-porsgrunn-case-worker';
const OLA = 'persona-skien-case-worker';
const MARTE = 'persona-notodden-case-worker';

beforeAll(async () => {
  running = await startTestApp();
  await seedSmallRegistry(running.database.db);
  await seedDemoProgrammes(running.database.db);
  for (const subject of [SILJE, OLA, MARTE, 'persona-fredericia-case-worker', 'persona-kdd-owner'])
    cookie[subject] = (await signInThroughProvider(running.baseUrl, subject)).header();
  callId = (await seededIds(running.database.db, 'programme_calls', 'nettverk-2027:call'))!;
}, 60_000);
afterAll(() => running.close());

const client = formClient(() => running, cookie);
const { get } = client;
const token = async (who: string) => csrfTokenIn((await get('/soknader', who)).body);
/** Posts with the token every signed-in page carries (the sign-out form). */
const post = (url: string, who: string, form: Record<string, string>) => client.post(url, who, form, '/soknader');

const upload = (url: string, who: string, form: Record<string, string>, file: UploadedFile) =>
  client.upload(url, who, form, file, '/soknader');

const PDF = Buffer.from('%PDF-1.7\n% vedtak\n');
const version = async () => String((await findApplication(running.database.db, applicationId))!.version);

describe('an application from start to receipt', () => {
  it('the call page offers to start; Silje starts for Porsgrunn', async () => {
    expect((await get(`/utlysninger/${callId}`)).body).toContain(`/soknader/ny?call=${callId}`);
    expect((await get(`/soknader/ny?call=${callId}`, SILJE)).statusCode).toBe(200);
    expect((await get(`/soknader/ny?call=${callId}`, 'persona-kdd-owner')).statusCode).toBe(403);
    const started = await post('/soknader', SILJE, { call: callId, municipality: '4001', email: 'silje.andersen@porsgrunn.example.no' });
    expect(started.statusCode).toBe(303);
    applicationId = /\/soknader\/([0-9a-f-]{36})/.exec(started.headers.location as string)![1]!;
    expect((await post('/soknader', SILJE, { call: callId, municipality: '4003' })).statusCode).toBe(400);
    const page = await get(`/soknader/${applicationId}`, SILJE);
    const partners = /id="partners-section"[\s\S]*?<\/section>/.exec(page.body)?.[0] ?? '';
    expect(partners.indexOf('Skien')).toBeLessThan(partners.indexOf('Notodden'));
    expect(partners).toContain('55\u00a0900 innbyggere');
    const skien = /id="partner-4003"[\s\S]*?<\/form>/.exec(partners)![0];
    expect(skien).toContain('Nabo til Porsgrunn');
    expect(skien).toContain('Samme fylke: Telemark');
    expect(skien).toContain('data-verdict="networkPasses"');
    expect(skien).toContain('Samlet folketall 93\u00a0300 ≥ 60\u00a0000');
    expect(skien).toMatch(/name="_csrf"/);
    const notodden = /id="partner-4005"[\s\S]*?<\/form>/.exec(partners)![0];
    expect(notodden).not.toContain('Nabo til');
    expect(notodden).toContain('data-verdict="fails"');
    // Without projections for this small registry the part says so instead of failing the page.
    expect(page.body).toContain('Ingen framskriving for Porsgrunn');
  });

  it('Silje invites Skien and Notodden; Ola and Marte see and accept the invitation', async () => {
    for (const name of ['Skien', '4005'])
      expect((await post(`/soknader/${applicationId}/invitasjoner`, SILJE, { municipality: name })).statusCode).toBe(303);
    expect((await post(`/soknader/${applicationId}/invitasjoner`, SILJE, { municipality: 'Atlantis' })).statusCode).toBe(400);
    const mine = await get('/soknader', OLA);
    expect(mine.body).toContain('Porsgrunn inviterer Skien');
    for (const [who, email] of [
      [OLA, 'ola.dahl@skien.example.no'],
      [MARTE, 'marte.lie@notodden.example.no'],
    ] as const) {
      expect((await post(`/soknader/${applicationId}/svar`, who, { answer: 'accepted', email })).statusCode).toBe(303);
    }
    const page = await get(`/soknader/${applicationId}`, OLA);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Samlet folketall 106\u00a0500 ≥ 60\u00a0000');
  });

  it('hides the application from other municipalities: 404 for forged ids, nothing written', async () => {
    expect((await get(`/soknader/${applicationId}`, 'persona-fredericia-case-worker')).statusCode).toBe(404);
    const before = await version();
    expect(
      (await post(`/soknader/${applicationId}`, 'persona-fredericia-case-worker', { version: before, 'plan.text': 'kapret' })).statusCode,
    ).toBe(404);
    expect((await post(`/soknader/${applicationId}/send`, 'persona-fredericia-case-worker', { version: before })).statusCode).toBe(404);
    expect((await get(`/soknader/00000000-0000-0000-0000-000000000000`, SILJE)).statusCode).toBe(404);
    expect((await get(`/soknader/not-an-id`, SILJE)).statusCode).toBe(400);
    expect(await version()).toBe(before);
  });

  it("shows what another capability puts in the applicant-decision slot, for this application in the page's language", async () => {
    running.app.slots.fill('applications.applicant-decision', ({ ctx, applicationId: id }) => `<p id="slot-test">${ctx.locale} ${id}</p>`);
    expect((await get(`/soknader/${applicationId}?lang=en`, OLA)).body).toContain(`<p id="slot-test">en ${applicationId}</p>`);
  });

  it('saves a draft with warnings, keeps a stale save as a 409 with the text, and refuses absurd input', async () => {
    const v = await version();
    const saved = await post(`/soknader/${applicationId}`, SILJE, {
      version: v,
      'challenge.text': 'Flere eldre, færre i arbeid.',
      'plan.text': 'Felles rekruttering.',
      'plan.start': '2026-13-40',
    });
    expect(saved.statusCode).toBe(303);
    const page = await get(saved.headers.location as string, SILJE);
    expect(page.body).toContain('Ikke en gyldig dato');
    const stale = await post(`/soknader/${applicationId}`, OLA, { version: v, 'plan.text': 'Ola sin tekst' });
    expect(stale.statusCode).toBe(403);
    const conflict = await post(`/soknader/${applicationId}`, SILJE, { version: v, 'plan.text': 'Kari sin tekst' });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.body).toContain('Kari sin tekst');
    expect(conflict.body).toContain('Silje Andersen');
    const after = await version();
    const huge = await post(`/soknader/${applicationId}`, SILJE, { version: after, 'plan.text': 'ord '.repeat(50_000) });
    expect(huge.statusCode).toBeGreaterThanOrEqual(400);
    expect(huge.statusCode).toBeLessThan(500);
    expect((await post(`/soknader/${applicationId}`, SILJE, { version: 'tre', 'plan.text': 'x' })).statusCode).toBe(400);
    expect(await version()).toBe(after);
  });

  it('refuses a wrong file type (415) and an oversized file (413), writing nothing', async () => {
    const before = await version();
    const wrong = await upload(
      `/soknader/${applicationId}/vedlegg`,
      SILJE,
      { version: before, part: 'plan.document' },
      { field: 'file', name: 'vedtak.exe', type: 'application/x-msdownload', content: Buffer.from('MZ') },
    );
    expect(wrong.statusCode).toBe(415);
    expect(wrong.body).toContain('filtypen er ikke tillatt');
    const disguised = await upload(
      `/soknader/${applicationId}/vedlegg`,
      SILJE,
      { version: before, part: 'plan.document' },
      { field: 'file', name: 'vedtak.pdf', type: 'application/pdf', content: Buffer.from('MZ not a pdf') },
    );
    expect(disguised.statusCode).toBe(415);
    const big = await upload(
      `/soknader/${applicationId}/vedlegg`,
      SILJE,
      { version: before, part: 'plan.document' },
      { field: 'file', name: 'stor.pdf', type: 'application/pdf', content: Buffer.alloc(200 * 1024, 1) },
    );
    expect(big.statusCode).toBe(413);
    expect(await version()).toBe(before);
  });

  it('blocks submission with the reasons in the error summary', async () => {
    const refused = await post(`/soknader/${applicationId}/send`, SILJE, { version: await version() });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('ds-error-summary');
    expect(refused.body).toContain('Mangler datert vedtak');
  });

  it('takes the decisions and the attachment, submits, shows the receipt, mails it and makes the PDF', async () => {
    for (const who of [SILJE, OLA, MARTE]) {
      const response = await upload(
        `/soknader/${applicationId}/vedtak`,
        who,
        { decisionBody: 'kommunestyre', decisionDate: '2026-11-10' },
        { field: 'decisionFile', name: 'vedtak.pdf', type: 'application/pdf', content: PDF },
      );
      expect(response.statusCode, response.body.slice(0, 200)).toBe(303);
    }
    expect(
      (
        await upload(
          `/soknader/${applicationId}/vedlegg`,
          SILJE,
          { version: await version(), part: 'plan.document' },
          { field: 'file', name: 'vedtak.pdf', type: 'application/pdf', content: PDF },
        )
      ).statusCode,
    ).toBe(303);
    expect(
      (
        await post(`/soknader/${applicationId}`, SILJE, {
          version: await version(),
          'challenge.text': 'Flere eldre.',
          'plan.text': 'Felles rekruttering.',
          'plan.goal': 'Ti prosent.',
          'economy.applied': '2 000 000',
          'plan.start': '2026-11-10',
          'anchoring.text': 'Behandlet i formannskapet og med de ansatte.',
        })
      ).statusCode,
    ).toBe(303);
    const submitted = await post(`/soknader/${applicationId}/send`, SILJE, { version: await version() });
    expect(submitted.statusCode, submitted.body.match(/ds-error-summary[\s\S]*?<\/ul>/)?.[0]).toBe(303);
    expect(submitted.headers.location).toContain(`/soknader/${applicationId}/kvittering/1`);
    const receipt = await get(submitted.headers.location as string, SILJE);
    expect(receipt.body).toContain('Dette er versjon 1');
    let pdfFileId: string | null = null;
    for (let i = 0; i < 100 && !pdfFileId; i++) {
      pdfFileId = (await listSubmissions(running.database.db, applicationId))[0]!.pdfFileId;
      if (!pdfFileId) await new Promise((r) => setTimeout(r, 200));
    }
    expect(pdfFileId).not.toBeNull();
    const download = await get(`/soknader/${applicationId}/filer/${pdfFileId}`, MARTE);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await get(`/soknader/${applicationId}/filer/${pdfFileId}`, 'persona-fredericia-case-worker')).statusCode).toBe(404);
    let mails = await listCapturedMail(running.database.db);
    for (let i = 0; i < 50 && !mails.some((m) => m.subject.includes('Kvittering')); i++) {
      await new Promise((r) => setTimeout(r, 200));
      mails = await listCapturedMail(running.database.db);
    }
    const mail = mails.find((m) => m.subject.includes('Kvittering'))!;
    expect(mail.recipients).toEqual(
      expect.arrayContaining(['silje.andersen@porsgrunn.example.no', 'ola.dahl@skien.example.no', 'marte.lie@notodden.example.no']),
    );
    expect(mail.attachments[0]).toMatchObject({ contentType: 'application/pdf' });
    expect((await get(`/soknader/${applicationId}`, SILJE)).body).toContain('Send inn på nytt');
  }, 60_000);

  it('autosaves with JavaScript in JSON (a stale version is a 409), serves its script, and withdraws with an audit', async () => {
    const script = await get('/soknader/assets/autosave.js');
    expect(script.headers['content-type']).toContain('javascript');
    const v = await version();
    const autosave = async (ver: string, text: string) => {
      const body = new URLSearchParams({ _csrf: await token(SILJE), version: ver, 'plan.text': text });
      return running.app.inject({
        method: 'POST',
        url: `/soknader/${applicationId}`,
        headers: { cookie: cookie[SILJE]!, 'content-type': 'application/x-www-form-urlencoded', 'x-autosave': '1' },
        payload: body.toString(),
      });
    };
    const first = await autosave(v, 'Autolagret');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ version: Number(v) + 1 });
    expect((await autosave(v, 'Gammel')).statusCode).toBe(409);
    expect((await findApplication(running.database.db, applicationId))!.answers['plan.text']).toBe('Autolagret');
    const withdrawn = await post(`/soknader/${applicationId}/trekk`, SILJE, {
      version: await version(),
      reason: 'Nettverket ble enige om å søke i neste runde',
    });
    expect(withdrawn.statusCode).toBe(303);
    expect((await findApplication(running.database.db, applicationId))!.status).toBe('withdrawn');
    const page = await get(`/soknader/${applicationId}`, SILJE);
    expect(page.body).toContain('Trukket');
    expect(page.body).toMatch(/<fieldset class="ds-fieldset answers" disabled/);
    expect(page.body).not.toContain('>Lagre utkast</button>');
    expect((await post(`/soknader/${applicationId}`, SILJE, { version: await version(), 'plan.text': 'etter' })).statusCode).toBe(409);
  });
});
