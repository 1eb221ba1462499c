import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../platform/audit/store.js';
import { seedDemoIdentities } from '../platform/auth/demo.js';
import { createTestDatabase, type TestDatabase } from '../platform/db/testing.js';
import { seedDemoProgrammes } from '../programmes/demo.js';
import { amend, ExtensionRefused, findCall, findExtension, findTemplate, grantExtension, listExtensions, revokeExtension, seededIds, updateTemplate } from '../programmes/store.js';
import { seedSmallRegistry } from '../programmes/testing.js';
import {
  addAttachment,
  attachMemberDecision,
  CallNotOpen,
  findApplication,
  inviteMunicipality,
  listApplicationsOf,
  listSubmissions,
  ReadOnly,
  respondToInvitation,
  saveAnswers,
  startApplication,
  submitApplication,
  SubmissionRefused,
  VersionConflict,
  type Actor,
} from './store.js';

let database: TestDatabase;
let callId: string;
const silje: Actor = { user: null, requestId: 'silje' };
const pdf = (name: string) => ({ name, contentType: 'application/pdf', content: Buffer.from(`%PDF-1.7 ${name}`) });
const enqueued: string[] = [];
const enqueue = async (_trx: unknown, id: string) => void enqueued.push(id);
const engine = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoIdentities(database.db);
  await seedSmallRegistry(database.db);
  await seedDemoProgrammes(database.db);
  callId = (await seededIds(database.db, 'programme_calls', 'nettverk-2027:call'))!;
}, 60_000);
afterAll(() => database.dispose());

async function dbNow(): Promise<Date> {
  return new Date((await sql<{ now: Date }>`select now() as now`.execute(database.db)).rows[0]!.now);
}

/** Moves the first round's deadline to the database clock plus `seconds`, as an owner's amendment. */
async function deadlineIn(seconds: number) {
  const call = (await findCall(database.db, callId))!;
  const closesAt = new Date((await dbNow()).getTime() + seconds * 1000).toISOString();
  const rounds = call.content.rounds.map((round, i) => (i === 0 ? { ...round, closesAt } : round));
  await amend(database.db, callId, call.version, { ...call.content, rounds }, 'Frist flyttet', silje);
}

const TELEMARK = [
  ['4001', 'Porsgrunn'],
  ['4003', 'Skien'],
  ['4005', 'Notodden'],
] as const;

/** Porsgrunn (or the given lead) leads, the other two accept, everyone attaches a decision, every part answered. */
async function completeNetwork(leadCode: (typeof TELEMARK)[number][0] = '4001'): Promise<string> {
  const call = (await findCall(database.db, callId))!;
  const lead = TELEMARK.find(([code]) => code === leadCode)!;
  const id = await startApplication(database.db, call, { code: lead[0], name: lead[1], contactEmail: 'silje.andersen@porsgrunn.example.no' }, silje);
  for (const [code, name] of TELEMARK.filter(([code]) => code !== leadCode)) {
    await inviteMunicipality(database.db, id, { code, name }, 5, silje);
    await respondToInvitation(database.db, id, code, 'accepted', `post@${code}.example.no`, silje);
  }
  for (const code of ['4001', '4003', '4005']) await attachMemberDecision(database.db, id, code, { body: 'kommunestyre', date: '2026-11-10' }, pdf(`${code}.pdf`), silje);
  const version = await saveAnswers(
    database.db,
    id,
    1,
    { 'challenge.text': 'Flere eldre.', 'plan.text': 'Felles rekruttering.', 'plan.goal': 'Ti prosent.', 'anchoring.date': '2026-11-10' },
    silje,
  );
  await addAttachment(database.db, id, version, 'anchoring.decision', pdf('vedtak.pdf'), silje);
  return id;
}

