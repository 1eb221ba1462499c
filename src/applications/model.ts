/**
 * Applications to a call, from the applicant's side: the network of members with their invitations
 * and political decisions, answers parsed from a form post, submission that checks every rule, every
 * required part and the deadline against a given instant, and the problems a use case refuses with.
 * The workflows are in workflows.ts, partner suggestions in partners.ts and the projected challenge's
 * figures in challenge.ts. Pure: no IO.
 */
import type { Principal } from '../platform/auth/model.js';
import { isRefused, refuse, type Refused, type VersionConflict } from '../platform/outcome.js';
import type { IllegalTransition, Transitioned } from '../platform/workflow.js';
import {
  answeredSections,
  DECISION_BODIES,
  decisionBodiesOf,
  evaluateEligibility,
  validateAnswers,
  type Answers,
  type AnswerValue,
  type DecisionBody,
  type Eligibility,
  type EligibilityRule,
  type FormDefinition,
  type Issue,
  type MemberContext,
  type Round,
  type StoredCall,
} from '../programmes/index.js';
import type { ProjectedChallenge } from './challenge.js';
import {
  applicationWorkflow,
  invitationWorkflow,
  type ApplicationAction,
  type ApplicationStatus,
  type InvitationState,
} from './workflows.js';

export type { ApplicationStatus, InvitationState, ProjectedChallenge };

export interface Decision {
  body: DecisionBody;
  /** ISO date of the meeting. */
  date: string;
  fileId: string;
  fileName: string;
}

export interface Member {
  code: string;
  name: string;
  role: 'lead' | 'co';
  invitation: InvitationState;
  decision: Decision | null;
}

export interface Application {
  id: string;
  /** The case number (saksnummer) people read and quote, e.g. 2026/0042; the id stays internal. */
  caseNumber: string;
  callId: string;
  leadCode: string;
  status: ApplicationStatus;
  version: number;
  answers: Answers;
  members: Member[];
  /** How many versions have been submitted; the last counts. */
  submissions: number;
}

/** The municipalities in whose name the person works as a case worker. */
export function caseWorkerMunicipalities(principal: Principal | null): { code: string; name: string }[] {
  return (principal?.memberships ?? [])
    .filter((m) => m.role === 'case_worker' && m.municipalityCode)
    .map((m) => ({ code: m.municipalityCode!, name: m.organisationName }));
}

// Problems ---------------------------------------------------------------------------------------

export type NetworkProblem = 'alreadyMember' | 'tooMany' | 'notPending' | 'notMember' | 'lead' | 'notAccepted' | 'badBody' | 'badDate';

export interface NetworkRefusal {
  kind: 'network';
  reason: NetworkProblem;
}

/** A stale save or submission, with the labels of the parts changed since the person's version. */
export interface AnswersConflict extends VersionConflict {
  changedParts: string[];
}

/** Why a use case of applications would not do what it was asked; nothing was written. */
export type ApplicationProblem =
  | { kind: 'notFound' }
  | { kind: 'callNotOpen' }
  /** The deadline has passed (database clock), or the application was withdrawn. */
  | { kind: 'readOnly'; deadline: Date; timeZone: string }
  | AnswersConflict
  | NetworkRefusal
  /** The network changed between reading it for the projected figures and submitting. */
  | { kind: 'networkChanged' }
  | { kind: 'tooManyFiles'; max: number }
  /** The call allows one application per municipality per round, and this one is in another. */
  | { kind: 'alreadyInRound'; municipality: string; leadName: string; startedAt: Date; timeZone: string }
  | { kind: 'submissionBlocked'; blockers: SubmissionProblem[]; timeZone: string };

// Deadline ---------------------------------------------------------------------------------------

/** The round an application started at `now` belongs to: the running one, else none. */
export function roundAt(rounds: readonly Round[], now: Date): number | undefined {
  const t = now.getTime();
  const index = rounds.findIndex((round) => Date.parse(round.opensAt) <= t && t < Date.parse(round.closesAt));
  return index === -1 ? undefined : index;
}

/** The closing instant of the application's round as the call stands now (an amendment may move it). */
export function callDeadline(call: StoredCall, roundIndex: number, fallback: Date): Date {
  const round = call.content.rounds[roundIndex];
  return round ? new Date(round.closesAt) : fallback;
}

/** Before the deadline (strictly): on or after it the application is read-only. */
export function beforeDeadline(deadline: Date, now: Date): boolean {
  return now.getTime() < deadline.getTime();
}

export function isEditable(application: Pick<Application, 'status'>, deadline: Date, now: Date): boolean {
  return applicationWorkflow.isIn('editable', application.status) && beforeDeadline(deadline, now);
}

