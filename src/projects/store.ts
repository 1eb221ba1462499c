/** Projects and their follow-up as stored: plain data access. */
import { sql, type Expression, type ExpressionBuilder, type Generated, type Selectable, type SqlBool } from 'kysely';
import type { Queryable } from '../platform/db/database.js';
import type { Database } from '../platform/db/schema.js';
import { isUuid, json, parsed } from '../platform/db/kit.js';
import { findProgramme, type Country, type Currency } from '../programmes/index.js';
import {
  NO_FOLLOW_UP,
  spentOfGrant,
  type FollowUpPlan,
  type Indicator,
  type InnovationStep,
  type ProjectPlan,
  type ReportContent,
} from './model.js';
import type { ChangeState, PaymentState, ProjectState, ReviewState } from './workflows.js';

interface FollowUpTable {
  programme_id: string;
  plan: unknown;
  version: Generated<number>;
  updated_at: Generated<Date>;
  updated_by_name: string | null;
}

interface ProjectTable {
  id: Generated<string>;
  seed_key: string | null;
  application_id: string | null;
  programme_id: string;
  predecessor_id: string | null;
  title: string;
  case_number: string;
  country: Country;
  currency: Currency;
  grant_amount: string | number;
  conditions: Generated<string>;
  state: ProjectState;
  starts_on: string | null;
  ends_on: string | null;
  accepted_at: Date | null;
  accepted_by_name: string | null;
  closed_at: Date | null;
  public_parts: Generated<unknown>;
  created_at: Generated<Date>;
  version: Generated<number>;
}

interface MemberTable {
  project_id: string;
  municipality_code: string;
  name: string;
  position: number;
}

interface ReviewedColumns {
  state: ReviewState;
  content: unknown;
  saved_at: Generated<Date>;
  saved_by_name: string | null;
  submitted_at: Date | null;
  decided_at: Date | null;
  decided_by_name: string | null;
  comment: Generated<string>;
}

interface PlanTable extends ReviewedColumns {
  project_id: string;
  number: number;
}

interface ReportTable extends ReviewedColumns {
  id: Generated<string>;
  project_id: string;
  period_key: string;
  member_code: Generated<string>;
  version: number;
  /** The content's money spent of the grant, summed over the cost lines: what the portfolio adds up. */
  spent_grant: Generated<string | number>;
}

interface PaymentTable {
  id: Generated<string>;
  project_id: string;
  tranche_key: string;
  amount: string | number;
  state: PaymentState;
  requested_at: Generated<Date>;
  requested_by_name: string | null;
  released_at: Date | null;
  released_by_name: string | null;
}

interface ChangeRequestTable {
  id: Generated<string>;
  project_id: string;
  kind: string;
  reason: string;
  proposal: unknown;
  state: ChangeState;
  requested_at: Generated<Date>;
  requested_by_name: string;
  decided_at: Date | null;
  decided_by_name: string | null;
  decision_reason: Generated<string>;
}

declare module '../platform/db/schema.js' {
  interface Database {
    programme_follow_up: FollowUpTable;
    projects: ProjectTable;
    project_members: MemberTable;
    project_plans: PlanTable;
    project_reports: ReportTable;
    project_payments: PaymentTable;
    project_change_requests: ChangeRequestTable;
  }
}

// The programme's follow-up ----------------------------------------------------------------------

export interface StoredFollowUp {
  plan: FollowUpPlan;
  /** 0 before the owner has set it. */
  version: number;
  updatedAt: Date | null;
  updatedByName: string | null;
}

export async function findFollowUp(db: Queryable, programmeId: string, lock = false): Promise<StoredFollowUp> {
  let query = db.selectFrom('programme_follow_up').selectAll().where('programme_id', '=', programmeId);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return { plan: NO_FOLLOW_UP, version: 0, updatedAt: null, updatedByName: null };
  return { plan: parsed<FollowUpPlan>(row.plan), version: row.version, updatedAt: row.updated_at, updatedByName: row.updated_by_name };
}

