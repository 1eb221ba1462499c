import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formClient, signInThroughProvider } from '../platform/testing/harness.js';
import { startTestApp, type RunningApp } from '../test-app.js';
import { seedDemoProgrammes } from './demo.js';
import { findCall, listPublicCalls } from './store/calls.js';
import { seededIds } from './store/programmes.js';
import { seedSmallRegistry } from './testing.js';

let running: RunningApp;
const cookie: Record<string, string> = {};
let openCallId: string;
let sfvtCallId: string;

beforeAll(async () => {
  running = await startTestApp();
  await seedSmallRegistry(running.database.db);
  await seedDemoProgrammes(running.database.db);
  for (const subject of ['persona-kdd-owner', 'persona-sfvt-officer', 'persona-skien-case-worker', 'persona-admin'])
    cookie[subject] = (await signInThroughProvider(running.baseUrl, subject)).header();
  openCallId = (await seededIds(running.database.db, 'programme_calls', 'nettverk-2027:call'))!;
  sfvtCallId = (await seededIds(running.database.db, 'programme_calls', 'prosjektskjonn-vt:call'))!;
});
afterAll(() => running.close());

const { get, post } = formClient(() => running, cookie);

describe('the public list', () => {
  it.each(['/utlysninger', '/utlysingar', '/opslag', '/calls'])('answers at %s with the demo calls', async (path) => {
    const response = await get(path);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Invitation til nyt frikommuneforsøg');
    expect(response.body).toContain('lang="da"');
  });

  it('filters by country, status and text', async () => {
    const danish = await get('/utlysninger?country=DK');
    expect(danish.body).toContain('frikommuneforsøg');
    expect(danish.body).not.toContain('omstillingsprogram');
    const open = await get('/utlysninger?status=open');
    expect(open.body).toContain('Nettverk for bærekraftige tjenester 2027');
    expect(open.body).not.toContain('frikommuneforsøg');
    expect((await get('/utlysninger?q=frikommune')).body).not.toContain('omstillingsprogram');
  });

  it('refuses a malformed filter with a translated 400', async () => {
    const response = await get('/utlysninger?status=maybe&lang=en');
    expect(response.statusCode).toBe(400);
  });
});

