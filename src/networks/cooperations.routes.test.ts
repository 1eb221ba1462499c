import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoProgrammes, seededIds } from '../programmes/index.js';
import { startSignedInApp, type SignedInApp } from './http-testing.js';

const NOTODDEN = 'persona-notodden-case-worker';
const SILJE = 'persona-porsgrunn-case-worker';
let app: SignedInApp;

beforeAll(async () => {
  app = await startSignedInApp([NOTODDEN, SILJE]);
  await seedDemoProgrammes(app.running.database.db);
}, 120_000);
afterAll(async () => {
  await app?.close();
});

const get = (url: string, who?: string) => app.get(url, who);
const post = (url: string, who: string, fields: Record<string, string>, formUrl: string) => app.post(url, who, fields, formUrl);

describe('the registry of cooperations', () => {
  it('is loaded once from the shipped list, with its import report', async () => {
    const list = await get('/samarbeid?lang=nb');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Barnevern (64)');
    expect(list.body).toContain('Listen har 64 samarbeid med 204 medlemskap. 204 ble funnet blant dagens kommuner');
    expect(list.body).toContain('Alle medlemmene ble funnet blant dagens kommuner.');
    // The map of child welfare: 204 memberships in 64 cooperations, each municipality in one.
    expect(list.body).toContain('204 kommuner er med i minst ett samarbeid om Barnevern');
    const health = await get('/samarbeid?omrade=health_care&lang=nb');
    expect(health.body).toContain('0 kommuner er med i minst ett samarbeid om Helse og omsorg');
    expect((await get('/samarbeid?omrade=kingdom&lang=nb')).statusCode).toBe(400);
    expect((await get('/samarbeid?lang=nb')).body.match(/href="\/samarbeid\/[0-9a-f-]{36}/g)).toHaveLength(64);
  }, 120_000);

  it("is kept by a member's case worker with a version check, and the change shows on the municipality's page", async () => {
    const list = await get('/samarbeid?lang=nb');
    const path = /href="(\/samarbeid\/[0-9a-f-]{36})\?lang=nb">Barnevernsamarbeid Notodden, Hjartdal</.exec(list.body)![1]!;
    const own = await get(`${path}?lang=nb`, NOTODDEN);
    expect(own.body).toContain('Endre samarbeidet');
    expect((await get(`${path}?lang=nb`, SILJE)).body).not.toContain('Endre samarbeidet');
    const version = /name="version" value="(\d+)"/.exec(own.body)![1]!;
    const fields = {
      name: 'Barnevernstjenesten i Notodden og Hjartdal',
      legalForm: 'vertskommune',
      serviceArea: 'child_welfare',
      members: 'Notodden, Hjartdal',
      hostCode: '4005',
      startYear: '2012',
      version,
    };
    expect((await post(path, SILJE, fields, path)).statusCode).toBe(403);
    expect((await post(path, NOTODDEN, { ...fields, startYear: '1066', legalForm: 'kingdom' }, path)).statusCode).toBe(400);
    expect((await post(path, NOTODDEN, { ...fields, hostCode: '4001' }, path)).statusCode).toBe(400);
    expect((await post(path, NOTODDEN, fields, path)).statusCode).toBe(303);
    expect((await post(path, NOTODDEN, fields, path)).statusCode).toBe(409);
    const page = await get(`${path}?lang=en`);
    expect(page.body).toContain('Host-municipality cooperation');
    expect(page.body).toContain('2012');
    const notodden = await get('/nokkeltall/4005?lang=nb');
    expect(notodden.body).toContain('Barnevernstjenesten i Notodden og Hjartdal');
    expect(notodden.body).toContain('(Barnevern) sammen med Hjartdal');
  }, 120_000);

  it('makes the partner finder of applications say when a suggested partner already cooperates with the applicant', async () => {
    const callId = (await seededIds(app.running.database.db, 'programme_calls', 'nettverk-2027:call'))!;
    const finder = await get(`/utlysninger/${callId}/partnere?lang=en&member=4005`);
    expect(finder.statusCode).toBe(200);
    const hjartdal = /id="partner-4024"[\s\S]*?<\/ul>/.exec(finder.body)?.[0] ?? '';
    expect(hjartdal).toMatch(/Already cooperates on child welfare in Barnevern[^<]*Notodden[^<]*Hjartdal/);
    const porsgrunn = /id="partner-4001"[\s\S]*?<\/ul>/.exec(finder.body)?.[0] ?? '';
    expect(porsgrunn).toContain('Same county or region');
    expect(porsgrunn).not.toContain('Already cooperates');
  }, 120_000);
});
