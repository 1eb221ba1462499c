import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../platform/db/kit.js';
import { orThrow } from '../platform/outcome.js';
import { signInThroughProvider } from '../platform/testing/harness.js';
import { closeCall, findCall, listOpenCalls, seedDemoProgrammes } from '../programmes/index.js';
import { startTestApp, type RunningApp } from '../test-app.js';
import { seedDemoKnowledge } from './index.js';
import { formClient } from './testing/http.js';

let running: RunningApp;
const cookie: Record<string, string> = {};
const ADVISER = 'persona-adviser';
const SILJE = 'persona-porsgrunn-case-worker';
const PATH = '/kunnskapsbank/aktorer-og-ordninger';
const NEW = `${PATH}/ny`;

beforeAll(async () => {
  running = await startTestApp();
  await seedDemoProgrammes(running.database.db);
  await seedDemoKnowledge(running.database.db);
  for (const subject of [ADVISER, SILJE]) cookie[subject] = (await signInThroughProvider(running.baseUrl, subject)).header();
}, 60_000);
afterAll(() => running.close());

const { get, post } = formClient(() => running, cookie);

const scheme = {
  entry: 'scheme',
  kind: '',
  language: 'nb',
  name: 'Velferdsteknologifondet for kommuner',
  description: 'Tilskudd til utprøving av trygghetsalarmer og annen velferdsteknologi i hjemmetjenesten.',
  country: 'NO',
  region: '',
  themes: ['welfare_technology'],
  web: 'https://example.org/fond',
  email: '',
  phone: '',
  runner: 'Kompetansesenteret',
  deadline: '2027-03-01T12:00',
  eligible: 'Kommuner og interkommunale samarbeid.',
  source: 'Rådgiverens egen oversikt (test)',
};

