import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../platform/audit/store.js';
import type { Actor } from '../platform/db/kit.js';
import { isRefused, type Refused } from '../platform/outcome.js';
import { seedDemoIdentities } from '../platform/auth/demo.js';
import { createTestDatabase, type TestDatabase } from '../platform/db/testing.js';
import { listSubmittedApplications } from '../applications/index.js';
import { findCall, seedDemoProgrammes, seededIds, seedSmallRegistry, type StoredCall } from '../programmes/index.js';
import { DEMO_CALL_KEY, seedDemoAssessment } from './demo.js';
import {
  agreedScoresForCall,
  conflictsToReassign,
  findAssignment,
  findReview,
  listAssignmentsOfCall,
  listPool,
  pausedApplicationsOfCall,
  reviewStatusOfCall,
  scoreHistory,
} from './store.js';
import {
  assignInBatch,
  assignReviewer,
  declareInterests,
  raiseFlag,
  removeFromPool,
  reopenSubmittedScores,
  resolveFlag,
  saveConsensus,
  saveScores,
} from './use-cases.js';

let database: TestDatabase;
let call: StoredCall;
let porsgrunnNetwork: string;
let per: string;
let anne: string;
const owner: Actor = { user: null, requestId: 'owner' };
const engine = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const enqueued: string[] = [];
const enqueue = async (_trx: unknown, id: string) => void enqueued.push(id);
/** The outcome of a use case that must have succeeded. */
function done<T>(outcome: T | Refused<unknown>): T {
  if (isRefused(outcome)) throw new Error(`refused: ${JSON.stringify(outcome.problem)}`);
  return outcome;
}
const full = {
  '1': { score: 4, rationale: 'Egne tall' },
  '2': { score: 3, rationale: 'Realistisk' },
  '3': { score: 5, rationale: 'Tall og år' },
};

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoIdentities(database.db);
  await seedSmallRegistry(database.db);
  await seedDemoProgrammes(database.db);
  await seedDemoAssessment(database.db);
  await seedDemoAssessment(database.db);
  call = (await findCall(database.db, (await seededIds(database.db, 'programme_calls', DEMO_CALL_KEY))!))!;
  const submitted = await listSubmittedApplications(database.db, call.id);
  porsgrunnNetwork = submitted.find((s) => s.application.leadCode === '4001')!.application.id;
  const pool = await listPool(database.db, call.programmeId);
  per = pool.find((m) => m.name === 'Per Holm')!.userId;
  anne = pool.find((m) => m.name === 'Anne Strand')!.userId;
}, 120_000);
afterAll(() => database.dispose());

const assignmentOf = async (reviewer: string, applicationId: string) =>
  (await listAssignmentsOfCall(database.db, call.id)).find(
    (a) => a.reviewerId === reviewer && a.applicationId === applicationId && a.state !== 'withdrawn',
  )!;

