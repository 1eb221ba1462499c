/**
 * Assessment over HTTP. The owner (programme owner of the programme's organisation) manages the
 * pool, assigns and follows progress; a reviewer sees only their own assignments, and an
 * application's content only after declaring no conflict; the lead reviewer or the owner records
 * the consensus. Anything else is a 403 that changes nothing. Handlers parse, authorise and
 * delegate; the store's refusals are mapped to HTTP answers in `refusal` below. Registers the
 * worker that mails the owner when a reviewer declares a conflict.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../platform/auth/model.js';
import { findPrincipal, listRoleHolders } from '../platform/auth/store.js';
import { findFile } from '../platform/files/store.js';
import { HttpProblem, notFound } from '../platform/http/problems.js';
import { isLocale, type Locale } from '../platform/i18n/index.js';
import type { FieldError } from '../platform/ui/components.js';
import type { PageContext } from '../platform/ui/context.js';
import { applicationFile, findApplication, listSubmittedApplications } from '../applications/store.js';
import { translate } from '../applications/receipt.js';
import { canManage } from '../programmes/model.js';
import { tx } from '../programmes/pages/shared.js';
import { findCall, findProgramme, type StoredCall } from '../programmes/store.js';
import {
  ACTIVE_ASSIGNMENT_STATES,
  CONTENT_STATES,
  criteriaOf,
  exclusionFor,
  flagTextProblem,
  mayRecordConsensus,
  parseDeclaration,
  parseScoreSheet,
  progressOf,
  scoreScaleOf,
  sheetIssues,
  type ReviewCriterion,
  type ScoreIssue,
  type ScoreParseProblem,
  type ScoreSheet,
} from './model.js';
import { AssignmentPage, DashboardPage, exclusionText, membersText, MyReviewsPage, PoolPage, ReviewPage, type AssignmentView, type ReviewView } from './pages.js';
import {
  addPoolMember,
  assignInBatch,
  AssessmentRefused,
  assignReviewer,
  CONFLICT_NOTICE_JOB,
  conflictsToReassign,
  consensusHistory,
  declareInterests,
  findAssignment,
  findFlag,
  findReview,
  listAssignmentsOfApplication,
  listAssignmentsOfCall,
  listAssignmentsOfReviewer,
  listFlagsOfCall,
  listPool,
  poolCandidates,
  raiseFlag,
  removePoolMember,
  reopenAssignment,
  resolveFlag,
  reviewerProfile,
  reviewStatusOfCall,
  saveConsensus,
  saveScores,
  scoreHistory,
  setPoolLead,
  submittedSheetsOfApplication,
  submittedVersion,
  unassignReviewer,
  VersionConflict,
  type Actor,
  type AssessmentProblem,
  type StoredAssignment,
} from './store.js';

const OWNER = access.roles('programme_owner', 'admin');
const REVIEWER = access.roles('reviewer', 'programme_owner', 'admin');
import { UUID_PATTERN as UUID } from '../platform/http/input.js';
const idParams = { type: 'object', properties: { id: { type: 'string', pattern: UUID } }, required: ['id'] };
const memberParams = { type: 'object', properties: { id: { type: 'string', pattern: UUID }, userId: { type: 'string', pattern: UUID } }, required: ['id', 'userId'] };
const fileParams = { type: 'object', properties: { id: { type: 'string', pattern: UUID }, fileId: { type: 'string', pattern: UUID } }, required: ['id', 'fileId'] };
const formBody = { type: 'object', additionalProperties: { type: 'string', maxLength: 20_000 } };

function actorOf(request: FastifyRequest): Actor {
  const p = request.principal;
  return { user: p ? { userId: p.userId, name: p.name } : null, requestId: request.id };
}

const bodyOf = (request: FastifyRequest) => (request.body ?? {}) as Record<string, string | undefined>;

function versionOf(request: FastifyRequest): number {
  const raw = bodyOf(request).version;
  if (raw === undefined || !/^\d{1,9}$/.test(raw)) throw new HttpProblem(400, 'version missing');
  return Number(raw);
}

function scoreErrors(ctx: PageContext, criteria: ReviewCriterion[], problems: (ScoreParseProblem | ScoreIssue)[], textField: 'rationale' | 'reasoning'): FieldError[] {
  const title = (key: string) => criteria.find((c) => c.key === key)?.title ?? key;
  return problems.map((p) => ({
    field: p.code === 'missingRationale' || p.code === 'tooLong' ? `${textField}-${p.criterionKey}` : `score-${p.criterionKey}`,
    message: tx(ctx, `assessment.problem.${p.code}`, { title: title(p.criterionKey) }),
  }));
}

const PROBLEM_STATUS: Record<AssessmentProblem, 400 | 404 | 409> = {
  notFound: 404,
  notSubmitted: 404,
  beforeDeadline: 409,
  notInPool: 400,
  notCandidate: 400,
  alreadyMember: 409,
  hasAssignments: 409,
  excluded: 409,
  illegal: 409,
  paused: 409,
  agreed: 409,
  incomplete: 400,
  noScores: 409,
  resolved: 409,
};

/** The one place where refusals become HTTP statuses and translated messages. */
function refusal(ctx: PageContext, error: unknown): { status: 400 | 404 | 409; message: string; issues: ScoreIssue[] } {
  if (error instanceof VersionConflict) return { status: 409, message: tx(ctx, 'assessment.conflict.lead', { base: error.baseVersion, current: error.currentVersion }), issues: [] };
  if (!(error instanceof AssessmentRefused)) throw error;
  const status = PROBLEM_STATUS[error.problem];
  return { status, message: tx(ctx, `assessment.problem.${error.problem}`), issues: error.detail.issues ?? [] };
}

