/**
 * The innovation prize (innovasjonsprisen): a yearly call for nominations with criteria and a
 * deadline, nominated cases checked (only a case put to use — NYTTIGGJORT — can win), a jury that
 * works by the assessment capability's rules, and the owner's decision, published with the years
 * before. The prize's own workflow is data; the jury's steps are the assessment's. Pure: no IO.
 */
import { refuse, type Refused } from '../platform/outcome.js';
import { defineWorkflow } from '../platform/workflow.js';
import type { Phase } from './model.js';

export const prizeWorkflow = defineWorkflow({
  states: {
    open: {
      staff: { nb: 'Åpen for nominasjoner', nn: 'Open for nominasjonar', da: 'Åben for indstillinger', en: 'Open for nominations' },
      public: { nb: 'Åpen for nominasjoner', nn: 'Open for nominasjonar', da: 'Åben for indstillinger', en: 'Open for nominations' },
    },
    judging: {
      staff: { nb: 'Hos juryen', nn: 'Hos juryen', da: 'Hos juryen', en: 'With the jury' },
      public: { nb: 'Juryen vurderer', nn: 'Juryen vurderer', da: 'Juryen vurderer', en: 'The jury is judging' },
    },
    decided: {
      staff: {
        nb: 'Vinner kåret, ikke publisert',
        nn: 'Vinnar kåra, ikkje publisert',
        da: 'Vinder kåret, ikke offentliggjort',
        en: 'Winner chosen, not published',
      },
      public: { nb: 'Juryen vurderer', nn: 'Juryen vurderer', da: 'Juryen vurderer', en: 'The jury is judging' },
    },
    published: {
      staff: { nb: 'Vinner publisert', nn: 'Vinnar publisert', da: 'Vinder offentliggjort', en: 'Winner published' },
      public: { nb: 'Vinner kåret', nn: 'Vinnar kåra', da: 'Vinder kåret', en: 'Winner announced' },
    },
  },
  transitions: {
    /** The owner ends the call and gives the nominations to the jury. */
    closeNominations: { from: ['open'], to: 'judging' },
    decide: { from: ['judging'], to: 'decided' },
    /** The owner takes the decision back to the jury before it is published. */
    reconsider: { from: ['decided'], to: 'judging' },
    publish: { from: ['decided'], to: 'published' },
  },
});

export type PrizeState = (typeof prizeWorkflow.states)[number];
export type PrizeAction = (typeof prizeWorkflow.actions)[number];

export interface PrizeCriterion {
  title: string;
  description: string;
  weight: number;
}

export type Award = 'winner' | 'mention';

export type PrizeProblem =
  | { kind: 'prizeNotFound' }
  | { kind: 'caseNotFound' }
  | { kind: 'notOpen' }
  | { kind: 'pastDeadline' }
  | { kind: 'notPutToUse' }
  | { kind: 'projectNotFound' }
  /** A project is nominated once it has ended with its final report approved (a case: once put to use). */
  | { kind: 'notEnded' }
  | { kind: 'alreadyNominated' }
  | { kind: 'reasonMissing' }
  | { kind: 'noNominations' }
  | { kind: 'noJury' }
  | { kind: 'notJuror' }
  | { kind: 'alreadyJuror' }
  | { kind: 'notAgreed' }
  | { kind: 'winnerMissing' }
  | { kind: 'statementMissing' }
  /** The prize is not at the stage the step belongs to. */
  | { kind: 'wrongStage' };

/** What is nominated: a case of the bank (at its phase), or a project (whether it has ended with its final report approved). */
export type Nominee = { kind: 'case'; phase: Phase } | { kind: 'project'; ended: boolean };

/**
 * Whether a case or a project can be nominated now: the call is open, its deadline (an instant,
 * judged on the database clock inside the nominating transaction) not passed, and the nominee has
 * shown it works. For a case that is seed 002's last step, put to use (NYTTIGGJORT); for a project
 * the like: it has ended (completed, evaluated or closed) with its final report approved.
 */
export function nominationProblem(
  prize: { state: PrizeState; deadline: Date },
  nominee: Nominee,
  now: Date,
  reason: string,
): Refused<PrizeProblem> | undefined {
  if (prize.state !== 'open') return refuse({ kind: 'notOpen' });
  if (now.getTime() >= prize.deadline.getTime()) return refuse({ kind: 'pastDeadline' });
  if (nominee.kind === 'case' && nominee.phase !== 'put_to_use') return refuse({ kind: 'notPutToUse' });
  if (nominee.kind === 'project' && !nominee.ended) return refuse({ kind: 'notEnded' });
  if (reason.trim() === '') return refuse({ kind: 'reasonMissing' });
  return undefined;
}

/**
 * The owner's decision: one winner and any honourable mentions among the nominations, each of which
 * the jury has agreed on, with the jury's statement.
 */
export function decisionProblem(
  nominations: readonly { id: string; agreed: boolean }[],
  winnerId: string,
  mentionIds: readonly string[],
  statement: string,
): PrizeProblem | undefined {
  const byId = new Map(nominations.map((n) => [n.id, n]));
  if (!byId.has(winnerId)) return { kind: 'winnerMissing' };
  if (statement.trim() === '') return { kind: 'statementMissing' };
  if (![winnerId, ...mentionIds].every((id) => byId.get(id)?.agreed)) return { kind: 'notAgreed' };
  return undefined;
}

/** The awards as the decision gives them: the winner, then the mentions that are not the winner. */
export function awardsOf(winnerId: string, mentionIds: readonly string[]): Map<string, Award> {
  const awards = new Map<string, Award>([[winnerId, 'winner']]);
  for (const id of mentionIds) if (id !== winnerId) awards.set(id, 'mention');
  return awards;
}

/** The jurors' average per criterion over submitted sheets (what the jury starts its agreement from). */
export function averageScores(
  sheets: readonly Record<string, { score: number | null }>[],
  keys: readonly string[],
): Record<string, number | null> {
  return Object.fromEntries(
    keys.map((key) => {
      const scores = sheets.map((s) => s[key]?.score).filter((s): s is number => typeof s === 'number');
      return [key, scores.length === 0 ? null : Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10];
    }),
  );
}

/** Whether a project has ended with its final report approved (what nominating it asks). */
export const projectEnded = (project: { state: string; finalReport: unknown }): boolean =>
  ['completed', 'evaluated', 'closed'].includes(project.state) && project.finalReport !== null;