describe(`applications in the store (${engine})`, () => {
  it('keeps both case workers\' work: a stale save is refused with the base and the current answers', async () => {
    const call = (await findCall(database.db, callId))!;
    const id = await startApplication(database.db, call, { code: '4001', name: 'Porsgrunn', contactEmail: null }, silje);
    await saveAnswers(database.db, id, 1, { 'plan.text': 'Silje skrev dette' }, { user: null, requestId: 'a' });
    const stale = await saveAnswers(database.db, id, 1, { 'plan.text': 'Kari skrev dette' }, silje).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(VersionConflict);
    expect((stale as VersionConflict).base).toEqual({});
    expect((stale as VersionConflict).current.answers).toEqual({ 'plan.text': 'Silje skrev dette' });
    expect((await findApplication(database.db, id))!.version).toBe(2);
    expect((await listApplicationsOf(database.db, ['4001'])).some((a) => a.id === id)).toBe(true);
    expect(await listApplicationsOf(database.db, ['4005'])).toEqual([]);
  });

  it('accepts a submission one second before the deadline on the database clock, with the form and rules copied in', async () => {
    const id = await completeNetwork();
    await deadlineIn(1);
    const application = (await findApplication(database.db, id))!;
    const { number, submissionId } = await submitApplication(database.db, id, application.version, silje, enqueue);
    expect(number).toBe(1);
    expect(enqueued).toContain(submissionId);
    const [submission] = await listSubmissions(database.db, id);
    expect(submission!.members.map((m) => m.code)).toEqual(['4001', '4003', '4005']);
    expect(submission!.eligibility.eligible).toBe(true);
    expect(submission!.recipients).toContain('silje.andersen@porsgrunn.example.no');
    const before = JSON.stringify(submission!.form);

    // The owner edits the template and amends the call: the submitted copy stays as it was.
    const call = (await findCall(database.db, callId))!;
    const template = (await findTemplate(database.db, call.content.templateId!))!;
    await updateTemplate(database.db, template.id, template.version, { sections: [{ key: 'new', title: 'Ny', parts: [{ kind: 'text', key: 'new.text', label: 'Ny', required: true, maxWords: 10 }] }] }, silje);
    await amend(database.db, callId, call.version, { ...call.content, purpose: 'Endret formål' }, 'Presisering', silje);
    expect(JSON.stringify((await listSubmissions(database.db, id))[0]!.form)).toBe(before);
    expect((await listAuditEvents(database.db, { recordType: 'application', recordId: id, limit: 20 })).map((e) => e.action)).toContain('submit');
  });

  it('refuses a submission one second after the deadline, writes nothing, and keeps the application read-only', async () => {
    await deadlineIn(3600);
    const id = await completeNetwork();
    await deadlineIn(-1);
    const application = (await findApplication(database.db, id))!;
    const refused = await submitApplication(database.db, id, application.version, silje, enqueue).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SubmissionRefused);
    expect((refused as SubmissionRefused).problems.map((p) => p.kind)).toEqual(['deadline']);
    expect(await listSubmissions(database.db, id)).toEqual([]);
    expect((await findApplication(database.db, id))!.status).toBe('draft');
    await expect(saveAnswers(database.db, id, application.version, {}, silje)).rejects.toBeInstanceOf(ReadOnly);
  });

  it('blocks a network below the population rule, naming the numbers', async () => {
    await deadlineIn(3600);
    const call = (await findCall(database.db, callId))!;
    const id = await startApplication(database.db, call, { code: '4001', name: 'Porsgrunn', contactEmail: null }, silje);
    const refused = (await submitApplication(database.db, id, 1, silje, enqueue).catch((e: unknown) => e)) as SubmissionRefused;
    expect(refused.problems).toContainEqual({ kind: 'rule', key: 'programmes.rule.population.fail', params: { total: 37_400, minimum: 60_000, year: '2025', shortfall: 22_600 } });
  });

  it('makes one version of two submissions at once, and numbers a resubmission', async () => {
    await deadlineIn(3600);
    const id = await completeNetwork();
    const { version } = (await findApplication(database.db, id))!;
    const results = await Promise.allSettled([submitApplication(database.db, id, version, silje, enqueue), submitApplication(database.db, id, version, silje, enqueue)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(VersionConflict);
    expect(await listSubmissions(database.db, id)).toHaveLength(1);
    const again = await submitApplication(database.db, id, (await findApplication(database.db, id))!.version, silje, enqueue);
    expect(again.number).toBe(2);
    expect((await listSubmissions(database.db, id)).map((s) => s.number)).toEqual([1, 2]);
  });
});

describe(`late submission by an owner's exception (${engine})`, () => {
  const ingrid: Actor & { at?: Date } = { user: { userId: '00000000-0000-0000-0000-000000000001', name: 'Ingrid Haugen' }, requestId: 'ingrid' };

  it('one second after the deadline refuses Porsgrunn without an exception, accepts Skien with one, and refuses Notodden one second after its exception', async () => {
    await deadlineIn(3600);
    const porsgrunn = await completeNetwork('4001');
    const skien = await completeNetwork('4003');
    const notodden = await completeNetwork('4005');
    await deadlineIn(-1);

    const refused = await submitApplication(database.db, porsgrunn, (await findApplication(database.db, porsgrunn))!.version, silje, enqueue).catch((e: unknown) => e);
    expect((refused as SubmissionRefused).problems.map((p) => p.kind)).toEqual(['deadline']);

    const until = new Date((await dbNow()).getTime() + 600_000);
    const extensionId = await grantExtension(database.db, callId, { roundIndex: 0, until, reason: 'Kommunestyremøtet ble flyttet', municipality: { code: '4003', name: 'Skien' } }, ingrid);
    const accepted = await submitApplication(database.db, skien, (await findApplication(database.db, skien))!.version, silje, enqueue);
    expect(accepted.number).toBe(1);
    const [submission] = await listSubmissions(database.db, skien);
    expect(submission!.deadline.toISOString()).toBe(until.toISOString());
    const used = (await findExtension(database.db, extensionId))!;
    expect(used.usedAt).not.toBeNull();
    const revokeUsed = await revokeExtension(database.db, extensionId, used.version, 'For sent', ingrid).catch((e: unknown) => e);
    expect((revokeUsed as ExtensionRefused).problems).toEqual([{ field: 'reason', code: 'used' }]);
    // Porsgrunn is still refused: the exception names Skien only.
    await expect(submitApplication(database.db, porsgrunn, (await findApplication(database.db, porsgrunn))!.version, silje, enqueue)).rejects.toBeInstanceOf(SubmissionRefused);

    // Notodden's exception ended one second ago (granted two seconds ago, as the owner's clock then read).
    const now = await dbNow();
    await grantExtension(database.db, callId, { roundIndex: 0, until: new Date(now.getTime() - 1000), reason: 'Kort utsettelse', municipality: { code: '4005', name: 'Notodden' } }, { ...ingrid, at: new Date(now.getTime() - 2000) });
    const late = await submitApplication(database.db, notodden, (await findApplication(database.db, notodden))!.version, silje, enqueue).catch((e: unknown) => e);
    expect((late as SubmissionRefused).problems.map((p) => p.kind)).toEqual(['deadline']);
    expect(await listSubmissions(database.db, notodden)).toEqual([]);

    const audit = await listAuditEvents(database.db, { recordType: 'deadline_extension', recordId: extensionId, limit: 10 });
    expect(audit.map((e) => e.action).sort()).toEqual(['grant', 'use']);
    expect(audit.find((e) => e.action === 'grant')!.reason).toContain('Kommunestyremøtet ble flyttet');
  });

  it('lets the application be edited under an unused exception, and not after it is revoked', async () => {
    await deadlineIn(3600);
    const porsgrunn = await completeNetwork('4001');
    await deadlineIn(-1);
    const id = await grantExtension(database.db, callId, { roundIndex: 0, until: new Date((await dbNow()).getTime() + 600_000), reason: 'Sykdom', municipality: { code: '4001', name: 'Porsgrunn' } }, ingrid);
    const { version } = (await findApplication(database.db, porsgrunn))!;
    const saved = await saveAnswers(database.db, porsgrunn, version, { ...(await findApplication(database.db, porsgrunn))!.answers, 'plan.goal': 'Tolv prosent.' }, silje);
    const extension = (await findExtension(database.db, id))!;
    await expect(revokeExtension(database.db, id, extension.version + 1, 'Feil', ingrid)).rejects.toThrow(/version/);
    await revokeExtension(database.db, id, extension.version, 'Gitt ved en feil', ingrid);
    await expect(saveAnswers(database.db, porsgrunn, saved, {}, silje)).rejects.toBeInstanceOf(ReadOnly);
    await expect(submitApplication(database.db, porsgrunn, saved, silje, enqueue)).rejects.toBeInstanceOf(SubmissionRefused);
    expect((await listExtensions(database.db, callId)).find((e) => e.id === id)!.revokeReason).toBe('Gitt ved en feil');
  });

  it('lets a municipality with a running exception start an application after the deadline, and no other', async () => {
    await deadlineIn(-1);
    const call = (await findCall(database.db, callId))!;
    await expect(startApplication(database.db, call, { code: '4005', name: 'Notodden', contactEmail: null }, silje)).rejects.toBeInstanceOf(CallNotOpen);
    const now = await dbNow();
    // Notodden's exception (first test) ended a second after it began; Porsgrunn's (second test) was revoked.
    await grantExtension(database.db, callId, { roundIndex: 0, until: new Date(now.getTime() + 600_000), reason: 'Ny kommune i nettverket', municipality: { code: '4001', name: 'Porsgrunn' } }, ingrid);
    const started = await startApplication(database.db, call, { code: '4001', name: 'Porsgrunn', contactEmail: null }, silje);
    expect((await findApplication(database.db, started))!.roundIndex).toBe(0);
  });

  it('refuses an exception before the ordinary deadline, without a reason, or twice for one municipality, writing nothing', async () => {
    await deadlineIn(-1);
    const before = (await listExtensions(database.db, callId)).length;
    const call = (await findCall(database.db, callId))!;
    const early = await grantExtension(database.db, callId, { roundIndex: 0, until: new Date(Date.parse(call.content.rounds[0]!.closesAt) - 60_000), reason: '', municipality: { code: '4003', name: 'Skien' } }, ingrid).catch((e: unknown) => e);
    expect((early as ExtensionRefused).problems.map((p) => p.code)).toEqual(['exists', 'untilBeforeDeadline', 'required']);
    const noRound = await grantExtension(database.db, callId, { roundIndex: 7, until: new Date(Date.now() + 3600_000), reason: 'x', municipality: { code: '4005', name: 'Notodden' } }, ingrid).catch((e: unknown) => e);
    expect((noRound as ExtensionRefused).problems.map((p) => p.code)).toEqual(['noSuchRound']);
    expect((await listExtensions(database.db, callId)).length).toBe(before);
  });
});
