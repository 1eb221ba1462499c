import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../platform/audit/store.js';
import { seedDemoIdentities } from '../platform/auth/demo.js';
import { openPostgres, type DB } from '../platform/db/database.js';
import { createTestDatabase, type TestDatabase } from '../platform/db/testing.js';
import {
  amendCall,
  findCall,
  findExtension,
  findTemplate,
  grantExtension,
  listExtensions,
  revokeExtension,
  seedDemoProgrammes,
  seededIds,
  seedSmallRegistry,
  updateTemplate,
} from '../programmes/index.js';
import type { Actor } from '../platform/db/kit.js';
import { isRefused, orThrow, type Refused } from '../platform/outcome.js';
import type { ApplicationProblem } from './model.js';
import { findApplication, listApplicationsOf, listSubmissions, submittedChallenges } from './store.js';
import { allowManyApplicationsPerRound, completeNetwork as completeNetworkOn, pdfFile } from './testing.js';
import {
  attachMemberDecision,
  inviteMunicipality,
  reminderDue,
  remindOfDeadlines,
  removeMember,
  respondToInvitation,
  withdrawInvitation,
  saveAnswers,
  startApplication,
  submitApplication,
  withdrawApplication,
  type SubmissionEffects,
} from './use-cases.js';

let database: TestDatabase;
/** The test's handle: unqualified now() is the controlled clock (see controlClock). */
let db: DB;
let callId: string;
const silje: Actor = { user: null, requestId: 'silje' };
const enqueued: string[] = [];
const effects: SubmissionEffects = {
  jobs: {
    enqueue: async (_trx, _name, data) => {
      enqueued.push((data as { submissionId: string }).submissionId);
      return 'job';
    },
  },
};

/** The problem a use case refused with, or undefined when it did what it was asked. */
const problemOf = (outcome: unknown): ApplicationProblem | undefined =>
  isRefused(outcome as never) ? (outcome as { problem: ApplicationProblem }).problem : undefined;
/** The codes of a refused grant or revocation of a deadline exception. */
const extensionCodes = (outcome: unknown): string[] =>
  isRefused(outcome as never)
    ? ((outcome as Refused<{ problems?: { code: string }[] }>).problem.problems ?? []).map((problem: { code: string }) => problem.code)
    : [];
const blockerKinds = (outcome: unknown) => {
  const problem = problemOf(outcome);
  return problem?.kind === 'submissionBlocked' ? problem.blockers.map((b) => b.kind) : problem?.kind;
};
const engine = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';

/**
 * Puts the database clock under the test's control on both engines: an unqualified now() resolves
 * to testclock.now() (named before pg_catalog in the search path), which answers the frozen
 * instant while one is set and the real clock otherwise. The store's code is unchanged: it still
 * asks the database for now() inside its transaction.
 */
async function controlClock(test: TestDatabase): Promise<DB> {
  await sql`create schema testclock`.execute(test.db);
  await sql`create table testclock.frozen (at timestamptz not null)`.execute(test.db);
  await sql`create function testclock.now() returns timestamptz language sql stable as $$ select coalesce((select at from testclock.frozen limit 1), pg_catalog.now()) $$`.execute(
    test.db,
  );
  if (test.engine === 'pglite') {
    await sql`set search_path to testclock, pg_catalog, public`.execute(test.db);
    return test.db;
  }
  // Every connection of a new pool starts with the database's search path.
  const name = (await sql<{ name: string }>`select current_database() as name`.execute(test.db)).rows[0]!.name;
  await sql.raw(`alter database "${name}" set search_path to testclock, pg_catalog, public`).execute(test.db);
  return (await openPostgres(test.url!)).db;
}

async function freezeClock(at: Date) {
  await db.deleteFrom('testclock.frozen' as never).execute();
  await sql`insert into testclock.frozen (at) values (${at})`.execute(db);
}

