/**
 * Ranking, selection and decisions on a call's applications, after assessment. Pure: no IO.
 *
 * The stated rules (the ranking page prints them in the reader's language):
 * R1 Only submitted applications take part; drafts and withdrawn applications do not.
 * R2 Weighted total = Σ weight × agreed score / 100 over the call's criteria (weights sum to 100),
 *    so the total is on the score scale.
 * R3 An application without an agreed score on every criterion is not rankable: it is listed apart
 *    with the criteria it lacks, and cannot be selected.
 * R4 A higher total ranks higher. Equal totals share a rank and are shown as a tie; within a tie the
 *    list is ordered by the agreed score on the heaviest criterion, then the next heaviest (call
 *    order among equal weights), then the earlier final submission. The shared rank stays.
 * R5 An application with an open flag is ranked and shown, but cannot be selected until resolved.
 * S1 The sum granted may not exceed the budget frame; the number selected may not exceed the
 *    call's maximum. Both are refused with their numbers. Fewer than the minimum, or more than a
 *    round's expected number, is a warning.
 * S2 Selecting needs a granted amount above zero (left empty, the pages take the amount applied
 *    for where the form asks for one); recording needs a reason for every application.
 * S3 An application that has a decision keeps its selection: it can no longer change.
 */
import { isRefused } from '../platform/outcome.js';
import { defineWorkflow, type Names, type Transitioned } from '../platform/workflow.js';
import { parseNumber, type Answers, type ContentLanguage, type Country, type Currency, type FormDefinition } from '../programmes/index.js';

// Ranking -----------------------------------------------------------------------------------------

export interface RankingCriterion {
  key: string;
  title: string;
  /** Percent; the weights of a call sum to 100. */
  weight: number;
}

/** The consensus score of one criterion of one application (from assessment). */
export interface AgreedScore {
  applicationId: string;
  criterionKey: string;
  score: number;
  reasoning: string;
}

export interface Candidate {
  applicationId: string;
  /** The lead municipality first, then the partners. */
  applicant: string;
  roundIndex: number;
  /** From the application's first amount part; null when the form asks for none or it is unreadable. */
  requestedAmount: number | null;
  /** When the counting (last) version was submitted, ISO 8601. */
  submittedAt: string;
  /** An open flag pauses the application (R5). */
  paused: boolean;
}

export interface RankedApplication extends Candidate {
  rank: number;
  /** Shares its rank with another application (R4). */
  tied: boolean;
  /** Weighted total on the score scale (R2). */
  total: number;
  scores: Record<string, number>;
}

export interface UnrankableApplication extends Candidate {
  /** Titles of the criteria without an agreed score (R3). */
  missing: string[];
}

export interface Ranking {
  ranked: RankedApplication[];
  unrankable: UnrankableApplication[];
}

/** Σ weight × score / 100, or the criteria without a score. */
export function weightedTotal(
  criteria: readonly RankingCriterion[],
  scores: Readonly<Record<string, number>>,
): { ok: true; total: number } | { ok: false; missing: string[] } {
  const missing = criteria.filter((c) => scores[c.key] === undefined).map((c) => c.title);
  if (missing.length > 0 || criteria.length === 0) return { ok: false, missing };
  const hundredths = criteria.reduce((sum, c) => sum + c.weight * scores[c.key]!, 0);
  return { ok: true, total: Math.round(hundredths * 1000) / 100_000 };
}

