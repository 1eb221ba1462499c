/**
 * The projects' write paths, one function per use case: each owns its transaction, locks the
 * project and checks the version the person started from, audits who did what from which state
 * to which, and tells the people concerned in the same transaction.
 */
import { recordAudit, type AuditEntry } from '../platform/audit/store.js';
import { findPeopleByEmail, listRoleHolders, municipalityRecipients } from '../platform/auth/store.js';
import { isEmailAddress } from '../platform/http/input.js';
import type { Queryable, Tx } from '../platform/db/database.js';
import { clock, databaseNow, type Actor } from '../platform/db/kit.js';
import { formatDay, formatNumber } from '../platform/i18n/index.js';
import type { JobQueue } from '../platform/jobs/queue.js';
import { notify, type Notice } from '../platform/notifications/notify.js';
import { saveFile } from '../platform/files/store.js';
import type { UploadedFile } from '../platform/http/input.js';
import { inTransaction, isRefused, orThrow, refuse, versionConflict, type Refused, type VersionConflict } from '../platform/outcome.js';
import { translate } from '../platform/ui/translate.js';
import { findProgramme } from '../programmes/index.js';
import { listMunicipalities } from '../registry/index.js';
import { grantFacts, type DecisionFollowOn, type LetterLanguage } from '../selection/index.js';
import {
  EMPTY_PLAN,
  memberChangeHolds,
  planChanges,
  planIssues,
  proposedPlan,
  readFollowUp,
  reportIssues,
  trancheAmounts,
  trancheDue,
  type FollowUpForm,
  type FollowUpIssue,
  type FollowUpPlan,
  type MemberChange,
  type PlanChange,
  type PlanChangeKind,
  type PlanIssue,
  type ProjectPlan,
  type ReportContent,
  type ReportIssue,
  withoutMembers,
} from './model.js';
import {
  changeMembers,
  findFollowUp,
  insertChangeRequest,
  insertPaymentRequest,
  insertPlan,
  insertProject,
  insertReport,
  listChangeRequests,
  listPayments,
  listPlans,
  listReports,
  lockProject,
  markChangeRequest,
  markPaymentReleased,
  markPlan,
  markReport,
  saveFollowUp,
  savePlanDraft,
  saveReportDraft,
  updateProject,
  type ProjectChanges,
  findProjectOfApplication,
  listProjects,
  findEvaluation,
  insertEvaluation,
  insertEvaluator,
  updateEvaluation,
  type StoredProject,
} from './store.js';
import { today } from './views.js';
import { openGrants } from './open-data.js';
import { changeWorkflow, move, paymentWorkflow, projectWorkflow, reviewWorkflow } from './workflows.js';
import { questionKeysFor } from './report-form.js';

export type ProjectProblem =
  | VersionConflict
  | { kind: 'projectNotFound' }
  | { kind: 'wrongState' }
  | { kind: 'followUpInvalid'; issues: FollowUpIssue[] }
  | { kind: 'planIncomplete'; issues: PlanIssue[] }
  | { kind: 'reportIncomplete'; issues: ReportIssue[] }
  | { kind: 'periodUnknown' }
  | { kind: 'commentMissing' }
  | { kind: 'trancheNotDue' }
  | { kind: 'trancheAsked' }
  | { kind: 'overGrant'; released: number; amount: number; grant: number }
  | { kind: 'changeInvalid' }
  | { kind: 'membersInvalid' }
  | { kind: 'badEmail' }
  | { kind: 'personUnknown'; email: string }
  | { kind: 'alreadyEvaluator'; name: string }
  | { kind: 'gatheringNotFound' }
  | { kind: 'callNotOpen' }
  | { kind: 'alreadyInRound'; other: string };

const audit = (trx: Queryable, entry: AuditEntry) => recordAudit(trx as Tx, entry);

/** The audit line of a step: who moved which record (from which state to which, when it has states), and why. */
const recordStep = (
  trx: Queryable,
  actor: Actor,
  recordType: string,
  recordId: string,
  step: { action: string; from?: string; to?: string },
  reason?: string,
) =>
  audit(trx, {
    actor: actor.user,
    recordType,
    recordId,
    action: step.action,
    fromState: step.from,
    toState: step.to,
    reason,
    requestId: actor.requestId,
  });

type Jobs = Pick<JobQueue, 'enqueue'>;

/** Locks the project and refuses a version other than the one the person started from. */
async function lockedAt(trx: Queryable, projectId: string, expectedVersion: number): Promise<StoredProject | Refused<ProjectProblem>> {
  const project = await lockProject(trx, projectId);
  if (!project) return refuse({ kind: 'projectNotFound' });
  if (project.version !== expectedVersion) return refuse(versionConflict(project.version, expectedVersion));
  return project;
}

const isProject = (value: StoredProject | Refused<ProjectProblem>): value is StoredProject => 'grant' in value;

/** The grantee's people: the members' case workers and official mailboxes. */
const granteeRecipients = (trx: Queryable, project: StoredProject) =>
  municipalityRecipients(
    trx,
    project.country,
    project.members.map((m) => m.code),
  );

/** The programme's owners, who follow its projects up. */
async function ownerRecipients(trx: Queryable, project: StoredProject) {
  const programme = await findProgramme(trx, project.programmeId);
  if (!programme) return [];
  return listRoleHolders(trx, { role: 'programme_owner', organisationId: programme.ownerOrganisationId });
}