async function thawClock() {
  await db.deleteFrom('testclock.frozen' as never).execute();
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = await controlClock(database);
  await seedDemoIdentities(db);
  await seedSmallRegistry(db);
  await seedDemoProgrammes(db);
  callId = (await seededIds(db, 'programme_calls', 'nettverk-2027:call'))!;
  // These tests start many applications for the same municipalities; the one-per-round rule has its own test below.
  await onePerRound(false);
}, 60_000);

const onePerRound = (on: boolean) => allowManyApplicationsPerRound(db, callId, !on);
afterAll(async () => {
  if (db !== database.db) await db.destroy();
  await database.dispose();
});

async function dbNow(): Promise<Date> {
  return new Date((await sql<{ now: Date }>`select now() as now`.execute(db)).rows[0]!.now);
}

/** Moves the first round's deadline to the given instant, as an owner's amendment. */
async function deadlineAt(at: Date) {
  const call = (await findCall(db, callId))!;
  const rounds = call.content.rounds.map((round, i) => (i === 0 ? { ...round, closesAt: at.toISOString() } : round));
  orThrow(await amendCall(db, callId, call.version, { ...call.content, rounds }, 'Frist flyttet', silje));
}

/** Moves the first round's deadline to the database clock plus `seconds`. */
async function deadlineIn(seconds: number) {
  await deadlineAt(new Date((await dbNow()).getTime() + seconds * 1000));
}

/**
 * Freezes the database clock a day ahead of the process's clock (so only the database's clock
 * can decide), with the deadline `seconds` away from that instant, and runs `body`.
 */
async function atDatabaseInstant(body: (deadlineOffset: (seconds: number) => Promise<Date>) => Promise<void>) {
  const frozen = new Date(Math.floor((Date.now() + 24 * 3600_000) / 1000) * 1000);
  await freezeClock(frozen);
  try {
    await deadlineAt(new Date(frozen.getTime() + 3600_000));
    await body(async (seconds) => {
      const deadline = new Date(frozen.getTime() + seconds * 1000);
      await deadlineAt(deadline);
      return deadline;
    });
  } finally {
    await thawClock();
  }
}

const completeNetwork = (leadCode?: '4001' | '4003' | '4005') => completeNetworkOn(db, callId, silje, leadCode);