/** Ranks the candidates by R2–R4. */
export function rankApplications(
  criteria: readonly RankingCriterion[],
  candidates: readonly Candidate[],
  agreed: readonly AgreedScore[],
): Ranking {
  const byApplication = new Map<string, Record<string, number>>();
  for (const score of agreed) {
    const scores = byApplication.get(score.applicationId) ?? {};
    scores[score.criterionKey] = score.score;
    byApplication.set(score.applicationId, scores);
  }
  const heaviestFirst = criteria.map((c, position) => ({ ...c, position })).sort((a, b) => b.weight - a.weight || a.position - b.position);
  const scored: (Candidate & { total: number; scores: Record<string, number> })[] = [];
  const unrankable: UnrankableApplication[] = [];
  for (const candidate of candidates) {
    const scores = byApplication.get(candidate.applicationId) ?? {};
    const result = weightedTotal(criteria, scores);
    if (result.ok) scored.push({ ...candidate, total: result.total, scores });
    else unrankable.push({ ...candidate, missing: result.missing.length > 0 ? result.missing : criteria.map((c) => c.title) });
  }
  scored.sort((a, b) => {
    if (b.total !== a.total) return b.total - a.total;
    for (const criterion of heaviestFirst) {
      const difference = (b.scores[criterion.key] ?? 0) - (a.scores[criterion.key] ?? 0);
      if (difference !== 0) return difference;
    }
    return Date.parse(a.submittedAt) - Date.parse(b.submittedAt) || a.applicationId.localeCompare(b.applicationId);
  });
  const ranked = scored.map((entry, index): RankedApplication => {
    const first = scored.findIndex((other) => other.total === entry.total);
    const tied = scored.some((other, j) => j !== index && other.total === entry.total);
    return { ...entry, rank: first + 1, tied };
  });
  unrankable.sort((a, b) => a.applicant.localeCompare(b.applicant, 'nb'));
  return { ranked, unrankable };
}

// Requested amount ---------------------------------------------------------------------------------

/** The answer to the form's first amount part (the amount applied for), as a whole number. */
export function requestedAmount(form: FormDefinition, answers: Answers): number | null {
  const part = form.sections.flatMap((s) => s.parts).find((p) => p.kind === 'amount');
  const value = part ? answers[part.key] : undefined;
  if (typeof value !== 'string') return null;
  const amount = parseNumber(value);
  return amount === undefined || amount < 0 ? null : Math.round(amount);
}

// Selection ----------------------------------------------------------------------------------------

export const LETTER_LANGUAGES = ['nb', 'nn', 'da'] as const;
export type LetterLanguage = (typeof LETTER_LANGUAGES)[number];

/** The letter languages of a country: bokmål and nynorsk in Norway, Danish in Denmark. */
export function letterLanguagesOf(country: Country): LetterLanguage[] {
  return country === 'DK' ? ['da'] : ['nb', 'nn'];
}

/** The application's language if recorded, else the call's, else the country's first. */
export function defaultLetterLanguage(country: Country, ...preferred: (ContentLanguage | string | null | undefined)[]): LetterLanguage {
  const allowed = letterLanguagesOf(country);
  return (preferred.find((l): l is LetterLanguage => allowed.includes(l as LetterLanguage)) ?? allowed[0]!) as LetterLanguage;
}

export interface SelectionFrame {
  /** Expected selections per round, in round order. */
  rounds: { expected: number | null }[];
  quota: { min: number | null; max: number | null };
  budget: number | null;
  currency: Currency;
}

/** The owner's choice for one application. */
export interface Choice {
  applicationId: string;
  selected: boolean;
  /** Granted amount; only meaningful when selected. */
  amount: number | null;
  reason: string;
}

/** Why a selection breaks the rules (S1–S3, R3, R5): each with its numbers or its applicant. */
export type RuleBreach =
  | { kind: 'overBudget'; granted: number; budget: number; excess: number }
  | { kind: 'overQuota'; selected: number; max: number }
  | { kind: 'notSelectable'; applicationId: string; applicant: string; why: 'paused' | 'unrankable' | 'unknown' }
  | { kind: 'amountMissing'; applicationId: string; applicant: string }
  | { kind: 'reasonMissing'; applicationId: string; applicant: string }
  | { kind: 'reasonTooLong'; applicationId: string; applicant: string; max: number }
  | { kind: 'locked'; applicationId: string; applicant: string };

export type SelectionWarning =
  | { kind: 'underQuota'; selected: number; min: number }
  | { kind: 'roundOverExpected'; round: number; selected: number; expected: number }
  | { kind: 'aboveRequested'; applicationId: string; applicant: string; amount: number; requested: number };

export type AlternativeBlocker = 'budget' | 'quota' | 'round';

export interface Alternative {
  applicationId: string;
  applicant: string;
  rank: number;
  tied: boolean;
  total: number;
  roundIndex: number;
  requestedAmount: number | null;
  /** Would fit if added alone to the selection as it stands (with its requested amount). */
  fits: boolean;
  blockers: AlternativeBlocker[];
}

export interface RoundTally {
  round: number;
  selected: number;
  expected: number | null;
  granted: number;
}