describe('the directory for everyone', () => {
  it("lists seed 002's actors and schemes, each with its source, and a scheme without a stated deadline says so", async () => {
    const page = await get(`${PATH}?lang=nn`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Forskningsrådet');
    expect(page.body).toContain('Skjønnsmidlar til innovasjonsprosjekt i kommunane');
    expect(page.body).toContain('Løpande, ingen fast søknadsfrist');
    expect(page.body).toContain('<form method="get" action="/kunnskapsbank/aktorer-og-ordninger" role="search">');
    const entry = await get(`${PATH}/skjonnsmidlar-til-innovasjonsprosjekt-i-kommunane?lang=en`);
    expect(entry.statusCode).toBe(200);
    expect(entry.body).toContain('Nye vegar til framtidas velferd');
    expect(entry.body).toContain('Run by Fylkesmennene');
    expect(entry.body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('has Danish pages that say what there is in Denmark: KL, the ministry and the open frikommuneforsøg call', async () => {
    const page = await get('/videnbank/aktorer-og-ordninger?lang=da&country=DK');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('KL – Kommunernes Landsforening');
    expect(page.body).toContain('Økonomi- og Indenrigsministeriet');
    expect(page.body).not.toContain('Forskningsrådet');
    expect(page.body).toContain('Fjern filteret Danmark');
    const ministry = await get('/videnbank/aktorer-og-ordninger/okonomi-og-indenrigsministeriet?lang=da');
    expect(ministry.body).toContain('mailto:oim@oim.dk');
  });

  it("lists the platform's open calls among the schemes by themselves, and drops a call once it is closed", async () => {
    const db = running.database.db;
    const open = await listOpenCalls(db, new Date());
    expect(open.length).toBeGreaterThan(0);
    const first = open[0]!;
    const page = await get(`/knowledge-bank/actors-and-schemes?lang=en&type=scheme`);
    expect(page.body).toContain(first.title);
    expect(page.body).toContain(`href="/utlysninger/${first.id}?lang=en"`);
    expect(page.body).toContain('Open call on Stifinner');
    const api = (await get('/api/v1/directory?type=scheme')).json();
    expect(api.entries.find((e: { name: string }) => e.name === first.title)).toMatchObject({ own: true, entry: 'scheme' });
    const call = (await findCall(db, first.id))!;
    orThrow(await closeCall(db, call.id, call.version, null, SYSTEM));
    expect((await get(`/knowledge-bank/actors-and-schemes?lang=en&type=scheme`)).body).not.toContain(first.title);
  });

  it('serves the search as JSON, described in the OpenAPI document, and facets come from the URL', async () => {
    const response = await get('/api/v1/directory?q=forskingsradet&type=actor');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.entries.map((e: { name: string }) => e.name)).toContain('Forskningsrådet');
    expect(body.facets.type).toEqual(expect.arrayContaining([{ value: 'actor', count: expect.any(Number) }]));
    expect((await get('/api/docs')).body).toContain('/api/v1/directory');
  });
});

describe('the advisers keep the directory', () => {
  it('lets an adviser add a scheme with a deadline on the Oslo clock; a visitor finds it with a typo, in another language', async () => {
    const added = await post(NEW, ADVISER, scheme, NEW);
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe(`${PATH}/velferdsteknologifondet-for-kommuner?lang=nb&saved=1`);
    const page = await get(`/knowledge-bank/actors-and-schemes/velferdsteknologifondet-for-kommuner?lang=en`);
    expect(page.body).toContain('Deadline: 1 March 2027 at 12:00 (Norwegian time)');
    const found = await get('/videnbank/aktorer-og-ordninger?lang=da&q=velferdsteknologifonndet');
    expect(found.body).toContain('Velferdsteknologifondet for kommuner');
  });

  it('refuses a deadline that does not exist with a translated 400 and keeps what was typed', async () => {
    const refused = await post(`${NEW}?lang=en`, ADVISER, { ...scheme, name: 'Ikke lagret', deadline: '2027-03-28T02:30' }, NEW);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('The deadline must be a date and a time that exist in Norwegian time');
    expect(refused.body).toContain('value="Ikke lagret"');
    expect((await get(`${PATH}?q=ikke+lagret`)).body).not.toContain('Ikke lagret</a>');
    const malformed = await post(NEW, ADVISER, { ...scheme, deadline: '1. mars' }, NEW);
    expect(malformed.statusCode).toBe(400);
    expect(malformed.body).toContain('Fristen må være en dato og et klokkeslett');
  });

  it('revises with a version check: a stale version gets 409', async () => {
    const url = `${PATH}/velferdsteknologifondet-for-kommuner/endre`;
    const form = await get(url, ADVISER);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="2027-03-01T12:00"');
    const revised = await post(url, ADVISER, { ...scheme, deadline: '', version: '1' }, url);
    expect(revised.statusCode).toBe(303);
    expect((await get(`${PATH}/velferdsteknologifondet-for-kommuner?lang=nb`)).body).toContain('Løpende, ingen fast søknadsfrist');
    const stale = await post(url, ADVISER, { ...scheme, version: '1' }, url);
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Noen andre har endret dette');
  });

  it('is closed to everyone else: a case worker gets 403, a visitor is sent to sign in', async () => {
    expect((await get(NEW, SILJE)).statusCode).toBe(403);
    expect((await post(NEW, SILJE, scheme, `${PATH}?lang=nb`)).statusCode).toBe(403);
    expect([302, 303, 401]).toContain((await get(NEW)).statusCode);
  });
});

describe("the centre's answers link the directory, and published answers are found by the bank's search", () => {
  const ASK = '/kunnskapsbank/sporsmal/ny';
  const OPEN = '/kunnskapsbank/sporsmal/apne';

  it('an adviser links a grant scheme in an answer; the published answer shows it, and the search finds it beside the cases, without the asker', async () => {
    const asked = await post(
      ASK,
      SILJE,
      {
        title: 'Tilskudd til trygghetsalarmer',
        question: 'Finnes det tilskudd til å prøve ut trådløse trygghetsalarmer i sykehjem?',
        sector: 'health_care',
        theme: 'welfare_technology',
        mayPublish: 'yes',
      },
      ASK,
    );
    expect(asked.statusCode).toBe(303);
    const { id } = await running.database.db
      .selectFrom('knowledge_questions')
      .select('id')
      .where('title', '=', 'Tilskudd til trygghetsalarmer')
      .executeTakeFirstOrThrow();
    expect((await get(`${OPEN}?lang=nb`, ADVISER)).body).toContain('Aktører og ordninger som svaret viser til');
    const wrong = await post(
      `/kunnskapsbank/sporsmal/${id}/svar?lang=en`,
      ADVISER,
      { version: '1', [`answer-${id}`]: 'Se ordningen.', directory: 'finnes-ikke' },
      OPEN,
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('One of the actors or schemes the answer refers to was not found.');
    const answer = 'Skjønnsmidlene fra fylkesmannen kan søkes til konkrete innovasjonsprosjekter.';
    const answered = await post(
      `/kunnskapsbank/sporsmal/${id}/svar`,
      ADVISER,
      { version: '1', [`answer-${id}`]: answer, directory: ['skjonnsmidlar-til-innovasjonsprosjekt-i-kommunane', 'forskningsradet'] },
      OPEN,
    );
    expect(answered.statusCode).toBe(303);
    expect((await post(`/kunnskapsbank/sporsmal/${id}/publiser`, ADVISER, { version: '2' }, OPEN)).statusCode).toBe(303);
    const published = await get('/videnbank/sporgsmal?lang=da');
    expect(published.body).toContain('Aktører og ordninger');
    expect(published.body).toContain(`href="/videnbank/aktorer-og-ordninger/skjonnsmidlar-til-innovasjonsprosjekt-i-kommunane?lang=da"`);
    expect(published.body).toContain(`id="q-${id}"`);

    const found = await get('/kunnskapsbank?lang=nb&q=trygghetsalarm');
    expect(found.body).toContain('Tilskudd til trygghetsalarmer');
    expect(found.body).toContain('Spørsmål og svar · Helse og omsorg');
    expect(found.body).toContain(`href="/kunnskapsbank/sporsmal?lang=nb#q-${id}"`);
    expect(found.body).toMatch(/Spørsmål og svar \(1\)/);
    expect(found.body).not.toContain('Silje');
    const typo = await get('/knowledge-bank?lang=en&q=trygghetsalamer');
    expect(typo.body).toContain('Tilskudd til trygghetsalarmer');
    const onlyQuestions = await get('/kunnskapsbank?lang=nb&q=alarmer&what=question');
    expect(onlyQuestions.body).toContain('Tilskudd til trygghetsalarmer');
    expect(onlyQuestions.body).not.toContain('Trådlaus varsling og sikring i omsorgsbustader i Vågå');
    expect(onlyQuestions.body).toContain('Fjern filteret Spørsmål og svar');
    const onlyCases = await get('/kunnskapsbank?lang=nb&q=trygghetsalarmer&country=NO');
    expect(onlyCases.body).not.toContain('Tilskudd til trygghetsalarmer');

    const api = (await get('/api/v1/cases?q=trygghetsalarm')).json();
    expect(api.questions).toEqual([expect.objectContaining({ kind: 'question', title: 'Tilskudd til trygghetsalarmer' })]);
    expect(api.facets.what).toEqual(expect.arrayContaining([{ value: 'question', count: 1 }]));
    expect(JSON.stringify(api)).not.toContain('Silje');
    expect(JSON.stringify(api)).not.toContain('Porsgrunn');
  });
});
