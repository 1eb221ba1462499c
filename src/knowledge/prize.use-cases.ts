/**
 * The innovation prize's changes, one function each, in one transaction with its audit entry:
 * nominate a case, appoint a juror, give the nominations to the jury (excluding the jurors the
 * platform knows to be in conflict), a juror's declaration and scores, the jury's agreement, the
 * owner's decision and its publication. The jury's rules are the assessment capability's.
 */
import {
  consensusOf,
  criteriaOf,
  declare,
  exclusionFor,
  recordConsensus,
  reviewerProfile,
  scoreApplication,
  startReview,
  type AssessmentProblem,
  type Declaration,
  type ReviewCriterion,
  type ScoreSheet,
} from '../assessment/index.js';
import { recordAudit } from '../platform/audit/store.js';
import { listRoleHolders } from '../platform/auth/store.js';
import type { Queryable, Tx } from '../platform/db/database.js';
import { clock, type Actor } from '../platform/db/kit.js';
import { inTransaction, isRefused, refuse, versionConflict, type Refused } from '../platform/outcome.js';
import type { Country } from './model.js';
import { awardsOf, decisionProblem, nominationProblem, prizeWorkflow, projectEnded, type PrizeAction, type PrizeProblem } from './prize.js';
import { findProjectFacts } from '../projects/index.js';
import {
  findNomination,
  findPrize,
  findPrizeById,
  findPrizeAssignment,
  insertJuror,
  insertNomination,
  insertPrizeAssignment,
  listAssignmentsOfPrize,
  listJurors,
  listNominations,
  setAgreedScores,
  setAwards,
  setReviewState,
  updatePrize,
  updatePrizeAssignment,
  type StoredPrize,
} from './prize.store.js';
import { findCaseBySlug } from './store.js';

export type JuryProblem = PrizeProblem | AssessmentProblem;
type Outcome<T> = Promise<T | Refused<JuryProblem>>;

const audit = (trx: Tx, actor: Actor, recordType: string, recordId: string, action: string, reason?: string) =>
  recordAudit(trx, {
    actor: actor.user,
    requestId: actor.requestId,
    recordType,
    recordId,
    action,
    ...(reason ? { reason } : {}),
  });

export const prizeCriteria = (prize: StoredPrize): ReviewCriterion[] => criteriaOf({ criteria: prize.criteria });

/** Anyone signed in nominates a case put to use, before the deadline; a municipality may nominate its own. */
export function nominateCase(db: Queryable, country: Country, year: number, slug: string, reason: string, actor: Actor): Outcome<string> {
  return inTransaction(db, async (trx) => {
    const prize = await findPrize(trx, country, year, true);
    if (!prize) return refuse<JuryProblem>({ kind: 'prizeNotFound' });
    const item = await findCaseBySlug(trx, slug);
    if (!item) return refuse<JuryProblem>({ kind: 'caseNotFound' });
    const problem = nominationProblem(prize, { kind: 'case', phase: item.phase }, await clock(trx, actor), reason);
    if (problem) return problem;
    const id = await insertNomination(trx, { prizeId: prize.id, caseId: item.id, reason: reason.trim(), byName: actor.user?.name ?? null });
    if (!id) return refuse<JuryProblem>({ kind: 'alreadyNominated' });
    await audit(trx, actor, 'knowledge_prize_nomination', id, 'nominate', item.title);
    return id;
  });
}

/**
 * Anyone signed in nominates a project of the prize's country (through the projects capability's
 * public facts) that has ended with its final report approved, before the deadline. The project's
 * title and municipalities are kept as nominated, for the jury.
 */
export function nominateProject(
  db: Queryable,
  country: Country,
  year: number,
  projectId: string,
  reason: string,
  actor: Actor,
): Outcome<string> {
  return inTransaction(db, async (trx) => {
    const prize = await findPrize(trx, country, year, true);
    if (!prize) return refuse<JuryProblem>({ kind: 'prizeNotFound' });
    const project = await findProjectFacts(trx, projectId);
    if (!project || project.country !== country) return refuse<JuryProblem>({ kind: 'projectNotFound' });
    const problem = nominationProblem(prize, { kind: 'project', ended: projectEnded(project) }, await clock(trx, actor), reason);
    if (problem) return problem;
    const id = await insertNomination(trx, {
      prizeId: prize.id,
      project: {
        id: project.id,
        title: project.title,
        language: project.country === 'DK' ? 'da' : 'nb',
        municipalities: project.members.map(({ code, name }) => ({ code, name })),
      },
      reason: reason.trim(),
      byName: actor.user?.name ?? null,
    });
    if (!id) return refuse<JuryProblem>({ kind: 'alreadyNominated' });
    await audit(trx, actor, 'knowledge_prize_nomination', id, 'nominate', project.title);
    return id;
  });
}