export interface SelectionEvaluation {
  selected: number;
  granted: number;
  /** Budget left; null without a budget frame. */
  remaining: number | null;
  rounds: RoundTally[];
  problems: RuleBreach[];
  warnings: SelectionWarning[];
  /** The second-best list: unselected selectable applications in rank order. */
  alternatives: Alternative[];
}

export const REASON_MAX = 4000;

/**
 * What a selection means against the frame: the sums, the refusals with their numbers (S1, S2, R3,
 * R5), the warnings, and the alternatives. `record` adds the reasons that recording requires.
 */
export function evaluateSelection(
  ranking: Ranking,
  frame: SelectionFrame,
  choices: readonly Choice[],
  mode: 'simulate' | 'record',
): SelectionEvaluation {
  const ranked = new Map(ranking.ranked.map((r) => [r.applicationId, r]));
  const unrankable = new Map(ranking.unrankable.map((u) => [u.applicationId, u]));
  const problems: RuleBreach[] = [];
  const warnings: SelectionWarning[] = [];
  const chosen: (Choice & { entry: RankedApplication })[] = [];
  for (const choice of choices) {
    const entry = ranked.get(choice.applicationId);
    const applicant = entry?.applicant ?? unrankable.get(choice.applicationId)?.applicant ?? choice.applicationId;
    if (mode === 'record' && entry && !entry.paused) {
      if (choice.reason.trim() === '') problems.push({ kind: 'reasonMissing', applicationId: choice.applicationId, applicant });
      if (choice.reason.length > REASON_MAX)
        problems.push({ kind: 'reasonTooLong', applicationId: choice.applicationId, applicant, max: REASON_MAX });
    }
    if (!choice.selected) continue;
    if (!entry || entry.paused) {
      problems.push({
        kind: 'notSelectable',
        applicationId: choice.applicationId,
        applicant,
        why: entry ? 'paused' : unrankable.has(choice.applicationId) ? 'unrankable' : 'unknown',
      });
      continue;
    }
    if (choice.amount === null || choice.amount <= 0)
      problems.push({ kind: 'amountMissing', applicationId: choice.applicationId, applicant });
    else if (entry.requestedAmount !== null && choice.amount > entry.requestedAmount)
      warnings.push({
        kind: 'aboveRequested',
        applicationId: choice.applicationId,
        applicant,
        amount: choice.amount,
        requested: entry.requestedAmount,
      });
    chosen.push({ ...choice, entry });
  }
  const granted = chosen.reduce((sum, c) => sum + (c.amount ?? 0), 0);
  const selected = chosen.length;
  if (frame.budget !== null && granted > frame.budget)
    problems.unshift({ kind: 'overBudget', granted, budget: frame.budget, excess: granted - frame.budget });
  if (frame.quota.max !== null && selected > frame.quota.max) problems.unshift({ kind: 'overQuota', selected, max: frame.quota.max });
  if (frame.quota.min !== null && selected < frame.quota.min) warnings.unshift({ kind: 'underQuota', selected, min: frame.quota.min });
  const rounds: RoundTally[] = frame.rounds.map((round, index) => {
    const inRound = chosen.filter((c) => c.entry.roundIndex === index);
    return {
      round: index + 1,
      selected: inRound.length,
      expected: round.expected,
      granted: inRound.reduce((sum, c) => sum + (c.amount ?? 0), 0),
    };
  });
  for (const tally of rounds) {
    if (tally.expected !== null && tally.selected > tally.expected)
      warnings.push({ kind: 'roundOverExpected', round: tally.round, selected: tally.selected, expected: tally.expected });
  }
  const remaining = frame.budget === null ? null : frame.budget - granted;
  const selectedIds = new Set(chosen.map((c) => c.applicationId));
  const alternatives = ranking.ranked
    .filter((r) => !r.paused && !selectedIds.has(r.applicationId))
    .map((r): Alternative => {
      const blockers: AlternativeBlocker[] = [];
      if (remaining !== null && r.requestedAmount !== null && r.requestedAmount > remaining) blockers.push('budget');
      if (remaining !== null && remaining <= 0) blockers.push('budget');
      if (frame.quota.max !== null && selected >= frame.quota.max) blockers.push('quota');
      const tally = rounds[r.roundIndex];
      if (tally && tally.expected !== null && tally.selected >= tally.expected) blockers.push('round');
      const unique = [...new Set(blockers)];
      return {
        applicationId: r.applicationId,
        applicant: r.applicant,
        rank: r.rank,
        tied: r.tied,
        total: r.total,
        roundIndex: r.roundIndex,
        requestedAmount: r.requestedAmount,
        fits: unique.length === 0,
        blockers: unique,
      };
    });
  return { selected, granted, remaining, rounds, problems, warnings, alternatives };
}