const localeOf = (project: StoredProject) => (project.country === 'DK' ? 'da' : 'nb');

async function tell(
  trx: Queryable,
  jobs: Jobs,
  project: StoredProject,
  to: 'grantee' | 'owner',
  notice: Omit<Notice, 'recipients' | 'locale'>,
) {
  const recipients = to === 'grantee' ? await granteeRecipients(trx, project) : await ownerRecipients(trx, project);
  await notify(trx, jobs, { ...notice, recipients, locale: localeOf(project), params: { project: project.title, ...notice.params } });
}

/** How a step on a project ends: the other side told, and the project's next version, with the step's own changes. */
async function concludeStep(
  trx: Queryable,
  jobs: Jobs,
  project: StoredProject,
  to: 'grantee' | 'owner',
  notice: Omit<Notice, 'recipients' | 'locale'>,
  changes: ProjectChanges = {},
): Promise<{ version: number }> {
  await tell(trx, jobs, project, to, notice);
  return { version: await updateProject(trx, project.id, changes) };
}

// The programme's follow-up ----------------------------------------------------------------------

/** The owner sets the programme's reporting periods, payment tranches and reminders. */
export async function setFollowUp(
  db: Queryable,
  programmeId: string,
  expectedVersion: number,
  form: FollowUpForm,
  actor: Actor,
): Promise<{ version: number } | Refused<ProjectProblem>> {
  const plan = readFollowUp(form);
  if (Array.isArray(plan)) return refuse({ kind: 'followUpInvalid', issues: plan });
  return inTransaction<{ version: number }, ProjectProblem>(db, async (trx) => {
    const current = await findFollowUp(trx, programmeId, true);
    if (current.version !== expectedVersion) return refuse(versionConflict(current.version, expectedVersion, current.updatedByName));
    const version = await saveFollowUp(trx, programmeId, plan, actor.user?.name ?? '');
    await recordStep(trx, actor, 'programme-follow-up', programmeId, { action: 'set' });
    return { version };
  });
}

// From grant to project --------------------------------------------------------------------------

const projectTitle = (members: readonly { name: string }[], callTitle: string) => `${members.map((m) => m.name).join(', ')}: ${callTitle}`;

/** A granted, approved decision becomes its project, awaiting the grantee's acceptance; once only. */
export async function createProjectFromGrant(trx: Tx, applicationId: string): Promise<string | undefined> {
  if (await findProjectOfApplication(trx, applicationId)) return undefined;
  const grant = await grantFacts(trx, applicationId);
  if (!grant) throw new Error(`the granted decision on ${applicationId} has no grant to follow up`);
  const id = await insertProject(trx, {
    applicationId,
    programmeId: grant.programmeId,
    predecessorId: grant.continuesProjectId,
    title: projectTitle(grant.members, grant.callTitle),
    caseNumber: grant.caseNumber,
    country: grant.country,
    currency: grant.currency,
    grant: grant.amount,
    conditions: grant.conditions,
    state: 'awaiting_acceptance',
    members: grant.members,
  });
  if (!id) return undefined;
  const at = await clock(trx, { user: null, requestId: null });
  await insertPlan(trx, id, 1, { state: 'draft', content: { ...EMPTY_PLAN, purpose: grant.publicSummary }, byName: '', at });
  await audit(trx, { actor: null, recordType: 'project', recordId: id, action: 'create', toState: 'awaiting_acceptance', requestId: null });
  return id;
}

/** An appeal changed the grant: the project's grant follows, before any payment is made of it. */
async function changeGrant(trx: Tx, applicationId: string, amount: number): Promise<void> {
  const found = await findProjectOfApplication(trx, applicationId);
  if (!found) return;
  await lockProject(trx, found.id);
  await updateProject(trx, found.id, { grant: amount });
  await audit(trx, {
    actor: null,
    recordType: 'project',
    recordId: found.id,
    action: 'grant-changed',
    reason: `${found.grant} → ${amount} ${found.currency}`,
    requestId: null,
  });
}

/** The letter's paragraphs on payment and reporting, from the programme's follow-up, in the letter's language. */
export function followUpParagraphs(plan: FollowUpPlan, grant: number, currency: string, language: LetterLanguage): string[] | undefined {
  if (plan.periods.length === 0 && plan.tranches.length === 0) return undefined;
  const amounts = trancheAmounts(grant, plan.tranches);
  const periodTitle = (key: string) => plan.periods.find((p) => p.key === key)?.title ?? '';
  const tranches = plan.tranches.map((tranche) =>
    translate(language, 'projects.letter.tranche', {
      share: tranche.share,
      amount: formatNumber(language, amounts.get(tranche.key) ?? 0),
      currency,
      condition:
        tranche.condition.kind === 'accepted'
          ? translate(language, 'projects.letter.onAcceptance')
          : translate(language, 'projects.letter.onReport', { report: periodTitle(tranche.condition.period) }),
    }),
  );
  const periods = plan.periods.map((period) =>
    translate(language, 'projects.letter.period', {
      report: period.title,
      kind: translate(language, `projects.reportKind.${period.kind}`),
      due: formatDay(language, period.due),
    }),
  );
  return [
    ...(tranches.length > 0 ? [translate(language, 'projects.letter.tranches', { count: tranches.length }), ...tranches] : []),
    ...(periods.length > 0 ? [translate(language, 'projects.letter.periods'), ...periods] : []),
    translate(language, 'projects.letter.reminders', { days: plan.reminderDays }),
  ];
}