/** The owner appoints a reviewer to the jury while the call is open. */
export function appointJuror(db: Queryable, country: Country, year: number, userId: string, actor: Actor): Outcome<void> {
  return inTransaction(db, async (trx) => {
    const prize = await findPrize(trx, country, year, true);
    if (!prize) return refuse<JuryProblem>({ kind: 'prizeNotFound' });
    if (prize.state !== 'open') return refuse<JuryProblem>({ kind: 'wrongStage' });
    const candidate = (await listRoleHolders(trx, { role: 'reviewer' })).find((h) => h.userId === userId);
    if (!candidate) return refuse<JuryProblem>({ kind: 'notJuror' });
    if (!(await insertJuror(trx, prize.id, { userId, name: candidate.name }))) return refuse<JuryProblem>({ kind: 'alreadyJuror' });
    await audit(trx, actor, 'knowledge_prize', prize.id, 'appoint-juror', candidate.name);
  });
}

async function movePrize(
  trx: Tx,
  prize: StoredPrize,
  baseVersion: number,
  action: PrizeAction,
  actor: Actor,
  juryStatement?: string,
): Promise<Refused<JuryProblem> | undefined> {
  if (prize.version !== baseVersion) return refuse(versionConflict(prize.version, baseVersion));
  const move = prizeWorkflow.apply(prize.state, action);
  if (isRefused(move)) return refuse({ kind: 'wrongStage' });
  const change = juryStatement === undefined ? { state: move.to } : { state: move.to, juryStatement };
  if (!(await updatePrize(trx, prize.id, baseVersion, change, actor.user?.name ?? null)))
    return refuse(versionConflict(baseVersion + 1, baseVersion));
  await recordAudit(trx, {
    actor: actor.user,
    requestId: actor.requestId,
    recordType: 'knowledge_prize',
    recordId: prize.id,
    action: move.action,
    fromState: move.from,
    toState: move.to,
  });
  return undefined;
}

/**
 * The owner ends the call and gives every nomination to every juror. A juror employed by or living
 * in a nominated case's municipality is excluded from that nomination at once, with the reason
 * kept; the others declare their interests before they see it.
 */
export function closeNominations(db: Queryable, country: Country, year: number, baseVersion: number, actor: Actor): Outcome<void> {
  return inTransaction(db, async (trx) => {
    const prize = await findPrize(trx, country, year, true);
    if (!prize) return refuse<JuryProblem>({ kind: 'prizeNotFound' });
    const nominations = await listNominations(trx, prize.id);
    const jurors = await listJurors(trx, prize.id);
    if (prize.state === 'open' && nominations.length === 0) return refuse<JuryProblem>({ kind: 'noNominations' });
    if (prize.state === 'open' && jurors.length === 0) return refuse<JuryProblem>({ kind: 'noJury' });
    const moved = await movePrize(trx, prize, baseVersion, 'closeNominations', actor);
    if (moved) return moved;
    for (const nomination of nominations) {
      let assigned = 0;
      for (const juror of jurors) {
        const profile = (await reviewerProfile(trx, juror.userId)) ?? { ...juror, employerCodes: [], homeMunicipalityCode: null };
        const exclusion = exclusionFor(profile, {
          applicationId: nomination.id,
          members: nomination.municipalities,
          assignedReviewerIds: [],
          conflictedReviewerIds: [],
        });
        await insertPrizeAssignment(trx, { nominationId: nomination.id, juror, exclusion });
        if (!exclusion) assigned++;
      }
      const review = assigned > 0 ? startReview(nomination.reviewState) : null;
      if (review) await setReviewState(trx, nomination.id, review.to);
    }
  });
}

async function ownAssignment(trx: Tx, assignmentId: string, baseVersion: number, actor: Actor) {
  const assignment = await findPrizeAssignment(trx, assignmentId, true);
  if (!assignment || assignment.jurorUserId !== actor.user?.userId) return refuse<JuryProblem>({ kind: 'notJuror' });
  if (assignment.version !== baseVersion) return refuse<JuryProblem>(versionConflict(assignment.version, baseVersion));
  return assignment;
}

/** A juror declares, before seeing the nomination, whether they have a conflict of interest. */
export function declareAsJuror(
  db: Queryable,
  assignmentId: string,
  baseVersion: number,
  declaration: Declaration,
  actor: Actor,
): Outcome<void> {
  return inTransaction(db, async (trx) => {
    const assignment = await ownAssignment(trx, assignmentId, baseVersion, actor);
    if (isRefused(assignment)) return assignment;
    const move = declare(assignment.state, declaration);
    if (isRefused(move)) return move;
    if (!(await updatePrizeAssignment(trx, assignment.id, baseVersion, { state: move.to, declaration })))
      return refuse<JuryProblem>(versionConflict(baseVersion + 1, baseVersion));
    await audit(trx, actor, 'knowledge_prize_assignment', assignment.id, move.action);
  });
}

