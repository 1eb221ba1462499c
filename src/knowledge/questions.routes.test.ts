import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInThroughProvider } from '../platform/testing/harness.js';
import { startTestApp, type RunningApp } from '../test-app.js';
import { seedDemoKnowledge } from './index.js';
import { formClient } from './testing/http.js';

let running: RunningApp;
const cookie: Record<string, string> = {};
const ADVISER = 'persona-adviser';
const SILJE = 'persona-porsgrunn-case-worker';

beforeAll(async () => {
  running = await startTestApp();
  await seedDemoKnowledge(running.database.db);
  for (const subject of [ADVISER, SILJE]) cookie[subject] = (await signInThroughProvider(running.baseUrl, subject)).header();
}, 60_000);
afterAll(() => running.close());

const { get, post } = formClient(() => running, cookie);

const ASK = '/kunnskapsbank/sporsmal/ny';
const OPEN = '/kunnskapsbank/sporsmal/apne';
const idOf = async (title: string) =>
  (await running.database.db.selectFrom('knowledge_questions').select('id').where('title', '=', title).executeTakeFirstOrThrow()).id;

describe("the competence centre's questions and answers", () => {
  it('a case worker asks, an adviser answers linking a case, the asker sees it, the adviser publishes it without the name', async () => {
    const asked = await post(
      `${ASK}?lang=nn`,
      SILJE,
      { title: 'Alarmar på sjukeheim', question: 'Kven har prøvd trådlause alarmar?', sector: 'health_care', theme: '', mayPublish: 'yes' },
      ASK,
    );
    expect(asked.statusCode).toBe(303);
    expect(asked.headers.location).toBe('/kunnskapsbank/sporsmal/mine?lang=nn&asked=1');
    const id = await idOf('Alarmar på sjukeheim');
    const open = await get(`${OPEN}?lang=en`, ADVISER);
    expect(open.body).toContain('Alarmar på sjukeheim');
    expect(open.body).toContain('The asker agreed to publication without their name.');
    const vaga = await running.database.db
      .selectFrom('knowledge_cases')
      .select(['slug', 'title'])
      .where('title', 'ilike', '%Vågå%')
      .executeTakeFirstOrThrow();
    const answered = await post(
      `/kunnskapsbank/sporsmal/${id}/svar`,
      ADVISER,
      { version: '1', [`answer-${id}`]: 'Sjå erfaringa frå Vågå.', cases: vaga.slug },
      OPEN,
    );
    expect(answered.statusCode).toBe(303);
    const mine = await get('/kunnskapsbank/sporsmal/mine?lang=nn', SILJE);
    expect(mine.body).toContain('Sjå erfaringa frå Vågå.');
    expect(mine.body).toContain(`/kunnskapsbank/${vaga.slug}?lang=nn`);
    const before = await get('/knowledge-bank/questions?lang=en');
    expect(before.body).not.toContain('Alarmar på sjukeheim');
    const published = await post(`/kunnskapsbank/sporsmal/${id}/publiser`, ADVISER, { version: '2' }, OPEN);
    expect(published.statusCode).toBe(303);
    for (const path of [
      '/kunnskapsbank/sporsmal?lang=nb',
      '/kunnskapsbank/sporsmal?lang=nn',
      '/videnbank/sporgsmal?lang=da',
      '/knowledge-bank/questions?lang=en',
    ]) {
      const page = await get(path);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Alarmar på sjukeheim');
      expect(page.body).toContain('Sjå erfaringa frå Vågå.');
      expect(page.body).not.toContain('Porsgrunn');
    }
    expect((await get('/kunnskapsbank?lang=da')).body).toContain('href="/videnbank/sporgsmal?lang=da"');
  });

  it("refuses to publish without the asker's consent, with a translated message", async () => {
    await post(ASK, SILJE, { title: 'Ikkje for publisering', question: 'Eit internt spørsmål', sector: '', theme: '' }, ASK);
    const id = await idOf('Ikkje for publisering');
    expect((await post(`/kunnskapsbank/sporsmal/${id}/svar`, ADVISER, { version: '1', [`answer-${id}`]: 'Svar' }, OPEN)).statusCode).toBe(
      303,
    );
    const refused = await post(`/kunnskapsbank/sporsmal/${id}/publiser?lang=en`, ADVISER, { version: '2' }, OPEN);
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('The asker has not agreed to the question being published, so it cannot be published.');
    const stale = await post(`/kunnskapsbank/sporsmal/${id}/svar?lang=nb`, ADVISER, { version: '1', [`answer-${id}`]: 'Nytt svar' }, OPEN);
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Noen andre endret spørsmålet mens du skrev.');
  });

  it('lets only advisers answer, only municipal case workers ask, and answers bad input with a translated 400', async () => {
    const id = await idOf('Alarmar på sjukeheim');
    expect(
      (await post(`/kunnskapsbank/sporsmal/${id}/svar`, SILJE, { version: '3', [`answer-${id}`]: 'Mitt eige svar' }, ASK)).statusCode,
    ).toBe(403);
    expect((await get(OPEN, SILJE)).statusCode).toBe(403);
    expect((await get(ASK, ADVISER)).statusCode).toBe(403);
    const empty = await post(`${ASK}?lang=da`, SILJE, { title: '', question: 'Noget', sector: '' }, ASK);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Skriv en titel.');
    const badSector = await post(`${ASK}?lang=en`, SILJE, { title: 'T', question: 'Q', sector: 'zzz' }, ASK);
    expect(badSector.statusCode).toBe(400);
    const noAnswer = await post(`/kunnskapsbank/sporsmal/${id}/svar?lang=en`, ADVISER, { version: '3', [`answer-${id}`]: ' ' }, OPEN);
    expect(noAnswer.statusCode).toBe(400);
    expect(noAnswer.body).toContain('Write the answer.');
    expect((await post('/kunnskapsbank/sporsmal/not-an-id/publiser', ADVISER, { version: '1' }, OPEN)).statusCode).toBe(404);
  });
});
