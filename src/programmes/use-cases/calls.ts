/**
 * A call's lifecycle as use cases: each reads the call, refuses a stale version or a move the
 * workflow does not allow, lets the model decide, writes the new state only `where version =
 * expected` (so a concurrent writer on PostgreSQL is caught too), and keeps the content version,
 * the public change log and the audit, in one transaction.
 */
import type { Queryable } from '../../platform/db/database.js';
import type { Actor } from '../../platform/db/kit.js';
import { inTransaction, isRefused, refuse, versionConflict, type Refused } from '../../platform/outcome.js';
import * as lifecycle from '../model.js';
import type { Call, CallContent, CallEvent, ContentProblem, DraftCall, PublishedCall } from '../model.js';
import type { ProgrammeProblem } from '../problems.js';
import {
  findCall,
  insertCall,
  insertChange,
  insertSnapshot,
  insertVersion,
  latestVersionInfo,
  updateCall,
  type StoredCall,
} from '../store/calls.js';
import { findProgramme } from '../store/programmes.js';
import { findTemplate } from '../store/templates.js';
import { callWorkflow, type CallAction } from '../workflows.js';
import { audit, clock } from './kit.js';

type Decided = { ok: true; call: Call; event: CallEvent } | { ok: false; problems: ContentProblem[] };
type Decide<S extends Call> = (call: S, trx: Queryable, at: Date) => Decided | Promise<Decided>;

export async function createCall(
  db: Queryable,
  programmeId: string,
  content: CallContent,
  actor: Actor,
  seedKey: string | null = null,
): Promise<string | Refused<ProgrammeProblem>> {
  const draft = lifecycle.createDraft('new', programmeId, content);
  if (!draft.ok) return refuse({ kind: 'invalidCall', problems: draft.problems });
  return inTransaction(db, async (trx) => {
    const mismatch = await languageMismatch(trx, programmeId, content);
    if (mismatch.length > 0) return refuse<ProgrammeProblem>({ kind: 'invalidCall', problems: mismatch });
    const id = await insertCall(trx, programmeId, content, seedKey);
    await insertVersion(trx, id, 1, content, actor.user?.name ?? null);
    await audit(trx, {
      actor: actor.user,
      recordType: 'call',
      recordId: id,
      action: 'create',
      toState: 'draft',
      requestId: actor.requestId,
    });
    return id;
  });
}

/** The call's language against its programme's languages and its template's language. */
async function languageMismatch(trx: Queryable, programmeId: string, content: CallContent): Promise<ContentProblem[]> {
  const programme = await findProgramme(trx, programmeId);
  const template = content.templateId ? await findTemplate(trx, content.templateId) : undefined;
  return lifecycle.languageProblems(content, programme?.languages ?? [content.language], template?.language);
}

async function conflict(trx: Queryable, call: StoredCall, expectedVersion: number): Promise<Refused<ProgrammeProblem>> {
  const latest = await latestVersionInfo(trx, call.id);
  return refuse({ ...versionConflict(call.version, expectedVersion, latest?.actorName ?? null), record: 'call' });
}

async function transition<S extends Call>(
  db: Queryable,
  callId: string,
  expectedVersion: number,
  actor: Actor,
  action: CallAction,
  decide: Decide<S>,
): Promise<StoredCall | Refused<ProgrammeProblem>> {
  const outcome = await inTransaction(db, async (trx) => {
    const call = await findCall(trx, callId);
    if (!call) return refuse<ProgrammeProblem>({ kind: 'callNotFound' });
    if (call.version !== expectedVersion) return conflict(trx, call, expectedVersion);
    if (!callWorkflow.can(call.status, action)) return refuse<ProgrammeProblem>({ kind: 'callIllegal', status: call.status, action });
    const at = await clock(trx, actor);
    const decided = await decide(call as S & StoredCall, trx, at);
    if (!decided.ok) return refuse<ProgrammeProblem>({ kind: 'invalidCall', problems: decided.problems });
    const { call: next, event } = decided;
    if (!(await updateCall(trx, next, expectedVersion, at))) return conflict(trx, (await findCall(trx, callId))!, expectedVersion);
    await insertVersion(trx, callId, next.version, next.content, actor.user?.name ?? null);
    if (action === 'publish' && next.status !== 'draft') await insertSnapshot(trx, callId, next.snapshot);
    const reason = event.type === 'amended' || event.type === 'closed' ? event.reason : null;
    if (event.type !== 'edited')
      await insertChange(trx, callId, {
        at: new Date(event.at),
        kind: event.type,
        reason,
        fields: event.type === 'amended' ? event.fields : [],
        actorName: actor.user?.name ?? null,
      });
    await audit(trx, {
      actor: actor.user,
      recordType: 'call',
      recordId: callId,
      action,
      fromState: call.status,
      toState: next.status,
      reason,
      requestId: actor.requestId,
    });
    return callId;
  });
  return isRefused(outcome) ? outcome : (await findCall(db, callId))!;
}

export function saveCallDraft(db: Queryable, callId: string, expectedVersion: number, content: CallContent, actor: Actor) {
  return transition<DraftCall>(db, callId, expectedVersion, actor, 'edit', async (call, trx, at) => {
    const mismatch = await languageMismatch(trx, call.programmeId, content);
    return mismatch.length > 0 ? { ok: false, problems: mismatch } : lifecycle.editDraft(call, content, at);
  });
}

/** Publishes a draft, copying its template's form and its rules into the call. */
export function publishCall(db: Queryable, callId: string, expectedVersion: number, actor: Actor) {
  return transition<DraftCall>(db, callId, expectedVersion, actor, 'publish', async (call, trx, at) => {
    const mismatch = await languageMismatch(trx, call.programmeId, call.content);
    if (mismatch.length > 0) return { ok: false, problems: mismatch };
    const template = call.content.templateId ? await findTemplate(trx, call.content.templateId) : undefined;
    const snapshot = {
      form: template?.form ?? { sections: [] },
      rules: call.content.rules,
      templateId: template?.id ?? null,
      templateVersion: template?.version ?? null,
    };
    return lifecycle.publishCall(call, snapshot, at);
  });
}

export function amendCall(db: Queryable, callId: string, expectedVersion: number, content: CallContent, reason: string, actor: Actor) {
  return transition<PublishedCall>(db, callId, expectedVersion, actor, 'amend', (call, _trx, at) =>
    lifecycle.amendCall(call, content, reason, at),
  );
}

export function closeCall(db: Queryable, callId: string, expectedVersion: number, reason: string | null, actor: Actor) {
  return transition<PublishedCall>(db, callId, expectedVersion, actor, 'close', (call, _trx, at) => lifecycle.closeCall(call, reason, at));
}