export async function saveFollowUp(db: Queryable, programmeId: string, plan: FollowUpPlan, byName: string): Promise<number> {
  const row = await db
    .insertInto('programme_follow_up')
    .values({ programme_id: programmeId, plan: json(plan), updated_by_name: byName })
    .onConflict((oc) =>
      oc.column('programme_id').doUpdateSet({
        plan: json(plan),
        updated_by_name: byName,
        updated_at: sql`now()`,
        version: sql`programme_follow_up.version + 1`,
      }),
    )
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

// Projects ---------------------------------------------------------------------------------------

export interface ProjectMember {
  code: string;
  name: string;
  lead: boolean;
}

export interface StoredProject {
  id: string;
  applicationId: string | null;
  programmeId: string;
  predecessorId: string | null;
  title: string;
  caseNumber: string;
  country: Country;
  currency: Currency;
  grant: number;
  conditions: string;
  state: ProjectState;
  startsOn: string | null;
  endsOn: string | null;
  acceptedAt: Date | null;
  acceptedByName: string | null;
  closedAt: Date | null;
  publicParts: string[];
  version: number;
  members: ProjectMember[];
}

const dateText = (value: unknown): string | null =>
  value == null ? null : value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);

function toProject(row: Selectable<ProjectTable>, members: ProjectMember[]): StoredProject {
  return {
    id: row.id,
    applicationId: row.application_id,
    programmeId: row.programme_id,
    predecessorId: row.predecessor_id,
    title: row.title,
    caseNumber: row.case_number,
    country: row.country,
    currency: row.currency,
    grant: Number(row.grant_amount),
    conditions: row.conditions,
    state: row.state,
    startsOn: dateText(row.starts_on),
    endsOn: dateText(row.ends_on),
    acceptedAt: row.accepted_at,
    acceptedByName: row.accepted_by_name,
    closedAt: row.closed_at,
    publicParts: parsed<string[]>(row.public_parts),
    version: row.version,
    members,
  };
}

async function membersOf(db: Queryable, projectIds: readonly string[]): Promise<Map<string, ProjectMember[]>> {
  const byProject = new Map<string, ProjectMember[]>();
  if (projectIds.length === 0) return byProject;
  const rows = await db
    .selectFrom('project_members')
    .selectAll()
    .where('project_id', 'in', projectIds)
    .orderBy('project_id')
    .orderBy('position')
    .execute();
  for (const row of rows)
    byProject.set(row.project_id, [
      ...(byProject.get(row.project_id) ?? []),
      { code: row.municipality_code, name: row.name, lead: row.position === 0 },
    ]);
  return byProject;
}

async function withMembers(db: Queryable, rows: Selectable<ProjectTable>[]): Promise<StoredProject[]> {
  const members = await membersOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => toProject(row, members.get(row.id) ?? []));
}

export interface NewProject {
  seedKey?: string;
  applicationId: string | null;
  programmeId: string;
  predecessorId?: string | null;
  title: string;
  caseNumber: string;
  country: Country;
  currency: Currency;
  grant: number;
  conditions: string;
  state: ProjectState;
  startsOn?: string | null;
  endsOn?: string | null;
  members: { code: string; name: string }[];
}