describe('a call page and the eligibility check', () => {
  it('shows rounds in local time, criteria, rules and the change log', async () => {
    const id = (await seededIds(running.database.db, 'programme_calls', 'frikommune-3:call'))!;
    const response = await get(`/utlysninger/${id}?lang=da`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatch(/1. april 2019.{1,6}23.59/);
    expect(response.body).toContain('Europe/Copenhagen');
    expect(response.body).toContain('60.000');
  });

  it('fails Skien alone with its numbers and passes with Porsgrunn and Notodden', async () => {
    const alone = await get(`/utlysninger/${openCallId}/sjekk?q=Skien`);
    expect(alone.body).toContain('Samlet folketall 55\u00a0900 &lt; 60\u00a0000 (1. januar 2025)');
    const network = await get(`/utlysninger/${openCallId}/sjekk?member=4003&member=4001&q=notodden`);
    expect(network.body).toContain('Samlet folketall 106\u00a0500 ≥ 60\u00a0000');
  });

  it('hides drafts and unknown ids', async () => {
    expect((await get('/utlysninger/00000000-0000-0000-0000-000000000000')).statusCode).toBe(404);
    expect((await get('/utlysninger/not-an-id')).statusCode).toBe(400);
  });
});

describe('the owner pages', () => {
  it('are for programme owners and administrators only', async () => {
    expect((await get('/eier')).statusCode).toBe(303);
    expect((await get('/eier', 'persona-skien-case-worker')).statusCode).toBe(403);
    expect((await get('/eier', 'persona-kdd-owner')).statusCode).toBe(200);
    expect((await get(`/eier/utlysninger/${openCallId}`, 'persona-admin')).statusCode).toBe(200);
  });

  it('check the organisation, not only the role', async () => {
    expect((await get(`/eier/utlysninger/${openCallId}`, 'persona-sfvt-officer')).statusCode).toBe(403);
    expect((await get(`/eier/utlysninger/${sfvtCallId}`, 'persona-kdd-owner')).statusCode).toBe(403);
    expect((await get(`/eier/utlysninger/${openCallId}`, 'persona-kdd-owner')).statusCode).toBe(200);
  });

  it('refuse bad input with 400 and the typed values kept, writing nothing', async () => {
    const call = (await findCall(running.database.db, openCallId))!;
    const form = `/eier/utlysninger/${openCallId}`;
    const response = await post(
      form,
      'persona-kdd-owner',
      {
        version: String(call.version),
        title: 'Ny tittel',
        purpose: 'x',
        language: 'nb',
        timeZone: 'Europe/Oslo',
        currency: 'NOK',
        criterion1Title: 'A',
        criterion1Weight: 'mange',
        round1Opens: '2027-13-01T10:00',
        round1Closes: '2027-01-01T10:00',
        reason: 'test',
      },
      form,
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('ds-error-summary');
    expect(response.body).toContain('value="Ny tittel"');
    expect((await findCall(running.database.db, openCallId))!.version).toBe(call.version);
  });

  it("refuse a programme period on a day the calendar does not have with the form and its field error, in the person's language", async () => {
    const form = '/eier/programmer/ny?lang=en';
    const owner = /<option value="([0-9a-f-]{36})"/.exec((await get(form, 'persona-kdd-owner')).body)![1]!;
    const response = await post(
      '/eier/programmer?lang=en',
      'persona-kdd-owner',
      { owner, name: 'Skjønnsmidler', country: 'NO', languages: 'nb', periodStart: '2026-02-30', periodEnd: '2026-12-31' },
      form,
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('href="#periodStart"');
    expect(response.body).toContain('Write the date as YYYY-MM-DD.');
    expect(response.body).toContain('value="Skjønnsmidler"');
  });

  it('answer a stale version with 409 naming what changed', async () => {
    const call = (await findCall(running.database.db, openCallId))!;
    const form = `/eier/utlysninger/${openCallId}`;
    const values = {
      language: 'nb',
      timeZone: 'Europe/Oslo',
      currency: 'NOK',
      purpose: call.content.purpose,
      round1Opens: '2026-11-02T08:00',
      round1Closes: '2027-01-15T12:00',
      criterion1Title: 'Alt',
      criterion1Weight: '100',
    };
    const first = await post(
      form,
      'persona-kdd-owner',
      { ...values, version: String(call.version), title: 'Første endring', reason: 'Retting' },
      form,
    );
    expect(first.statusCode, first.body.match(/ds-error-summary[\s\S]*?<\/ul>/)?.[0]).toBe(303);
    const stale = await post(
      form,
      'persona-admin',
      { ...values, version: String(call.version), title: 'Andre endring', reason: 'Retting' },
      form,
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Ingrid Haugen');
    expect(stale.body).toContain('value="Andre endring"');
    expect((await findCall(running.database.db, openCallId))!.content.title).toBe('Første endring');
    expect((await listPublicCalls(running.database.db)).length).toBe(5);
  });

  it("offers the owner's workspace in the menu to owners, and starting an application only to case workers and visitors", async () => {
    const owner = (await get(`/utlysninger/${openCallId}`, 'persona-kdd-owner')).body;
    expect(owner).toContain('href="/eier"');
    expect(owner).not.toContain(`/soknader/ny?call=${openCallId}`);
    const caseWorker = (await get(`/utlysninger/${openCallId}`, 'persona-skien-case-worker')).body;
    expect(caseWorker).toContain(`/soknader/ny?call=${openCallId}`);
    expect(caseWorker).not.toContain('href="/eier"');
    expect((await get(`/utlysninger/${openCallId}`)).body).toContain(`/soknader/ny?call=${openCallId}`);
  });
});
