import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrfTokenIn, signInThroughProvider } from '../platform/testing/harness.js';
import { seedDemoProgrammes } from '../programmes/index.js';
import { seedDemoProjects } from '../projects/index.js';
import { startTestApp, type RunningApp } from '../test-app.js';
import { seedDemoKnowledge } from './index.js';
import { formClient } from './testing/http.js';
import { listAssignmentsOfPrize, listNominations } from './prize.store.js';

let running: RunningApp;
let porsgrunn: string;
const cookie: Record<string, string> = {};
const SILJE = 'persona-porsgrunn-case-worker';
const SKIEN = 'persona-skien-case-worker';
const OWNER = 'persona-kdd-owner';
const PROGRAMME = 'Kommunalt omstillingsprogram';

beforeAll(async () => {
  running = await startTestApp();
  const db = running.database.db;
  await seedDemoProgrammes(db);
  await seedDemoProjects(db);
  await seedDemoKnowledge(db);
  porsgrunn = (await db.selectFrom('projects').select('id').where('seed_key', '=', 'omstilling-2003:4001').executeTakeFirstOrThrow()).id;
  for (const subject of [SILJE, SKIEN, OWNER]) cookie[subject] = (await signInThroughProvider(running.baseUrl, subject)).header();
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
    expect(again.body).toContain('Det er allerede laget en erfaring i kunnskapsbanken av dette');
    expect(again.body).toContain('Omstilling med brukerundersøkelser i Porsgrunn');
  });
});

describe('files on a case', () => {
  const CASE = '/kunnskapsbank/omstilling-med-brukerundersokelser-i-porsgrunn';
  /** Sends one file as a multipart form with the CSRF token of the case page. */
  async function upload(who: string, name: string, type: string, content: Buffer, lang = 'nb') {
    const token = csrfTokenIn((await get(CASE, who)).body);
    const boundary = 'stifinner-boundary';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return running.app.inject({
      method: 'POST',
      url: `${CASE}/filer?lang=${lang}`,
      headers: { cookie: cookie[who]!, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
  }

  it('the municipality that made the case adds a report: listed with its kind and size in words, and downloadable by anyone', async () => {
    const added = await upload(SILJE, 'sluttrapport.pdf', 'application/pdf', Buffer.from('%PDF-1.7 sluttrapport'));
    expect(added.statusCode).toBe(303);
    const page = await get(`${CASE}?lang=en`);
    expect(page.body).toContain('sluttrapport.pdf</a><span> (PDF document, 0 kB)</span>');
    expect(page.body).not.toContain('application/pdf');
    const href = /href="(\/kunnskapsbank\/[^"]+\/filer\/[^"]+)"/.exec(page.body)![1]!;
    const download = await get(href);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain('attachment');
    expect(download.body).toBe('%PDF-1.7 sluttrapport');
  });

  it('refuses a kind of file a case does not take, and one over the limit, in words', async () => {
    const html = await upload(SILJE, 'side.html', 'text/html', Buffer.from('<p>x</p>'), 'en');
    expect(html.statusCode).toBe(415);
    expect(html.body).toContain('“side.html” is not a kind of file a case can have.');
    const large = await upload(SILJE, 'stor.pdf', 'application/pdf', Buffer.alloc(running.app.config.uploadMaxBytes + 1, 1), 'en');
    expect(large.statusCode).toBe(413);
    expect(large.body).toContain('The file is larger than');
    expect((await get(CASE)).body.match(/\/filer\//g)).toHaveLength(1);
  });

  it('refuses another municipality’s case worker', async () => {
    expect((await get(CASE, SKIEN)).body).not.toContain(`${CASE}/filer?`);
    expect((await upload(SKIEN, 'x.pdf', 'application/pdf', Buffer.from('%PDF'))).statusCode).toBe(403);
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

describe('nominating a project for the innovation prize', () => {
  const projectOf = async (code: string) =>
    (
      await running.database.db
        .selectFrom('projects')
        .select('id')
        .where('seed_key', '=', `omstilling-2003:${code}`)
        .executeTakeFirstOrThrow()
    ).id;
  const openPrize = () =>
    running.database.db
      .selectFrom('knowledge_prizes')
      .select(['id', 'year', 'version'])
      .where('state', '=', 'open')
      .executeTakeFirstOrThrow();

  it('is offered on the project’s public page, and its page says the rule, for anyone signed in', async () => {
    expect((await get(`/prosjekter/${porsgrunn}?lang=en`)).body).toContain(`href="/innovasjonspris/prosjekt/${porsgrunn}?lang=en"`);
    const page = await get(`/innovasjonspris/prosjekt/${porsgrunn}?lang=en`, SKIEN);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('A project can be nominated once it has ended and its final report is approved');
    expect(page.body).toContain(`/nominer/prosjekt/${porsgrunn}`);
  });

  it('refuses a project still running, in words', async () => {
    const bomlo = await projectOf('4613');
    const { year } = await openPrize();
    const response = await post(
      `/innovasjonspris/no/${year}/nominer/prosjekt/${bomlo}?lang=nn`,
      SKIEN,
      { reason: 'Godt arbeid.' },
      `/innovasjonspris/prosjekt/${bomlo}`,
    );
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain('Prosjektet er ikkje avslutta med godkjend sluttrapport enno');
  });

  it('takes an ended project with its final report approved once; the jury gets it like a case, Per Holm excluded as Porsgrunn’s employee', async () => {
    const { id, year } = await openPrize();
    const url = `/innovasjonspris/no/${year}/nominer/prosjekt/${porsgrunn}?lang=nb`;
    const nominated = await post(url, SKIEN, { reason: 'Brukerundersøkelser i ti tjenester.' }, `/innovasjonspris/prosjekt/${porsgrunn}`);
    expect(nominated.statusCode).toBe(303);
    const again = await post(url, SILJE, { reason: 'Igjen.' }, `/innovasjonspris/prosjekt/${porsgrunn}`);
    expect(again.statusCode).toBe(409);
    const nomination = (await listNominations(running.database.db, id)).find((n) => n.projectId === porsgrunn)!;
    expect(nomination).toMatchObject({
      caseSlug: null,
      nomineeTitle: 'Porsgrunn: helhetlig omstilling',
      municipalities: [{ code: '4001', name: 'Porsgrunn' }],
    });
    const page = await get('/innovasjonspris?lang=en');
    expect(page.body).toContain(`href="/prosjekter/${porsgrunn}?lang=en"`);
    expect(page.body).toContain('Porsgrunn: helhetlig omstilling</a><span> (project)</span>');
    const manage = `/innovasjonspris/no/${year}/forvaltning?lang=nb`;
    const closed = await post(
      `/innovasjonspris/no/${year}/til-juryen?lang=nb`,
      OWNER,
      { version: String((await openPrize()).version) },
      manage,
    );
    expect(closed.statusCode).toBe(303);
    const excluded = (await listAssignmentsOfPrize(running.database.db, id)).filter(
      (a) => a.nominationId === nomination.id && a.exclusion?.reason === 'employer',
    );
    expect(excluded.map((a) => a.jurorName)).toEqual(['Per Holm']);
  });
});