/** Adds the project and its members (the lead first); undefined when the application already has one. */
export async function insertProject(db: Queryable, project: NewProject): Promise<string | undefined> {
  const row = await db
    .insertInto('projects')
    .values({
      seed_key: project.seedKey ?? null,
      application_id: project.applicationId,
      programme_id: project.programmeId,
      predecessor_id: project.predecessorId ?? null,
      title: project.title,
      case_number: project.caseNumber,
      country: project.country,
      currency: project.currency,
      grant_amount: project.grant,
      conditions: project.conditions,
      state: project.state,
      starts_on: project.startsOn ?? null,
      ends_on: project.endsOn ?? null,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) return undefined;
  await db
    .insertInto('project_members')
    .values(project.members.map((m, position) => ({ project_id: row.id, municipality_code: m.code, name: m.name, position })))
    .execute();
  return row.id;
}

/** Members join at the end of the list and leave; the lead stays first. */
export async function changeMembers(
  db: Queryable,
  projectId: string,
  join: readonly { code: string; name: string }[],
  leave: readonly string[],
) {
  if (leave.length > 0)
    await db.deleteFrom('project_members').where('project_id', '=', projectId).where('municipality_code', 'in', leave).execute();
  if (join.length === 0) return;
  const last = await db
    .selectFrom('project_members')
    .where('project_id', '=', projectId)
    .select(sql<number>`coalesce(max(position), -1)`.as('n'))
    .executeTakeFirstOrThrow();
  await db
    .insertInto('project_members')
    .values(join.map((m, i) => ({ project_id: projectId, municipality_code: m.code, name: m.name, position: Number(last.n) + 1 + i })))
    .execute();
}

export async function seededProject(db: Queryable, key: string): Promise<string | undefined> {
  return (await db.selectFrom('projects').select('id').where('seed_key', '=', key).executeTakeFirst())?.id;
}

export async function findProject(db: Queryable, id: string): Promise<StoredProject | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? (await withMembers(db, [row]))[0] : undefined;
}

/** The project, locked for the rest of the transaction: every write to a project goes through here first. */
export async function lockProject(trx: Queryable, id: string): Promise<StoredProject | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await trx.selectFrom('projects').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  return row ? (await withMembers(trx, [row]))[0] : undefined;
}

export async function findProjectOfApplication(db: Queryable, applicationId: string): Promise<StoredProject | undefined> {
  const row = await db.selectFrom('projects').selectAll().where('application_id', '=', applicationId).executeTakeFirst();
  return row ? (await withMembers(db, [row]))[0] : undefined;
}

export interface ProjectChanges {
  state?: ProjectState;
  startsOn?: string | null;
  endsOn?: string | null;
  grant?: number;
  acceptedAt?: Date;
  acceptedByName?: string;
  closedAt?: Date;
  publicParts?: string[];
}

