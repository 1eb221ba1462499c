import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findApplication, listSubmissions, saveAnswers, startApplication, submitApplication } from '../applications/index.js';
import { orThrow } from '../platform/outcome.js';
import { listAuditEvents } from '../platform/audit/store.js';
import { formClient, signInThroughProvider } from '../platform/testing/harness.js';
import { startTestApp, type RunningApp } from '../test-app.js';
import { seedDemoProgrammes } from './demo.js';
import { findCall } from './store/calls.js';
import { listExtensions } from './store/extensions.js';
import { seededIds } from './store/programmes.js';
import { listQuestions } from './store/questions.js';
import { findTemplate } from './store/templates.js';
import { seedSmallRegistry } from './testing.js';
import { instantToLocal } from './time.js';

let running: RunningApp;
const cookie: Record<string, string> = {};
let openCallId: string;
let programmeId: string;

beforeAll(async () => {
  running = await startTestApp();
  await seedSmallRegistry(running.database.db);
  await seedDemoProgrammes(running.database.db);
  for (const subject of ['persona-kdd-owner', 'persona-sfvt-officer', 'persona-skien-case-worker', 'persona-porsgrunn-case-worker'])
    cookie[subject] = (await signInThroughProvider(running.baseUrl, subject)).header();
  openCallId = (await seededIds(running.database.db, 'programme_calls', 'nettverk-2027:call'))!;
  programmeId = (await seededIds(running.database.db, 'programmes', 'nettverk-2027'))!;
}, 60_000);
afterAll(() => running.close());

const { get, post } = formClient(() => running, cookie);

/** Every named field of the first form posting to `action` on a page, as the browser would send it (checked boxes only). */
function formFields(html: string, action: string): Record<string, string[]> {
  const start = html.indexOf(`action="${action}`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const fields: Record<string, string[]> = {};
  const add = (name: string, value: string) =>
    (fields[name] ??= []).push(
      value
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&'),
    );
  for (const match of form.matchAll(/<input([^>]*)>/g)) {
    const attrs = match[1]!;
    const name = /name="([^"]*)"/.exec(attrs)?.[1];
    if (!name || name === '_csrf') continue;
    if (/type="checkbox"/.test(attrs) && !/ checked/.test(attrs)) continue;
    add(name, /value="([^"]*)"/.exec(attrs)?.[1] ?? 'on');
  }
  for (const match of form.matchAll(/<textarea[^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/textarea>/g)) add(match[1]!, match[2]!);
  for (const match of form.matchAll(/<select[^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/select>/g))
    add(match[1]!, /<option value="([^"]*)" selected/.exec(match[2]!)?.[1] ?? /<option value="([^"]*)"/.exec(match[2]!)?.[1] ?? '');
  return fields;
}

const flat = (fields: Record<string, string[]>, over: Record<string, string | string[]> = {}) => ({
  ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.length === 1 ? v[0]! : v])),
  ...over,
});

