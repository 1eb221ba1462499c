/**
 * Late submission by explicit exception (utsettelse; seed 000: "I spesielle tilfeller kan det gis
 * utsettelse"): the owner gives one named municipality a later deadline in one round of a call,
 * with a reason. It can be revoked until the municipality has submitted under it. Pure: no IO.
 */

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

/** Where an exception stands: active until its instant, used once relied on, revoked, or run out. */
export type ExtensionState = 'active' | 'used' | 'revoked' | 'expired';

export function extensionState(extension: Pick<DeadlineExtension, 'until' | 'revokedAt' | 'usedAt'>, now: Date): ExtensionState {
  if (extension.revokedAt !== null) return 'revoked';
  if (now.getTime() >= Date.parse(extension.until)) return 'expired';
  return extension.usedAt !== null ? 'used' : 'active';
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
  if (extension.revokedAt !== null) return { field: 'reason', code: 'revoked' };
  if (extension.usedAt !== null) return { field: 'reason', code: 'used' };
  return undefined;
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
