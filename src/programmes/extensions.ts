/**
 * Late submission by explicit exception (utsettelse; seed 000: "I spesielle tilfeller kan det gis
 * utsettelse"): the owner gives one named municipality a later deadline in one round of a call,
 * with a reason. It can be revoked until the municipality has submitted under it (`extensionWorkflow`). Pure: no IO.
 */
import { extensionWorkflow, type ExtensionState } from './workflows.js';

export type { ExtensionState } from './workflows.js';

export interface DeadlineExtension {
  id: string;
  callId: string;
  roundIndex: number;
  municipalityCode: string;
  municipalityName: string;
  /** The instant the exception ends (ISO, UTC). */
  until: string;
  reason: string;
  grantedAt: string;
  grantedByName: string | null;
  revokedAt: string | null;
  revokedByName: string | null;
  revokeReason: string | null;
  /** First submission that needed the exception (after the ordinary deadline). */
  usedAt: string | null;
  version: number;
}

/** The state its record shows, before the clock has its say. */
function recordedState(extension: Pick<DeadlineExtension, 'revokedAt' | 'usedAt'>): 'active' | 'used' | 'revoked' {
  if (extension.revokedAt !== null) return 'revoked';
  return extension.usedAt !== null ? 'used' : 'active';
}

/** Where an exception stands: active until its instant, used once relied on, revoked, or run out. */
export function extensionState(extension: Pick<DeadlineExtension, 'until' | 'revokedAt' | 'usedAt'>, now: Date): ExtensionState {
  const recorded = recordedState(extension);
  const runOut = now.getTime() >= Date.parse(extension.until);
  return runOut && extensionWorkflow.can(recorded, 'expire') ? 'expired' : recorded;
}

export interface ExtensionProblem {
  field: 'municipality' | 'roundIndex' | 'until' | 'reason';
  code: 'required' | 'tooLong' | 'untilBeforeDeadline' | 'untilPast' | 'noSuchRound' | 'exists' | 'notOpen' | 'used' | 'revoked';
  params?: Record<string, string | number>;
}

export interface GrantRequest {
  roundIndex: number;
  until: Date;
  reason: string;
}

/** What keeps an exception from being granted: it must lie after the round's ordinary deadline and in the future, with a reason. */
export function grantProblems(request: GrantRequest, roundClosesAt: string | undefined, now: Date): ExtensionProblem[] {
  const problems: ExtensionProblem[] = [];
  if (roundClosesAt === undefined) problems.push({ field: 'roundIndex', code: 'noSuchRound' });
  else if (request.until.getTime() <= Date.parse(roundClosesAt)) problems.push({ field: 'until', code: 'untilBeforeDeadline' });
  else if (request.until.getTime() <= now.getTime()) problems.push({ field: 'until', code: 'untilPast' });
  if (request.reason.trim() === '') problems.push({ field: 'reason', code: 'required' });
  if (request.reason.length > 2000) problems.push({ field: 'reason', code: 'tooLong', params: { max: 2000 } });
  return problems;
}

/** Revoking is allowed until the municipality has submitted under the exception. */
export function revokeProblem(extension: Pick<DeadlineExtension, 'revokedAt' | 'usedAt'>): ExtensionProblem | undefined {
  const recorded = recordedState(extension);
  if (extensionWorkflow.can(recorded, 'revoke')) return undefined;
  return { field: 'reason', code: recorded === 'revoked' ? 'revoked' : 'used' };
}

/**
 * The deadline that applies to an applicant: the round's ordinary deadline, or the later instant
 * of an unrevoked exception. An exception never shortens the ordinary deadline.
 */
export function applicableDeadline(ordinary: Date, extension: Pick<DeadlineExtension, 'until' | 'revokedAt'> | undefined): Date {
  if (!extension || extension.revokedAt !== null) return ordinary;
  const until = new Date(extension.until);
  return until.getTime() > ordinary.getTime() ? until : ordinary;
}

/** A submission at `now` relies on the exception when the ordinary deadline has passed. */
export function reliesOnExtension(ordinary: Date, now: Date): boolean {
  return now.getTime() >= ordinary.getTime();
}