/** S3: choices that would change an application already decided. */
export function lockProblems(
  recorded: readonly Choice[],
  decided: ReadonlySet<string>,
  choices: readonly Choice[],
  applicantOf: (id: string) => string,
): RuleBreach[] {
  const before = new Map(recorded.map((c) => [c.applicationId, c]));
  return choices
    .filter((choice) => decided.has(choice.applicationId))
    .filter((choice) => {
      const was = before.get(choice.applicationId);
      return !was || was.selected !== choice.selected || (choice.selected && was.amount !== choice.amount);
    })
    .map((choice) => ({ kind: 'locked' as const, applicationId: choice.applicationId, applicant: applicantOf(choice.applicationId) }));
}

/** What the selection stands on: the ranking and frame, the recorded choices and the decided applications. */
export interface SelectionState {
  ranking: Ranking;
  frame: SelectionFrame;
  recorded: readonly Choice[];
  decided: ReadonlySet<string>;
}

/** A selection judged as recording would judge it: the evaluation, its breaches including S3's. */
export function judgeSelection(state: SelectionState, choices: readonly Choice[], mode: 'simulate' | 'record'): SelectionEvaluation {
  const { ranking } = state;
  const names = new Map([...ranking.ranked, ...ranking.unrankable].map((c) => [c.applicationId, c.applicant]));
  const evaluation = evaluateSelection(ranking, state.frame, choices, mode);
  const locked = lockProblems(state.recorded, state.decided, choices, (id) => names.get(id) ?? id);
  return { ...evaluation, problems: [...locked, ...evaluation.problems] };
}

/** S2: the granted amount as typed; a selected application left empty takes the amount applied for, if known. */
export function amountOrRequested(typed: string, selected: boolean, requested: number | null): string {
  const text = typed.trim();
  return text === '' && selected && requested !== null ? String(requested) : text;
}

export const AMOUNT_MAX = 1_000_000_000_000;

/** A granted amount as typed ("1 250 000", "1250000"): a whole number ≥ 0, blank as null, else 'invalid'. */
export function parseAmount(text: string): number | null | 'invalid' {
  if (text.trim() === '') return null;
  const value = parseNumber(text);
  if (value === undefined || !Number.isInteger(value) || value < 0 || value > AMOUNT_MAX) return 'invalid';
  return value;
}

// Decisions ----------------------------------------------------------------------------------------

/** The decision workflow: each state with what staff and the public call it, in four languages. */
export const decisionWorkflow = defineWorkflow({
  states: {
    pending: {
      staff: { nb: 'Til avgjørelse', nn: 'Til avgjerd', da: 'Afventer afgørelse', en: 'Awaiting decision' },
      public: { nb: 'Under behandling', nn: 'Under handsaming', da: 'Under behandling', en: 'Being processed' },
    },
    granted: {
      staff: { nb: 'Innvilget', nn: 'Innvilga', da: 'Imødekommet', en: 'Granted' },
      public: { nb: 'Innvilget', nn: 'Innvilga', da: 'Imødekommet', en: 'Granted' },
    },
    rejected: {
      staff: { nb: 'Avslått', nn: 'Avslått', da: 'Afslået', en: 'Rejected' },
      public: { nb: 'Ikke innvilget', nn: 'Ikkje innvilga', da: 'Ikke imødekommet', en: 'Not granted' },
    },
    published: {
      staff: {
        nb: 'Innvilget og offentliggjort',
        nn: 'Innvilga og offentleggjort',
        da: 'Imødekommet og offentliggjort',
        en: 'Granted and published',
      },
      public: { nb: 'Tildelt', nn: 'Tildelt', da: 'Tildelt', en: 'Awarded' },
    },
  },
  transitions: {
    grant: { from: ['pending'], to: 'granted' },
    reject: { from: ['pending'], to: 'rejected' },
    publish: { from: ['granted'], to: 'published' },
  },
});

