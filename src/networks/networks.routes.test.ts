import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSignedInApp, type SignedInApp } from './http-testing.js';

const SILJE = 'persona-porsgrunn-case-worker';
const OLA = 'persona-skien-case-worker';
const CITIZEN = 'persona-citizen-porsgrunn';
let app: SignedInApp;

beforeAll(async () => {
  app = await startSignedInApp([SILJE, OLA, CITIZEN]);
}, 120_000);
afterAll(async () => {
  await app?.close();
});

const get = (url: string, who?: string) => app.get(url, who);
const post: SignedInApp['post'] = (...args) => app.post(...args);

describe('a benchmarking network through HTTP', () => {
  it('is started, joined, given a figure of its own and a value, and stays private to its members', async () => {
    expect((await post('/nettverk', SILJE, { name: ' ' }, '/nettverk')).statusCode).toBe(400);
    const started = await post('/nettverk', SILJE, { name: 'Omsorg i Grenland' }, '/nettverk');
    expect(started.statusCode).toBe(303);
    const path = started.headers.location!.split('?')[0]!;
    const page = await get(path, SILJE);
    expect(page.body).toContain('Koordinert av Porsgrunn');
    const version = /name="version" value="(\d+)"/.exec(page.body)![1]!;
    expect((await post(`${path}/inviter`, SILJE, { municipality: '4003', version }, path)).statusCode).toBe(303);
    // Ola's municipality is invited: he sees the answer form, not the figures.
    const invited = await get(path, OLA);
    expect(invited.body).toContain('Skien er invitert');
    expect(invited.body).not.toContain('Nøkkeltall side om side');
    expect((await post(`${path}/bli-med`, OLA, {}, path)).statusCode).toBe(303);
    const joined = await get(path, OLA);
    expect(joined.body).toContain('Nøkkeltall side om side');
    expect(joined.body).toContain('Sykepleierårsverk per bruker (2025)');
    const defined = await post(
      `${path}/tall`,
      OLA,
      { 'figure-name': 'Sykefravær', 'figure-unit': 'prosent', 'figure-definition': 'Legemeldt sykefravær i pleie og omsorg' },
      path,
    );
    expect(defined.statusCode).toBe(303);
    const figureId = /action="\/nettverk\/[^/]+\/tall\/([0-9a-f-]{36})/.exec((await get(path, OLA)).body)![1]!;
    const bad = await post(`${path}/tall/${figureId}`, OLA, { [`year-${figureId}`]: '2025', [`value-${figureId}`]: 'mye' }, path);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Skriv et tall, for eksempel 12,5.');
    expect(
      (await post(`${path}/tall/${figureId}`, OLA, { [`year-${figureId}`]: '2025', [`value-${figureId}`]: '7,5' }, path)).statusCode,
    ).toBe(303);
    const withValue = await get(path, SILJE);
    expect(withValue.body).toContain('registrert av');
    // A second save of the same year from a page read before the first is refused.
    const stale = await post(
      `${path}/tall/${figureId}`,
      OLA,
      { [`year-${figureId}`]: '2025', [`value-${figureId}`]: '8', 'version-2025': '0' },
      path,
    );
    expect(stale.statusCode).toBe(409);
    const badAction = await post(
      `${path}/tiltak`,
      OLA,
      { action: 'Hverdagsrehabilitering', figure: 'key:home-care-80', owner: 'Enhetsleder', due: '2026-02-30' },
      path,
    );
    expect(badAction.statusCode).toBe(400);
    expect(badAction.body).toContain('Skriv datoen som ÅÅÅÅ-MM-DD.');
    const recorded = await post(
      `${path}/tiltak`,
      OLA,
      { action: 'Hverdagsrehabilitering', figure: 'key:home-care-80', owner: 'Enhetsleder', due: '2026-06-30' },
      path,
    );
    expect(recorded.statusCode).toBe(303);
    const withAction = await get(path, OLA);
    expect(withAction.body).toContain('Hverdagsrehabilitering');
    expect(withAction.body).toContain('ingen nyere tall ennå');
    const actionPath = /action="(\/nettverk\/[^"]+\/tiltak\/[0-9a-f-]{36})\/complete/.exec(withAction.body)![1]!;
    // Silje's municipality did not record it: she cannot change its status.
    expect((await post(`${actionPath}/complete`, SILJE, { version: '1' }, path)).statusCode).toBe(403);
    expect((await post(`${actionPath}/complete`, OLA, { version: '1' }, path)).statusCode).toBe(303);
    expect((await get(path, OLA)).body).toContain('Fullført');

    // The completed action becomes a case in the knowledge bank, in one step, by its own municipality.
    const actionId = actionPath.split('/').pop()!;
    const toCase = `/kunnskapsbank/ny/fra-tiltak/${actionId}`;
    expect((await get(path, OLA)).body).toContain(`href="${toCase}?lang=nb"`);
    expect((await get(toCase, SILJE)).statusCode).toBe(403);
    const form = await get(toCase, OLA);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="public" value="movement" checked');
    const made = await post(
      toCase,
      OLA,
      {
        language: 'nb',
        title: 'Hverdagsrehabilitering',
        phase: 'put_to_use',
        sector: 'health_care',
        source: 'Effektiviseringsnettverket',
        public: ['figure', 'action'],
        'part-figure': 'Hjemmetjenester per 1 000 innbyggere 80 år og over',
        'part-action': 'Hverdagsrehabilitering',
      },
      toCase,
    );
    expect(made.statusCode).toBe(303);
    const bankCase = await get(made.headers.location as string);
    expect(bankCase.body).toContain('Hverdagsrehabilitering');
    expect(bankCase.body).not.toContain('ingen nyere tall');
    expect((await get(toCase, OLA)).statusCode).toBe(409);
    expect((await get(path, CITIZEN)).statusCode).toBe(403);
    expect((await get(path)).statusCode).toBeGreaterThanOrEqual(300);
  });
});