describe('the form template editor', () => {
  let templateId: string;
  const page = () => `/eier/skjemamaler/${templateId}`;

  it('is for the owning organisation only', async () => {
    expect((await get('/eier/skjemamaler', 'persona-skien-case-worker')).statusCode).toBe(403);
    const list = await get('/eier/skjemamaler', 'persona-kdd-owner');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Nettverkssøknad');
    const kddTemplate = (await seededIds(running.database.db, 'programme_form_templates', 'nettverk-2027:template'))!;
    expect((await get(`/eier/skjemamaler/${kddTemplate}`, 'persona-sfvt-officer')).statusCode).toBe(403);
    expect((await get(`/eier/skjemamaler/${kddTemplate}/forhandsvis`, 'persona-kdd-owner')).body).toContain(
      'Framskrevet utvikling i kommunene',
    );
  });

  it('creates a template, adds parts by buttons without saving, and saves with a version check', async () => {
    const refused = await post('/eier/skjemamaler', 'persona-kdd-owner', { name: '', language: 'nb' }, '/eier/skjemamaler/ny');
    expect(refused.statusCode).toBe(400);
    const created = await post(
      '/eier/skjemamaler',
      'persona-kdd-owner',
      {
        owner: flat(formFields((await get('/eier/skjemamaler/ny', 'persona-kdd-owner')).body, '/eier/skjemamaler')).owner as string,
        name: 'Enkel søknad',
        language: 'nb',
      },
      '/eier/skjemamaler/ny',
    );
    expect(created.statusCode).toBe(303);
    templateId = created.headers.location!.split('/')[3]!.split('?')[0]!;
    const template = (await findTemplate(running.database.db, templateId))!;
    expect(template.form.sections).toHaveLength(1);

    const fields = formFields((await get(page(), 'persona-kdd-owner')).body, page());
    const added = await post(
      page(),
      'persona-kdd-owner',
      flat(fields, { 's0-title': 'Utfordringen', 's0-newKind': 'attachment', op: 'add-part:0' }),
      page(),
    );
    expect(added.statusCode).toBe(200);
    expect(added.body).toContain('value="Utfordringen"');
    expect(added.body).toContain('s0-p1-maxMegabytes');
    expect((await findTemplate(running.database.db, templateId))!.version).toBe(template.version);

    const withAttachment = formFields(added.body, page());
    const bad = await post(
      page(),
      'persona-kdd-owner',
      flat(withAttachment, { 's0-p0-maxWords': 'mange', 's0-p1-label': 'Vedtak', op: 'save' }),
      page(),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('ds-error-summary');
    expect(bad.body).toContain('value="mange"');

    const saved = await post(
      page(),
      'persona-kdd-owner',
      flat(withAttachment, { 's0-p0-maxWords': '300', 's0-p1-label': 'Vedtak', op: 'save' }),
      page(),
    );
    expect(saved.statusCode).toBe(303);
    const after = (await findTemplate(running.database.db, templateId))!;
    expect(after.version).toBe(template.version + 1);
    expect(after.form.sections[0]).toMatchObject({
      title: 'Utfordringen',
      parts: [
        { kind: 'text', maxWords: 300 },
        { kind: 'attachment', label: 'Vedtak', allowedTypes: ['application/pdf'], maxBytes: 10 * 1024 * 1024, maxFiles: 1 },
      ],
    });

    const stale = await post(
      page(),
      'persona-kdd-owner',
      flat(withAttachment, { 's0-title': 'Min tekst', 's0-p1-label': 'Vedtak', op: 'save' }),
      page(),
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('value="Min tekst"');
    expect(stale.body).toContain('Ingrid Haugen');
    expect((await findTemplate(running.database.db, templateId))!.form.sections[0]!.title).toBe('Utfordringen');
  });

  it("leaves a published call's form and its submitted application's copy unchanged when the template is edited afterwards", async () => {
    const now = Date.now();
    const local = (ms: number) => instantToLocal(new Date(ms), 'Europe/Oslo');
    const newCall = `/eier/programmer/${programmeId}/utlysninger/ny?mal=${templateId}`;
    expect((await get(newCall, 'persona-kdd-owner')).body).toMatch(new RegExp(`<option value="${templateId}" selected`));
    const created = await post(
      `/eier/programmer/${programmeId}/utlysninger`,
      'persona-kdd-owner',
      {
        title: 'Utlysning fra mal',
        purpose: 'Prøve malen.',
        language: 'nb',
        timeZone: 'Europe/Oslo',
        currency: 'NOK',
        templateId,
        'rule-applicant-kind': 'on',
        round1Opens: local(now - 3600_000),
        round1Closes: local(now + 86_400_000),
      },
      newCall,
    );
    expect(created.statusCode, created.body.match(/ds-error-summary[\s\S]*?<\/ul>/)?.[0]).toBe(303);
    const callId = created.headers.location!.split('/')[3]!.split('?')[0]!;
    const draft = (await findCall(running.database.db, callId))!;
    expect(
      (
        await post(
          `/eier/utlysninger/${callId}/publiser`,
          'persona-kdd-owner',
          { version: String(draft.version) },
          `/eier/utlysninger/${callId}`,
        )
      ).statusCode,
    ).toBe(303);
    const published = (await findCall(running.database.db, callId))!;
    const formBefore = JSON.stringify(published.status === 'published' && published.snapshot.form);

    const db = running.database.db;
    const actor = { user: null, requestId: 't' };
    const applicationId = orThrow(await startApplication(db, published, { code: '4001', name: 'Porsgrunn', contactEmail: null }, actor));
    const version = orThrow(
      await saveAnswers(
        db,
        applicationId,
        1,
        { [published.status === 'published' ? published.snapshot.form.sections[0]!.parts[0]!.key : '']: 'Eldrebølgen.' },
        actor,
      ),
    );
    orThrow(await submitApplication(db, applicationId, version, actor));
    const copies = await listSubmissions(db, applicationId);
    expect(copies).toHaveLength(1);
    expect(JSON.stringify(copies[0]!.form)).toBe(formBefore);
    const application = (await findApplication(db, applicationId))!;

    const fields = formFields((await get(page(), 'persona-kdd-owner')).body, page());
    const edited = await post(page(), 'persona-kdd-owner', flat(fields, { 's0-title': 'Helt ny overskrift', op: 'save' }), page());
    expect(edited.statusCode).toBe(303);
    expect((await findTemplate(db, templateId))!.form.sections[0]!.title).toBe('Helt ny overskrift');
    const after = (await findCall(db, callId))!;
    expect(JSON.stringify(after.status === 'published' && after.snapshot.form)).toBe(formBefore);
    expect(formBefore).toContain('Utfordringen');
    expect(JSON.stringify(await listSubmissions(db, applicationId))).toBe(JSON.stringify(copies));
    expect((await findApplication(db, applicationId))!.version).toBe(application.version);
    const publicPage = await get(`/utlysninger/${callId}`);
    expect(publicPage.body).toContain('Utfordringen');
    expect(publicPage.body).not.toContain('Helt ny overskrift');
  });
});

describe("late submission by exception on the owner's call page", () => {
  const ownerPage = () => `/eier/utlysninger/${openCallId}`;
  const grant = (form: Record<string, string>) =>
    post(`/eier/utlysninger/${openCallId}/utsettelser`, 'persona-kdd-owner', form, ownerPage());

  it('refuses bad input with a translated 400 and writes nothing', async () => {
    const response = await grant({
      'extension-municipality': 'Atlantis',
      'extension-roundIndex': '0',
      'extension-until': '2027-02-30T12:00',
      'extension-reason': '',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Finner ingen kommune som passer «Atlantis»');
    expect(response.body).toContain('value="Atlantis"');
    expect(await listExtensions(running.database.db, openCallId)).toEqual([]);
    const early = await grant({
      'extension-municipality': 'Skien',
      'extension-roundIndex': '0',
      'extension-until': '2026-01-01T12:00',
      'extension-reason': 'Sykdom',
    });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('etter rundens ordinære frist');
  });

  it("grants Skien an extension (audited, listed), shows it on Skien's application page, and revokes it with a version check", async () => {
    const call = (await findCall(running.database.db, openCallId))!;
    const until = instantToLocal(new Date(Date.parse(call.content.rounds[0]!.closesAt) + 7 * 86_400_000), 'Europe/Oslo');
    const granted = await grant({
      'extension-municipality': '4003',
      'extension-roundIndex': '0',
      'extension-until': until,
      'extension-reason': 'Kommunestyremøtet ble flyttet',
    });
    expect(granted.statusCode).toBe(303);
    const [extension] = await listExtensions(running.database.db, openCallId);
    expect(extension).toMatchObject({
      municipalityCode: '4003',
      municipalityName: 'Skien',
      reason: 'Kommunestyremøtet ble flyttet',
      grantedByName: 'Ingrid Haugen',
    });
    expect(
      (await listAuditEvents(running.database.db, { recordType: 'deadline_extension', recordId: extension!.id, limit: 5 }))[0]!.action,
    ).toBe('grant');
    const page = await get(`${ownerPage()}?extension=granted`, 'persona-kdd-owner');
    expect(page.body).toContain('Kommunestyremøtet ble flyttet');
    expect(page.body).toContain('Utsettelsen er gitt og logget.');
    expect(
      (
        await grant({
          'extension-municipality': 'Skien',
          'extension-roundIndex': '0',
          'extension-until': until,
          'extension-reason': 'Igjen',
        })
      ).statusCode,
    ).toBe(409);

    const application = orThrow(
      await startApplication(
        running.database.db,
        call,
        { code: '4003', name: 'Skien', contactEmail: null },
        { user: null, requestId: 't' },
      ),
    );
    const skien = await get(`/soknader/${application}`, 'persona-skien-case-worker');
    expect(skien.body).toContain('Dere har fått utsettelse til');

    const revoke = `/eier/utsettelser/${extension!.id}/trekk`;
    const stale = await post(
      revoke,
      'persona-kdd-owner',
      { version: String(extension!.version + 1), [`revoke-${extension!.id}`]: 'Feil' },
      ownerPage(),
    );
    expect(stale.statusCode).toBe(409);
    expect(
      (await post(revoke, 'persona-kdd-owner', { version: String(extension!.version), [`revoke-${extension!.id}`]: '' }, ownerPage()))
        .statusCode,
    ).toBe(400);
    expect(
      (await post(revoke, 'persona-sfvt-officer', { version: String(extension!.version), [`revoke-${extension!.id}`]: 'x' }, '/eier'))
        .statusCode,
    ).toBe(403);
    const revoked = await post(
      revoke,
      'persona-kdd-owner',
      { version: String(extension!.version), [`revoke-${extension!.id}`]: 'Gitt ved en feil' },
      ownerPage(),
    );
    expect(revoked.statusCode).toBe(303);
    expect((await get(ownerPage(), 'persona-kdd-owner')).body).toContain('Trukket tilbake');
    expect((await get(`/soknader/${application}`, 'persona-skien-case-worker')).body).not.toContain('Dere har fått utsettelse til');
  });
});

describe('questions and answers on a call', () => {
  const qaPage = () => `/eier/utlysninger/${openCallId}/sporsmal`;

  it("publishes the owner's entry on the public page with its date and in the change log", async () => {
    expect(
      (await post(qaPage(), 'persona-kdd-owner', { question: 'Kan et fylke søke?', answer: '', action: 'publish' }, qaPage())).statusCode,
    ).toBe(400);
    const created = await post(
      qaPage(),
      'persona-kdd-owner',
      { question: 'Kan et fylke søke?', answer: 'Nei, bare kommuner kan søke.', action: 'publish' },
      qaPage(),
    );
    expect(created.statusCode).toBe(303);
    const page = await get(`/utlysninger/${openCallId}?lang=en`);
    expect(page.body).toContain('Kan et fylke søke?');
    expect(page.body).toContain('Nei, bare kommuner kan søke.');
    expect(page.body).toMatch(/Published \d{1,2} \w+ \d{4}/);
    expect(page.body).toContain('Question and answer published: “Kan et fylke søke?”');
  });

  it("takes a case worker's question to the owner, who answers and publishes it without the asker", async () => {
    expect((await get(`/utlysninger/${openCallId}`)).body).not.toContain('name="question"');
    const asked = await post(
      `/utlysninger/${openCallId}/sporsmal`,
      'persona-skien-case-worker',
      { question: 'Teller folketallet fra 1. januar i år?' },
      `/utlysninger/${openCallId}`,
    );
    expect(asked.statusCode).toBe(303);
    expect((await get(`/utlysninger/${openCallId}`)).body).not.toContain('Teller folketallet');
    const owner = await get(qaPage(), 'persona-kdd-owner');
    expect(owner.body).toContain('Teller folketallet fra 1. januar i år?');
    expect(owner.body).toContain('Ola Dahl');
    expect((await get(`/eier/utlysninger/${openCallId}`, 'persona-kdd-owner')).body).toContain('Spørsmål og svar (1 ubesvart)');

    const entry = (await listQuestions(running.database.db, openCallId)).find((q) => q.status === 'asked')!;
    const edit = `/eier/sporsmal/${entry.id}`;
    expect((await get(edit, 'persona-sfvt-officer')).statusCode).toBe(403);
    const answer = 'Ja, registerets siste år.';
    const published = await post(
      edit,
      'persona-kdd-owner',
      { version: String(entry.version), question: entry.question, answer, action: 'publish' },
      edit,
    );
    expect(published.statusCode).toBe(303);
    const stale = await post(
      edit,
      'persona-kdd-owner',
      { version: String(entry.version), question: entry.question, answer: 'Mitt nye svar', action: 'edit' },
      edit,
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Mitt nye svar');
    const page = await get(`/utlysninger/${openCallId}`);
    expect(page.body).toContain(answer);
    expect(page.body).not.toContain('Ola Dahl');
    expect(page.body.indexOf('Kan et fylke søke?')).toBeLessThan(page.body.indexOf('Teller folketallet'));
    // Ola is told once (the later edit sends nothing more) and reads it among his notifications.
    const notices = (await get('/varsler', 'persona-skien-case-worker')).body;
    expect(notices.match(/Svar på spørsmålet ditt: /g)).toHaveLength(1);
    expect(notices).toContain('Ja, registerets siste år.');
    expect((await get('/varsler', 'persona-kdd-owner')).body).not.toContain('Svar på spørsmålet ditt');
  });
});