export type DecisionState = (typeof decisionWorkflow.states)[number];
export type DecisionAction = (typeof decisionWorkflow.actions)[number];
export type DecisionMove = Transitioned<DecisionState, DecisionAction>;

/** A move the callers only ask for where the workflow allows it: a refusal here is a broken invariant. */
export function decisionMove(from: DecisionState, action: DecisionAction): DecisionMove {
  const moved = decisionWorkflow.apply(from, action);
  if (isRefused(moved)) throw new Error(`cannot ${action} a decision that is ${from}`);
  return moved;
}

export interface DecisionInput {
  conditions: string;
  reason: string;
  publicSummary: string;
  letterLanguage: string;
}

export interface Decision {
  applicationId: string;
  outcome: 'granted' | 'rejected';
  amount: number | null;
  conditions: string;
  reason: string;
  publicSummary: string;
  letterLanguage: LetterLanguage;
}

export type DecisionProblem = {
  applicationId: string;
  field: 'reason' | 'conditions' | 'publicSummary' | 'letterLanguage';
  code: 'required' | 'tooLong' | 'notAllowed';
};

export const CONDITIONS_MAX = 4000;
export const SUMMARY_MAX = 1000;

/**
 * Decides one application as its recorded selection says: selected → granted with the recorded
 * amount, otherwise rejected; every decision needs a reason, a granted one a public summary.
 */
export function decideApplication(
  choice: Choice,
  country: Country,
  input: DecisionInput,
): { ok: true; decision: Decision; move: DecisionMove } | { ok: false; problems: DecisionProblem[] } {
  const problems: DecisionProblem[] = [];
  const problem = (field: DecisionProblem['field'], code: DecisionProblem['code']) =>
    problems.push({ applicationId: choice.applicationId, field, code });
  const reason = input.reason.trim();
  if (reason === '') problem('reason', 'required');
  if (reason.length > REASON_MAX) problem('reason', 'tooLong');
  if (input.conditions.length > CONDITIONS_MAX) problem('conditions', 'tooLong');
  const summary = input.publicSummary.trim();
  if (choice.selected && summary === '') problem('publicSummary', 'required');
  if (summary.length > SUMMARY_MAX) problem('publicSummary', 'tooLong');
  if (!letterLanguagesOf(country).includes(input.letterLanguage as LetterLanguage)) problem('letterLanguage', 'notAllowed');
  if (choice.selected && (choice.amount === null || choice.amount <= 0))
    throw new Error(`selected application ${choice.applicationId} has no granted amount`);
  if (problems.length > 0) return { ok: false, problems };
  const outcome = choice.selected ? 'granted' : 'rejected';
  return {
    ok: true,
    decision: {
      applicationId: choice.applicationId,
      outcome,
      amount: choice.selected ? choice.amount : null,
      conditions: choice.selected ? input.conditions.trim() : '',
      reason,
      publicSummary: choice.selected ? summary : '',
      letterLanguage: input.letterLanguage as LetterLanguage,
    },
    move: decisionMove('pending', outcome === 'granted' ? 'grant' : 'reject'),
  };
}

// Letters' progress --------------------------------------------------------------------------------

/** The same name for staff and the public: only the owner sees a letter's progress. */
const forEveryone = (names: Names) => ({ staff: names, public: names });

/** Where a decision letter stands: the job's steps, shown to the owner. */
export const letterWorkflow = defineWorkflow({
  states: {
    queued: forEveryone({ nb: 'I kø', nn: 'I kø', da: 'I kø', en: 'Queued' }),
    made: forEveryone({ nb: 'Laget (PDF)', nn: 'Laga (PDF)', da: 'Dannet (PDF)', en: 'Made (PDF)' }),
    sent: forEveryone({ nb: 'Sendt', nn: 'Sendt', da: 'Sendt', en: 'Sent' }),
    'no-address': forEveryone({
      nb: 'Laget, ingen e-postadresse',
      nn: 'Laga, inga e-postadresse',
      da: 'Dannet, ingen e-mailadresse',
      en: 'Made, no e-mail address',
    }),
  },
  transitions: {
    make: { from: ['queued'], to: ['made', 'no-address'] },
    send: { from: ['made'], to: 'sent' },
  },
});
export type LetterState = (typeof letterWorkflow.states)[number];

