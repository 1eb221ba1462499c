/** What the project pages show of its follow-up, derived from what is stored: pure. */
import type { Principal } from '../platform/auth/model.js';
import {
  meetsTarget,
  trancheAmounts,
  trancheDue,
  type FollowUpPlan,
  type Indicator,
  type ProjectPlan,
  type ReportContent,
  type ReportingPeriod,
  type Tranche,
} from './model.js';
import type { ReportSummary, StoredPayment, StoredPlan, StoredProject, StoredReport } from './store.js';

/** Who the person is to the project: the programme's owner, the lead's or a member's case worker. */
export interface ProjectRole {
  owner: boolean;
  lead: boolean;
  /** The members whose case worker the person is. */
  memberCodes: string[];
}

export function projectRole(principal: Principal | null, project: StoredProject, ownerOrganisationId: string): ProjectRole {
  const memberships = principal?.memberships ?? [];
  const codes = memberships.filter((m) => m.role === 'case_worker' && m.municipalityCode).map((m) => m.municipalityCode!);
  const memberCodes = project.members.filter((m) => codes.includes(m.code)).map((m) => m.code);
  const lead = project.members[0] !== undefined && memberCodes.includes(project.members[0].code);
  const owner =
    principal?.roles.has('admin') === true ||
    memberships.some((m) => m.role === 'programme_owner' && m.organisationId === ownerOrganisationId);
  return { owner, lead, memberCodes };
}

export const seesFollowUp = (role: ProjectRole) => role.owner || role.memberCodes.length > 0;

export interface ReportPart<R extends ReportSummary = ReportSummary> {
  /** '' for the whole project, else the member's code. */
  memberCode: string;
  memberName: string | null;
  latest: R | undefined;
  versions: R[];
}

export interface PeriodStatus<R extends ReportSummary = ReportSummary> {
  period: ReportingPeriod;
  parts: ReportPart<R>[];
  overdue: boolean;
  approved: boolean;
}

export interface TrancheStatus {
  tranche: Tranche;
  amount: number;
  due: boolean;
  payment: StoredPayment | undefined;
}

export interface FollowUpStatus<R extends ReportSummary = ReportSummary> {
  periods: PeriodStatus<R>[];
  tranches: TrancheStatus[];
  released: number;
  requested: number;
  spent: number;
  /** The next report for the whole project not yet approved. */
  next: PeriodStatus<R> | undefined;
  overdue: PeriodStatus<R>[];
  /** Granted money released but not spent, at the end: to be paid back. */
  payBack: number;
  currentPlan: StoredPlan | undefined;
}

/** A day (YYYY-MM-DD) in Oslo or Copenhagen time: due dates are whole days where the project is. */
export const today = (now: Date, zone = 'Europe/Oslo') => dayFormat(zone).format(now);

const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** A formatter per time zone, made once: making one costs far more than using it. */
function dayFormat(zone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(zone, format);
  }
  return format;
}

export function followUpStatus<R extends ReportSummary>(
  project: StoredProject,
  followUp: FollowUpPlan,
  plans: readonly StoredPlan[],
  reports: readonly R[],
  payments: readonly StoredPayment[],
  now: Date,
): FollowUpStatus<R> {
  const day = today(now);
  const ownReports = reports.filter((r) => r.projectId === project.id);
  const parts = project.members.length > 1 ? ['', ...project.members.map((m) => m.code)] : [''];
  const periods = followUp.periods.map((period): PeriodStatus<R> => {
    const partsOf = parts.map((memberCode) => {
      const versions = ownReports.filter((r) => r.periodKey === period.key && r.memberCode === memberCode);
      return { memberCode, memberName: project.members.find((m) => m.code === memberCode)?.name ?? null, latest: versions[0], versions };
    });
    const whole = partsOf[0]!.latest;
    const approved = whole?.state === 'approved';
    const handedIn = whole?.state === 'submitted' || approved;
    return { period, parts: partsOf, approved, overdue: project.state === 'running' && !handedIn && period.due < day };
  });
  const ownPayments = payments.filter((p) => p.projectId === project.id);
  const amounts = trancheAmounts(project.grant, followUp.tranches);
  const facts = {
    accepted: project.acceptedAt !== null,
    approvedPeriods: new Set(periods.filter((p) => p.approved).map((p) => p.period.key)),
  };
  const tranches = followUp.tranches.map((tranche) => ({
    tranche,
    amount: amounts.get(tranche.key) ?? 0,
    due: trancheDue(tranche.condition, facts),
    payment: ownPayments.find((p) => p.trancheKey === tranche.key),
  }));
  const released = ownPayments.filter((p) => p.state === 'released').reduce((sum, p) => sum + p.amount, 0);
  const requested = ownPayments.filter((p) => p.state === 'requested').reduce((sum, p) => sum + p.amount, 0);
  const spent = periods.reduce((sum, p) => sum + (p.approved ? p.parts[0]!.latest!.spentGrant : 0), 0);
  const ended = project.state === 'completed' || project.state === 'evaluated' || project.state === 'closed';
  return {
    periods,
    tranches,
    released,
    requested,
    spent,
    next: periods.find((p) => !p.approved),
    overdue: periods.filter((p) => p.overdue),
    payBack: ended ? Math.max(0, released - spent) : 0,
    currentPlan: plans.find((p) => p.state === 'approved'),
  };
}

/** One indicator against its targets: per reporting period the target and the value an approved report gave. */
export interface IndicatorProgress {
  indicator: Indicator;
  rows: { period: ReportingPeriod; target: number | null; actual: number | null }[];
}

/** The plan's indicators, each over the programme's periods, with the actual values of the approved reports for the whole project. */
export function indicatorProgress(
  plan: Pick<ProjectPlan, 'indicators'> | undefined,
  periods: readonly ReportingPeriod[],
  reports: readonly (Pick<StoredReport, 'periodKey' | 'memberCode' | 'state'> & { content: Pick<ReportContent, 'indicators'> })[],
): IndicatorProgress[] {
  const approved = new Map(reports.filter((r) => r.memberCode === '' && r.state === 'approved').map((r) => [r.periodKey, r.content]));
  return (plan?.indicators ?? []).map((indicator) => ({
    indicator,
    rows: periods.map((period) => ({
      period,
      target: indicator.targets[period.key] ?? null,
      actual: approved.get(period.key)?.indicators[indicator.key] ?? null,
    })),
  }));
}

/** How many of the plan's indicators meet the target of the latest period with both a target and an approved value. */
export function indicatorsOnTarget(progress: readonly IndicatorProgress[]): { met: number; measured: number; total: number } {
  let met = 0;
  let measured = 0;
  for (const { indicator, rows } of progress) {
    const latest = rows.findLast((r) => r.target !== null && r.actual !== null);
    if (!latest) continue;
    measured += 1;
    if (meetsTarget(indicator, latest.target!, latest.actual!)) met += 1;
  }
  return { met, measured, total: progress.length };
}
