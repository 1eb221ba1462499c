import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoIdentities } from '../platform/auth/demo.js';
import type { Membership } from '../platform/auth/model.js';
import type { Actor } from '../platform/db/kit.js';
import { createTestDatabase, type TestDatabase } from '../platform/db/testing.js';
import { isRefused, orThrow } from '../platform/outcome.js';
import { importShippedRegistry } from '../registry/index.js';
import { decisionDeadline } from './model.js';
import { findInitiative, findLocalRule } from './store.js';
import { findMunicipalityArea, thresholdFor } from './thresholds.js';
import {
  draftInitiative,
  handInInitiative,
  publishInitiative,
  setLocalRule,
  signInitiative,
  submitInitiative,
  type Person,
} from './use-cases.js';

let database: TestDatabase;
const people: Record<string, Person> = {};
const actor = (p: Person): Actor => ({ user: { userId: p.userId, name: p.name }, requestId: null });
const caseWorker = (code: string): Membership => ({
  organisationId: '00000000-0000-0000-0000-000000000000',
  organisationName: 'x',
  organisationKind: 'municipality',
  municipalityCode: code,
  role: 'case_worker',
});
async function person(subject: string, memberships: Membership[] = []): Promise<Person> {
  const user = await database.db
    .selectFrom('users')
    .select(['id', 'name', 'home_municipality_code'])
    .where('subject', '=', subject)
    .executeTakeFirstOrThrow();
  return { userId: user.id, name: user.name, homeMunicipalityCode: user.home_municipality_code, memberships };
}
const draft = {
  scope: 'municipality' as const,
  title: 'Flere bænke ved havnen',
  proposal: 'Kommunalbestyrelsen bedes sætte bænke op langs havnepromenaden.',
  reason: 'Mange ældre går tur der.',
  coInitiatorEmails: [],
};
const fredericia = async () => thresholdFor(database.db, (await findMunicipalityArea(database.db, '607'))!);

beforeAll(async () => {
  database = await createTestDatabase();
  await importShippedRegistry(database.db);
  await seedDemoIdentities(database.db);
  people.freja = await person('persona-citizen-fredericia');
  people.mette = await person('persona-fredericia-case-worker', [caseWorker('607')]);
  people.silje = await person('persona-porsgrunn-case-worker', [caseWorker('4001')]);
}, 120_000);
afterAll(() => database.dispose());

describe('a Danish municipality’s own rule for citizens’ proposals', () => {
  it('is off until its case worker switches it on, versioned, and only its own case worker may', async () => {
    expect(await findLocalRule(database.db, '607')).toBeUndefined();
    expect(await fredericia()).toMatchObject({ signatures: null, decisionMonths: null, rule: { statutory: false } });
    const refused = await draftInitiative(database.db, people.freja!, draft, actor(people.freja!));
    expect(isRefused(refused) && refused.problem).toEqual({ kind: 'notStatutory' });

    const norwegian = await setLocalRule(
      database.db,
      '607',
      0,
      { enabled: true, signatures: 1, decisionMonths: 4 },
      people.silje!,
      actor(people.silje!),
    );
    expect(isRefused(norwegian) && norwegian.problem.kind).toBe('notModerator');
    orThrow(
      await setLocalRule(database.db, '607', 0, { enabled: true, signatures: 1, decisionMonths: 4 }, people.mette!, actor(people.mette!)),
    );
    const stale = await setLocalRule(
      database.db,
      '607',
      0,
      { enabled: false, signatures: 9, decisionMonths: 9 },
      people.mette!,
      actor(people.mette!),
    );
    expect(isRefused(stale) && stale.problem.kind).toBe('versionConflict');
    expect(await findLocalRule(database.db, '607')).toMatchObject({ enabled: true, signatures: 1, decisionMonths: 4, version: 1 });

    const on = await fredericia();
    expect(on).toMatchObject({ signatures: 1, capped: false, decisionMonths: 4, rule: { local: { signatures: 1, decisionMonths: 4 } } });
    expect(on.rule.source.title).toContain('Fredericia Kommunes egen beslutning');
  });

  it('lets a Danish citizen draft, be published with the municipality’s threshold, signed and handed in with its own deadline', async () => {
    const id = orThrow(await draftInitiative(database.db, people.freja!, draft, actor(people.freja!)));
    orThrow(await submitInitiative(database.db, id, 1, people.freja!, actor(people.freja!)));
    orThrow(await publishInitiative(database.db, id, 2, people.mette!, actor(people.mette!)));
    expect(await findInitiative(database.db, id)).toMatchObject({ country: 'DK', threshold: 1, state: 'published' });
    orThrow(await signInitiative(database.db, id, people.freja!, false));
    const version = (await findInitiative(database.db, id))!.version;
    const jobs = { enqueue: async () => 'job' };
    const handed = orThrow(await handInInitiative(database.db, id, version, people.freja!, actor(people.freja!), '2026-12-04', { jobs }));
    expect(handed.deadline).toBe(decisionDeadline('2026-12-04', 4));
    expect(handed.deadline).toBe('2027-04-04');
    // The municipality is told in Danish, under its own rule — not under the Norwegian law.
    const mail = await database.db
      .selectFrom('notifications')
      .select(['subject', 'body'])
      .where('occasion', '=', `initiative-handed-in:${id}`)
      .executeTakeFirstOrThrow();
    expect(mail.subject).toContain('Borgerforslag');
    expect(mail.body).toContain('efter Fredericia Kommunes egen regel for borgerforslag');
    expect(mail.body).not.toContain('12-1');
  });

  it('closes drafting again when switched off', async () => {
    orThrow(
      await setLocalRule(database.db, '607', 1, { enabled: false, signatures: 1, decisionMonths: 4 }, people.mette!, actor(people.mette!)),
    );
    expect(await fredericia()).toMatchObject({ signatures: null, decisionMonths: null });
    const refused = await draftInitiative(database.db, people.freja!, { ...draft, title: 'Et andet forslag' }, actor(people.freja!));
    expect(isRefused(refused) && refused.problem).toEqual({ kind: 'notStatutory' });
  });
});