describe(`assessment in the store (${engine})`, () => {
  it('the demo holds a closed KDD call with six submitted applications and a pool with Anne as lead, loaded once', async () => {
    expect(call.status).toBe('closed');
    expect(Date.parse(call.content.rounds[0]!.closesAt)).toBeLessThan(Date.now());
    const submitted = await listSubmittedApplications(database.db, call.id);
    expect(submitted).toHaveLength(6);
    expect(submitted.find((s) => s.application.id === porsgrunnNetwork)!.submission.members.map((m) => m.code)).toEqual([
      '4001',
      '4003',
      '4005',
    ]);
    expect(await listPool(database.db, call.programmeId)).toEqual([
      { userId: anne, name: 'Anne Strand', kind: 'external', lead: true },
      { userId: per, name: 'Per Holm', kind: 'external', lead: false },
    ]);
  });

  it('batch-assigns two reviewers to six applications; Per never gets the Porsgrunn network, and the reason is kept', async () => {
    // Two batches at once (two owners' clicks): the call's lock makes the second add nothing.
    const [plan, second] = await Promise.all([assignInBatch(database.db, call, 2, owner), assignInBatch(database.db, call, 2, owner)]);
    expect(plan.assignments.length + second.assignments.length).toBe(11);
    if (plan.assignments.length === 0) Object.assign(plan, second);
    expect(plan.exclusions).toEqual([
      { applicationId: porsgrunnNetwork, reviewerId: per, reason: 'employer', municipality: { code: '4001', name: 'Porsgrunn' } },
    ]);
    const assignments = await listAssignmentsOfCall(database.db, call.id);
    expect(assignments.some((a) => a.reviewerId === per && a.applicationId === porsgrunnNetwork)).toBe(false);
    expect((await assignInBatch(database.db, call, 2, owner)).assignments).toEqual([]);
    expect(await listAssignmentsOfCall(database.db, call.id)).toHaveLength(11);
    expect(await assignReviewer(database.db, call, porsgrunnNetwork, per, owner)).toMatchObject({
      problem: { kind: 'excluded', reviewerName: 'Per Holm', exclusion: { reason: 'employer' } },
    });
    expect((await findReview(database.db, porsgrunnNetwork)).state).toBe('in_review');
  });

  it("a declared conflict removes the reviewer, is audited, enqueues the owner's mail and asks for reassignment", async () => {
    const other = (await listAssignmentsOfCall(database.db, call.id)).find((a) => a.reviewerId === per)!;
    expect(await declareInterests(database.db, other.id, other.version + 1, { conflict: false }, owner, enqueue)).toMatchObject({
      problem: { kind: 'versionConflict', currentVersion: other.version, baseVersion: other.version + 1 },
    });
    expect(
      await declareInterests(
        database.db,
        other.id,
        other.version,
        { conflict: true, kind: 'personal', text: 'Gift med prosjektlederen' },
        owner,
        enqueue,
      ),
    ).toBe('conflicted');
    expect(enqueued).toEqual([other.id]);
    expect((await conflictsToReassign(database.db, call.id)).map((a) => a.id)).toEqual([other.id]);
    const audit = await listAuditEvents(database.db, { recordType: 'review_assignment', recordId: other.id, limit: 5 });
    expect(audit[0]).toMatchObject({
      action: 'declareConflict',
      from_state: 'assigned',
      to_state: 'conflicted',
      reason: 'personal: Gift med prosjektlederen',
    });
    expect(await assignReviewer(database.db, call, other.applicationId, per, owner)).toMatchObject({
      problem: { exclusion: { reason: 'declared-conflict' } },
    });
  });

  it('scores: drafts save with warnings, an incomplete submission changes nothing, rescoring keeps every version', async () => {
    const a = await assignmentOf(anne, porsgrunnNetwork);
    expect(await saveScores(database.db, call, a.id, a.version, full, false, owner)).toMatchObject({
      problem: { kind: 'illegalTransition', state: 'assigned' },
    });
    done(await declareInterests(database.db, a.id, a.version, { conflict: false }, owner, enqueue));
    const declared = (await findAssignment(database.db, a.id))!;
    const draft = done(await saveScores(database.db, call, a.id, declared.version, { '1': { score: 4, rationale: '' } }, false, owner));
    expect(draft.warnings.map((w) => `${w.criterionKey}:${w.code}`)).toEqual([
      '1:missingRationale',
      '2:missingScore',
      '2:missingRationale',
      '3:missingScore',
      '3:missingRationale',
    ]);
    expect(await saveScores(database.db, call, a.id, draft.version, { '1': { score: 4, rationale: 'x' } }, true, owner)).toMatchObject({
      problem: { kind: 'incomplete' },
    });
    expect(await scoreHistory(database.db, a.id)).toHaveLength(1);
    expect(await saveScores(database.db, call, a.id, declared.version, full, true, owner)).toMatchObject({
      problem: { kind: 'versionConflict' },
    });
    const submitted = done(await saveScores(database.db, call, a.id, draft.version, full, true, owner));
    expect((await findAssignment(database.db, a.id))!.state).toBe('submitted');
    done(await reopenSubmittedScores(database.db, a.id, submitted.version, owner));
    const reopened = (await findAssignment(database.db, a.id))!;
    done(
      await saveScores(
        database.db,
        call,
        a.id,
        reopened.version,
        { ...full, '2': { score: 4, rationale: 'Bedre ved ny lesning' } },
        true,
        owner,
      ),
    );
    const history = await scoreHistory(database.db, a.id);
    expect(history.map((v) => [v.submitted, v.sheet['2']?.score ?? null])).toEqual([
      [false, null],
      [true, 3],
      [true, 4],
    ]);
  });

  it('a flag pauses the application: no consensus until resolved; then the consensus is recorded and exported', async () => {
    const flagId = done(await raiseFlag(database.db, call.id, porsgrunnNetwork, 'Trenger juridisk vurdering', owner));
    expect(await pausedApplicationsOfCall(database.db, call.id)).toEqual([porsgrunnNetwork]);
    const paused = await findReview(database.db, porsgrunnNetwork);
    expect(paused.state).toBe('paused');
    expect(await saveConsensus(database.db, call, porsgrunnNetwork, paused.version, full, owner)).toMatchObject({
      problem: { kind: 'paused' },
    });
    done(await resolveFlag(database.db, flagId, 'Avklart med lovavdelingen', owner));
    expect(await resolveFlag(database.db, flagId, 'igjen', owner)).toMatchObject({ problem: { kind: 'resolved' } });
    expect(await pausedApplicationsOfCall(database.db, call.id)).toEqual([]);
    const resumed = await findReview(database.db, porsgrunnNetwork);
    expect(resumed.state).toBe('in_review');
    expect(await saveConsensus(database.db, call, porsgrunnNetwork, resumed.version, { '1': full['1'] }, owner)).toMatchObject({
      problem: { kind: 'incomplete' },
    });
    expect(await saveConsensus(database.db, call, porsgrunnNetwork, resumed.version - 1, full, owner)).toMatchObject({
      problem: { kind: 'versionConflict' },
    });
    expect(await saveConsensus(database.db, call, porsgrunnNetwork, resumed.version, full, owner)).toBe(1);
    expect((await findReview(database.db, porsgrunnNetwork)).state).toBe('agreed');
    expect(await agreedScoresForCall(database.db, call.id)).toEqual([
      { applicationId: porsgrunnNetwork, criterionKey: '1', score: 4, reasoning: 'Egne tall' },
      { applicationId: porsgrunnNetwork, criterionKey: '2', score: 3, reasoning: 'Realistisk' },
      { applicationId: porsgrunnNetwork, criterionKey: '3', score: 5, reasoning: 'Tall og år' },
    ]);
    const audit = await listAuditEvents(database.db, { recordType: 'review', recordId: porsgrunnNetwork, limit: 10 });
    expect(audit.map((e) => `${e.action}:${e.from_state}->${e.to_state}`)).toEqual([
      'agree:in_review->agreed',
      'resume:paused->in_review',
      'pause:in_review->paused',
      'start:awaiting->in_review',
    ]);
  });

  it('reports the review of every submitted application, and keeps reviewers with live work in the pool', async () => {
    const status = await reviewStatusOfCall(database.db, call.id);
    expect(status).toHaveLength(6);
    expect(status.find((s) => s.applicationId === porsgrunnNetwork)).toMatchObject({
      state: 'agreed',
      assigned: 1,
      declared: 1,
      scored: 1,
      conflicted: 0,
      openFlags: 0,
      consensusRecorded: true,
    });
    expect(status.filter((s) => s.conflicted === 1)).toHaveLength(1);
    expect(await removeFromPool(database.db, call.programmeId, anne, owner)).toMatchObject({ problem: { kind: 'hasAssignments' } });
    expect(await listPool(database.db, call.programmeId)).toHaveLength(2);
  });
});
