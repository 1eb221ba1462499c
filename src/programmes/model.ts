/**
 * Programmes and their calls: what a programme owner publishes, and the call's lifecycle
 * (draft → published → closed, see `callWorkflow`) as a union of states whose transitions take only
 * the state they are legal from and return the new state with the event to record. Pure: no IO.
 */
import type { Principal } from '../platform/auth/model.js';
import { calendarDate } from '../platform/http/input.js';
import type { FormDefinition } from './form.js';
import { ruleProblems, type EligibilityRule } from './rules.js';
import type { CallTimeZone } from './time.js';

export type { CallTimeZone } from './time.js';
export type Country = 'NO' | 'DK';
export const CONTENT_LANGUAGES = ['nb', 'nn', 'da', 'en'] as const;
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];
export const CURRENCIES = ['NOK', 'DKK'] as const;
export type Currency = (typeof CURRENCIES)[number];

export interface ContactPerson {
  name: string;
  title: string;
  email: string | null;
}

export interface ProgrammeContent {
  name: string;
  purpose: string;
  country: Country;
  /** Languages the programme's texts are written in; the first is the main one. */
  languages: ContentLanguage[];
  periodStart: string;
  periodEnd: string;
  contacts: ContactPerson[];
}

export interface Programme extends ProgrammeContent {
  id: string;
  ownerOrganisationId: string;
  ownerName: string;
  version: number;
}

export interface Round {
  /** Instants, ISO 8601 in UTC. */
  opensAt: string;
  closesAt: string;
  /** How many trials or applicants the owner expects to select in the round (e.g. about 10). */
  expectedSelections: number | null;
}

export interface Criterion {
  title: string;
  description: string;
  /** Percent; the weights of a call sum to 100. */
  weight: number;
}

export interface Quota {
  minSelected: number | null;
  maxSelected: number | null;
}

export interface CallContent {
  title: string;
  purpose: string;
  language: ContentLanguage;
  timeZone: CallTimeZone;
  rounds: Round[];
  quota: Quota;
  budget: { amount: number | null; currency: Currency };
  themes: string[];
  criteria: Criterion[];
  rules: EligibilityRule[];
  /**
   * A municipality may be in at most one application per round (as lead or accepted member).
   * On unless the owner turns it off; calls made before the setting existed read as on.
   */
  oneApplicationPerRound?: boolean;
  /** The form template the call will copy when it is published. */
  templateId: string | null;
}

/** What publishing copies into the call: later template edits never reach it. */
export interface CallSnapshot {
  form: FormDefinition;
  rules: EligibilityRule[];
  templateId: string | null;
  templateVersion: number | null;
  takenAt: string;
}

export interface Amendment {
  at: string;
  reason: string;
  fields: (keyof CallContent)[];
  actorName: string;
}

export type DraftCall = { status: 'draft'; id: string; programmeId: string; version: number; content: CallContent };
export type PublishedCall = {
  status: 'published';
  id: string;
  programmeId: string;
  version: number;
  content: CallContent;
  snapshot: CallSnapshot;
  publishedAt: string;
};
export type ClosedCall = Omit<PublishedCall, 'status'> & { status: 'closed'; closedAt: string; closeReason: string | null };
export type Call = DraftCall | PublishedCall | ClosedCall;
export type CallStatus = Call['status'];

export type CallEvent =
  | { type: 'edited'; at: string; fields: (keyof CallContent)[] }
  | { type: 'published'; at: string }
  | { type: 'amended'; at: string; reason: string; fields: (keyof CallContent)[] }
  | { type: 'closed'; at: string; reason: string | null };

export type Transition<S extends Call> = { ok: true; call: S; event: CallEvent } | { ok: false; problems: ContentProblem[] };

export interface ContentProblem {
  /** Form field the problem is about (used by the error summary to link to it). */
  field: string;
  code:
    | 'required'
    | 'tooLong'
    | 'noRounds'
    | 'roundOrder'
    | 'roundsOverlap'
    | 'weightsSum'
    | 'weightRange'
    | 'quotaOrder'
    | 'negative'
    | 'ruleParameter'
    | 'noTemplate'
    | 'languageNotInProgramme'
    | 'templateLanguage';
  params?: Record<string, string | number>;
}

/**
 * A call is written in one of its programme's languages, and its application form in the call's
 * language (a Danish call asks in Danish, with Danish bodies, and no Norwegian text).
 */
