import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../platform/audit/store.js';
import { csrfTokenIn, signInThroughProvider } from '../platform/testing/harness.js';
import { startTestApp, type RunningApp } from '../test-app.js';

let running: RunningApp;
const cookie: Record<string, string> = {};
const ADMIN = 'persona-admin';
const INGRID = 'persona-kdd-owner';

beforeAll(async () => {
  running = await startTestApp();
  for (const subject of [ADMIN, INGRID]) cookie[subject] = (await signInThroughProvider(running.baseUrl, subject)).header();
}, 60_000);
afterAll(() => running.close());

const get = (url: string, who?: string) => running.app.inject({ url, headers: who ? { cookie: cookie[who]! } : {} });
async function post(url: string, who: string, fields: Record<string, string>) {
  const page = await get(url.replace(/\/roller(\/ventende)?(\/fjern)?$/, ''), who);
  const token = page.statusCode === 200 ? csrfTokenIn(page.body) : 'none';
  return running.app.inject({
    method: 'POST',
    url,
    headers: { cookie: cookie[who]!, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ ...fields, _csrf: token }).toString(),
  });
}
const db = () => running.database.db;
const organisationId = async (name: string) =>
  (await db().selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;

describe('the system administrator manages organisations and roles', () => {
  it('is for administrators only', async () => {
    expect((await get('/admin/organisasjoner', INGRID)).statusCode).toBe(403);
    const list = await get('/admin/organisasjoner', ADMIN);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Kommunal- og distriktsdepartementet');
    expect(list.body).toContain('href="/admin/organisasjoner"');
  });

  it('registers an organisation; bad input is a 400 at its field and a duplicate a 409, nothing written', async () => {
    const bad = await post('/admin/organisasjoner', ADMIN, {
      kind: 'municipality',
      name: 'Vejle Kommune',
      country: 'DK',
      municipalityCode: 'sju',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Skriv kommunenummeret med tre eller fire sifre.');
    const made = await post('/admin/organisasjoner', ADMIN, {
      kind: 'municipality',
      name: 'Vejle Kommune',
      country: 'DK',
      municipalityCode: '630',
      mailAddress: 'vejle@vejle.example.dk',
    });
    expect(made.statusCode).toBe(303);
    const again = await post('/admin/organisasjoner', ADMIN, {
      kind: 'municipality',
      name: 'Vejle Kommune',
      country: 'DK',
      municipalityCode: '630',
    });
    expect(again.statusCode).toBe(409);
    expect((await db().selectFrom('organisations').select('id').where('name', '=', 'Vejle Kommune').execute()).length).toBe(1);
  });

  it('registers a county authority with its county number, Norway only, whose case workers can be named', async () => {
    const county = { kind: 'county', name: 'Agder fylkeskommune', country: 'NO', municipalityCode: '', countyCode: '42' };
    const badCode = await post('/admin/organisasjoner?lang=en', ADMIN, { ...county, countyCode: 'Agder' });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.body).toContain('Write the county number with two digits');
    const danish = await post('/admin/organisasjoner?lang=da', ADMIN, { ...county, name: 'Region Syddanmark', country: 'DK' });
    expect(danish.statusCode).toBe(400);
    expect(danish.body).toContain('De danske regioner ejer ikke borgerforslag');
    const made = await post('/admin/organisasjoner', ADMIN, { ...county, mailAddress: 'postmottak@agderfk.example.no' });
    expect(made.statusCode).toBe(303);
    expect(
      await db().selectFrom('organisations').select(['kind', 'county_code']).where('name', '=', 'Agder fylkeskommune').execute(),
    ).toEqual([{ kind: 'county', county_code: '42' }]);
    // Vestfold's number is taken by Vestfold fylkeskommune already.
    expect((await post('/admin/organisasjoner', ADMIN, { ...county, name: 'Vestfold fylke', countyCode: '39' })).statusCode).toBe(409);
    // Its page offers the roles of a county authority: case worker and reviewer.
    const page = await get(`${made.headers.location!.split('?')[0]}?lang=nb`, ADMIN);
    expect(page.body).toContain('Fylkeskommune, Norge');
    expect(page.body).toContain('<option value="case_worker"');
    expect(page.body).not.toContain('<option value="programme_owner"');
  });

  it('gives a signed-in person a role the organisation can give, takes it away, and keeps the history', async () => {
    const kdd = await organisationId('Kommunal- og distriktsdepartementet');
    const path = `/admin/organisasjoner/${kdd}`;
    expect((await post(`${path}/roller`, ADMIN, { email: 'nobody(at)example', role: 'reviewer' })).body).toContain(
      'E-postadressen er ikke gyldig.',
    );
    expect((await post(`${path}/roller`, ADMIN, { email: 'silje.andersen@porsgrunn.example.no', role: 'case_worker' })).statusCode).toBe(
      400,
    );
    const sfvt = await organisationId('Statsforvalteren i Vestfold og Telemark');
    expect(
      (await post(`/admin/organisasjoner/${sfvt}/roller`, INGRID, { email: 'silje.andersen@porsgrunn.example.no', role: 'reviewer' }))
        .statusCode,
    ).toBe(403);
    const granted = await post(`${path}/roller`, ADMIN, { email: 'Silje.Andersen@porsgrunn.example.no', role: 'reviewer' });
    expect(granted.statusCode).toBe(303);
    expect((await post(`${path}/roller`, ADMIN, { email: 'silje.andersen@porsgrunn.example.no', role: 'reviewer' })).statusCode).toBe(409);
    const silje = (
      await db().selectFrom('users').select('id').where('email', '=', 'silje.andersen@porsgrunn.example.no').executeTakeFirstOrThrow()
    ).id;
    expect((await post(`${path}/roller/fjern`, ADMIN, { user: silje, role: 'reviewer' })).statusCode).toBe(303);
    expect((await post(`${path}/roller/fjern`, ADMIN, { user: silje, role: 'reviewer' })).statusCode).toBe(409);
    const page = (await get(`${path}?lang=en`, ADMIN)).body;
    expect(page).toContain('Silje Andersen was given the role Reviewer');
    expect(page).toContain('Silje Andersen lost the role Reviewer');
    const audit = await listAuditEvents(db(), { recordType: 'organisation', recordId: kdd, limit: 5 });
    expect(audit.map((e) => `${e.action}:${e.to_state}:${e.actor_name}`)).toEqual([
      'revoke-role:reviewer:Eirik Moen',
      'grant-role:reviewer:Eirik Moen',
    ]);
  });

  it('lets a programme owner give and take roles in her own organisation only', async () => {
    const kdd = await organisationId('Kommunal- og distriktsdepartementet');
    const sfvt = await organisationId('Statsforvalteren i Vestfold og Telemark');
    const mine = await get('/min-organisasjon', INGRID);
    expect(mine.headers.location).toContain(`/admin/organisasjoner/${kdd}`);
    const ownPage = (await get(`/admin/organisasjoner/${kdd}`, INGRID)).body;
    expect(ownPage).not.toContain('href="/admin/organisasjoner?');
    expect((await get(`/admin/organisasjoner/${sfvt}`, INGRID)).statusCode).toBe(403);
    expect(
      (await post(`/admin/organisasjoner/${kdd}/roller`, INGRID, { email: 'anne.strand@telemarksforsking.example.no', role: 'reviewer' }))
        .statusCode,
    ).toBe(303);
    const audit = await listAuditEvents(db(), { recordType: 'organisation', recordId: kdd, limit: 1 });
    expect(audit[0]).toMatchObject({ action: 'grant-role', to_state: 'reviewer', reason: 'Anne Strand', actor_name: 'Ingrid Haugen' });
  });

  it('gives a role to an address before its first sign-in: listed as waiting, taken up when that person signs in, or withdrawn', async () => {
    const kdd = await organisationId('Kommunal- og distriktsdepartementet');
    const path = `/admin/organisasjoner/${kdd}`;
    // The demo registers its personas beforehand; Nora here is someone who has never been seen.
    await db().deleteFrom('users').where('email', '=', 'nora.berg@ntnu.example.no').execute();
    const given = await post(`${path}/roller`, ADMIN, { email: 'Nora.Berg@ntnu.example.no', role: 'reviewer' });
    expect(given.statusCode).toBe(303);
    const page = (await get(given.headers.location as string, ADMIN)).body;
    expect(page).toContain('Nora.Berg@ntnu.example.no har ikke logget inn ennå og får rollen ved første innlogging');
    expect(page).toContain('Venter på første innlogging');
    expect((await post(`${path}/roller`, ADMIN, { email: 'nora.berg@ntnu.example.no', role: 'reviewer' })).statusCode).toBe(409);
    expect((await post(`${path}/roller`, ADMIN, { email: 'ola.dahl@uib.example.no', role: 'reviewer' })).statusCode).toBe(303);
    const withdrawn = await post(`${path}/roller/ventende/fjern`, ADMIN, { email: 'ola.dahl@uib.example.no', role: 'reviewer' });
    expect(withdrawn.statusCode).toBe(303);
    expect((await post(`${path}/roller/ventende/fjern`, ADMIN, { email: 'ola.dahl@uib.example.no', role: 'reviewer' })).statusCode).toBe(
      409,
    );

    // Nora signs in for the first time, with the address she was given the role at.
    await signInThroughProvider(running.baseUrl, 'persona-invited-expert');
    const nora = await db().selectFrom('users').select('id').where('email', '=', 'nora.berg@ntnu.example.no').executeTakeFirstOrThrow();
    const roles = await db().selectFrom('memberships').select(['organisation_id', 'role']).where('user_id', '=', nora.id).execute();
    expect(roles).toEqual([{ organisation_id: kdd, role: 'reviewer' }]);
    expect(await db().selectFrom('pending_memberships').select('email').execute()).toEqual([]);
    const after = (await get(`${path}?lang=en`, ADMIN)).body;
    expect(after).not.toContain('Waiting for a first sign-in');
    expect(after).toContain('Nora.Berg@ntnu.example.no gets the role Reviewer at their first sign-in');
    expect(after).toContain('Nora Berg was given the role Reviewer');
    expect(after).toContain('The role Reviewer for ola.dahl@uib.example.no was withdrawn before the first sign-in');
    // The audit log says the same in words: what, which action, which role; no keys, no ids.
    const log = (await get(`/admin/audit?lang=en&recordType=organisation&recordId=${kdd}`, ADMIN)).body;
    const main = log.slice(log.indexOf('<main'), log.indexOf('</main>'));
    expect(main).toContain('Showing the events of one organisation.');
    expect(main).toContain('gets a role at the first sign-in');
    expect(main).toContain('– → Reviewer');
    for (const internal of ['grant-role', 'reviewer<', kdd]) expect(main.replace(/href="[^"]*"/g, '')).not.toContain(internal);
  });
});
