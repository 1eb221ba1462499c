import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureUser } from '../platform/auth/store.js';
import { createTestDatabase, type TestDatabase } from '../platform/db/testing.js';
import { isRefused } from '../platform/outcome.js';
import { seedDemoKnowledge } from './index.js';
import { findQuestion, listQuestions } from './questions.store.js';
import { answerQuestion, askQuestion, publishQuestion } from './questions.use-cases.js';

let database: TestDatabase;
let asker: { userId: string; name: string };
const adviser = { user: null, requestId: 'test' };
const enqueued: string[] = [];
const jobs = {
  enqueue: async (_db: unknown, name: string) => {
    enqueued.push(name);
    return 'job';
  },
};

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoKnowledge(database.db);
  const identity = {
    identityProvider: 'test',
    subject: 'silje',
    name: 'Silje Saksbehandler',
    email: 'silje@porsgrunn.kommune.no',
    homeMunicipalityCode: null,
  };
  asker = { userId: await ensureUser(database.db, identity), name: identity.name };
}, 60_000);
afterAll(() => database.dispose());

const ask = (mayPublish: boolean) =>
  askQuestion(
    database.db,
    { title: 'Trygghetsalarmer', question: 'Hvem har trådløse alarmer på sjukeheim?', sector: 'health_care', theme: null, mayPublish },
    { organisationName: 'Porsgrunn kommune', locale: 'nn' },
    { user: asker, requestId: 'test' },
  );

describe('a question to the competence centre', () => {
  it('is asked, answered with linked cases (the asker told once, in their language) and published, each step audited', async () => {
    const id = await ask(true);
    expect(await findQuestion(database.db, id)).toMatchObject({
      state: 'asked',
      version: 1,
      askedByName: 'Silje Saksbehandler',
      locale: 'nn',
    });
    const answer = { text: 'Sjå Vågå.', caseSlugs: ['tradlose-alarmer-i-vaga', 'tradlose-alarmer-i-vaga'] };
    const slug = (
      await database.db.selectFrom('knowledge_cases').select('slug').where('title', 'ilike', '%Vågå%').executeTakeFirstOrThrow()
    ).slug;
    answer.caseSlugs = [slug, slug];
    expect(await answerQuestion(database.db, id, 1, answer, adviser, { jobs })).toBeUndefined();
    expect(await findQuestion(database.db, id)).toMatchObject({ state: 'answered', version: 2, answer: 'Sjå Vågå.', caseSlugs: [slug] });
    const notices = await database.db
      .selectFrom('notifications')
      .select(['subject', 'link', 'recipient_email'])
      .where('occasion', 'like', `%${id}%`)
      .execute();
    expect(notices).toEqual([
      {
        subject: 'Svar frå kompetansesenteret: Trygghetsalarmer',
        link: '/kunnskapsbank/sporsmal/mine',
        recipient_email: 'silje@porsgrunn.kommune.no',
      },
    ]);
    expect(enqueued).toHaveLength(1);
    const stale = await publishQuestion(database.db, id, 1, adviser);
    expect(isRefused(stale) && stale.problem.kind).toBe('versionConflict');
    expect(await publishQuestion(database.db, id, 2, adviser)).toBeUndefined();
    expect((await listQuestions(database.db, { states: ['published'] })).map((q) => q.id)).toEqual([id]);
    const audit = await database.db
      .selectFrom('audit_events')
      .select(['action', 'from_state', 'to_state'])
      .where('record_id', '=', id)
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'ask', from_state: null, to_state: 'asked' },
      { action: 'answer', from_state: 'asked', to_state: 'answered' },
      { action: 'publish', from_state: 'answered', to_state: 'published' },
    ]);
  });

  it('without consent cannot be published, and a case that is not in the bank or an empty answer writes nothing', async () => {
    const id = await ask(false);
    const noCase = await answerQuestion(database.db, id, 1, { text: 'Svar', caseSlugs: ['finst-ikkje'] }, adviser);
    expect(isRefused(noCase) && noCase.problem.kind).toBe('caseNotFound');
    const empty = await answerQuestion(database.db, id, 1, { text: ' ', caseSlugs: [] }, adviser);
    expect(isRefused(empty) && empty.problem.kind).toBe('answerMissing');
    expect(await findQuestion(database.db, id)).toMatchObject({ state: 'asked', version: 1 });
    expect(await answerQuestion(database.db, id, 1, { text: 'Svar', caseSlugs: [] }, adviser)).toBeUndefined();
    const refused = await publishQuestion(database.db, id, 2, adviser);
    expect(isRefused(refused) && refused.problem.kind).toBe('noConsent');
    expect(await findQuestion(database.db, id)).toMatchObject({ state: 'answered', version: 2 });
    expect((await listQuestions(database.db, { askedByUserId: asker.userId })).length).toBe(2);
    expect(await findQuestion(database.db, 'not-a-uuid')).toBeUndefined();
  });
});