/** What follows a decision, for selection (wired in app.ts). */
export const projectFollowOn: DecisionFollowOn = {
  granted: async (trx, applicationId) => void (await createProjectFromGrant(trx, applicationId)),
  amountChanged: changeGrant,
  async letterParagraphs(db, applicationId, language) {
    const grant = await grantFacts(db, applicationId);
    if (!grant) return undefined;
    const { plan } = await findFollowUp(db, grant.programmeId);
    return followUpParagraphs(plan, grant.amount, grant.currency, language);
  },
  openGrants,
};

/** The grantee accepts the grant and its conditions: who and when are kept, and payments may be asked for. */
export async function acceptGrant(db: Queryable, jobs: Jobs, projectId: string, expectedVersion: number, actor: Actor) {
  return inTransaction<{ version: number }, ProjectProblem>(db, async (trx) => {
    const project = await lockedAt(trx, projectId, expectedVersion);
    if (!isProject(project)) return project;
    if (!projectWorkflow.can(project.state, 'accept')) return refuse({ kind: 'wrongState' });
    const moved = move(projectWorkflow, project.state, 'accept');
    const now = await clock(trx, actor);
    const version = await updateProject(trx, projectId, { state: moved.to, acceptedAt: now, acceptedByName: actor.user?.name ?? '' });
    await recordStep(trx, actor, 'project', projectId, moved);
    await tell(trx, jobs, project, 'owner', {
      occasion: `project-accepted:${projectId}`,
      subject: 'projects.mail.accepted.subject',
      body: 'projects.mail.accepted.body',
      params: { by: actor.user?.name ?? '' },
      link: `/prosjekter/${projectId}/oppfolging`,
    });
    return { version };
  });
}

// The plan ---------------------------------------------------------------------------------------

/**
 * The grantee saves the plan being written: the draft, or, after the owner returned it, a new
 * version (the returned one is kept as it was). An approved plan changes only by a change request.
 */
export async function savePlan(db: Queryable, projectId: string, expectedVersion: number, plan: ProjectPlan, actor: Actor) {
  return inTransaction<{ version: number }, ProjectProblem>(db, async (trx) => {
    const project = await lockedAt(trx, projectId, expectedVersion);
    if (!isProject(project)) return project;
    const written = await writePlanDraft(trx, project, () => plan, actor);
    if (written) return written;
    return { version: await updateProject(trx, projectId, {}) };
  });
}

/** Writes the draft: the open one, or a new version after a returned or approved one. Refused once it is submitted. */
async function writePlanDraft(
  trx: Queryable,
  project: StoredProject,
  content: (latest: ProjectPlan) => ProjectPlan,
  actor: Actor,
): Promise<Refused<ProjectProblem> | undefined> {
  const latest = (await listPlans(trx, project.id))[0];
  // The plan may be written as soon as the grant is there; it is submitted once the grant is accepted.
  if (!projectWorkflow.isIn('planned', project.state) || latest?.state === 'submitted') return refuse({ kind: 'wrongState' });
  const plan = content(latest?.content ?? EMPTY_PLAN);
  const byName = actor.user?.name ?? '';
  const at = await clock(trx, actor);
  if (latest?.state !== 'draft')
    await insertPlan(trx, project.id, (latest?.number ?? 0) + 1, { state: 'draft', content: plan, byName, at });
  else await savePlanDraft(trx, project.id, latest.number, plan, byName, at);
  return undefined;
}

/** The council's decision that anchors the plan (kommunestyrevedtaket), as a document kept with the draft. */
export async function attachCouncilDecision(db: Queryable, projectId: string, expectedVersion: number, file: UploadedFile, actor: Actor) {
  return inTransaction<{ version: number }, ProjectProblem>(db, async (trx) => {
    const project = await lockedAt(trx, projectId, expectedVersion);
    if (!isProject(project)) return project;
    const fileId = await saveFile(trx, {
      name: file.name,
      contentType: file.contentType,
      content: file.content,
      uploadedBy: actor.user?.userId ?? null,
    });
    const written = await writePlanDraft(
      trx,
      project,
      (plan) => ({
        ...plan,
        councilDecision: { date: '', caseNumber: '', ...plan.councilDecision, fileId, fileName: file.name },
      }),
      actor,
    );
    if (written) return written;
    await recordStep(trx, actor, 'project-plan', projectId, { action: 'attach-council-decision' }, file.name);
    return { version: await updateProject(trx, projectId, {}) };
  });
}

