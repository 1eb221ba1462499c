/**
 * Projects, pure: the programme's follow-up plan (reporting periods and payment tranches), the
 * project plan with its goals, indicators, activities, budget and organisation, reports and the
 * payment rules. No IO.
 */
import { calendarDate } from '../platform/http/input.js';

// The programme's follow-up (oppfølging) ----------------------------------------------------------

export const REPORT_KINDS = ['progress', 'financial', 'final'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export interface ReportingPeriod {
  key: string;
  title: string;
  kind: ReportKind;
  /** The day the report is due (YYYY-MM-DD). */
  due: string;
  /** A form template whose text parts the report also asks; none for the standard questions only. */
  templateId: string | null;
}

/** A payment tranche's condition: the grant accepted, or a period's report approved. */
export type TrancheCondition = { kind: 'accepted' } | { kind: 'report-approved'; period: string };

export interface Tranche {
  key: string;
  /** Share of the grant, in whole per cent. */
  share: number;
  condition: TrancheCondition;
}

export interface FollowUpPlan {
  periods: ReportingPeriod[];
  tranches: Tranche[];
  /** Days before a report is due that the project's contacts are reminded. */
  reminderDays: number;
  /** Whether the ministry sits in the steering group and the county governor's contact is named (seed 000). */
  ministryInSteeringGroup: boolean;
  countyGovernorContact: boolean;
}

export const NO_FOLLOW_UP: FollowUpPlan = {
  periods: [],
  tranches: [],
  reminderDays: 14,
  ministryInSteeringGroup: false,
  countyGovernorContact: false,
};

export type FollowUpIssue =
  | { code: 'periodTitle' | 'periodDue' | 'periodKind' | 'finalNotLast' | 'twoFinals'; row: number }
  | { code: 'trancheShare' | 'trancheCondition'; row: number }
  | { code: 'sharesNot100'; total: number }
  | { code: 'reminderDays' };

export const MAX_PERIODS = 12;
export const MAX_TRANCHES = 6;

/** Raw rows as typed in the owner's form: blank rows are left out, the rest checked. */
export interface FollowUpForm {
  /** `key` is the period's key once saved (kept, so that tranches and reports keep pointing at it), else ''. */
  periods: { key?: string; title: string; kind: string; due: string; templateId: string }[];
  tranches: { share: string; condition: string }[];
  reminderDays: string;
  ministryInSteeringGroup: boolean;
  countyGovernorContact: boolean;
}

export function readFollowUp(form: FollowUpForm): FollowUpPlan | FollowUpIssue[] {
  const issues: FollowUpIssue[] = [];
  const keys = periodKeys(form.periods);
  const periods: (ReportingPeriod & { row: number })[] = [];
  form.periods.forEach((row, index) => {
    if (row.title.trim() === '' && row.due.trim() === '') return;
    const due = calendarDate(row.due);
    if (row.title.trim() === '' || row.title.length > 200) issues.push({ code: 'periodTitle', row: index });
    if (!due) issues.push({ code: 'periodDue', row: index });
    if (!REPORT_KINDS.includes(row.kind as ReportKind)) issues.push({ code: 'periodKind', row: index });
    periods.push({
      key: keys[index]!,
      title: row.title.trim(),
      kind: row.kind as ReportKind,
      due: due ?? '',
      templateId: row.templateId || null,
      row: index,
    });
  });
  const finals = periods.filter((p) => p.kind === 'final');
  if (finals.length > 1) issues.push({ code: 'twoFinals', row: finals[1]!.row });
  const final = finals[0];
  if (final && periods.some((p) => p.due > final.due)) issues.push({ code: 'finalNotLast', row: final.row });
  const tranches: Tranche[] = [];
  form.tranches.forEach((row, index) => {
    if (row.share.trim() === '' && row.condition === '') return;
    const share = Number(row.share.trim());
    if (!Number.isInteger(share) || share < 1 || share > 100) issues.push({ code: 'trancheShare', row: index });
    const condition = readCondition(row.condition, periods);
    if (!condition) issues.push({ code: 'trancheCondition', row: index });
    tranches.push({ key: `t${index + 1}`, share, condition: condition ?? { kind: 'accepted' } });
  });
  const total = tranches.reduce((sum, t) => sum + (Number.isFinite(t.share) ? t.share : 0), 0);
  if (tranches.length > 0 && total !== 100) issues.push({ code: 'sharesNot100', total });
  const reminderDays = Number(form.reminderDays.trim());
  if (!Number.isInteger(reminderDays) || reminderDays < 1 || reminderDays > 90) issues.push({ code: 'reminderDays' });
  if (issues.length > 0) return issues;
  return {
    periods: periods.sort((a, b) => a.due.localeCompare(b.due)).map(({ row: _row, ...period }) => period),
    tranches,
    reminderDays,
    ministryInSteeringGroup: form.ministryInSteeringGroup,
    countyGovernorContact: form.countyGovernorContact,
  };
}

/** Each row's key: the one it was saved with, or the next one not in use (`p1`, `p2`, …). */
function periodKeys(rows: FollowUpForm['periods']): string[] {
  const kept = rows.map((row) => (row.key && /^p\d{1,3}$/.test(row.key) ? row.key : ''));
  const used = new Set(kept.filter((key, i) => key && kept.indexOf(key) === i));
  let next = 1;
  return kept.map((key, i) => {
    if (key && kept.indexOf(key) === i) return key;
    while (used.has(`p${next}`)) next++;
    used.add(`p${next}`);
    return `p${next}`;
  });
}

/**
 * A condition as the form names it: `accepted`, `row:<n>` for the report of the form's n-th period
 * row (so that a period typed in the same form can be named), or `report:<key>` of a period.
 */
function readCondition(value: string, periods: readonly (ReportingPeriod & { row: number })[]): TrancheCondition | undefined {
  if (value === 'accepted') return { kind: 'accepted' };
  const byRow = /^row:(\d{1,2})$/.exec(value);
  const period = byRow ? periods.find((p) => p.row === Number(byRow[1])) : periods.find((p) => `report:${p.key}` === value);
  return period ? { kind: 'report-approved', period: period.key } : undefined;
}

/** A stored condition as the form's value, the periods shown in the plan's order. */
export const conditionValue = (condition: TrancheCondition, periods: readonly ReportingPeriod[]): string =>
  condition.kind === 'accepted' ? 'accepted' : `row:${periods.findIndex((p) => p.key === condition.period)}`;

/** The tranches' amounts: each its share of the grant, rounded down, the last taking what rounding left. */
export function trancheAmounts(grant: number, tranches: readonly Tranche[]): Map<string, number> {
  const amounts = new Map<string, number>();
  let given = 0;
  tranches.forEach((tranche, index) => {
    const amount = index === tranches.length - 1 ? grant - given : Math.floor((grant * tranche.share) / 100);
    amounts.set(tranche.key, amount);
    given += amount;
  });
  return amounts;
}

// The project plan (prosjektplan) ---------------------------------------------------------------

/** Cost lines of seed 000's support: own staff released (frikjøp), external project management, consultants, gatherings, other. */
export const COST_LINES = ['own-staff', 'project-management', 'consultants', 'gatherings', 'other'] as const;
export type CostLine = (typeof COST_LINES)[number];

/** A budget line split by who pays: the grant, own work (egeninnsats) and own funding (egenfinansiering). */
export interface BudgetLine {
  line: CostLine;
  /** The member municipality whose sub-project the line belongs to; '' for the shared part. */
  member: string;
  grant: number;
  ownWork: number;
  ownFunding: number;
}

export interface Indicator {
  key: string;
  name: string;
  unit: string;
  baseline: number | null;
  /** Target per reporting period key. */
  targets: Record<string, number | null>;
}

export interface Activity {
  key: string;
  title: string;
  /** The member whose sub-project it belongs to; '' for the shared part. */
  member: string;
  due: string;
  milestone: boolean;
}

export interface SteeringMember {
  name: string;
  role: string;
}

export interface ProjectOrganisation {
  projectLeader: string;
  steeringGroup: SteeringMember[];
  ministryRepresentative: string;
  countyGovernorContact: string;
  /** The three parties of trepartssamarbeid (seed 002). */
  elected: string;
  administration: string;
  employees: string;
}

export interface CouncilDecision {
  date: string;
  caseNumber: string;
  fileId: string | null;
  fileName: string | null;
}

export interface ProjectPlan {
  purpose: string;
  /** What the umbrella project holds for all members (coordination, exchange of experience). */
  shared: string;
  startsOn: string;
  endsOn: string;
  goals: string[];
  indicators: Indicator[];
  activities: Activity[];
  budget: BudgetLine[];
  organisation: ProjectOrganisation;
  councilDecision: CouncilDecision | null;
}

export const EMPTY_PLAN: ProjectPlan = {
  purpose: '',
  shared: '',
  startsOn: '',
  endsOn: '',
  goals: [],
  indicators: [],
  activities: [],
  budget: [],
  organisation: {
    projectLeader: '',
    steeringGroup: [],
    ministryRepresentative: '',
    countyGovernorContact: '',
    elected: '',
    administration: '',
    employees: '',
  },
  councilDecision: null,
};

export type PlanIssue =
  | { code: 'purpose' | 'dates' | 'goals' | 'projectLeader' | 'tripartite' | 'ministry' | 'countyGovernor' | 'councilDecision' }
  | { code: 'overGrant'; budgeted: number; grant: number }
  | { code: 'indicator' | 'activity' | 'budgetLine'; row: number };

export interface PlanFrame {
  grant: number;
  members: readonly string[];
  followUp: FollowUpPlan;
}

export const budgetTotals = (budget: readonly BudgetLine[]) =>
  budget.reduce(
    (sum, line) => ({ grant: sum.grant + line.grant, ownWork: sum.ownWork + line.ownWork, ownFunding: sum.ownFunding + line.ownFunding }),
    { grant: 0, ownWork: 0, ownFunding: 0 },
  );

/** What keeps a plan from being submitted; a draft may be saved with any of them. */
export function planIssues(plan: ProjectPlan, frame: PlanFrame): PlanIssue[] {
  const issues: PlanIssue[] = [];
  if (plan.purpose.trim() === '') issues.push({ code: 'purpose' });
  if (!plan.startsOn || !plan.endsOn || plan.endsOn < plan.startsOn) issues.push({ code: 'dates' });
  if (plan.goals.length === 0) issues.push({ code: 'goals' });
  plan.indicators.forEach((indicator, row) => {
    if (indicator.name.trim() === '' || indicator.unit.trim() === '') issues.push({ code: 'indicator', row });
  });
  plan.activities.forEach((activity, row) => {
    if (activity.title.trim() === '' || !activity.due || (activity.member !== '' && !frame.members.includes(activity.member)))
      issues.push({ code: 'activity', row });
  });
  plan.budget.forEach((line, row) => {
    if (line.member !== '' && !frame.members.includes(line.member)) issues.push({ code: 'budgetLine', row });
  });
  const budgeted = budgetTotals(plan.budget).grant;
  if (budgeted > frame.grant) issues.push({ code: 'overGrant', budgeted, grant: frame.grant });
  const { organisation } = plan;
  if (organisation.projectLeader.trim() === '') issues.push({ code: 'projectLeader' });
  if ([organisation.elected, organisation.administration, organisation.employees].some((p) => p.trim() === ''))
    issues.push({ code: 'tripartite' });
  if (frame.followUp.ministryInSteeringGroup && organisation.ministryRepresentative.trim() === '') issues.push({ code: 'ministry' });
  if (frame.followUp.countyGovernorContact && organisation.countyGovernorContact.trim() === '') issues.push({ code: 'countyGovernor' });
  if (!plan.councilDecision?.date || !plan.councilDecision.caseNumber.trim()) issues.push({ code: 'councilDecision' });
  return issues;
}

// Reports (rapporter) ---------------------------------------------------------------------------

export const ACTIVITY_STATUSES = ['not-started', 'ongoing', 'done', 'dropped'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** seed 002's three steps: new (NYTT), useful (NYTTIG), put to use (NYTTIGGJORT). */
export const INNOVATION_STEPS = ['new', 'useful', 'put-to-use'] as const;
export type InnovationStep = (typeof INNOVATION_STEPS)[number];

export interface ReportContent {
  /** Actual value per indicator key. */
  indicators: Record<string, number | null>;
  activities: Record<string, ActivityStatus>;
  /** Money spent per cost line, split like the budget. */
  spent: Record<CostLine, { grant: number; ownWork: number; ownFunding: number }>;
  /** Text answers: the standard questions and the template's text parts, by key. */
  answers: Record<string, string>;
  /** Final reports: where the project stands on seed 002's three steps. */
  step: InnovationStep | null;
}

export const STANDARD_QUESTIONS: Record<ReportKind, readonly string[]> = {
  progress: ['progress', 'deviations'],
  financial: ['finances'],
  final: ['results', 'learned', 'spreading'],
};

export const emptyReport = (): ReportContent => ({
  indicators: {},
  activities: {},
  spent: Object.fromEntries(COST_LINES.map((line) => [line, { grant: 0, ownWork: 0, ownFunding: 0 }])) as ReportContent['spent'],
  answers: {},
  step: null,
});

export type ReportIssue = { code: 'answer'; key: string } | { code: 'step' } | { code: 'overSpent'; spent: number; grant: number };

export function reportIssues(report: ReportContent, kind: ReportKind, questionKeys: readonly string[], grant: number): ReportIssue[] {
  const issues: ReportIssue[] = questionKeys.filter((key) => !report.answers[key]?.trim()).map((key) => ({ code: 'answer', key }));
  if (kind === 'final' && !report.step) issues.push({ code: 'step' });
  const spent = spentOfGrant(report);
  if (spent > grant) issues.push({ code: 'overSpent', spent, grant });
  return issues;
}

export const spentOfGrant = (report: Pick<ReportContent, 'spent'>): number =>
  COST_LINES.reduce((sum, line) => sum + report.spent[line].grant, 0);

// Payments (utbetalinger) -----------------------------------------------------------------------

/** Whether the tranche's condition holds: the grant accepted, or the named period's report approved. */
export function trancheDue(condition: TrancheCondition, facts: { accepted: boolean; approvedPeriods: ReadonlySet<string> }): boolean {
  return condition.kind === 'accepted' ? facts.accepted : facts.accepted && facts.approvedPeriods.has(condition.period);
}

/** What is left to pay back at the end: the grant released but not spent. */
export const toPayBack = (released: number, spent: number): number => Math.max(0, released - spent);

// Reading numbers as typed ----------------------------------------------------------------------

/** A whole amount in kroner as typed ("150 000", "150000"); blank is 0; undefined when not a number. */
export function readAmount(text: string): number | undefined {
  const cleaned = text.replace(/[\s\u00a0]/g, '');
  if (cleaned === '') return 0;
  if (!/^\d{1,12}$/.test(cleaned)) return undefined;
  return Number(cleaned);
}

/** A measured value as typed (decimal comma or point); blank is null; undefined when not a number. */
export function readMeasure(text: string): number | null | undefined {
  const cleaned = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (cleaned === '') return null;
  if (!/^-?\d{1,12}(\.\d{1,4})?$/.test(cleaned)) return undefined;
  return Number(cleaned);
}

// Changes to the approved plan (endringssøknader) ------------------------------------------------

/** The parts of an approved plan a change request may change through the plan editor. */
export type PlanChangeKind = 'budget' | 'goals';

/** One difference between the plan in force and the one proposed, as the owner reads it. */
export type PlanChange =
  | { kind: 'cost'; line: CostLine; member: string; from: BudgetLine | null; to: BudgetLine | null }
  | { kind: 'goal-added' | 'goal-removed'; text: string }
  | { kind: 'indicator-added' | 'indicator-removed' | 'indicator-changed'; name: string }
  | { kind: 'activity-removed'; title: string };

/** The plan in force with only the part the change is about taken from the proposal. */
export function proposedPlan(current: ProjectPlan, proposed: ProjectPlan, kind: PlanChangeKind): ProjectPlan {
  return kind === 'budget'
    ? { ...current, budget: proposed.budget }
    : { ...current, goals: proposed.goals, indicators: proposed.indicators };
}

const sameBudgetLine = (a: BudgetLine | null, b: BudgetLine | null) =>
  a?.grant === b?.grant && a?.ownWork === b?.ownWork && a?.ownFunding === b?.ownFunding;

/** What a proposal changes: money per cost line and member, goals, indicators. */
export function planChanges(current: ProjectPlan, next: ProjectPlan): PlanChange[] {
  const changes: PlanChange[] = [];
  const lineKey = (l: BudgetLine) => `${l.member}|${l.line}`;
  const before = new Map(current.budget.map((l) => [lineKey(l), l]));
  const after = new Map(next.budget.map((l) => [lineKey(l), l]));
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const from = before.get(key) ?? null;
    const to = after.get(key) ?? null;
    if (!sameBudgetLine(from, to)) changes.push({ kind: 'cost', line: (from ?? to)!.line, member: (from ?? to)!.member, from, to });
  }
  for (const text of next.goals.filter((g) => !current.goals.includes(g))) changes.push({ kind: 'goal-added', text });
  for (const text of current.goals.filter((g) => !next.goals.includes(g))) changes.push({ kind: 'goal-removed', text });
  const indicators = new Map(current.indicators.map((i) => [i.key, i]));
  for (const indicator of next.indicators) {
    const was = indicators.get(indicator.key);
    if (!was) changes.push({ kind: 'indicator-added', name: indicator.name });
    else if (JSON.stringify(was) !== JSON.stringify(indicator)) changes.push({ kind: 'indicator-changed', name: indicator.name });
  }
  const kept = new Set(next.indicators.map((i) => i.key));
  for (const indicator of current.indicators.filter((i) => !kept.has(i.key)))
    changes.push({ kind: 'indicator-removed', name: indicator.name });
  const stays = new Set(next.activities.map((a) => a.key));
  for (const activity of current.activities.filter((a) => !stays.has(a.key)))
    changes.push({ kind: 'activity-removed', title: activity.title });
  return changes;
}

// Change of members --------------------------------------------------------------------------------

/** Municipalities joining a network project and members leaving it (by municipality code). */
export interface MemberChange {
  join: readonly string[];
  leave: readonly string[];
}

/**
 * Whether a change of members holds: it changes something, joiners are municipalities of the
 * project's country that are not members yet, leavers are members other than the lead, and no
 * municipality both joins and leaves.
 */
export function memberChangeHolds(
  members: readonly { code: string; lead: boolean }[],
  change: MemberChange,
  municipalities: ReadonlySet<string>,
): boolean {
  const current = new Set(members.map((m) => m.code));
  const lead = members.find((m) => m.lead)?.code;
  const distinct = (codes: readonly string[]) => new Set(codes).size === codes.length;
  return (
    change.join.length + change.leave.length > 0 &&
    distinct([...change.join, ...change.leave]) &&
    change.join.every((code) => municipalities.has(code) && !current.has(code)) &&
    change.leave.every((code) => current.has(code) && code !== lead)
  );
}

/** The plan once members leave: their sub-projects' activities and budget lines go with them. */
export function withoutMembers(plan: ProjectPlan, leave: readonly string[]): ProjectPlan {
  const leaving = new Set(leave);
  return {
    ...plan,
    activities: plan.activities.filter((a) => !leaving.has(a.member)),
    budget: plan.budget.filter((l) => !leaving.has(l.member)),
  };
}

/**
 * Whether an indicator's value meets its target: a target below the baseline means lower is
 * better (e.g. waiting days), otherwise higher is better.
 */
export function meetsTarget(indicator: Pick<Indicator, 'baseline'>, target: number, actual: number): boolean {
  return indicator.baseline !== null && target < indicator.baseline ? actual <= target : actual >= target;
}