// Network ----------------------------------------------------------------------------------------

const network = (reason: NetworkProblem): Refused<NetworkRefusal> => refuse({ kind: 'network', reason });

/** Adds an invitation; refuses a municipality already in the network or a network at its maximum. */
export function invite(
  members: readonly Member[],
  code: string,
  name: string,
  maxMembers: number | undefined,
): Member[] | Refused<NetworkRefusal> {
  const existing = members.find((m) => m.code === code);
  if (existing && !invitationWorkflow.can(existing.invitation, 'invite')) return network('alreadyMember');
  const active = members.filter((m) => invitationWorkflow.isIn('involved', m.invitation));
  if (maxMembers !== undefined && active.length + 1 > maxMembers) return network('tooMany');
  const others = members.filter((m) => m.code !== code);
  return [...others, { code, name, role: 'co', invitation: 'pending', decision: null }];
}

/** A co-applicant's answer to its invitation, as the invitation workflow moves it. */
export function respond(
  members: readonly Member[],
  code: string,
  answer: 'accepted' | 'declined',
): Transitioned<InvitationState> | Refused<NetworkRefusal> {
  const member = members.find((m) => m.code === code);
  if (!member) return network('notMember');
  if (member.role === 'lead') return network('lead');
  const moved = invitationWorkflow.apply(member.invitation, answer === 'accepted' ? 'accept' : 'decline');
  return isRefused(moved) ? network('notPending') : moved;
}