/** The grantee submits the plan; refused with what is missing while it is incomplete. */
export async function submitPlan(db: Queryable, jobs: Jobs, projectId: string, expectedVersion: number, actor: Actor) {
  return inTransaction<{ version: number }, ProjectProblem>(db, async (trx) => {
    const project = await lockedAt(trx, projectId, expectedVersion);
    if (!isProject(project)) return project;
    const latest = (await listPlans(trx, projectId))[0];
    if (project.state !== 'planning' || latest?.state !== 'draft') return refuse({ kind: 'wrongState' });
    const { plan: followUp } = await findFollowUp(trx, project.programmeId);
    const issues = planIssues(latest.content, { grant: project.grant, members: project.members.map((m) => m.code), followUp });
    if (issues.length > 0) return refuse({ kind: 'planIncomplete', issues });
    const moved = move(reviewWorkflow, latest.state, 'submit');
    const now = await clock(trx, actor);
    await markPlan(trx, projectId, latest.number, { state: moved.to, at: now });
    await recordStep(trx, actor, 'project-plan', projectId, moved, `${latest.number}`);
    return concludeStep(trx, jobs, project, 'owner', {
      occasion: `plan-submitted:${projectId}:${latest.number}`,
      subject: 'projects.mail.planSubmitted.subject',
      body: 'projects.mail.planSubmitted.body',
      link: `/prosjekter/${projectId}/oppfolging`,
    });
  });
}

/** The owner approves the submitted plan (the project starts running on its dates) or returns it with comments. */
export async function reviewPlan(
  db: Queryable,
  jobs: Jobs,
  projectId: string,
  expectedVersion: number,
  verdict: { action: 'approve' | 'return'; comment: string },
  actor: Actor,
) {
  const comment = verdict.comment.trim();
  if (verdict.action === 'return' && comment === '') return refuse<ProjectProblem>({ kind: 'commentMissing' });
  return inTransaction<{ version: number }, ProjectProblem>(db, async (trx) => {
    const project = await lockedAt(trx, projectId, expectedVersion);
    if (!isProject(project)) return project;
    const latest = (await listPlans(trx, projectId))[0];
    if (project.state !== 'planning' || latest?.state !== 'submitted') return refuse({ kind: 'wrongState' });
    const moved = move(reviewWorkflow, latest.state, verdict.action);
    const now = await clock(trx, actor);
    const byName = actor.user?.name ?? '';
    await markPlan(trx, projectId, latest.number, { state: moved.to, at: now, byName, comment });
    await recordStep(trx, actor, 'project-plan', projectId, moved, comment || `${latest.number}`);
    let version: number;
    if (verdict.action === 'approve') {
      const started = move(projectWorkflow, project.state, 'approve-plan');
      version = await updateProject(trx, projectId, {
        state: started.to,
        startsOn: latest.content.startsOn,
        endsOn: latest.content.endsOn,
      });
      await recordStep(trx, actor, 'project', projectId, started);
    } else version = await updateProject(trx, projectId, {});
    await tell(trx, jobs, project, 'grantee', {
      occasion: `plan-${verdict.action}:${projectId}:${latest.number}`,
      subject: verdict.action === 'approve' ? 'projects.mail.planApproved.subject' : 'projects.mail.planReturned.subject',
      body: verdict.action === 'approve' ? 'projects.mail.planApproved.body' : 'projects.mail.planReturned.body',
      params: { by: byName, comment },
      link: `/prosjekter/${projectId}/plan`,
    });
    return { version };
  });
}

// Reports ----------------------------------------------------------------------------------------

export interface ReportTarget {
  periodKey: string;
  /** The member's sub-project, or '' for the whole project. */
  memberCode: string;
}

/** The grantee saves a report being written: the draft, or after a return a new version (the returned one kept). */
export async function saveReport(
  db: Queryable,
  projectId: string,
  expectedVersion: number,
  target: ReportTarget,
  content: ReportContent,
  actor: Actor,
) {
  return inTransaction<{ version: number }, ProjectProblem>(db, async (trx) => {
    const project = await lockedAt(trx, projectId, expectedVersion);
    if (!isProject(project)) return project;
    const { plan: followUp } = await findFollowUp(trx, project.programmeId);
    if (!followUp.periods.some((p) => p.key === target.periodKey)) return refuse({ kind: 'periodUnknown' });
    if (project.state !== 'running') return refuse({ kind: 'wrongState' });
    const latest = (await listReports(trx, [projectId])).find(
      (r) => r.periodKey === target.periodKey && r.memberCode === target.memberCode,
    );
    if (latest && (latest.state === 'submitted' || latest.state === 'approved')) return refuse({ kind: 'wrongState' });
    const byName = actor.user?.name ?? '';
    const at = await clock(trx, actor);
    if (latest?.state === 'draft') await saveReportDraft(trx, latest.id, content, byName, at);
    else await insertReport(trx, { projectId, ...target, version: (latest?.version ?? 0) + 1, content, byName, at });
    return { version: await updateProject(trx, projectId, {}) };
  });
}

export async function submitReport(
  db: Queryable,
  jobs: Jobs,
  projectId: string,
  expectedVersion: number,
  target: ReportTarget,
  actor: Actor,
) {
  return inTransaction<{ version: number }, ProjectProblem>(db, async (trx) => {
    const project = await lockedAt(trx, projectId, expectedVersion);
    if (!isProject(project)) return project;
    const { plan: followUp } = await findFollowUp(trx, project.programmeId);
    const period = followUp.periods.find((p) => p.key === target.periodKey);
    if (!period) return refuse({ kind: 'periodUnknown' });
    const latest = (await listReports(trx, [projectId])).find(
      (r) => r.periodKey === target.periodKey && r.memberCode === target.memberCode,
    );
    if (project.state !== 'running' || latest?.state !== 'draft') return refuse({ kind: 'wrongState' });
    const issues = reportIssues(latest.content, period.kind, await questionKeysFor(trx, period), project.grant);
    if (issues.length > 0) return refuse({ kind: 'reportIncomplete', issues });
    const moved = move(reviewWorkflow, latest.state, 'submit');
    await markReport(trx, latest.id, { state: moved.to, at: await clock(trx, actor) });
    await recordStep(trx, actor, 'project-report', latest.id, moved, period.title);
    return concludeStep(trx, jobs, project, 'owner', {
      occasion: `report-submitted:${latest.id}`,
      subject: 'projects.mail.reportSubmitted.subject',
      body: 'projects.mail.reportSubmitted.body',
      params: { report: period.title },
      link: `/prosjekter/${projectId}/rapporter/${latest.id}`,
    });
  });
}