/** Writes the changes and moves the version on; returns the new version. */
export async function updateProject(trx: Queryable, id: string, changes: ProjectChanges): Promise<number> {
  const row = await trx
    .updateTable('projects')
    .set({
      version: sql`version + 1`,
      ...(changes.state ? { state: changes.state } : {}),
      ...(changes.startsOn !== undefined ? { starts_on: changes.startsOn } : {}),
      ...(changes.endsOn !== undefined ? { ends_on: changes.endsOn } : {}),
      ...(changes.grant !== undefined ? { grant_amount: changes.grant } : {}),
      ...(changes.acceptedAt ? { accepted_at: changes.acceptedAt, accepted_by_name: changes.acceptedByName ?? null } : {}),
      ...(changes.closedAt ? { closed_at: changes.closedAt } : {}),
      ...(changes.publicParts ? { public_parts: json(changes.publicParts) } : {}),
    })
    .where('id', '=', id)
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

export interface ProjectFilter {
  programmeIds?: readonly string[];
  memberCodes?: readonly string[];
  states?: readonly ProjectState[];
  country?: Country;
  /** Running projects whose report for the whole project for one of these periods is neither handed in nor approved. */
  overdueIn?: readonly string[];
  /** Projects that continue this one (videreføring). */
  continuing?: string;
}

/** One page of a long list: at most `limit` projects after the first `offset`. */
export interface Page {
  limit: number;
  offset: number;
}

function matching(filter: ProjectFilter) {
  return (eb: ExpressionBuilder<Database, 'projects'>) => {
    const all: Expression<SqlBool>[] = [];
    const among = <T>(values: readonly T[] | undefined, condition: (values: readonly T[]) => Expression<SqlBool>) => {
      if (values) all.push(values.length === 0 ? eb.lit(false) : condition(values));
    };
    among(filter.programmeIds, (ids) => eb('projects.programme_id', 'in', ids));
    among(filter.states, (states) => eb('projects.state', 'in', states));
    among(filter.memberCodes, (codes) =>
      eb.exists(
        eb
          .selectFrom('project_members')
          .select(sql`1`.as('one'))
          .whereRef('project_members.project_id', '=', 'projects.id')
          .where('project_members.municipality_code', 'in', codes),
      ),
    );
    among(filter.overdueIn, (keys) =>
      eb.and([
        eb('projects.state', '=', 'running'),
        eb.or(
          keys.map((key) =>
            eb.not(
              eb.exists(
                eb
                  .selectFrom('project_reports')
                  .select(sql`1`.as('one'))
                  .whereRef('project_reports.project_id', '=', 'projects.id')
                  .where('project_reports.period_key', '=', key)
                  .where('project_reports.member_code', '=', '')
                  .where('project_reports.state', 'in', ['submitted', 'approved']),
              ),
            ),
          ),
        ),
      ]),
    );
    if (filter.country) all.push(eb('projects.country', '=', filter.country));
    if (filter.continuing) all.push(eb('projects.predecessor_id', '=', filter.continuing));
    return eb.and(all);
  };
}

export async function listProjects(db: Queryable, filter: ProjectFilter = {}, page?: Page): Promise<StoredProject[]> {
  let query = db.selectFrom('projects').selectAll().where(matching(filter)).orderBy('created_at', 'desc').orderBy('title').orderBy('id');
  if (page) query = query.limit(page.limit).offset(page.offset);
  return withMembers(db, await query.execute());
}

/** The municipalities that are members of the projects the filter matches. */
export async function listMemberCodes(db: Queryable, filter: ProjectFilter): Promise<string[]> {
  const rows = await db
    .selectFrom('project_members')
    .innerJoin('projects', 'projects.id', 'project_members.project_id')
    .where(matching(filter))
    .select('project_members.municipality_code')
    .distinct()
    .execute();
  return rows.map((r) => r.municipality_code);
}

/** The programmes with projects the filter matches. */
export async function listProgrammeIdsOf(db: Queryable, filter: ProjectFilter): Promise<string[]> {
  const rows = await db.selectFrom('projects').where(matching(filter)).select('programme_id').distinct().execute();
  return rows.map((r) => r.programme_id);
}

export interface ProjectTotals {
  count: number;
  granted: number;
  released: number;
  /** Spent of the grant, as the approved reports for the whole project say. */
  spent: number;
}

/** The sums over every project the filter matches, counted by the database rather than row by row. */
export async function sumProjects(db: Queryable, filter: ProjectFilter): Promise<ProjectTotals> {
  const ids = db.selectFrom('projects').where(matching(filter)).select('projects.id');
  const row = await db
    .selectFrom('projects')
    .where(matching(filter))
    .select((eb) => [
      sql<string>`count(*)`.as('count'),
      sql<string>`coalesce(sum(grant_amount), 0)`.as('granted'),
      eb
        .selectFrom('project_payments')
        .where('state', '=', 'released')
        .where('project_id', 'in', ids)
        .select(sql<string>`coalesce(sum(amount), 0)`.as('n'))
        .as('released'),
      eb
        .selectFrom('project_reports')
        .where('member_code', '=', '')
        .where('state', '=', 'approved')
        .where('project_id', 'in', ids)
        .select(sql<string>`coalesce(sum(spent_grant), 0)`.as('n'))
        .as('spent'),
    ])
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), granted: Number(row.granted), released: Number(row.released), spent: Number(row.spent) };
}

// Plans ------------------------------------------------------------------------------------------

export interface StoredVersion<C> {
  state: ReviewState;
  content: C;
  savedAt: Date;
  savedByName: string | null;
  submittedAt: Date | null;
  decidedAt: Date | null;
  decidedByName: string | null;
  comment: string;
}

export interface StoredPlan extends StoredVersion<ProjectPlan> {
  number: number;
}

const reviewed = <C>(row: Selectable<ReviewedColumns>): StoredVersion<C> => ({
  state: row.state,
  content: parsed<C>(row.content),
  savedAt: row.saved_at,
  savedByName: row.saved_by_name,
  submittedAt: row.submitted_at,
  decidedAt: row.decided_at,
  decidedByName: row.decided_by_name,
  comment: row.comment,
});