export function languageProblems(
  content: Pick<CallContent, 'language'>,
  programmeLanguages: readonly string[],
  templateLanguage: string | undefined,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  if (!programmeLanguages.includes(content.language)) problems.push({ field: 'language', code: 'languageNotInProgramme' });
  if (templateLanguage !== undefined && templateLanguage !== content.language)
    problems.push({ field: 'templateId', code: 'templateLanguage' });
  return problems;
}

/** Problems that keep a call from being saved as it is (draft or amendment). */
export function contentProblems(content: CallContent, mode: 'draft' | 'publish'): ContentProblem[] {
  const problems: ContentProblem[] = [];
  if (content.title.trim() === '') problems.push({ field: 'title', code: 'required' });
  if (content.title.length > 200) problems.push({ field: 'title', code: 'tooLong', params: { max: 200 } });
  if (content.purpose.length > 20_000) problems.push({ field: 'purpose', code: 'tooLong', params: { max: 20_000 } });
  content.rounds.forEach((round, index) => {
    if (Date.parse(round.opensAt) >= Date.parse(round.closesAt))
      problems.push({ field: `round${index + 1}Closes`, code: 'roundOrder', params: { round: index + 1 } });
    const previous = content.rounds[index - 1];
    if (previous && Date.parse(round.opensAt) < Date.parse(previous.closesAt))
      problems.push({ field: `round${index + 1}Opens`, code: 'roundsOverlap', params: { round: index + 1 } });
    if (round.expectedSelections !== null && round.expectedSelections < 0)
      problems.push({ field: `round${index + 1}Expected`, code: 'negative' });
  });
  if (content.criteria.some((criterion) => criterion.weight < 0 || criterion.weight > 100 || !Number.isInteger(criterion.weight)))
    problems.push({ field: 'criterion1Weight', code: 'weightRange' });
  const sum = content.criteria.reduce((total, criterion) => total + criterion.weight, 0);
  if (content.criteria.length > 0 && sum !== 100) problems.push({ field: 'criterion1Weight', code: 'weightsSum', params: { sum } });
  const { minSelected, maxSelected } = content.quota;
  if ((minSelected ?? 0) < 0 || (maxSelected ?? 0) < 0) problems.push({ field: 'quotaMin', code: 'negative' });
  if (minSelected !== null && maxSelected !== null && minSelected > maxSelected) problems.push({ field: 'quotaMax', code: 'quotaOrder' });
  if ((content.budget.amount ?? 0) < 0) problems.push({ field: 'budgetAmount', code: 'negative' });
  for (const rule of content.rules) {
    for (const parameter of ruleProblems(rule)) problems.push({ field: `rule-${rule.kind}-${parameter}`, code: 'ruleParameter' });
  }
  if (mode === 'publish') {
    if (content.rounds.length === 0) problems.push({ field: 'round1Opens', code: 'noRounds' });
    if (content.purpose.trim() === '') problems.push({ field: 'purpose', code: 'required' });
    if (content.templateId === null) problems.push({ field: 'templateId', code: 'noTemplate' });
  }
  return problems;
}

/** Fields whose values differ between two versions of a call's content. */
export function changedFields(before: CallContent, after: CallContent): (keyof CallContent)[] {
  return (Object.keys(after) as (keyof CallContent)[]).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

export function createDraft(id: string, programmeId: string, content: CallContent): Transition<DraftCall> {
  const problems = contentProblems(content, 'draft');
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    call: { status: 'draft', id, programmeId, version: 1, content },
    event: { type: 'edited', at: new Date(0).toISOString(), fields: [] },
  };
}

export function editDraft(call: DraftCall, content: CallContent, at: Date): Transition<DraftCall> {
  const problems = contentProblems(content, 'draft');
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    call: { ...call, content, version: call.version + 1 },
    event: { type: 'edited', at: at.toISOString(), fields: changedFields(call.content, content) },
  };
}

export function publishCall(call: DraftCall, snapshot: Omit<CallSnapshot, 'takenAt'>, at: Date): Transition<PublishedCall> {
  const problems = contentProblems(call.content, 'publish');
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    call: {
      ...call,
      status: 'published',
      version: call.version + 1,
      snapshot: { ...snapshot, takenAt: at.toISOString() },
      publishedAt: at.toISOString(),
    },
    event: { type: 'published', at: at.toISOString() },
  };
}

/**
 * Changes a published call. Rules and form stay as published (applicants may have started);
 * everything else may change, with a reason that the public change log shows.
 */
/** Whether the call holds each municipality to one application per round (the default). */
export function oneApplicationPerRound(content: Pick<CallContent, 'oneApplicationPerRound'>): boolean {
  return content.oneApplicationPerRound !== false;
}