describe(`applications in the store (${engine})`, () => {
  it("keeps both case workers' work: a stale save is refused with the base and the current answers", async () => {
    const call = (await findCall(db, callId))!;
    const id = orThrow(await startApplication(db, call, { code: '4001', name: 'Porsgrunn', contactEmail: null }, silje));
    orThrow(await saveAnswers(db, id, 1, { 'plan.text': 'Silje skrev dette' }, { user: null, requestId: 'a' }));
    const stale = await saveAnswers(db, id, 1, { 'plan.text': 'Kari skrev dette' }, silje);
    expect(problemOf(stale)).toEqual({
      kind: 'versionConflict',
      currentVersion: 2,
      baseVersion: 1,
      changedByName: null,
      changedParts: ['Tiltak og hvordan de når målene'],
    });
    expect((await findApplication(db, id))!.answers).toEqual({ 'plan.text': 'Silje skrev dette' });
    expect((await findApplication(db, id))!.version).toBe(2);
    expect((await listApplicationsOf(db, ['4001'])).some((a) => a.id === id)).toBe(true);
    expect(await listApplicationsOf(db, ['4005'])).toEqual([]);
  });

  it('accepts a submission one second before the deadline on the database clock, with the form and rules copied in', async () => {
    let id = '';
    let accepted: { number: number; submissionId: string } | undefined;
    await atDatabaseInstant(async (deadlineOffset) => {
      id = await completeNetwork();
      await deadlineOffset(1);
      const application = (await findApplication(db, id))!;
      accepted = orThrow(await submitApplication(db, id, application.version, silje, effects));
    });
    const { number, submissionId } = accepted!;
    expect(number).toBe(1);
    expect(enqueued).toContain(submissionId);
    const [submission] = await listSubmissions(db, id);
    expect(submission!.members.map((m) => m.code)).toEqual(['4001', '4003', '4005']);
    expect(submission!.eligibility.eligible).toBe(true);
    expect(submission!.recipients).toContain('silje.andersen@porsgrunn.example.no');
    const before = JSON.stringify(submission!.form);

    // The owner edits the template and amends the call: the submitted copy stays as it was.
    const call = (await findCall(db, callId))!;
    const template = (await findTemplate(db, call.content.templateId!))!;
    orThrow(
      await updateTemplate(
        db,
        template.id,
        template.version,
        { sections: [{ key: 'new', title: 'Ny', parts: [{ kind: 'text', key: 'new.text', label: 'Ny', required: true, maxWords: 10 }] }] },
        silje,
      ),
    );
    orThrow(await amendCall(db, callId, call.version, { ...call.content, purpose: 'Endret formål' }, 'Presisering', silje));
    expect(JSON.stringify((await listSubmissions(db, id))[0]!.form)).toBe(before);
    expect((await listAuditEvents(db, { recordType: 'application', recordId: id, limit: 20 })).map((e) => e.action)).toContain('submit');
  });

  it('refuses a submission one second after the deadline, writes nothing, and keeps the application read-only', async () => {
    await atDatabaseInstant(async (deadlineOffset) => {
      const id = await completeNetwork();
      const deadline = await deadlineOffset(-1);
      // By the process's clock the deadline is a day away: only the database's clock refuses.
      expect(deadline.getTime()).toBeGreaterThan(Date.now());
      const application = (await findApplication(db, id))!;
      expect(blockerKinds(await submitApplication(db, id, application.version, silje, effects))).toEqual(['deadline']);
      expect(await listSubmissions(db, id)).toEqual([]);
      expect((await findApplication(db, id))!.status).toBe('draft');
      expect(problemOf(await saveAnswers(db, id, application.version, {}, silje))).toMatchObject({ kind: 'readOnly', deadline });
    });
  });

  it('blocks a network below the population rule, naming the numbers', async () => {
    await deadlineIn(3600);
    const call = (await findCall(db, callId))!;
    const id = orThrow(await startApplication(db, call, { code: '4001', name: 'Porsgrunn', contactEmail: null }, silje));
    const refused = problemOf(await submitApplication(db, id, 1, silje, effects));
    expect(refused?.kind === 'submissionBlocked' && refused.blockers).toContainEqual({
      kind: 'rule',
      key: 'programmes.rule.population.fail',
      params: { total: 37_400, minimum: 60_000, year: '2025', shortfall: 22_600 },
    });
  });

  it('refuses a second invitation, a second answer and a decision before accepting; after withdrawal nothing changes', async () => {
    await deadlineIn(3600);
    const call = (await findCall(db, callId))!;
    const id = orThrow(await startApplication(db, call, { code: '4001', name: 'Porsgrunn', contactEmail: null }, silje));
    orThrow(await inviteMunicipality(db, id, { code: '4003', name: 'Skien' }, 5, silje));
    expect(problemOf(await inviteMunicipality(db, id, { code: '4003', name: 'Skien' }, 5, silje))).toEqual({
      kind: 'network',
      reason: 'alreadyMember',
    });
    expect(
      problemOf(await attachMemberDecision(db, id, '4003', { body: 'kommunestyre', date: '2026-11-10' }, pdfFile('4003.pdf'), silje)),
    ).toEqual({ kind: 'network', reason: 'notAccepted' });
    orThrow(await respondToInvitation(db, id, '4003', 'declined', null, silje));
    expect(problemOf(await respondToInvitation(db, id, '4003', 'accepted', null, silje))).toEqual({
      kind: 'network',
      reason: 'notPending',
    });
    const { version } = (await findApplication(db, id))!;
    orThrow(await withdrawApplication(db, id, version, 'Feil utlysning', silje));
    expect(problemOf(await withdrawApplication(db, id, version + 1, null, silje))?.kind).toBe('readOnly');
    expect(problemOf(await inviteMunicipality(db, id, { code: '4005', name: 'Notodden' }, 5, silje))?.kind).toBe('readOnly');
    const application = (await findApplication(db, id))!;
    expect([application.status, ...application.members.map((m) => `${m.code}:${m.invitation}`)]).toEqual([
      'withdrawn',
      '4001:accepted',
      '4003:declined',
    ]);
    const audit = await listAuditEvents(db, { recordType: 'application_member', recordId: `${id}/4003`, limit: 10 });
    expect(audit.map((e) => `${e.action}:${e.to_state}`).sort()).toEqual(['decline:declined', 'invite:pending']);
  });

  it('mails the invited municipality, the lead on an answer, and lets the lead withdraw or remove a member, each audited', async () => {
    await deadlineIn(3600);
    const jobs = { enqueue: async () => 'job' };
    const call = (await findCall(db, callId))!;
    const id = orThrow(
      await startApplication(db, call, { code: '4001', name: 'Porsgrunn', contactEmail: 'lead@porsgrunn.example.no' }, silje),
    );
    orThrow(await inviteMunicipality(db, id, { code: '4003', name: 'Skien' }, 5, silje, { jobs }));
    orThrow(await inviteMunicipality(db, id, { code: '4005', name: 'Notodden' }, 5, silje, { jobs }));
    const mailed = async (prefix: string, code: string) =>
      (
        await db
          .selectFrom('notifications')
          .select(['recipient_email', 'subject', 'link'])
          .where('occasion', 'like', `${prefix}:${id}:${code}:%`)
          .execute()
      )
        .map((n) => n.recipient_email)
        .sort();
    expect(await mailed('invited', '4003')).toEqual(['ola.dahl@skien.example.no', 'postmottak@skien.example.no']);
    // Notodden never answers: the lead withdraws the invitation; Skien accepts and is removed again.
    orThrow(await withdrawInvitation(db, id, '4005', silje, { jobs }));
    expect(problemOf(await withdrawInvitation(db, id, '4005', silje, { jobs }))).toEqual({ kind: 'network', reason: 'notPending' });
    orThrow(await respondToInvitation(db, id, '4003', 'accepted', null, silje, { jobs }));
    expect(await mailed('answered', '4003')).toEqual([
      'lead@porsgrunn.example.no',
      'postmottak@porsgrunn.example.no',
      'silje.andersen@porsgrunn.example.no',
    ]);
    expect(problemOf(await removeMember(db, id, '4001', silje, { jobs }))).toEqual({ kind: 'network', reason: 'lead' });
    orThrow(await removeMember(db, id, '4003', silje, { jobs }));
    expect(await mailed('withdrawn', '4005')).toContain('postmottak@notodden.example.no');
    expect(await mailed('removed', '4003')).toContain('postmottak@skien.example.no');
    const application = (await findApplication(db, id))!;
    expect(application.members.map((m) => `${m.code}:${m.invitation}`).sort()).toEqual(['4001:accepted', '4003:removed', '4005:withdrawn']);
    // Neither waits on the network any more, and both may be asked again.
    orThrow(await inviteMunicipality(db, id, { code: '4005', name: 'Notodden' }, 2, silje));
    const audit = await listAuditEvents(db, { recordType: 'application_member', recordId: `${id}/4003`, limit: 10 });
    expect(audit.map((e) => `${e.action}:${e.from_state ?? ''}>${e.to_state}`).sort()).toEqual([
      'accept:pending>accepted',
      'invite:>pending',
      'remove:accepted>removed',
    ]);
  });

  it('reminds the lead of a draft a week and a day before the deadline as it stands, once each', async () => {
    const jobs = { enqueue: async () => 'job' };
    await deadlineIn(3 * 24 * 3600);
    const call = (await findCall(db, callId))!;
    const id = orThrow(
      await startApplication(db, call, { code: '4005', name: 'Notodden', contactEmail: 'kontakt@notodden.example.no' }, silje),
    );
    const reminders = async () =>
      (
        await db
          .selectFrom('notifications')
          .select(['occasion', 'recipient_email'])
          .where('occasion', 'like', `reminder-%:${id}:%`)
          .execute()
      )
        .map((n) => `${n.occasion.split(':')[0]} ${n.recipient_email}`)
        .sort();
    await remindOfDeadlines(db, jobs);
    await remindOfDeadlines(db, jobs);
    expect(await reminders()).toEqual(['reminder-week kontakt@notodden.example.no', 'reminder-week marte.lie@notodden.example.no']);
    await deadlineIn(12 * 3600);
    await remindOfDeadlines(db, jobs);
    expect((await reminders()).filter((r) => r.startsWith('reminder-day'))).toHaveLength(2);
    // A submitted or withdrawn draft is not reminded of anything.
    const { version } = (await findApplication(db, id))!;
    orThrow(await withdrawApplication(db, id, version, null, silje));
    await deadlineIn(6 * 3600);
    await remindOfDeadlines(db, jobs);
    expect(await reminders()).toHaveLength(4);
    expect(reminderDue(new Date('2026-12-10T12:00:00Z'), new Date('2026-12-03T12:00:00Z'))).toBe('week');
    expect(reminderDue(new Date('2026-12-10T12:00:01Z'), new Date('2026-12-03T12:00:00Z'))).toBeUndefined();
    expect(reminderDue(new Date('2026-12-04T12:00:00Z'), new Date('2026-12-03T12:00:00Z'))).toBe('day');
    expect(reminderDue(new Date('2026-12-03T12:00:00Z'), new Date('2026-12-03T12:00:00Z'))).toBeUndefined();
  });

  it('makes one version of two submissions at once, and numbers a resubmission', async () => {
    await deadlineIn(3600);
    const id = await completeNetwork();
    const { version } = (await findApplication(db, id))!;
    const results = await Promise.all([
      submitApplication(db, id, version, silje, effects),
      submitApplication(db, id, version, silje, effects),
    ]);
    expect(results.map((r) => problemOf(r)?.kind ?? 'submitted').sort()).toEqual(['submitted', 'versionConflict']);
    expect(await listSubmissions(db, id)).toHaveLength(1);
    const again = orThrow(await submitApplication(db, id, (await findApplication(db, id))!.version, silje, effects));
    expect(again.number).toBe(2);
    expect((await listSubmissions(db, id)).map((s) => s.number)).toEqual([1, 2]);
  });

  it('keeps the projected figures with the submitted version, and rolls the submission back when they were read for another network', async () => {
    await deadlineIn(3600);
    const id = await completeNetwork();
    const challenge = {
      part: 'challenge.projection',
      indicator: 'age-80-plus' as const,
      scenario: 'main' as const,
      baseYear: 2025,
      horizonYear: 2040,
      areas: [{ name: null, codes: ['4001', '4003', '4005'], base: 5_000, horizon: 8_000 }],
      missing: [],
    };
    const stale = await submitApplication(db, id, (await findApplication(db, id))!.version, silje, {
      snapshot: { memberCodes: ['4001', '4003'], challenges: [challenge] },
    });
    expect(problemOf(stale)).toEqual({ kind: 'networkChanged' });
    expect(await listSubmissions(db, id)).toEqual([]);
    expect((await findApplication(db, id))!.status).toBe('draft');
    const { submissionId } = orThrow(
      await submitApplication(db, id, (await findApplication(db, id))!.version, silje, {
        snapshot: { memberCodes: ['4005', '4001', '4003'], challenges: [challenge] },
      }),
    );
    expect(await submittedChallenges(db, submissionId)).toEqual([challenge]);
  });
});

