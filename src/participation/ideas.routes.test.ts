import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../platform/db/testing.js';
import { translator, type Locale } from '../platform/i18n/index.js';
import { csrfTokenIn, signInThroughProvider } from '../platform/testing/harness.js';
import { importShippedRegistry } from '../registry/index.js';
import { startTestApp, type RunningApp } from '../test-app.js';
import { IDEAS_PER_DAY } from './ideas.model.js';

let running: RunningApp;
const cookie: Record<string, string> = {};
const NORA = 'persona-citizen-porsgrunn';
const INGRID = 'persona-kdd-owner';
const SILJE = 'persona-porsgrunn-case-worker';

beforeAll(async () => {
  const database = await createTestDatabase();
  await importShippedRegistry(database.db);
  running = await startTestApp({ database });
  for (const subject of [NORA, INGRID, SILJE]) cookie[subject] = (await signInThroughProvider(running.baseUrl, subject)).header();
}, 120_000);
afterAll(async () => {
  await running?.close();
  await running?.database.dispose();
});

const get = (url: string, who?: string) => running.app.inject({ url, headers: who ? { cookie: cookie[who]! } : {} });
async function post(page: string, url: string, who: string, fields: Record<string, string>) {
  const token = csrfTokenIn((await get(page, who)).body);
  return running.app.inject({
    method: 'POST',
    url,
    headers: { cookie: cookie[who]!, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ ...fields, _csrf: token }).toString(),
  });
}
const versionOn = (body: string) => /name="version" value="(\d+)"/.exec(body)![1]!;
const ideaCount = async () =>
  Number(
    (
      await running.database.db
        .selectFrom('participation_ideas')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('the ideas box over HTTP', () => {
  it.each(['nb', 'nn', 'da', 'en'] as Locale[])('lists and filters ideas in %s, ignoring filters it does not know', async (locale) => {
    const t = translator(locale);
    const page = await get(`/ideer?lang=${locale}&mottaker=kommune-4001&tema=nothing&status=hidden&q=${encodeURIComponent('"(&|')}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(t('participation.idea.lead'));
    expect(page.body).toContain(t('participation.idea.list.source', { max: 100 }));
  });

  it('sends, publishes, and takes up an idea to the ministry, linked to a case; bad input is a translated 400 with nothing written', async () => {
    const kdd = /value="(departement-[0-9a-f-]{36})"[^>]*>Kommunal- og distriktsdepartementet/.exec(
      (await get('/ideer/ny?lang=nb', NORA)).body,
    )![1]!;
    const before = await ideaCount();
    const bad = await post('/ideer/ny', '/ideer/ny?lang=en', NORA, { receiver: 'kommune-1', theme: 'x', title: '', description: 'y' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain(translator('en')('participation.idea.problem.required'));
    expect(await ideaCount()).toBe(before);

    const sent = await post('/ideer/ny', '/ideer/ny', NORA, {
      receiver: kdd,
      theme: 'digital',
      title: 'Ferdig utfylte skjema',
      description: 'Staten kunne fylle ut skjemaene med det den alt vet.',
      anonymous: 'yes',
    });
    expect(sent.statusCode).toBe(303);
    const path = sent.headers.location!.split('?')[0]!;
    expect((await get(path)).statusCode).toBe(404);
    const municipality = await post(path, `${path}/publiser`, SILJE, { version: '1' });
    expect(municipality.statusCode).toBe(404);
    const ministry = await get(path, INGRID);
    expect(ministry.body).toContain('Nora');
    expect((await post(path, `${path}/publiser`, INGRID, { version: versionOn(ministry.body) })).statusCode).toBe(303);
    const published = await get(`${path}?lang=en`);
    expect(published.body).toContain('someone who does not show their name');
    expect(published.body).not.toContain('Nora');

    const badLink = await post(path, `${path}/tatt-i-bruk?lang=nn`, INGRID, {
      version: '2',
      linkUrl: 'javascript:alert(1)',
      linkTitle: 'Sak',
    });
    expect(badLink.statusCode).toBe(400);
    expect(badLink.body).toContain(translator('nn')('participation.idea.problem.badLink'));
    const taken = await post(path, `${path}/tatt-i-bruk`, INGRID, {
      version: '2',
      linkUrl: '/prosjekter/skjema',
      linkTitle: 'Skjemaprosjektet',
    });
    expect(taken.statusCode).toBe(303);
    const done = await get(`${path}?lang=da`);
    expect(done.body).toContain('href="/prosjekter/skjema"');
    expect(done.body).toContain(translator('da')('participation.idea.detail.takenUp'));
  });

  it('answers a sixth idea in a day with a translated 429', async () => {
    const before = await running.database.db
      .selectFrom('participation_ideas')
      .select((eb) => eb.fn.countAll().as('n'))
      .innerJoin('users', 'users.id', 'participation_ideas.author_id')
      .where('users.subject', '=', NORA)
      .executeTakeFirstOrThrow();
    for (let n = Number(before.n); n < IDEAS_PER_DAY; n += 1)
      expect(
        (await post('/ideer/ny', '/ideer/ny', NORA, { receiver: 'kommune-4001', theme: 'other', title: `Idé ${n}`, description: 'Tekst' }))
          .statusCode,
      ).toBe(303);
    const sixth = await post('/ideer/ny', '/ideer/ny?lang=da', NORA, {
      receiver: 'kommune-4001',
      theme: 'other',
      title: 'Sjette',
      description: 'Tekst',
    });
    expect(sixth.statusCode).toBe(429);
    expect(sixth.body).toContain(translator('da')('participation.idea.problem.tooManyIdeas', { max: IDEAS_PER_DAY }));
  });
});