export function amendCall(call: PublishedCall, content: CallContent, reason: string, at: Date): Transition<PublishedCall> {
  const problems = contentProblems(content, 'publish');
  if (reason.trim() === '') problems.push({ field: 'reason', code: 'required' });
  if (reason.length > 2000) problems.push({ field: 'reason', code: 'tooLong', params: { max: 2000 } });
  const kept = {
    ...content,
    rules: call.content.rules,
    oneApplicationPerRound: call.content.oneApplicationPerRound,
    templateId: call.content.templateId,
  };
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    call: { ...call, content: kept, version: call.version + 1 },
    event: { type: 'amended', at: at.toISOString(), reason: reason.trim(), fields: changedFields(call.content, kept) },
  };
}

export function closeCall(call: PublishedCall, reason: string | null, at: Date): Transition<ClosedCall> {
  return {
    ok: true,
    call: { ...call, status: 'closed', version: call.version + 1, closedAt: at.toISOString(), closeReason: reason },
    event: { type: 'closed', at: at.toISOString(), reason },
  };
}

export type CallPhase = 'draft' | 'upcoming' | 'open' | 'between-rounds' | 'deadline-passed' | 'closed';

/** Where a call stands at an instant, from its status and rounds. */
export function callPhase(call: Pick<Call, 'status'> & { content: Pick<CallContent, 'rounds'> }, now: Date): CallPhase {
  if (call.status === 'draft') return 'draft';
  if (call.status === 'closed') return 'closed';
  const t = now.getTime();
  const rounds = call.content.rounds;
  if (rounds.some((round) => Date.parse(round.opensAt) <= t && t < Date.parse(round.closesAt))) return 'open';
  if (rounds.every((round) => t < Date.parse(round.opensAt))) return 'upcoming';
  if (rounds.some((round) => t < Date.parse(round.opensAt))) return 'between-rounds';
  return 'deadline-passed';
}

/** Open for applications means a round is running; the list's "closed" filter covers everything else published. */
export function isOpen(phase: CallPhase): boolean {
  return phase === 'open';
}

/** The round running at an instant, or the next to open. */
export function currentRound(rounds: readonly Round[], now: Date): { index: number; round: Round } | undefined {
  const t = now.getTime();
  const index = rounds.findIndex((round) => t < Date.parse(round.closesAt));
  return index === -1 ? undefined : { index, round: rounds[index]! };
}

/** A programme owner of the owning organisation, or an administrator, may manage its programme and calls. */
export function canManage(principal: Principal | null, ownerOrganisationId: string): boolean {
  if (!principal) return false;
  if (principal.roles.has('admin')) return true;
  return principal.memberships.some((m) => m.role === 'programme_owner' && m.organisationId === ownerOrganisationId);
}

/** Organisations in whose name the principal may create programmes. */
export function owningOrganisations(principal: Principal | null): { id: string; name: string }[] {
  return (principal?.memberships ?? [])
    .filter((m) => m.role === 'programme_owner')
    .map((m) => ({ id: m.organisationId, name: m.organisationName }));
}

export interface ProgrammeContentProblem {
  field: 'name' | 'purpose' | 'periodStart' | 'periodEnd' | 'languages' | 'contacts' | 'owner';
  code: 'required' | 'tooLong' | 'periodOrder' | 'badDate' | 'badEmail';
}

export function programmeProblems(content: ProgrammeContent): ProgrammeContentProblem[] {
  const problems: ProgrammeContentProblem[] = [];
  if (content.name.trim() === '') problems.push({ field: 'name', code: 'required' });
  if (content.name.length > 200) problems.push({ field: 'name', code: 'tooLong' });
  if (content.purpose.length > 20_000) problems.push({ field: 'purpose', code: 'tooLong' });
  const dateOk = (value: string) => calendarDate(value) !== undefined;
  if (!dateOk(content.periodStart)) problems.push({ field: 'periodStart', code: 'badDate' });
  if (!dateOk(content.periodEnd)) problems.push({ field: 'periodEnd', code: 'badDate' });
  if (dateOk(content.periodStart) && dateOk(content.periodEnd) && content.periodStart > content.periodEnd)
    problems.push({ field: 'periodEnd', code: 'periodOrder' });
  if (content.languages.length === 0) problems.push({ field: 'languages', code: 'required' });
  if (content.contacts.some((c) => c.email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(c.email)))
    problems.push({ field: 'contacts', code: 'badEmail' });
  return problems;
}