/**
 * The owner approves a submitted report or returns it with comments. Approving the whole
 * project's final report completes the project.
 */
export async function reviewReport(
  db: Queryable,
  jobs: Jobs,
  projectId: string,
  expectedVersion: number,
  reportId: string,
  verdict: { action: 'approve' | 'return'; comment: string },
  actor: Actor,
) {
  const comment = verdict.comment.trim();
  if (verdict.action === 'return' && comment === '') return refuse<ProjectProblem>({ kind: 'commentMissing' });
  return inTransaction<{ version: number }, ProjectProblem>(db, async (trx) => {
    const project = await lockedAt(trx, projectId, expectedVersion);
    if (!isProject(project)) return project;
    const report = (await listReports(trx, [projectId])).find((r) => r.id === reportId);
    if (!report) return refuse({ kind: 'periodUnknown' });
    if (report.state !== 'submitted') return refuse({ kind: 'wrongState' });
    const { plan: followUp } = await findFollowUp(trx, project.programmeId);
    const period = followUp.periods.find((p) => p.key === report.periodKey);
    const moved = move(reviewWorkflow, report.state, verdict.action);
    const byName = actor.user?.name ?? '';
    await markReport(trx, reportId, { state: moved.to, at: await clock(trx, actor), byName, comment });
    await recordStep(trx, actor, 'project-report', reportId, moved, comment || period?.title || '');
    const completes = verdict.action === 'approve' && period?.kind === 'final' && report.memberCode === '';
    let changes = {};
    if (completes && projectWorkflow.can(project.state, 'approve-final-report')) {
      const ended = move(projectWorkflow, project.state, 'approve-final-report');
      changes = { state: ended.to };
      await recordStep(trx, actor, 'project', projectId, ended);
    }
    return concludeStep(
      trx,
      jobs,
      project,
      'grantee',
      {
        occasion: `report-${verdict.action}:${reportId}`,
        subject: verdict.action === 'approve' ? 'projects.mail.reportApproved.subject' : 'projects.mail.reportReturned.subject',
        body: verdict.action === 'approve' ? 'projects.mail.reportApproved.body' : 'projects.mail.reportReturned.body',
        params: { report: period?.title ?? '', by: byName, comment },
        link: `/prosjekter/${projectId}/rapporter/${reportId}`,
      },
      changes,
    );
  });
}

// Payments ---------------------------------------------------------------------------------------

/** The periods whose report for the whole project is approved. */
async function approvedPeriods(trx: Queryable, projectId: string): Promise<Set<string>> {
  const reports = await listReports(trx, [projectId]);
  return new Set(reports.filter((r) => r.memberCode === '' && r.state === 'approved').map((r) => r.periodKey));
}

/** The grantee asks for a tranche whose condition holds; once per tranche. */
export async function requestPayment(
  db: Queryable,
  jobs: Jobs,
  projectId: string,
  expectedVersion: number,
  trancheKey: string,
  actor: Actor,
) {
  return inTransaction<{ version: number }, ProjectProblem>(db, async (trx) => {
    const project = await lockedAt(trx, projectId, expectedVersion);
    if (!isProject(project)) return project;
    const { plan: followUp } = await findFollowUp(trx, project.programmeId);
    const tranche = followUp.tranches.find((t) => t.key === trancheKey);
    if (!tranche) return refuse({ kind: 'trancheNotDue' });
    const facts = { accepted: project.acceptedAt !== null, approvedPeriods: await approvedPeriods(trx, projectId) };
    if (!trancheDue(tranche.condition, facts)) return refuse({ kind: 'trancheNotDue' });
    const amount = trancheAmounts(project.grant, followUp.tranches).get(trancheKey) ?? 0;
    if (amount <= 0 || !(await insertPaymentRequest(trx, projectId, trancheKey, amount, actor.user?.name ?? '', await clock(trx, actor))))
      return refuse({ kind: 'trancheAsked' });
    await recordStep(trx, actor, 'project-payment', projectId, { action: 'request', to: 'requested' }, `${amount} ${project.currency}`);
    return concludeStep(trx, jobs, project, 'owner', {
      occasion: `payment-requested:${projectId}:${trancheKey}`,
      subject: 'projects.mail.paymentRequested.subject',
      body: 'projects.mail.paymentRequested.body',
      params: { amount: formatNumber(localeOf(project), amount), currency: project.currency },
      link: `/prosjekter/${projectId}/oppfolging`,
    });
  });
}

/**
 * The owner releases a requested payment. The project row is locked first, so two releases at
 * the same instant are taken one after the other, and the second sees the first: the sum released
 * never exceeds the grant.
 */
