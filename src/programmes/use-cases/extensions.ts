/** Late submission by exception: granting, revoking and using one municipality's later deadline. */
import type { Queryable } from '../../platform/db/database.js';
import type { Actor } from '../../platform/db/kit.js';
import { inTransaction, refuse, versionConflict, type Refused } from '../../platform/outcome.js';
import { grantProblems, revokeProblem, type DeadlineExtension, type ExtensionProblem, type GrantRequest } from '../extensions.js';
import type { ProgrammeProblem } from '../problems.js';
import { findCall } from '../store/calls.js';
import { applicantExtension, findExtension, insertExtension, markRevoked, markUsed } from '../store/extensions.js';
import { audit, clock } from './kit.js';

const isUniqueViolation = (error: unknown) => typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
/** Problems of the call's or the exception's standing (409) rather than of what the owner typed (400). */
const STANDING: readonly ExtensionProblem['code'][] = ['exists', 'notOpen', 'used', 'revoked'];
const refusal = (problems: ExtensionProblem[]): Refused<ProgrammeProblem> =>
  refuse({ kind: problems.some((p) => STANDING.includes(p.code)) ? 'extensionRefused' : 'invalidExtension', problems });

export type GrantExtension = GrantRequest & { municipality: { code: string; name: string } };

/**
 * Grants a named municipality a later deadline in one round of a published call, with a reason;
 * checked against the database clock. One unrevoked exception per municipality and round.
 */
export async function grantExtension(
  db: Queryable,
  callId: string,
  request: GrantExtension,
  actor: Actor,
): Promise<string | Refused<ProgrammeProblem>> {
  const exists: ExtensionProblem = { field: 'municipality', code: 'exists', params: { name: request.municipality.name } };
  try {
    return await inTransaction(db, async (trx) => {
      const call = await findCall(trx, callId);
      if (!call) return refuse<ProgrammeProblem>({ kind: 'callNotFound' });
      if (call.status !== 'published') return refusal([{ field: 'municipality', code: 'notOpen' }]);
      const now = await clock(trx, actor);
      const problems = grantProblems(request, call.content.rounds[request.roundIndex]?.closesAt, now);
      if (await applicantExtension(trx, callId, request.roundIndex, request.municipality.code)) problems.unshift(exists);
      if (problems.length > 0) return refusal(problems);
      const reason = request.reason.trim();
      const id = await insertExtension(trx, {
        callId,
        roundIndex: request.roundIndex,
        municipality: request.municipality,
        until: request.until,
        reason,
        grantedAt: now,
        grantedByName: actor.user?.name ?? null,
      });
      await audit(trx, {
        actor: actor.user,
        recordType: 'deadline_extension',
        recordId: id,
        action: 'grant',
        toState: 'active',
        reason: `${request.municipality.name}: ${reason}`,
        requestId: actor.requestId,
      });
      return id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return refusal([exists]);
    throw error;
  }
}

/** Revokes an exception the municipality has not yet submitted under; a stale version is refused. */
export async function revokeExtension(
  db: Queryable,
  id: string,
  expectedVersion: number,
  reason: string,
  actor: Actor,
): Promise<DeadlineExtension | Refused<ProgrammeProblem>> {
  return inTransaction(db, async (trx) => {
    const current = await findExtension(trx, id, true);
    if (!current) return refuse<ProgrammeProblem>({ kind: 'extensionNotFound' });
    if (current.version !== expectedVersion)
      return refuse<ProgrammeProblem>({ ...versionConflict(current.version, expectedVersion), record: 'extension' });
    const problem = revokeProblem(current);
    if (problem) return refusal([problem]);
    const why = reason.trim().slice(0, 2000);
    if (why === '') return refusal([{ field: 'reason', code: 'required' }]);
    const now = await clock(trx, actor);
    await markRevoked(trx, id, now, actor.user?.name ?? null, why);
    await audit(trx, {
      actor: actor.user,
      recordType: 'deadline_extension',
      recordId: id,
      action: 'revoke',
      fromState: 'active',
      toState: 'revoked',
      reason: why,
      requestId: actor.requestId,
    });
    return (await findExtension(trx, id))!;
  });
}

/** Notes, in the submitting transaction, that a submission relied on the exception: it can no longer be revoked. */
export async function markExtensionUsed(trx: Queryable, extension: DeadlineExtension, at: Date, actor: Actor): Promise<void> {
  if (extension.usedAt !== null) return;
  if (!(await markUsed(trx, extension.id, at))) return;
  await audit(trx, {
    actor: actor.user,
    recordType: 'deadline_extension',
    recordId: extension.id,
    action: 'use',
    fromState: 'active',
    toState: 'used',
    requestId: actor.requestId,
  });
}
