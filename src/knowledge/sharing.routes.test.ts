import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInThroughProvider } from '../platform/testing/harness.js';
import { seedDemoProgrammes } from '../programmes/index.js';
import { seedDemoProjects } from '../projects/index.js';
import { startTestApp, type RunningApp } from '../test-app.js';
import { seedDemoKnowledge } from './index.js';
import { formClient } from './testing/http.js';

let running: RunningApp;
let porsgrunn: string;
const cookie: Record<string, string> = {};
const SILJE = 'persona-porsgrunn-case-worker';
const SKIEN = 'persona-skien-case-worker';
const PROGRAMME = 'Kommunalt omstillingsprogram';

beforeAll(async () => {
  running = await startTestApp();
  const db = running.database.db;
  await seedDemoProgrammes(db);
  await seedDemoProjects(db);
  await seedDemoKnowledge(db);
  porsgrunn = (await db.selectFrom('projects').select('id').where('seed_key', '=', 'omstilling-2003:4001').executeTakeFirstOrThrow()).id;
  for (const subject of [SILJE, SKIEN]) cookie[subject] = (await signInThroughProvider(running.baseUrl, subject)).header();
}, 180_000);
afterAll(() => running.close());

const { get, post } = formClient(() => running, cookie);
const form = () => `/kunnskapsbank/ny/fra-prosjekt/${porsgrunn}`;

describe('a case made from a project', () => {
  it('is offered on the project’s follow-up page to the lead municipality’s case worker', async () => {
    const page = await get(`/prosjekter/${porsgrunn}/oppfolging`, SILJE);
    expect(page.body).toContain(`href="/kunnskapsbank/ny/fra-prosjekt/${porsgrunn}?lang=nb"`);
  });

  it('refuses another municipality’s case worker, in words', async () => {
    const page = await get(form(), SKIEN);
    expect(page.statusCode).toBe(403);
    expect(page.body).toContain('Bare saksbehandlere i kommunen som leder prosjektet');
    const posted = await post(form(), SKIEN, { title: 'x' }, `/kunnskapsbank/ny/fra-prosjekt/${porsgrunn}`);
    expect(posted.statusCode).toBe(403);
  });

  it('prefills the form from the public page and the approved final report, every part ticked', async () => {
    const page = await get(`${form()}?lang=en`, SILJE);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Helhetlig omstilling i Porsgrunn');
    expect(page.body).toContain('Porsgrunn har brukerundersøkelser i ti tjenester');
    expect(page.body).toContain(PROGRAMME);
    expect(page.body).toContain('name="public" value="learned" checked');
    expect(page.body).toMatch(/<option value="put_to_use" selected/);
  });

  it('refuses a case without what was done ticked, in words, and writes nothing', async () => {
    const response = await post(
      `${form()}?lang=en`,
      SILJE,
      {
        language: 'nb',
        title: 'Omstilling i Porsgrunn',
        phase: 'put_to_use',
        sector: 'organisation',
        source: 'Porsgrunn',
        public: ['purpose'],
        'part-purpose': 'Omstilling.',
      },
      form(),
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Write what was done.');
    expect((await get(`/api/v1/cases?programme=${encodeURIComponent(PROGRAMME)}`)).json().total).toBe(0);
  });

  it('publishes the ticked parts in one step, linked back to the project, with its programme; the rest stays out', async () => {
    const response = await post(
      form(),
      SILJE,
      {
        language: 'nb',
        title: 'Omstilling med brukerundersøkelser i Porsgrunn',
        phase: 'put_to_use',
        sector: 'organisation',
        themes: ['innovation_method'],
        yearFrom: '2004',
        yearTo: '2006',
        source: 'Porsgrunn: helhetlig omstilling (Kommunalt omstillingsprogram)',
        public: ['purpose', 'goals', 'results'],
        'part-purpose': 'Helhetlig omstilling i Porsgrunn.',
        'part-goals': 'Bedre styringsinformasjon for politikere og ledere',
        'part-results': 'Porsgrunn har brukerundersøkelser i ti tjenester.',
        'part-learned': 'Dette skal ikke bli offentlig.',
      },
      form(),
    );
    expect(response.statusCode).toBe(303);
    const page = await get(response.headers.location as string);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Porsgrunn har brukerundersøkelser i ti tjenester.');
    expect(page.body).not.toContain('Dette skal ikke bli offentlig.');
    expect(page.body).toContain(`href="/prosjekter/${porsgrunn}?lang=nb"`);
    expect(page.body).toContain(PROGRAMME);
  });

  it('refuses a second case of the same project, linking to the first', async () => {
    const again = await get(form(), SILJE);
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Prosjektet har allerede en erfaring i kunnskapsbanken');
    expect(again.body).toContain('Omstilling med brukerundersøkelser i Porsgrunn');
  });
});

describe('the programme facet', () => {
  it('counts programmes, combines with the query and travels in the URL and the API', async () => {
    const api = (await get(`/api/v1/cases?programme=${encodeURIComponent('Saman om ein betre kommune')}`)).json();
    expect(api.total).toBe(2);
    expect(api.facets.programme).toEqual(
      expect.arrayContaining([
        { value: 'Saman om ein betre kommune', count: 2 },
        { value: PROGRAMME, count: 1 },
      ]),
    );
    const combined = (await get(`/api/v1/cases?q=velferdsinnovasjon&programme=${encodeURIComponent('Saman om ein betre kommune')}`)).json();
    expect(combined.cases.map((c: { title: string }) => c.title)).toEqual([
      'Nettverket for velferdsinnovasjon i Saman om ein betre kommune',
    ]);
    const page = await get(`/videnbank?lang=da&programme=${encodeURIComponent(PROGRAMME)}`);
    expect(page.body).toContain('Omstilling med brukerundersøkelser i Porsgrunn');
    expect(page.body).toContain(`Program`);
    expect(page.body).not.toContain('Længst muligt i eget liv</a>');
  });
});