describe(`late submission by an owner's exception (${engine})`, () => {
  const ingrid: Actor & { at?: Date } = {
    user: { userId: '00000000-0000-0000-0000-000000000001', name: 'Ingrid Haugen' },
    requestId: 'ingrid',
  };

  it('one second after the deadline refuses Porsgrunn without an exception, accepts Skien with one, and refuses Notodden one second after its exception', async () => {
    await deadlineIn(3600);
    const porsgrunn = await completeNetwork('4001');
    const skien = await completeNetwork('4003');
    const notodden = await completeNetwork('4005');
    await deadlineIn(-1);

    expect(blockerKinds(await submitApplication(db, porsgrunn, (await findApplication(db, porsgrunn))!.version, silje, effects))).toEqual([
      'deadline',
    ]);

    const until = new Date((await dbNow()).getTime() + 600_000);
    const extensionId = orThrow(
      await grantExtension(
        db,
        callId,
        { roundIndex: 0, until, reason: 'Kommunestyremøtet ble flyttet', municipality: { code: '4003', name: 'Skien' } },
        ingrid,
      ),
    );
    const accepted = orThrow(await submitApplication(db, skien, (await findApplication(db, skien))!.version, silje, effects));
    expect(accepted.number).toBe(1);
    const [submission] = await listSubmissions(db, skien);
    expect(submission!.deadline.toISOString()).toBe(until.toISOString());
    const used = (await findExtension(db, extensionId))!;
    expect(used.usedAt).not.toBeNull();
    const revokeUsed = await revokeExtension(db, extensionId, used.version, 'For sent', ingrid);
    expect(problemOf(revokeUsed)).toMatchObject({ problems: [{ field: 'reason', code: 'used' }] });
    // Porsgrunn is still refused: the exception names Skien only.
    expect(blockerKinds(await submitApplication(db, porsgrunn, (await findApplication(db, porsgrunn))!.version, silje, effects))).toEqual([
      'deadline',
    ]);

    // Notodden's exception ended one second ago (granted two seconds ago, as the owner's clock then read).
    const now = await dbNow();
    orThrow(
      await grantExtension(
        db,
        callId,
        {
          roundIndex: 0,
          until: new Date(now.getTime() - 1000),
          reason: 'Kort utsettelse',
          municipality: { code: '4005', name: 'Notodden' },
        },
        { ...ingrid, at: new Date(now.getTime() - 2000) },
      ),
    );
    expect(blockerKinds(await submitApplication(db, notodden, (await findApplication(db, notodden))!.version, silje, effects))).toEqual([
      'deadline',
    ]);
    expect(await listSubmissions(db, notodden)).toEqual([]);

    const audit = await listAuditEvents(db, { recordType: 'deadline_extension', recordId: extensionId, limit: 10 });
    expect(audit.map((e) => e.action).sort()).toEqual(['grant', 'use']);
    expect(audit.find((e) => e.action === 'grant')!.reason).toContain('Kommunestyremøtet ble flyttet');
  });

  it('lets the application be edited under an unused exception, and not after it is revoked', async () => {
    await deadlineIn(3600);
    const porsgrunn = await completeNetwork('4001');
    await deadlineIn(-1);
    const id = orThrow(
      await grantExtension(
        db,
        callId,
        {
          roundIndex: 0,
          until: new Date((await dbNow()).getTime() + 600_000),
          reason: 'Sykdom',
          municipality: { code: '4001', name: 'Porsgrunn' },
        },
        ingrid,
      ),
    );
    const { version } = (await findApplication(db, porsgrunn))!;
    const saved = orThrow(
      await saveAnswers(
        db,
        porsgrunn,
        version,
        { ...(await findApplication(db, porsgrunn))!.answers, 'plan.goal': 'Tolv prosent.' },
        silje,
      ),
    );
    const extension = (await findExtension(db, id))!;
    expect(problemOf(await revokeExtension(db, id, extension.version + 1, 'Feil', ingrid))?.kind).toBe('versionConflict');
    orThrow(await revokeExtension(db, id, extension.version, 'Gitt ved en feil', ingrid));
    expect(problemOf(await saveAnswers(db, porsgrunn, saved, {}, silje))?.kind).toBe('readOnly');
    expect(blockerKinds(await submitApplication(db, porsgrunn, saved, silje, effects))).toEqual(['deadline']);
    expect((await listExtensions(db, callId)).find((e) => e.id === id)!.revokeReason).toBe('Gitt ved en feil');
  });

  it('lets a municipality with a running exception start an application after the deadline, and no other', async () => {
    await deadlineIn(-1);
    const call = (await findCall(db, callId))!;
    expect(problemOf(await startApplication(db, call, { code: '4005', name: 'Notodden', contactEmail: null }, silje))).toEqual({
      kind: 'callNotOpen',
    });
    const now = await dbNow();
    // Notodden's exception (first test) ended a second after it began; Porsgrunn's (second test) was revoked.
    orThrow(
      await grantExtension(
        db,
        callId,
        {
          roundIndex: 0,
          until: new Date(now.getTime() + 600_000),
          reason: 'Ny kommune i nettverket',
          municipality: { code: '4001', name: 'Porsgrunn' },
        },
        ingrid,
      ),
    );
    const started = orThrow(await startApplication(db, call, { code: '4001', name: 'Porsgrunn', contactEmail: null }, silje));
    expect((await findApplication(db, started))!.roundIndex).toBe(0);
  });

  it('refuses an exception before the ordinary deadline, without a reason, or twice for one municipality, writing nothing', async () => {
    await deadlineIn(-1);
    const before = (await listExtensions(db, callId)).length;
    const call = (await findCall(db, callId))!;
    const early = await grantExtension(
      db,
      callId,
      {
        roundIndex: 0,
        until: new Date(Date.parse(call.content.rounds[0]!.closesAt) - 60_000),
        reason: '',
        municipality: { code: '4003', name: 'Skien' },
      },
      ingrid,
    );
    expect(extensionCodes(early)).toEqual(['exists', 'untilBeforeDeadline', 'required']);
    const noRound = await grantExtension(
      db,
      callId,
      { roundIndex: 7, until: new Date(Date.now() + 3600_000), reason: 'x', municipality: { code: '4005', name: 'Notodden' } },
      ingrid,
    );
    expect(extensionCodes(noRound)).toEqual(['noSuchRound']);
    expect((await listExtensions(db, callId)).length).toBe(before);
  });
});