/** The lead withdraws an unanswered invitation or removes a member, as the invitation workflow moves it. */
export function releaseMember(
  members: readonly Member[],
  code: string,
  action: 'withdraw' | 'remove',
): Transitioned<InvitationState> | Refused<NetworkRefusal> {
  const member = members.find((m) => m.code === code);
  if (!member) return network('notMember');
  if (member.role === 'lead') return network('lead');
  const moved = invitationWorkflow.apply(member.invitation, action);
  return isRefused(moved) ? network(action === 'withdraw' ? 'notPending' : 'notAccepted') : moved;
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function isDecisionBody(value: string): value is DecisionBody {
  return (DECISION_BODIES as readonly string[]).includes(value);
}

/** Checks a member's political decision (the lead's own or an accepted co-applicant's) before it is attached. */
export function decisionRefusal(
  members: readonly Member[],
  code: string,
  decision: { body: string; date: string },
  country: 'NO' | 'DK',
): Refused<NetworkRefusal> | undefined {
  const member = members.find((m) => m.code === code);
  if (!member) return network('notMember');
  if (!invitationWorkflow.isIn('active', member.invitation)) return network('notAccepted');
  if (!isDecisionBody(decision.body) || !decisionBodiesOf(country).includes(decision.body)) return network('badBody');
  if (!isIsoDate(decision.date)) return network('badDate');
  return undefined;
}

/** The members who count: the lead and those who accepted. */
export function activeMembers<M extends Member>(members: readonly M[]): M[] {
  return members.filter((m) => invitationWorkflow.isIn('active', m.invitation));
}

// Submission -------------------------------------------------------------------------------------

export type SubmissionProblem =
  | { kind: 'part'; issue: Issue; label: string }
  | ({ kind: 'rule' } & Explanation)
  | { kind: 'pending'; names: string }
  | { kind: 'deadline'; deadline: string };

type Explanation = Eligibility['results'][number]['explanation'];

export interface SubmissionInput {
  form: FormDefinition;
  rules: readonly EligibilityRule[];
  /** Registry facts for the members (population with its year), by code. */
  registry: ReadonlyMap<string, Pick<MemberContext, 'kind' | 'population'>>;
  deadline: Date;
  /** The call's time zone, in which the deadline's day is read (Norway's when not given). */
  timeZone?: string;
  /** The database server's clock inside the submitting transaction. */
  now: Date;
}

/** The deadline's calendar day in the call's time zone: a decision dated that day or before counts. */
export const deadlineDay = (deadline: Date, timeZone = 'Europe/Oslo'): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(deadline);

/** The eligibility of the network as it stands: accepted members, their populations and decisions, answered sections. */
export function applicationEligibility(
  application: Pick<Application, 'members' | 'answers'>,
  input: Pick<SubmissionInput, 'form' | 'rules' | 'registry'> & Partial<Pick<SubmissionInput, 'deadline' | 'timeZone'>>,
): Eligibility {
  const members: MemberContext[] = activeMembers(application.members).map((m) => ({
    code: m.code,
    name: m.name,
    kind: input.registry.get(m.code)?.kind ?? 'municipality',
    population: input.registry.get(m.code)?.population ?? null,
    decision: m.decision ? { body: m.decision.body, date: m.decision.date } : null,
  }));
  return evaluateEligibility(input.rules, {
    members,
    answeredSections: answeredSections(input.form, application.answers),
    ...(input.deadline ? { decisionDeadline: deadlineDay(input.deadline, input.timeZone) } : {}),
  });
}

export const partLabel = (form: FormDefinition, key: string): string =>
  form.sections.flatMap((s) => s.parts).find((p) => p.key === key)?.label ?? key;

/** Everything that blocks a submission: the deadline, pending invitations, every part and every rule. */
export function submissionProblems(
  application: Application,
  input: SubmissionInput,
): { problems: SubmissionProblem[]; eligibility: Eligibility } {
  const problems: SubmissionProblem[] = [];
  if (!beforeDeadline(input.deadline, input.now)) problems.push({ kind: 'deadline', deadline: input.deadline.toISOString() });
  const pending = application.members.filter((m) => m.invitation === 'pending');
  if (pending.length > 0) problems.push({ kind: 'pending', names: pending.map((m) => m.name).join(', ') });
  for (const issue of validateAnswers(input.form, application.answers, 'submit').errors)
    problems.push({ kind: 'part', issue, label: partLabel(input.form, issue.part) });
  const eligibility = applicationEligibility(application, input);
  for (const result of eligibility.results) {
    if (result.outcome !== 'pass') problems.push({ kind: 'rule', ...result.explanation });
  }
  return { problems, eligibility };
}

export interface Submitted {
  transition: Transitioned<ApplicationStatus, ApplicationAction>;
  /** The number of the new version. */
  number: number;
  eligibility: Eligibility;
}

export type SubmissionRefusal =
  | IllegalTransition<ApplicationStatus, ApplicationAction>
  | { kind: 'blocked'; blockers: SubmissionProblem[] };

/** Submits (or resubmits) until the deadline: each submission is a new numbered version, the last counting. */
export function submit(application: Application, input: SubmissionInput): Submitted | Refused<SubmissionRefusal> {
  const transition = applicationWorkflow.apply(application.status, 'submit');
  if (isRefused(transition)) return transition;
  const { problems, eligibility } = submissionProblems(application, input);
  if (problems.length > 0) return refuse({ kind: 'blocked', blockers: problems });
  return { transition, number: application.submissions + 1, eligibility };
}

// Parsing answers from a form post ----------------------------------------------------------------

export const MAX_TEXT_CHARS = 100_000;

export type AnswerParseProblem = { part: string; code: 'tooLong' | 'badTable' };

/**
 * Turns posted fields into answers for the form's parts (attachments are kept from `previous`,
 * since files are uploaded separately). Text over MAX_TEXT_CHARS is refused outright: that is not a
 * draft, that is abuse; the word limits are the form's and only warn.
 */
export function answersFromPost(
  form: FormDefinition,
  body: Record<string, unknown>,
  previous: Answers,
): { answers: Record<string, AnswerValue>; problems: AnswerParseProblem[] } {
  const answers: Record<string, AnswerValue> = {};
  const problems: AnswerParseProblem[] = [];
  const text = (value: unknown): string => (typeof value === 'string' ? value : Array.isArray(value) ? String(value[0] ?? '') : '');
  for (const part of form.sections.flatMap((s) => s.parts)) {
    const raw = body[part.key];
    if (part.kind === 'attachment') {
      const kept = previous[part.key];
      if (kept !== undefined) answers[part.key] = kept;
      continue;
    }
    if (part.kind === 'projected-challenge') continue;
    if (part.kind === 'choice') {
      const values = raw === undefined ? [] : [raw].flat().map(String);
      if (values.length > 0) answers[part.key] = part.multiple ? values : values[0]!;
      continue;
    }
    if (part.kind === 'table') {
      const rows: Record<string, string>[] = [];
      for (let row = 0; row < part.maxRows; row++) {
        const cells: Record<string, string> = {};
        for (const column of part.columns) {
          const cell = text(body[`${part.key}.${row}.${column.key}`]);
          if (cell.length > 2000) problems.push({ part: part.key, code: 'tooLong' });
          if (cell.trim() !== '') cells[column.key] = cell;
        }
        if (Object.keys(cells).length > 0) rows.push(cells);
      }
      if (rows.length > 0) answers[part.key] = rows;
      continue;
    }
    const value = text(raw);
    if (value.length > MAX_TEXT_CHARS) problems.push({ part: part.key, code: 'tooLong' });
    else if (value !== '') answers[part.key] = value;
  }
  return { answers, problems };
}

/** Keys of the parts whose answers differ between two versions (for the conflict page). */
export function changedParts(before: Answers, after: Answers): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)).sort();
}