export async function releasePayment(
  db: Queryable,
  jobs: Jobs,
  projectId: string,
  expectedVersion: number,
  paymentId: string,
  actor: Actor,
) {
  return inTransaction<{ version: number }, ProjectProblem>(db, async (trx) => {
    const project = await lockedAt(trx, projectId, expectedVersion);
    if (!isProject(project)) return project;
    const payments = await listPayments(trx, [projectId]);
    const payment = payments.find((p) => p.id === paymentId);
    if (!payment || !paymentWorkflow.can(payment.state, 'release')) return refuse({ kind: 'wrongState' });
    const released = payments.filter((p) => p.state === 'released').reduce((sum, p) => sum + p.amount, 0);
    if (released + payment.amount > project.grant)
      return refuse({ kind: 'overGrant', released, amount: payment.amount, grant: project.grant });
    const moved = move(paymentWorkflow, payment.state, 'release');
    await markPaymentReleased(trx, paymentId, await clock(trx, actor), actor.user?.name ?? '');
    await recordStep(trx, actor, 'project-payment', projectId, moved, `${payment.amount} ${project.currency}`);
    return concludeStep(trx, jobs, project, 'grantee', {
      occasion: `payment-released:${paymentId}`,
      subject: 'projects.mail.paymentReleased.subject',
      body: 'projects.mail.paymentReleased.body',
      params: { amount: formatNumber(localeOf(project), payment.amount), currency: project.currency },
      link: `/prosjekter/${projectId}/oppfolging`,
    });
  });
}

// Change requests --------------------------------------------------------------------------------

export type ChangeProposal =
  | { kind: 'extension'; endsOn: string }
  | { kind: PlanChangeKind; plan: ProjectPlan }
  | ({ kind: 'members'; description: string } & MemberChange);

/**
 * What is stored of a request: a plan change, or members leaving, also keeps what it changes in the
 * plan as it stood when asked; a change of members keeps the names of those joining and leaving.
 */
export type StoredProposal = ChangeProposal & { changes?: PlanChange[]; names?: Record<string, string> };

/** The grantee asks to change the approved plan: extend, move money, change goals or members; with a reason. */
export async function requestChange(
  db: Queryable,
  jobs: Jobs,
  projectId: string,
  expectedVersion: number,
  proposal: ChangeProposal,
  reason: string,
  actor: Actor,
) {
  if (reason.trim() === '') return refuse<ProjectProblem>({ kind: 'changeInvalid' });
  return inTransaction<{ version: number }, ProjectProblem>(db, async (trx) => {
    const project = await lockedAt(trx, projectId, expectedVersion);
    if (!isProject(project)) return project;
    if (project.state !== 'running') return refuse({ kind: 'wrongState' });
    if (proposal.kind === 'extension' && (!project.endsOn || proposal.endsOn <= project.endsOn)) return refuse({ kind: 'changeInvalid' });
    const requests = await listChangeRequests(trx, projectId);
    if (requests.some((r) => r.state === 'requested')) return refuse({ kind: 'wrongState' });
    const stored = await withPlanChanges(trx, project, proposal);
    if (isRefused(stored)) return stored;
    const id = await insertChangeRequest(trx, {
      projectId,
      kind: proposal.kind,
      reason: reason.trim(),
      proposal: stored,
      byName: actor.user?.name ?? '',
      at: await clock(trx, actor),
    });
    await recordStep(trx, actor, 'project-change', id, { action: 'request', to: 'requested' }, reason.trim());
    return concludeStep(trx, jobs, project, 'owner', {
      occasion: `change-requested:${id}`,
      subject: 'projects.mail.changeRequested.subject',
      body: 'projects.mail.changeRequested.body',
      link: `/prosjekter/${projectId}/oppfolging`,
    });
  });
}

/**
 * A change to money or goals is the plan in force with that part proposed anew: refused when it
 * changes nothing, or when the plan would then no longer hold (e.g. more budgeted of the grant than granted).
 */
async function withPlanChanges(
  trx: Queryable,
  project: StoredProject,
  proposal: ChangeProposal,
): Promise<StoredProposal | Refused<ProjectProblem>> {
  if (proposal.kind === 'members') return withMemberChanges(trx, project, proposal);
  if (proposal.kind !== 'budget' && proposal.kind !== 'goals') return proposal;
  const current = await approvedPlan(trx, project.id);
  if (!current) return refuse({ kind: 'wrongState' });
  const plan = proposedPlan(current, proposal.plan, proposal.kind);
  const changes = planChanges(current, plan);
  if (changes.length === 0) return refuse({ kind: 'changeInvalid' });
  const { plan: followUp } = await findFollowUp(trx, project.programmeId);
  const issues = planIssues(plan, { grant: project.grant, members: project.members.map((m) => m.code), followUp });
  if (issues.length > 0) return refuse({ kind: 'planIncomplete', issues });
  return { kind: proposal.kind, plan, changes };
}

const approvedPlan = async (trx: Queryable, projectId: string) =>
  (await listPlans(trx, projectId)).find((p) => p.state === 'approved')?.content;