describe(`one application per municipality per round (${engine})`, () => {
  it('refuses a second draft and a second acceptance in the round, naming the other application, even when both come at once', async () => {
    await deadlineIn(3600);
    await db.updateTable('applications').set({ status: 'withdrawn' }).where('call_id', '=', callId).execute();
    await onePerRound(true);
    const call = (await findCall(db, callId))!;
    const starts = await Promise.all(
      [0, 1].map(() => startApplication(db, call, { code: '4001', name: 'Porsgrunn', contactEmail: null }, silje)),
    );
    expect(starts.filter(isRefused)).toHaveLength(1);
    expect(problemOf(starts.find(isRefused)!)).toMatchObject({ kind: 'alreadyInRound', municipality: 'Porsgrunn', leadName: 'Porsgrunn' });
    const porsgrunn = starts.find((s): s is string => !isRefused(s))!;
    const notodden = orThrow(await startApplication(db, call, { code: '4005', name: 'Notodden', contactEmail: null }, silje));
    orThrow(await inviteMunicipality(db, porsgrunn, { code: '4003', name: 'Skien' }, 5, silje));
    orThrow(await inviteMunicipality(db, notodden, { code: '4003', name: 'Skien' }, 5, silje));
    orThrow(await respondToInvitation(db, porsgrunn, '4003', 'accepted', null, silje));
    expect(problemOf(await respondToInvitation(db, notodden, '4003', 'accepted', null, silje))).toMatchObject({
      kind: 'alreadyInRound',
      municipality: 'Skien',
      leadName: 'Porsgrunn',
    });
    expect((await findApplication(db, notodden))!.members.find((m) => m.code === '4003')!.invitation).toBe('pending');
    orThrow(await withdrawApplication(db, porsgrunn, (await findApplication(db, porsgrunn))!.version, null, silje));
    orThrow(await respondToInvitation(db, notodden, '4003', 'accepted', null, silje));
    await onePerRound(false);
  });
});