/** Every version of the project's plan, the newest first. */
export async function listPlans(db: Queryable, projectId: string): Promise<StoredPlan[]> {
  return (await listPlansOf(db, [projectId])).get(projectId) ?? [];
}

/** Every version of each project's plan, the newest first, by project: one query for a portfolio. */
export async function listPlansOf(db: Queryable, projectIds: readonly string[]): Promise<Map<string, StoredPlan[]>> {
  const byProject = new Map<string, StoredPlan[]>();
  if (projectIds.length === 0) return byProject;
  const rows = await db
    .selectFrom('project_plans')
    .selectAll()
    .where('project_id', 'in', projectIds)
    .orderBy('project_id')
    .orderBy('number', 'desc')
    .execute();
  for (const row of rows)
    byProject.set(row.project_id, [...(byProject.get(row.project_id) ?? []), { number: row.number, ...reviewed<ProjectPlan>(row) }]);
  return byProject;
}

/** The indicators of each project's plan in force (its latest approved version): what the portfolio sets values against. */
export async function listIndicatorsInForce(db: Queryable, projectIds: readonly string[]): Promise<Map<string, Indicator[]>> {
  if (projectIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('project_plans')
    .distinctOn('project_id')
    .select(['project_id', sql<unknown>`content -> 'indicators'`.as('indicators')])
    .where('project_id', 'in', projectIds)
    .where('state', '=', 'approved')
    .orderBy('project_id')
    .orderBy('number', 'desc')
    .execute();
  return new Map(rows.map((row) => [row.project_id, parsed<Indicator[]>(row.indicators) ?? []]));
}

export async function insertPlan(
  db: Queryable,
  projectId: string,
  number: number,
  plan: {
    state: ReviewState;
    content: ProjectPlan;
    byName: string;
    at: Date;
    submittedAt?: Date;
    decidedAt?: Date;
    decidedByName?: string;
  },
): Promise<void> {
  await db
    .insertInto('project_plans')
    .values({
      project_id: projectId,
      number,
      state: plan.state,
      content: json(plan.content),
      saved_by_name: plan.byName,
      saved_at: plan.at,
      submitted_at: plan.submittedAt ?? null,
      decided_at: plan.decidedAt ?? null,
      decided_by_name: plan.decidedByName ?? null,
    })
    .execute();
}

export async function savePlanDraft(
  db: Queryable,
  projectId: string,
  number: number,
  content: ProjectPlan,
  byName: string,
  at: Date,
): Promise<void> {
  await db
    .updateTable('project_plans')
    .set({ content: json(content), saved_by_name: byName, saved_at: at })
    .where('project_id', '=', projectId)
    .where('number', '=', number)
    .execute();
}

export interface ReviewMark {
  state: ReviewState;
  at: Date;
  byName?: string;
  comment?: string;
}

const reviewSet = (mark: ReviewMark) => ({
  state: mark.state,
  ...(mark.state === 'submitted'
    ? { submitted_at: mark.at }
    : { decided_at: mark.at, decided_by_name: mark.byName ?? null, comment: mark.comment ?? '' }),
});

export async function markPlan(db: Queryable, projectId: string, number: number, mark: ReviewMark): Promise<void> {
  await db.updateTable('project_plans').set(reviewSet(mark)).where('project_id', '=', projectId).where('number', '=', number).execute();
}

// Reports ----------------------------------------------------------------------------------------

export interface StoredReport extends StoredVersion<ReportContent> {
  id: string;
  projectId: string;
  periodKey: string;
  /** The member's sub-project, or '' for the whole project. */
  memberCode: string;
  version: number;
  /** Spent of the grant, over every cost line. */
  spentGrant: number;
}

const toReport = (row: Selectable<ReportTable>): StoredReport => ({
  id: row.id,
  projectId: row.project_id,
  periodKey: row.period_key,
  memberCode: row.member_code,
  version: row.version,
  spentGrant: Number(row.spent_grant),
  ...reviewed<ReportContent>(row),
});

/** Every version of every report of the projects, newest version first within each. */
export async function listReports(db: Queryable, projectIds: readonly string[]): Promise<StoredReport[]> {
  if (projectIds.length === 0) return [];
  const rows = await db
    .selectFrom('project_reports')
    .selectAll()
    .where('project_id', 'in', projectIds)
    .orderBy('project_id')
    .orderBy('period_key')
    .orderBy('member_code')
    .orderBy('version', 'desc')
    .execute();
  return rows.map(toReport);
}

/** What a portfolio needs of reports: the latest version of each part of each period, and its money spent. */
export type ReportSummary = Pick<StoredReport, 'id' | 'projectId' | 'periodKey' | 'memberCode' | 'version' | 'state' | 'spentGrant'>;

export async function listLatestReportSummaries(db: Queryable, projectIds: readonly string[]): Promise<ReportSummary[]> {
  if (projectIds.length === 0) return [];
  const rows = await db
    .selectFrom('project_reports')
    .distinctOn(['project_id', 'period_key', 'member_code'])
    .select(['id', 'project_id', 'period_key', 'member_code', 'version', 'state', 'spent_grant'])
    .where('project_id', 'in', projectIds)
    .orderBy('project_id')
    .orderBy('period_key')
    .orderBy('member_code')
    .orderBy('version', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    projectId: row.project_id,
    periodKey: row.period_key,
    memberCode: row.member_code,
    version: row.version,
    state: row.state,
    spentGrant: Number(row.spent_grant),
  }));
}