/** A change of members holds against the registry; leavers take their sub-projects out of the plan. */
async function withMemberChanges(
  trx: Queryable,
  project: StoredProject,
  proposal: Extract<ChangeProposal, { kind: 'members' }>,
): Promise<StoredProposal | Refused<ProjectProblem>> {
  const municipalities = new Map((await listMunicipalities(trx, project.country)).map((m) => [m.code, m.name]));
  if (!memberChangeHolds(project.members, proposal, new Set(municipalities.keys()))) return refuse({ kind: 'membersInvalid' });
  const memberNames = new Map(project.members.map((m) => [m.code, m.name]));
  const names = Object.fromEntries([
    ...proposal.join.map((code) => [code, municipalities.get(code) ?? code]),
    ...proposal.leave.map((code) => [code, memberNames.get(code) ?? code]),
  ]);
  const current = await approvedPlan(trx, project.id);
  return { ...proposal, names, changes: current ? planChanges(current, withoutMembers(current, proposal.leave)) : [] };
}

/** The owner grants or refuses a change request with a reason; a granted one makes the next approved plan version. */
export async function decideChange(
  db: Queryable,
  jobs: Jobs,
  projectId: string,
  expectedVersion: number,
  requestId: string,
  verdict: { action: 'grant' | 'refuse'; reason: string },
  actor: Actor,
) {
  const reason = verdict.reason.trim();
  if (reason === '') return refuse<ProjectProblem>({ kind: 'commentMissing' });
  return inTransaction<{ version: number }, ProjectProblem>(db, async (trx) => {
    const project = await lockedAt(trx, projectId, expectedVersion);
    if (!isProject(project)) return project;
    const request = (await listChangeRequests(trx, projectId)).find((r) => r.id === requestId);
    if (!request || !changeWorkflow.can(request.state, verdict.action)) return refuse({ kind: 'wrongState' });
    const moved = move(changeWorkflow, request.state, verdict.action);
    const now = await clock(trx, actor);
    const byName = actor.user?.name ?? '';
    await markChangeRequest(trx, requestId, { state: moved.to, at: now, byName, reason });
    await recordStep(trx, actor, 'project-change', requestId, moved, reason);
    let changes = {};
    if (verdict.action === 'grant') {
      const current = (await approvedPlan(trx, projectId)) ?? EMPTY_PLAN;
      const proposal = request.proposal as StoredProposal;
      const next: ProjectPlan =
        proposal.kind === 'extension'
          ? { ...current, endsOn: proposal.endsOn }
          : proposal.kind === 'members'
            ? withoutMembers(current, proposal.leave)
            : proposal.plan;
      const latestNumber = (await listPlans(trx, projectId))[0]?.number ?? 0;
      await insertPlan(trx, projectId, latestNumber + 1, {
        state: 'approved',
        content: next,
        byName: request.requestedByName,
        at: now,
        submittedAt: request.requestedAt,
        decidedAt: now,
        decidedByName: byName,
      });
      if (proposal.kind === 'members')
        await changeMembers(
          trx,
          projectId,
          proposal.join.map((code) => ({ code, name: proposal.names?.[code] ?? code })),
          proposal.leave,
        );
      if (proposal.kind === 'extension') changes = { endsOn: proposal.endsOn };
    }
    return concludeStep(
      trx,
      jobs,
      project,
      'grantee',
      {
        occasion: `change-${verdict.action}:${requestId}`,
        subject: 'projects.mail.changeDecided.subject',
        body: 'projects.mail.changeDecided.body',
        params: { outcome: changeWorkflow.name(moved.to, 'public', localeOf(project)), reason, by: byName },
        link: `/prosjekter/${projectId}/oppfolging#changes`,
      },
      changes,
    );
  });
}

/** A transaction whose work never refuses. */
const inTransactionAlways = async (db: Queryable, work: (trx: Tx) => Promise<number>): Promise<number> =>
  orThrow(await inTransaction<number, never>(db, work));

// Reminders --------------------------------------------------------------------------------------

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether a report due on `due` is to be reminded of on `day`: `before` within the programme's days, `overdue` after. */
export function reminderDue(due: string, day: string, reminderDays: number): 'before' | 'overdue' | undefined {
  if (day > due) return 'overdue';
  const from = new Date(Date.parse(`${due}T00:00:00Z`) - reminderDays * DAY_MS).toISOString().slice(0, 10);
  return day >= from ? 'before' : undefined;
}

/**
 * Reminds the running projects' contacts of reports not handed in: once the programme's number of
 * days before the due date, and once when it is overdue. Each is one notice per occasion, so the
 * sweep may run as often as it likes. `now` is the database's clock unless given.
 */
export async function remindOfReports(db: Queryable, jobs: Jobs, now?: Date): Promise<number> {
  const at = now ?? (await databaseNow(db));
  const day = today(at);
  let made = 0;
  const running = await listProjects(db, { states: ['running'] });
  const reports = await listReports(
    db,
    running.map((p) => p.id),
  );
  for (const project of running) {
    const { plan } = await findFollowUp(db, project.programmeId);
    for (const period of plan.periods) {
      const latest = reports.find((r) => r.projectId === project.id && r.periodKey === period.key && r.memberCode === '');
      if (latest && (latest.state === 'submitted' || latest.state === 'approved')) continue;
      const due = reminderDue(period.due, day, plan.reminderDays);
      if (!due) continue;
      made += await inTransactionAlways(db, async (trx) => {
        const recipients = await granteeRecipients(trx, project);
        return notify(trx, jobs, {
          occasion: `report-${due}:${project.id}:${period.key}:${period.due}`,
          recipients,
          locale: localeOf(project),
          subject: due === 'before' ? 'projects.mail.reportDue.subject' : 'projects.mail.reportOverdue.subject',
          body: due === 'before' ? 'projects.mail.reportDue.body' : 'projects.mail.reportOverdue.body',
          params: { project: project.title, report: period.title, due: formatDay(localeOf(project), period.due) },
          link: `/prosjekter/${project.id}/oppfolging`,
        });
      });
    }
  }
  return made;
}