export async function assessmentRoutes(app: FastifyInstance) {
  const db = app.database.db;

  await app.jobs.work<{ assignmentId: string }>(CONFLICT_NOTICE_JOB, async ({ assignmentId }) => {
    const assignment = await findAssignment(db, assignmentId);
    const call = assignment ? await findCall(db, assignment.callId) : undefined;
    if (!assignment || !call) return;
    const owners = await listRoleHolders(db, { role: 'programme_owner', organisationId: call.programme.ownerOrganisationId });
    const to = [...new Set(owners.flatMap((o) => (o.email ? [o.email] : [])))];
    if (to.length === 0) return;
    const locale: Locale = isLocale(call.content.language) ? call.content.language : 'nb';
    const submission = await submittedVersion(db, call.id, assignment.applicationId);
    const reviewer = await findPrincipal(db, assignment.reviewerId, 'employee');
    const params = {
      reviewer: reviewer?.name ?? '',
      applicant: submission ? membersText(submission.members) : '',
      call: call.content.title,
      kind: translate(locale, `assessment.conflictKind.${assignment.conflictKind ?? 'other'}`),
      text: assignment.conflictText ?? '',
      link: `${app.config.publicUrl}/eier/utlysninger/${call.id}/vurdering?lang=${locale}`,
    };
    await app.mailer.send({ to, subject: translate(locale, 'assessment.mail.subject', params), text: translate(locale, 'assessment.mail.body', params) });
  });

  async function managedCall(request: FastifyRequest, id: string): Promise<StoredCall> {
    const call = await findCall(db, id);
    if (!call || call.status === 'draft') throw notFound();
    if (!canManage(request.principal, call.programme.ownerOrganisationId)) throw new HttpProblem(403);
    return call;
  }

  async function names(ids: Iterable<string>): Promise<Map<string, string>> {
    const result = new Map<string, string>();
    for (const id of new Set(ids)) result.set(id, (await findPrincipal(db, id, 'employee'))?.name ?? '');
    return result;
  }

  /** A file of the submitted application (attachment or decision) as a download. */
  async function sendApplicationFile(reply: FastifyReply, applicationId: string, fileId: string) {
    if (!(await applicationFile(db, applicationId, fileId))) throw notFound();
    const file = await findFile(db, fileId);
    if (!file) throw notFound();
    const ascii = file.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    return reply
      .type(file.contentType)
      .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .header('x-content-type-options', 'nosniff')
      .send(file.content);
  }

  // The owner's dashboard --------------------------------------------------------------------

  async function dashboard(request: FastifyRequest, reply: FastifyReply, call: StoredCall, status: number, extra: { notice?: string; errors?: FieldError[]; perApplication?: string } = {}) {
    const submitted = await listSubmittedApplications(db, call.id);
    const assignments = await listAssignmentsOfCall(db, call.id);
    const statuses = await reviewStatusOfCall(db, call.id);
    const pool = await listPool(db, call.programmeId);
    const nameOf = await names([...pool.map((m) => m.userId), ...assignments.map((a) => a.reviewerId)]);
    const applicantOf = new Map(submitted.map(({ application, submission }) => [application.id, submission.members]));
    const { perReviewer } = progressOf(assignments);
    const exclusions = [];
    for (const member of pool) {
      const profile = await reviewerProfile(db, member.userId);
      if (!profile) continue;
      for (const { application, submission } of submitted) {
        const mine = assignments.filter((a) => a.applicationId === application.id);
        const exclusion = exclusionFor(profile, {
          applicationId: application.id,
          members: submission.members,
          assignedReviewerIds: [],
          conflictedReviewerIds: mine.filter((a) => a.state === 'conflicted').map((a) => a.reviewerId),
        });
        if (exclusion) exclusions.push({ exclusion, reviewerName: member.name, applicant: membersText(submission.members) });
      }
    }
    const reassign = (await conflictsToReassign(db, call.id)).map((assignment) => ({ assignment, reviewerName: nameOf.get(assignment.reviewerId) ?? '', applicant: membersText(applicantOf.get(assignment.applicationId) ?? []) }));
    reply.code(status);
    return reply.html(
      <DashboardPage
        ctx={reply.pageContext()}
        view={{
          call,
          applications: submitted.map(({ application, submission }) => ({
            applicationId: application.id,
            members: submission.members,
            status: statuses.find((s) => s.applicationId === application.id)!,
            assignments: assignments.filter((a) => a.applicationId === application.id).map((a) => ({ ...a, reviewerName: nameOf.get(a.reviewerId) ?? '' })),
          })),
          reviewers: pool.map((m) => {
            const live = statuses.filter((st) => assignments.some((a) => a.reviewerId === m.userId && a.applicationId === st.applicationId && ACTIVE_ASSIGNMENT_STATES.includes(a.state)));
            return {
              ...m,
              counts: perReviewer.get(m.userId) ?? { assigned: 0, declared: 0, scored: 0, conflicted: 0 },
              agreed: live.filter((st) => st.consensusRecorded).length,
              flagged: live.filter((st) => st.openFlags > 0).length,
            };
          }),
          exclusions,
          reassign,
          ...extra,
        }}
      />,
    );
  }

  app.get('/eier/utlysninger/:id/vurdering', { config: { access: OWNER }, schema: { params: idParams } }, async (request, reply) => {
    const call = await managedCall(request, (request.params as { id: string }).id);
    const query = request.query as { assigned?: string; notice?: string };
    const notice = query.assigned !== undefined && /^\d{1,4}$/.test(query.assigned) ? tx(reply.pageContext(), 'assessment.batch.done', { count: Number(query.assigned) }) : query.notice === 'withdrawn' ? request.t('assessment.assignments.withdrawn') : query.notice === 'assigned' ? request.t('assessment.assignments.done') : undefined;
    return dashboard(request, reply, call, 200, { notice });
  });

  app.post('/eier/utlysninger/:id/vurdering/fordel', { config: { access: OWNER }, schema: { params: idParams, body: formBody } }, async (request, reply) => {
    const call = await managedCall(request, (request.params as { id: string }).id);
    const raw = (bodyOf(request).perApplication ?? '').trim();
    if (!/^\d{1,2}$/.test(raw) || Number(raw) < 1 || Number(raw) > 10) {
      return dashboard(request, reply, call, 400, { perApplication: raw, errors: [{ field: 'perApplication', message: request.t('assessment.problem.perApplication') }] });
    }
    const plan = await assignInBatch(db, call, Number(raw), actorOf(request));
    return reply.redirect(`/eier/utlysninger/${call.id}/vurdering?lang=${request.locale}&assigned=${plan.assignments.length}`, 303);
  });

  app.post('/eier/utlysninger/:id/vurdering/tildel', { config: { access: OWNER }, schema: { params: idParams, body: formBody } }, async (request, reply) => {
    const call = await managedCall(request, (request.params as { id: string }).id);
    const body = bodyOf(request);
    const applicationId = body.application ?? '';
    const reviewerId = body[`reviewer-${applicationId}`] ?? '';
    try {
      await assignReviewer(db, call, applicationId, reviewerId, actorOf(request));
    } catch (error) {
      const ctx = reply.pageContext();
      const { status, message } = refusal(ctx, error);
      let text = message;
      if (error instanceof AssessmentRefused && error.detail.exclusion) text = `${message} ${exclusionText(ctx, error.detail.exclusion, (await names([reviewerId])).get(reviewerId) ?? '')}`;
      return dashboard(request, reply, call, status, { errors: [{ field: `reviewer-${applicationId}`, message: text }] });
    }
    return reply.redirect(`/eier/utlysninger/${call.id}/vurdering?lang=${request.locale}&notice=assigned`, 303);
  });

  app.post('/eier/vurdering/tildelinger/:id/trekk', { config: { access: OWNER }, schema: { params: idParams, body: formBody } }, async (request, reply) => {
    const assignment = await findAssignment(db, (request.params as { id: string }).id);
    if (!assignment) throw notFound();
    const call = await managedCall(request, assignment.callId);
    try {
      await unassignReviewer(db, assignment.id, versionOf(request), (bodyOf(request)[`reason-${assignment.id}`] ?? '').trim().slice(0, 2000) || null, actorOf(request));
    } catch (error) {
      const { status, message } = refusal(reply.pageContext(), error);
      return dashboard(request, reply, call, status, { errors: [{ field: `application-${assignment.applicationId}`, message }] });
    }
    return reply.redirect(`/eier/utlysninger/${call.id}/vurdering?lang=${request.locale}&notice=withdrawn`, 303);
  });

  // The pool -----------------------------------------------------------------------------------

  async function managedProgramme(request: FastifyRequest) {
    const programme = await findProgramme(db, (request.params as { id: string }).id);
    if (!programme) throw notFound();
    if (!canManage(request.principal, programme.ownerOrganisationId)) throw new HttpProblem(403);
    return programme;
  }

  async function poolPage(request: FastifyRequest, reply: FastifyReply, status: number, extra: { errors?: FieldError[]; notice?: string } = {}) {
    const programme = await managedProgramme(request);
    reply.code(status);
    return reply.html(<PoolPage ctx={reply.pageContext()} programme={programme} pool={await listPool(db, programme.id)} candidates={await poolCandidates(db, programme.ownerOrganisationId)} {...extra} />);
  }

  app.get('/eier/programmer/:id/fagpanel', { config: { access: OWNER }, schema: { params: idParams } }, async (request, reply) => {
    const notice = (request.query as { notice?: string }).notice;
    return poolPage(request, reply, 200, notice === 'saved' ? { notice: request.t('assessment.pool.saved') } : {});
  });

  async function poolChange(request: FastifyRequest, reply: FastifyReply, change: (programme: { id: string; ownerOrganisationId: string }) => Promise<void>) {
    const programme = await managedProgramme(request);
    try {
      await change(programme);
    } catch (error) {
      const { status, message } = refusal(reply.pageContext(), error);
      return poolPage(request, reply, status, { errors: [{ field: 'user', message }] });
    }
    return reply.redirect(`/eier/programmer/${programme.id}/fagpanel?lang=${request.locale}&notice=saved`, 303);
  }

  app.post('/eier/programmer/:id/fagpanel', { config: { access: OWNER }, schema: { params: idParams, body: formBody } }, async (request, reply) =>
    poolChange(request, reply, (programme) => addPoolMember(db, programme, bodyOf(request).user ?? '', bodyOf(request).lead === 'yes', actorOf(request))),
  );

  app.post('/eier/programmer/:id/fagpanel/:userId/fjern', { config: { access: OWNER }, schema: { params: memberParams, body: formBody } }, async (request, reply) =>
    poolChange(request, reply, (programme) => removePoolMember(db, programme.id, (request.params as { userId: string }).userId, actorOf(request))),
  );

  app.post('/eier/programmer/:id/fagpanel/:userId/leder', { config: { access: OWNER }, schema: { params: memberParams, body: formBody } }, async (request, reply) =>
    poolChange(request, reply, (programme) => setPoolLead(db, programme.id, (request.params as { userId: string }).userId, bodyOf(request).lead === 'yes', actorOf(request))),
  );

  // The reviewer's pages ---------------------------------------------------------------------

  app.get('/vurderinger', { config: { access: REVIEWER } }, async (request, reply) => {
    const principal = request.principal!;
    const items = [];
    for (const assignment of await listAssignmentsOfReviewer(db, principal.userId)) {
      const call = await findCall(db, assignment.callId);
      const submission = await submittedVersion(db, assignment.callId, assignment.applicationId);
      if (!call) continue;
      const pool = await listPool(db, call.programmeId);
      items.push({
        assignment,
        callTitle: call.content.title,
        applicant: submission ? membersText(submission.members) : '',
        consensusLink: mayRecordConsensus(principal, false, pool, assignment.state),
      });
    }
    return reply.html(<MyReviewsPage ctx={reply.pageContext()} items={items} />);
  });

  /** The person's own assignment; anyone else's is a 403 that shows and changes nothing. */
  async function ownAssignment(request: FastifyRequest): Promise<{ assignment: StoredAssignment; call: StoredCall }> {
    const assignment = await findAssignment(db, (request.params as { id: string }).id);
    if (!assignment) throw notFound();
    if (assignment.reviewerId !== request.principal?.userId) throw new HttpProblem(403);
    const call = await findCall(db, assignment.callId);
    if (!call) throw notFound();
    return { assignment, call };
  }

  async function assignmentPage(request: FastifyRequest, reply: FastifyReply, status: number, extra: Partial<AssignmentView> = {}) {
    const { assignment, call } = await ownAssignment(request);
    const submission = await submittedVersion(db, call.id, assignment.applicationId);
    if (!submission) throw notFound();
    const history = await scoreHistory(db, assignment.id);
    const view: AssignmentView = {
      assignment,
      call,
      applicant: membersText(submission.members),
      reviewState: (await findReview(db, assignment.applicationId)).state,
      submission: CONTENT_STATES.includes(assignment.state) ? submission : undefined,
      criteria: criteriaOf(call.content),
      scale: scoreScaleOf(call),
      sheet: history.at(-1)?.sheet ?? {},
      history,
      ...extra,
    };
    reply.code(status);
    return reply.html(<AssignmentPage ctx={reply.pageContext()} view={view} />);
  }

  app.get('/vurderinger/:id', { config: { access: REVIEWER }, schema: { params: idParams } }, async (request, reply) => {
    const query = request.query as { notice?: string; warnings?: string };
    const notices = { declared: 'assessment.declaration.done', conflicted: 'assessment.declaration.removed', saved: 'assessment.score.saved', submitted: 'assessment.score.submittedNotice', reopened: 'assessment.score.reopened', flagged: 'assessment.flag.raised' } as const;
    const ctx = reply.pageContext();
    const extra: Partial<AssignmentView> = {};
    if (query.notice && query.notice in notices) extra.notice = tx(ctx, notices[query.notice as keyof typeof notices]);
    if (query.notice === 'saved') {
      const { assignment, call } = await ownAssignment(request);
      const criteria = criteriaOf(call.content);
      const latest = (await scoreHistory(db, assignment.id)).at(-1);
      extra.warnings = scoreErrors(ctx, criteria, sheetIssues(criteria, latest?.sheet ?? {}), 'rationale').map((e) => e.message);
    }
    return assignmentPage(request, reply, 200, extra);
  });

  app.post('/vurderinger/:id/erklaering', { config: { access: REVIEWER }, schema: { params: idParams, body: formBody } }, async (request, reply) => {
    const { assignment } = await ownAssignment(request);
    const body = bodyOf(request);
    const version = versionOf(request);
    const ctx = reply.pageContext();
    const declaration = { conflict: body.conflict ?? '', kind: body.kind ?? '', text: body.text ?? '' };
    const parsed = parseDeclaration({ conflict: body.conflict, kind: body.kind, text: body.text });
    if (!parsed.ok) {
      const errors = parsed.problems.map((p) => ({ field: p === 'kind' ? (body.conflict === 'yes' ? 'kind' : 'conflict') : 'text', message: tx(ctx, `assessment.problem.declaration.${p}`) }));
      return assignmentPage(request, reply, 400, { errors, declaration });
    }
    try {
      const state = await declareInterests(db, assignment.id, version, parsed.declaration, actorOf(request), (trx, id) => app.jobs.enqueue(trx, CONFLICT_NOTICE_JOB, { assignmentId: id }));
      return reply.redirect(`/vurderinger/${assignment.id}?lang=${request.locale}&notice=${state === 'conflicted' ? 'conflicted' : 'declared'}`, 303);
    } catch (error) {
      const { status, message } = refusal(ctx, error);
      return assignmentPage(request, reply, status, { errors: [{ field: 'conflict', message }], declaration });
    }
  });

  app.post('/vurderinger/:id/poeng', { config: { access: REVIEWER }, schema: { params: idParams, body: formBody } }, async (request, reply) => {
    const { assignment, call } = await ownAssignment(request);
    const version = versionOf(request);
    const submit = bodyOf(request).action === 'submit';
    const criteria = criteriaOf(call.content);
    const ctx = reply.pageContext();
    const { sheet, problems } = parseScoreSheet(criteria, scoreScaleOf(call), bodyOf(request));
    if (problems.length > 0) return assignmentPage(request, reply, 400, { sheet, errors: scoreErrors(ctx, criteria, problems, 'rationale') });
    try {
      await saveScores(db, call, assignment.id, version, sheet, submit, actorOf(request));
      return reply.redirect(`/vurderinger/${assignment.id}?lang=${request.locale}&notice=${submit ? 'submitted' : 'saved'}${submit ? '' : '#warnings'}`, 303);
    } catch (error) {
      if (error instanceof VersionConflict) return assignmentPage(request, reply, 409, { sheet, conflict: { current: error.currentVersion, base: error.baseVersion } });
      const { status, message, issues } = refusal(ctx, error);
      return assignmentPage(request, reply, status, { sheet, errors: issues.length > 0 ? scoreErrors(ctx, criteria, issues, 'rationale') : [{ field: 'scores-heading', message }] });
    }
  });

  app.post('/vurderinger/:id/gjenapne', { config: { access: REVIEWER }, schema: { params: idParams, body: formBody } }, async (request, reply) => {
    const { assignment } = await ownAssignment(request);
    try {
      await reopenAssignment(db, assignment.id, versionOf(request), actorOf(request));
    } catch (error) {
      const { status, message } = refusal(reply.pageContext(), error);
      return assignmentPage(request, reply, status, { errors: [{ field: 'submitted-heading', message }] });
    }
    return reply.redirect(`/vurderinger/${assignment.id}?lang=${request.locale}&notice=reopened`, 303);
  });

  app.post('/vurderinger/:id/flagg', { config: { access: REVIEWER }, schema: { params: idParams, body: formBody } }, async (request, reply) => {
    const { assignment } = await ownAssignment(request);
    if (!CONTENT_STATES.includes(assignment.state)) throw new HttpProblem(403);
    const text = (bodyOf(request).flagText ?? '').trim();
    const problem = flagTextProblem(text);
    if (problem) return assignmentPage(request, reply, 400, { errors: [{ field: 'flagText', message: tx(reply.pageContext(), `assessment.problem.flag.${problem}`) }] });
    await raiseFlag(db, assignment.callId, assignment.applicationId, text, actorOf(request));
    return reply.redirect(`/vurderinger/${assignment.id}?lang=${request.locale}&notice=flagged`, 303);
  });

  app.get('/vurderinger/:id/filer/:fileId', { config: { access: REVIEWER }, schema: { params: fileParams } }, async (request, reply) => {
    const { assignment } = await ownAssignment(request);
    if (!CONTENT_STATES.includes(assignment.state)) throw new HttpProblem(403);
    const { fileId } = request.params as { fileId: string };
    return sendApplicationFile(reply, assignment.applicationId, fileId);
  });

  // The review page: the owner, or the lead reviewer who declared no conflict ----------------

  app.get('/vurdering/soknader/:id/filer/:fileId', { config: { access: REVIEWER }, schema: { params: fileParams } }, async (request, reply) => {
    const { id, fileId } = request.params as { id: string; fileId: string };
    await reviewAccess(request, id);
    return sendApplicationFile(reply, id, fileId);
  });

  async function reviewAccess(request: FastifyRequest, applicationId: string): Promise<{ call: StoredCall; owner: boolean }> {
    const application = await findApplication(db, applicationId);
    if (!application) throw notFound();
    const call = await findCall(db, application.callId);
    if (!call || !(await submittedVersion(db, call.id, applicationId))) throw notFound();
    const principal = request.principal!;
    const owner = canManage(principal, call.programme.ownerOrganisationId);
    const own = (await listAssignmentsOfApplication(db, applicationId)).find((a) => a.reviewerId === principal.userId && a.state !== 'withdrawn');
    if (!mayRecordConsensus(principal, owner, await listPool(db, call.programmeId), own?.state)) throw new HttpProblem(403);
    return { call, owner };
  }

  async function reviewPage(request: FastifyRequest, reply: FastifyReply, applicationId: string, status: number, extra: Partial<ReviewView> = {}) {
    const { call, owner } = await reviewAccess(request, applicationId);
    const submission = (await submittedVersion(db, call.id, applicationId))!;
    const sheets = await submittedSheetsOfApplication(db, applicationId);
    const nameOf = await names(sheets.map((s) => s.reviewerId));
    const consensus = await consensusHistory(db, applicationId);
    const latest = consensus.at(-1);
    const values: ScoreSheet = latest ? Object.fromEntries(Object.entries(latest.scores).map(([k, s]) => [k, { score: s.score, rationale: s.reasoning }])) : {};
    const view: ReviewView = {
      call,
      applicationId,
      applicant: membersText(submission.members),
      submission,
      review: await findReview(db, applicationId),
      criteria: criteriaOf(call.content),
      scale: scoreScaleOf(call),
      sheets: sheets.map((s) => ({ reviewerName: nameOf.get(s.reviewerId) ?? '', sheet: s.sheet })),
      consensus,
      flags: (await listFlagsOfCall(db, call.id)).filter((f) => f.applicationId === applicationId),
      values,
      owner,
      ...extra,
    };
    reply.code(status);
    return reply.html(<ReviewPage ctx={reply.pageContext()} view={view} />);
  }

  app.get('/vurdering/soknader/:id', { config: { access: REVIEWER }, schema: { params: idParams } }, async (request, reply) => {
    const notice = (request.query as { notice?: string }).notice;
    const notices = { agreed: 'assessment.consensus.saved', flagged: 'assessment.flag.raised', resolved: 'assessment.flag.resolvedNotice' } as const;
    return reviewPage(request, reply, (request.params as { id: string }).id, 200, notice && notice in notices ? { notice: tx(reply.pageContext(), notices[notice as keyof typeof notices]) } : {});
  });

  app.post('/vurdering/soknader/:id/konsensus', { config: { access: REVIEWER }, schema: { params: idParams, body: formBody } }, async (request, reply) => {
    const applicationId = (request.params as { id: string }).id;
    const { call } = await reviewAccess(request, applicationId);
    const version = versionOf(request);
    const criteria = criteriaOf(call.content);
    const ctx = reply.pageContext();
    const { sheet, problems } = parseScoreSheet(criteria, scoreScaleOf(call), bodyOf(request), 'reasoning');
    if (problems.length > 0) return reviewPage(request, reply, applicationId, 400, { values: sheet, errors: scoreErrors(ctx, criteria, problems, 'reasoning') });
    try {
      await saveConsensus(db, call, applicationId, version, sheet, actorOf(request));
    } catch (error) {
      if (error instanceof VersionConflict) return reviewPage(request, reply, applicationId, 409, { values: sheet, conflict: { current: error.currentVersion, base: error.baseVersion } });
      const { status, message, issues } = refusal(ctx, error);
      return reviewPage(request, reply, applicationId, status, { values: sheet, errors: issues.length > 0 ? scoreErrors(ctx, criteria, issues, 'reasoning') : [{ field: 'consensus-heading', message }] });
    }
    return reply.redirect(`/vurdering/soknader/${applicationId}?lang=${request.locale}&notice=agreed`, 303);
  });

  app.post('/vurdering/soknader/:id/flagg', { config: { access: REVIEWER }, schema: { params: idParams, body: formBody } }, async (request, reply) => {
    const applicationId = (request.params as { id: string }).id;
    const { call } = await reviewAccess(request, applicationId);
    const text = (bodyOf(request).flagText ?? '').trim();
    const problem = flagTextProblem(text);
    if (problem) return reviewPage(request, reply, applicationId, 400, { errors: [{ field: 'flagText', message: tx(reply.pageContext(), `assessment.problem.flag.${problem}`) }] });
    await raiseFlag(db, call.id, applicationId, text, actorOf(request));
    return reply.redirect(`/vurdering/soknader/${applicationId}?lang=${request.locale}&notice=flagged`, 303);
  });

  app.post('/vurdering/flagg/:id/lukk', { config: { access: REVIEWER }, schema: { params: idParams, body: formBody } }, async (request, reply) => {
    const flag = await findFlag(db, (request.params as { id: string }).id);
    if (!flag) throw notFound();
    await reviewAccess(request, flag.applicationId);
    const text = (bodyOf(request)[`resolution-${flag.id}`] ?? '').trim();
    const problem = flagTextProblem(text);
    const field = `resolution-${flag.id}`;
    if (problem) return reviewPage(request, reply, flag.applicationId, 400, { errors: [{ field, message: tx(reply.pageContext(), `assessment.problem.flag.${problem}`) }] });
    try {
      await resolveFlag(db, flag.id, text, actorOf(request));
    } catch (error) {
      const { status, message } = refusal(reply.pageContext(), error);
      return reviewPage(request, reply, flag.applicationId, status, { errors: [{ field: 'flags-heading', message }] });
    }
    return reply.redirect(`/vurdering/soknader/${flag.applicationId}?lang=${request.locale}&notice=resolved`, 303);
  });
}