/** The indicator values of the approved reports for whole projects: what the portfolio sets against the targets. */
export async function listApprovedIndicatorValues(db: Queryable, projectIds: readonly string[]) {
  if (projectIds.length === 0) return [];
  const rows = await db
    .selectFrom('project_reports')
    .select(['project_id', 'period_key', sql<unknown>`content -> 'indicators'`.as('indicators')])
    .where('project_id', 'in', projectIds)
    .where('member_code', '=', '')
    .where('state', '=', 'approved')
    .execute();
  return rows.map((row) => ({
    projectId: row.project_id,
    periodKey: row.period_key,
    memberCode: '',
    state: 'approved' as const,
    content: { indicators: parsed<ReportContent['indicators']>(row.indicators) ?? {} },
  }));
}

export async function insertReport(
  db: Queryable,
  report: { projectId: string; periodKey: string; memberCode: string; version: number; content: ReportContent; byName: string; at: Date },
): Promise<string> {
  const row = await db
    .insertInto('project_reports')
    .values({
      project_id: report.projectId,
      period_key: report.periodKey,
      member_code: report.memberCode,
      version: report.version,
      state: 'draft',
      content: json(report.content),
      spent_grant: spentOfGrant(report.content),
      saved_by_name: report.byName,
      saved_at: report.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function saveReportDraft(db: Queryable, id: string, content: ReportContent, byName: string, at: Date): Promise<void> {
  await db
    .updateTable('project_reports')
    .set({ content: json(content), spent_grant: spentOfGrant(content), saved_by_name: byName, saved_at: at })
    .where('id', '=', id)
    .execute();
}

export async function markReport(db: Queryable, id: string, mark: ReviewMark): Promise<void> {
  await db.updateTable('project_reports').set(reviewSet(mark)).where('id', '=', id).execute();
}

// Payments ---------------------------------------------------------------------------------------

export interface StoredPayment {
  id: string;
  projectId: string;
  trancheKey: string;
  amount: number;
  state: PaymentState;
  requestedAt: Date;
  requestedByName: string | null;
  releasedAt: Date | null;
  releasedByName: string | null;
}

export async function listPayments(db: Queryable, projectIds: readonly string[]): Promise<StoredPayment[]> {
  if (projectIds.length === 0) return [];
  const rows = await db
    .selectFrom('project_payments')
    .selectAll()
    .where('project_id', 'in', projectIds)
    .orderBy('requested_at')
    .orderBy('tranche_key')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    projectId: row.project_id,
    trancheKey: row.tranche_key,
    amount: Number(row.amount),
    state: row.state,
    requestedAt: row.requested_at,
    requestedByName: row.requested_by_name,
    releasedAt: row.released_at,
    releasedByName: row.released_by_name,
  }));
}