// Evaluation and closing -------------------------------------------------------------------------

/** The owner appoints an external evaluator to the programme: a person who has signed in once, found by e-mail. */
export async function appointEvaluator(db: Queryable, jobs: Jobs, programmeId: string, email: string, actor: Actor) {
  const address = email.trim();
  if (!isEmailAddress(address)) return refuse<ProjectProblem>({ kind: 'badEmail' });
  return inTransaction<{ name: string }, ProjectProblem>(db, async (trx) => {
    const [person] = await findPeopleByEmail(trx, address);
    if (!person) return refuse({ kind: 'personUnknown', email: address });
    if (!(await insertEvaluator(trx, programmeId, person.id, actor.user?.name ?? '')))
      return refuse({ kind: 'alreadyEvaluator', name: person.name });
    await recordStep(trx, actor, 'programme-follow-up', programmeId, { action: 'appoint-evaluator' }, person.name);
    const programme = await findProgramme(trx, programmeId);
    await notify(trx, jobs, {
      occasion: `evaluator:${programmeId}:${person.id}`,
      recipients: [{ userId: person.id, email: address }],
      locale: programme?.country === 'DK' ? 'da' : 'nb',
      subject: 'projects.mail.evaluator.subject',
      body: 'projects.mail.evaluator.body',
      params: { programme: programme?.name ?? '', by: actor.user?.name ?? '' },
      link: `/evaluering/programmer/${programmeId}`,
    });
    return { name: person.name };
  });
}

/** The evaluator writes the evaluation of an ended project, or of the programme (project null); version-checked. */
export async function writeEvaluation(
  db: Queryable,
  programmeId: string,
  projectId: string | null,
  expectedVersion: number,
  text: string,
  actor: Actor,
) {
  return inTransaction<{ version: number }, ProjectProblem>(db, async (trx) => {
    if (projectId !== null) {
      const project = await lockProject(trx, projectId);
      if (!project || project.programmeId !== programmeId) return refuse({ kind: 'projectNotFound' });
      if (!projectWorkflow.isIn('ended', project.state)) return refuse({ kind: 'wrongState' });
    }
    const current = await findEvaluation(trx, programmeId, projectId, true);
    if ((current?.version ?? 0) !== expectedVersion)
      return refuse(versionConflict(current?.version ?? 0, expectedVersion, current?.writtenByName ?? null));
    if (current?.publishedAt) return refuse({ kind: 'wrongState' });
    const byName = actor.user?.name ?? '';
    const version = current
      ? await updateEvaluation(trx, current.id, { text: text.trim(), byName })
      : await insertEvaluation(trx, programmeId, projectId, text.trim(), byName);
    return { version };
  });
}

/** The owner publishes an evaluation; a completed project is then evaluated. */
export async function publishEvaluation(
  db: Queryable,
  programmeId: string,
  projectId: string | null,
  expectedVersion: number,
  actor: Actor,
) {
  return inTransaction<{ version: number }, ProjectProblem>(db, async (trx) => {
    const evaluation = await findEvaluation(trx, programmeId, projectId, true);
    if (!evaluation || evaluation.text === '' || evaluation.publishedAt) return refuse({ kind: 'wrongState' });
    if (evaluation.version !== expectedVersion)
      return refuse(versionConflict(evaluation.version, expectedVersion, evaluation.writtenByName));
    const now = await clock(trx, actor);
    const version = await updateEvaluation(trx, evaluation.id, { publishedAt: now });
    if (projectId !== null) {
      const project = await lockProject(trx, projectId);
      if (project && projectWorkflow.can(project.state, 'publish-evaluation')) {
        const moved = move(projectWorkflow, project.state, 'publish-evaluation');
        await updateProject(trx, projectId, { state: moved.to });
        await recordStep(trx, actor, 'project', projectId, moved);
      }
    } else await recordStep(trx, actor, 'programme-follow-up', programmeId, { action: 'publish-evaluation' });
    return { version };
  });
}

export const PUBLIC_PARTS = ['goals', 'results', 'indicators', 'evaluation'] as const;
export type PublicPart = (typeof PUBLIC_PARTS)[number];

/** The owner closes an ended project and chooses which of its parts the public sees. */
export async function closeProject(db: Queryable, projectId: string, expectedVersion: number, parts: readonly string[], actor: Actor) {
  return inTransaction<{ version: number }, ProjectProblem>(db, async (trx) => {
    const project = await lockedAt(trx, projectId, expectedVersion);
    if (!isProject(project)) return project;
    if (!projectWorkflow.can(project.state, 'close')) return refuse({ kind: 'wrongState' });
    const moved = move(projectWorkflow, project.state, 'close');
    const publicParts = PUBLIC_PARTS.filter((p) => parts.includes(p));
    const version = await updateProject(trx, projectId, { state: moved.to, closedAt: await clock(trx, actor), publicParts });
    await recordStep(trx, actor, 'project', projectId, moved, publicParts.join(', '));
    return { version };
  });
}