/** A juror saves scores with a rationale per criterion, or submits them (refused while any is missing). */
export function scoreNomination(
  db: Queryable,
  assignmentId: string,
  baseVersion: number,
  sheet: ScoreSheet,
  submit: boolean,
  actor: Actor,
): Outcome<{ submitted: boolean; missing: number }> {
  return inTransaction(db, async (trx) => {
    const assignment = await ownAssignment(trx, assignmentId, baseVersion, actor);
    if (isRefused(assignment)) return assignment;
    const nomination = (await findNomination(trx, assignment.nominationId))!;
    const prize = (await findPrizeById(trx, nomination.prizeId))!;
    if (prize.state !== 'judging') return refuse<JuryProblem>({ kind: 'wrongStage' });
    const scored = scoreApplication(assignment.state, nomination.reviewState, prizeCriteria(prize), sheet, submit);
    if (isRefused(scored)) return scored;
    const state = scored.transition?.to ?? assignment.state;
    if (!(await updatePrizeAssignment(trx, assignment.id, baseVersion, { state, scores: sheet })))
      return refuse<JuryProblem>(versionConflict(baseVersion + 1, baseVersion));
    await audit(trx, actor, 'knowledge_prize_assignment', assignment.id, scored.submitted ? 'submitScores' : 'save-scores');
    return { submitted: scored.submitted, missing: scored.warnings.length };
  });
}

/** The jury's agreed score and reasoning per criterion, recorded by the owner once a juror has submitted. */
export function agreeOnNomination(db: Queryable, nominationId: string, sheet: ScoreSheet, actor: Actor): Outcome<void> {
  return inTransaction(db, async (trx) => {
    const nomination = await findNomination(trx, nominationId);
    if (!nomination) return refuse<JuryProblem>({ kind: 'prizeNotFound' });
    const prize = (await findPrizeById(trx, nomination.prizeId))!;
    if (prize.state !== 'judging') return refuse<JuryProblem>({ kind: 'wrongStage' });
    const submitted = (await listAssignmentsOfPrize(trx, prize.id)).filter(
      (a) => a.nominationId === nominationId && a.state === 'submitted',
    ).length;
    const criteria = prizeCriteria(prize);
    const move = recordConsensus(nomination.reviewState, criteria, sheet, submitted);
    if (isRefused(move)) return move;
    await setAgreedScores(trx, nominationId, consensusOf(criteria, sheet), actor.user?.name ?? null);
    await audit(trx, actor, 'knowledge_prize_nomination', nominationId, move.action, nomination.nomineeTitle);
  });
}

/** The owner records the winner and the honourable mentions with the jury's statement. */
export function decidePrize(
  db: Queryable,
  country: Country,
  year: number,
  baseVersion: number,
  decision: { winnerId: string; mentionIds: readonly string[]; statement: string },
  actor: Actor,
): Outcome<void> {
  return inTransaction(db, async (trx) => {
    const prize = await findPrize(trx, country, year, true);
    if (!prize) return refuse<JuryProblem>({ kind: 'prizeNotFound' });
    const nominations = await listNominations(trx, prize.id);
    const problem = decisionProblem(
      nominations.map((n) => ({ id: n.id, agreed: n.reviewState === 'agreed' })),
      decision.winnerId,
      decision.mentionIds,
      decision.statement,
    );
    if (problem) return refuse<JuryProblem>(problem);
    const moved = await movePrize(trx, prize, baseVersion, 'decide', actor, decision.statement.trim());
    if (moved) return moved;
    await setAwards(trx, prize.id, awardsOf(decision.winnerId, decision.mentionIds));
  });
}

/** Publishes the decision (the prize page and the winning case's mark), or takes it back to the jury. */
export function settlePrize(
  db: Queryable,
  country: Country,
  year: number,
  baseVersion: number,
  action: 'publish' | 'reconsider',
  actor: Actor,
): Outcome<void> {
  return inTransaction(db, async (trx) => {
    const prize = await findPrize(trx, country, year, true);
    if (!prize) return refuse<JuryProblem>({ kind: 'prizeNotFound' });
    const moved = await movePrize(trx, prize, baseVersion, action, actor);
    if (moved) return moved;
    if (action === 'reconsider') await setAwards(trx, prize.id, new Map());
  });
}