/** Asks for the tranche; false when it has been asked for already. */
export async function insertPaymentRequest(db: Queryable, projectId: string, trancheKey: string, amount: number, byName: string, at: Date) {
  const row = await db
    .insertInto('project_payments')
    .values({ project_id: projectId, tranche_key: trancheKey, amount, state: 'requested', requested_by_name: byName, requested_at: at })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function markPaymentReleased(db: Queryable, id: string, at: Date, byName: string): Promise<void> {
  await db
    .updateTable('project_payments')
    .set({ state: 'released', released_at: at, released_by_name: byName })
    .where('id', '=', id)
    .execute();
}

// Change requests --------------------------------------------------------------------------------

export interface StoredChangeRequest<P = unknown> {
  id: string;
  projectId: string;
  kind: string;
  reason: string;
  proposal: P;
  state: ChangeState;
  requestedAt: Date;
  requestedByName: string;
  decidedAt: Date | null;
  decidedByName: string | null;
  decisionReason: string;
}

export async function listChangeRequests(db: Queryable, projectId: string): Promise<StoredChangeRequest[]> {
  const rows = await db
    .selectFrom('project_change_requests')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('requested_at', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    projectId: row.project_id,
    kind: row.kind,
    reason: row.reason,
    proposal: parsed(row.proposal),
    state: row.state,
    requestedAt: row.requested_at,
    requestedByName: row.requested_by_name,
    decidedAt: row.decided_at,
    decidedByName: row.decided_by_name,
    decisionReason: row.decision_reason,
  }));
}