export function letterState(letter: { fileId: string | null; sentAt: Date | null; recipients: readonly string[] }): LetterState {
  if (!letter.fileId) return 'queued';
  if (letter.sentAt) return 'sent';
  return letter.recipients.length === 0 ? 'no-address' : 'made';
}

/**
 * Four eyes (to personers kontroll): a decision prepared by one person waits for a second with the
 * approver role, who approves it (only then is the letter made and sent) or sends it back with a
 * reason, after which it is prepared again.
 */
export const approvalWorkflow = defineWorkflow({
  states: {
    awaiting: forEveryone({
      nb: 'Venter på godkjenning',
      nn: 'Ventar på godkjenning',
      da: 'Afventer godkendelse',
      en: 'Awaiting approval',
    }),
    approved: forEveryone({ nb: 'Godkjent', nn: 'Godkjend', da: 'Godkendt', en: 'Approved' }),
    returned: forEveryone({ nb: 'Sendt tilbake', nn: 'Send tilbake', da: 'Sendt tilbage', en: 'Sent back' }),
  },
  transitions: {
    approve: { from: ['awaiting'], to: 'approved' },
    return: { from: ['awaiting'], to: 'returned' },
    prepare: { from: ['returned'], to: 'awaiting' },
  },
  // Decisions the applicant may see and whose letter goes out.
  groups: { inForce: ['approved'] },
});
export type ApprovalState = (typeof approvalWorkflow.states)[number];

/**
 * An appeal (klage) on a decision: lodged by the applicant; the owner assesses it and either upholds
 * the decision (opprettholder), changes it (omgjør), or sends it on to the appeal body (klageinstansen).
 */
export const appealWorkflow = defineWorkflow({
  states: {
    lodged: {
      staff: { nb: 'Klage mottatt', nn: 'Klage motteken', da: 'Klage modtaget', en: 'Appeal received' },
      public: { nb: 'Klage mottatt', nn: 'Klage motteken', da: 'Klage modtaget', en: 'Appeal received' },
    },
    upheld: forEveryone({ nb: 'Vedtaket står ved lag', nn: 'Vedtaket står ved lag', da: 'Afgørelsen fastholdes', en: 'Decision upheld' }),
    changed: forEveryone({ nb: 'Vedtaket er endret', nn: 'Vedtaket er endra', da: 'Afgørelsen er ændret', en: 'Decision changed' }),
    forwarded: forEveryone({
      nb: 'Sendt til klageinstansen',
      nn: 'Send til klageinstansen',
      da: 'Sendt til klageinstansen',
      en: 'Sent on to the appeal body',
    }),
  },
  transitions: {
    uphold: { from: ['lodged'], to: 'upheld' },
    change: { from: ['lodged'], to: 'changed' },
    forward: { from: ['lodged'], to: 'forwarded' },
  },
});
export type AppealState = (typeof appealWorkflow.states)[number];
export type AppealAction = (typeof appealWorkflow.actions)[number];
export const APPEAL_ACTIONS: readonly AppealAction[] = ['uphold', 'change', 'forward'];

/** The appeal period from the day the decision was made known: three weeks in Norway (forvaltningsloven § 29), four in Denmark. */
export const APPEAL_WEEKS: Record<Country, number> = { NO: 3, DK: 4 };

/** The last instant an appeal is in time, from when the decision was made known (its approval). */
export function appealDeadline(notifiedAt: Date, country: Country): Date {
  return new Date(notifiedAt.getTime() + APPEAL_WEEKS[country] * 7 * 86_400_000);
}

/** Whether this person may approve a decision: not the one who prepared it. */
export const mayApprove = (approverId: string, preparedById: string | null): boolean => approverId !== preparedById;

/** A second person with the approver role in the owning organisation approves decisions. */
export function hasApprovalAuthority(
  principal: { memberships: readonly { role: string; organisationId: string }[] } | null,
  ownerOrganisationId: string,
): boolean {
  return (principal?.memberships ?? []).some((m) => m.role === 'decision_approver' && m.organisationId === ownerOrganisationId);
}

/** The owner of the owning organisation has the authority to select and decide; an administrator does not. */
export function hasDecisionAuthority(
  principal: { memberships: readonly { role: string; organisationId: string }[] } | null,
  ownerOrganisationId: string,
): boolean {
  return (principal?.memberships ?? []).some((m) => m.role === 'programme_owner' && m.organisationId === ownerOrganisationId);
}