export async function insertChangeRequest(
  db: Queryable,
  request: { projectId: string; kind: string; reason: string; proposal: unknown; byName: string; at: Date },
): Promise<string> {
  const row = await db
    .insertInto('project_change_requests')
    .values({
      project_id: request.projectId,
      kind: request.kind,
      reason: request.reason,
      proposal: json(request.proposal),
      state: 'requested',
      requested_by_name: request.byName,
      requested_at: request.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function markChangeRequest(
  db: Queryable,
  id: string,
  decision: { state: ChangeState; at: Date; byName: string; reason: string },
): Promise<void> {
  await db
    .updateTable('project_change_requests')
    .set({ state: decision.state, decided_at: decision.at, decided_by_name: decision.byName, decision_reason: decision.reason })
    .where('id', '=', id)
    .execute();
}

// Evaluation -------------------------------------------------------------------------------------

interface EvaluatorTable {
  programme_id: string;
  user_id: string;
  appointed_at: Generated<Date>;
  appointed_by_name: string;
}

interface EvaluationTable {
  id: Generated<string>;
  programme_id: string;
  project_id: string | null;
  text: Generated<string>;
  written_by_name: string | null;
  saved_at: Generated<Date>;
  published_at: Date | null;
  version: Generated<number>;
}

declare module '../platform/db/schema.js' {
  interface Database {
    programme_evaluators: EvaluatorTable;
    project_evaluations: EvaluationTable;
  }
}

export interface Evaluator {
  userId: string;
  name: string;
  email: string | null;
  appointedAt: Date;
}

export async function listEvaluators(db: Queryable, programmeId: string): Promise<Evaluator[]> {
  return db
    .selectFrom('programme_evaluators')
    .innerJoin('users', 'users.id', 'programme_evaluators.user_id')
    .select(['users.id as userId', 'users.name', 'users.email', 'programme_evaluators.appointed_at as appointedAt'])
    .where('programme_evaluators.programme_id', '=', programmeId)
    .orderBy('users.name')
    .execute();
}

export async function insertEvaluator(db: Queryable, programmeId: string, userId: string, byName: string): Promise<boolean> {
  const row = await db
    .insertInto('programme_evaluators')
    .values({ programme_id: programmeId, user_id: userId, appointed_by_name: byName })
    .onConflict((oc) => oc.doNothing())
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function programmesEvaluatedBy(db: Queryable, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('programme_evaluators').select('programme_id').where('user_id', '=', userId).execute();
  return rows.map((r) => r.programme_id);
}

export interface StoredEvaluation {
  id: string;
  programmeId: string;
  projectId: string | null;
  text: string;
  writtenByName: string | null;
  savedAt: Date;
  publishedAt: Date | null;
  version: number;
}

const toEvaluation = (row: Selectable<EvaluationTable>): StoredEvaluation => ({
  id: row.id,
  programmeId: row.programme_id,
  projectId: row.project_id,
  text: row.text,
  writtenByName: row.written_by_name,
  savedAt: row.saved_at,
  publishedAt: row.published_at,
  version: row.version,
});

export async function listEvaluations(db: Queryable, programmeId: string): Promise<StoredEvaluation[]> {
  const rows = await db.selectFrom('project_evaluations').selectAll().where('programme_id', '=', programmeId).execute();
  return rows.map(toEvaluation);
}

/** The evaluation of the project, or of the programme as a whole where `projectId` is null; locked when asked. */
export async function findEvaluation(
  db: Queryable,
  programmeId: string,
  projectId: string | null,
  lock = false,
): Promise<StoredEvaluation | undefined> {
  let query = db.selectFrom('project_evaluations').selectAll().where('programme_id', '=', programmeId);
  query = projectId === null ? query.where('project_id', 'is', null) : query.where('project_id', '=', projectId);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toEvaluation(row) : undefined;
}

export async function insertEvaluation(
  db: Queryable,
  programmeId: string,
  projectId: string | null,
  text: string,
  byName: string,
): Promise<number> {
  const row = await db
    .insertInto('project_evaluations')
    .values({ programme_id: programmeId, project_id: projectId, text, written_by_name: byName })
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

export async function updateEvaluation(
  db: Queryable,
  id: string,
  changes: { text?: string; byName?: string; publishedAt?: Date },
): Promise<number> {
  const row = await db
    .updateTable('project_evaluations')
    .set({
      version: sql`version + 1`,
      ...(changes.text !== undefined ? { text: changes.text, written_by_name: changes.byName ?? null, saved_at: sql`now()` } : {}),
      ...(changes.publishedAt ? { published_at: changes.publishedAt } : {}),
    })
    .where('id', '=', id)
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

// What another capability may make of a project -----------------------------------------------------

/**
 * A project's public facts (what its public page shows: title, members with the lead first,
 * country, programme, period, the approved plan's purpose and goals) and its whole-project final
 * report once approved. Undefined for an unknown project and one not yet accepted (not public).
 */
export interface ProjectFacts {
  id: string;
  title: string;
  country: Country;
  state: ProjectState;
  programme: { id: string; name: string };
  members: ProjectMember[];
  startsOn: string | null;
  endsOn: string | null;
  purpose: string;
  goals: string[];
  finalReport: { results: string; learned: string; spreading: string; step: InnovationStep | null } | null;
}

export async function findProjectFacts(db: Queryable, id: string): Promise<ProjectFacts | undefined> {
  const project = await findProject(db, id);
  const programme = project ? await findProgramme(db, project.programmeId) : undefined;
  if (!project || !programme || project.state === 'awaiting_acceptance') return undefined;
  const plan = (await listPlans(db, project.id)).find((p) => p.state === 'approved')?.content;
  const final = (await findFollowUp(db, project.programmeId)).plan.periods.find((p) => p.kind === 'final');
  const report = (await listReports(db, [project.id])).find(
    (r) => r.periodKey === final?.key && r.memberCode === '' && r.state === 'approved',
  )?.content;
  return {
    id: project.id,
    title: project.title,
    country: project.country,
    state: project.state,
    programme: { id: programme.id, name: programme.name },
    members: project.members,
    startsOn: project.startsOn,
    endsOn: project.endsOn,
    purpose: plan?.purpose ?? '',
    goals: plan?.goals ?? [],
    finalReport: report
      ? {
          results: report.answers.results ?? '',
          learned: report.answers.learned ?? '',
          spreading: report.answers.spreading ?? '',
          step: report.step,
        }
      : null,
  };
}
