/**
 * Assessment over HTTP. The owner (programme owner of the programme's organisation) manages the
 * pool, assigns and follows progress; a reviewer sees only their own assignments, and an
 * application's content only after declaring no conflict; the lead reviewer or the owner records
 * the consensus. Anything else is a 403 that changes nothing. Handlers parse, authorise, call a
 * use case and render; its refusals become pages through the problem table in one place
 * (`refused`). Starts the worker that mails the owner when a reviewer declares a conflict.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../platform/auth/model.js';
import { TOKEN_PATTERN } from '../platform/auth/tokens.js';
import { findFile } from '../platform/files/store.js';
import { actorOf, formField, formVersion, idParams } from '../platform/http/input.js';
import { forbidden, notFound } from '../platform/http/problems.js';
import { isRefused } from '../platform/outcome.js';
import type { FieldError } from '../platform/ui/components.js';
import type { PageContext } from '../platform/ui/context.js';
import { translate } from '../platform/ui/translate.js';
import { applicationFile, findApplication } from '../applications/index.js';
import { canManage, findCall, findProgramme, type StoredCall } from '../programmes/index.js';
import { workConflictNotices } from './conflict-notice.js';
import {
  criteriaOf,
  flagTextProblem,
  mayRecordConsensus,
  parseDeclaration,
  parseScoreSheet,
  scoreScaleOf,
  sheetIssues,
  type ExpertInvitation,
  type ReviewCriterion,
  type ScoreIssue,
  type ScoreParseProblem,
} from './model.js';
import { AssignmentPage, type AssignmentView } from './pages/assignment.js';
import { DashboardPage, type DashboardView } from './pages/dashboard.js';
import { MyReviewsPage } from './pages/my-reviews.js';
import { InvitationPage, InvitationUnusablePage } from './pages/invitation.js';
import { PoolPage } from './pages/pool.js';
import { ReviewPage, type ReviewView } from './pages/review.js';
import { explainProblem, type AssessmentProblem } from './problems.js';
import {
  findAssignment,
  findFlag,
  listAssignmentsOfApplication,
  listOpenInvitations,
  listPool,
  poolCandidates,
  scoreHistory,
  submittedVersion,
  type StoredAssignment,
} from './store.js';
import {
  acceptExpertInvitation,
  addToPool,
  assignInBatch,
  assignReviewer,
  CONFLICT_NOTICE_JOB,
  declareInterests,
  inviteExpert,
  openInvitation,
  raiseFlag,
  reopenSubmittedScores,
  removeFromPool,
  resolveFlag,
  saveConsensus,
  saveScores,
  setLeadReviewer,
  withdrawAssignment,
  withdrawExpertInvitation,
} from './use-cases.js';
import { assignmentView, dashboardView, myReviews, reviewView } from './views.js';
import { assignmentWorkflow } from './workflows.js';

const OWNER = access.roles('programme_owner', 'admin');
const REVIEWER = access.roles('reviewer', 'programme_owner', 'admin');
const ID = idParams('id');
const formBody = { type: 'object', additionalProperties: { type: 'string', maxLength: 20_000 } };

/** The one place where the assessment's refusals become a status and a message beside a field of the page. */
function refused(ctx: PageContext, problem: AssessmentProblem, field: string): { status: number; errors: FieldError[] } {
  const { status, message } = explainProblem(ctx, problem);
  if (problem.kind === 'invitationIncomplete')
    return { status, errors: problem.fields.map((f) => ({ field: f, message: ctx.t(`assessment.invitation.problem.${f}`) })) };
  return { status, errors: [{ field, message }] };
}

function scoreErrors(
  ctx: PageContext,
  criteria: ReviewCriterion[],
  problems: (ScoreParseProblem | ScoreIssue)[],
  textField: 'rationale' | 'reasoning',
): FieldError[] {
  const title = (key: string) => criteria.find((c) => c.key === key)?.title ?? key;
  return problems.map((p) => ({
    field: p.code === 'missingRationale' || p.code === 'tooLong' ? `${textField}-${p.criterionKey}` : `score-${p.criterionKey}`,
    message: translate(ctx, `assessment.problem.${p.code}`, { title: title(p.criterionKey) }),
  }));
}

/** The text of a form field, trimmed. */
const textOf = (request: FastifyRequest, name: string) => (formField(request.body, name) ?? '').trim();

export async function assessmentRoutes(app: FastifyInstance) {
  const db = app.database.db;
  await workConflictNotices(app);

  async function managedCall(request: FastifyRequest, id: string): Promise<StoredCall> {
    const call = await findCall(db, id);
    if (!call || call.status === 'draft') throw notFound();
    if (!canManage(request.principal, call.programme.ownerOrganisationId)) throw forbidden();
    return call;
  }

  /** A file of the submitted application (attachment or decision) as a download. */
  async function sendApplicationFile(reply: FastifyReply, applicationId: string, fileId: string) {
    if (!(await applicationFile(db, applicationId, fileId))) throw notFound();
    const file = await findFile(db, fileId);
    if (!file) throw notFound();
    return reply.download(file);
  }

  // The owner's dashboard --------------------------------------------------------------------

  async function dashboard(reply: FastifyReply, call: StoredCall, status: number, extra: Partial<DashboardView> = {}) {
    reply.code(status);
    return reply.html(<DashboardPage ctx={reply.pageContext()} view={{ ...(await dashboardView(db, call)), ...extra }} />);
  }

  app.get('/eier/utlysninger/:id/vurdering', { config: { access: OWNER }, schema: { params: ID } }, async (request, reply) => {
    const call = await managedCall(request, (request.params as { id: string }).id);
    const query = request.query as { assigned?: string; notice?: string };
    const notice =
      query.assigned !== undefined && /^\d{1,4}$/.test(query.assigned)
        ? translate(reply.pageContext(), 'assessment.batch.done', { count: Number(query.assigned) })
        : query.notice === 'withdrawn'
          ? request.t('assessment.assignments.withdrawn')
          : query.notice === 'assigned'
            ? request.t('assessment.assignments.done')
            : undefined;
    return dashboard(reply, call, 200, { notice });
  });

  app.post(
    '/eier/utlysninger/:id/vurdering/fordel',
    { config: { access: OWNER }, schema: { params: ID, body: formBody } },
    async (request, reply) => {
      const call = await managedCall(request, (request.params as { id: string }).id);
      const raw = textOf(request, 'perApplication');
      if (!/^\d{1,2}$/.test(raw) || Number(raw) < 1 || Number(raw) > 10) {
        return dashboard(reply, call, 400, {
          perApplication: raw,
          errors: [{ field: 'perApplication', message: request.t('assessment.problem.perApplication') }],
        });
      }
      const plan = await assignInBatch(db, call, Number(raw), actorOf(request), { jobs: app.jobs });
      return reply.redirect(`/eier/utlysninger/${call.id}/vurdering?lang=${request.locale}&assigned=${plan.assignments.length}`, 303);
    },
  );

  app.post(
    '/eier/utlysninger/:id/vurdering/tildel',
    { config: { access: OWNER }, schema: { params: ID, body: formBody } },
    async (request, reply) => {
      const call = await managedCall(request, (request.params as { id: string }).id);
      const applicationId = formField(request.body, 'application') ?? '';
      const reviewerId = formField(request.body, `reviewer-${applicationId}`) ?? '';
      const outcome = await assignReviewer(db, call, applicationId, reviewerId, actorOf(request), { jobs: app.jobs });
      if (isRefused(outcome)) {
        const { status, errors } = refused(reply.pageContext(), outcome.problem, `reviewer-${applicationId}`);
        return dashboard(reply, call, status, { errors });
      }
      return reply.redirect(`/eier/utlysninger/${call.id}/vurdering?lang=${request.locale}&notice=assigned`, 303);
    },
  );

  app.post(
    '/eier/vurdering/tildelinger/:id/trekk',
    { config: { access: OWNER }, schema: { params: ID, body: formBody } },
    async (request, reply) => {
      const assignment = await findAssignment(db, (request.params as { id: string }).id);
      if (!assignment) throw notFound();
      const call = await managedCall(request, assignment.callId);
      const outcome = await withdrawAssignment(
        db,
        assignment.id,
        formVersion(request.body),
        textOf(request, `reason-${assignment.id}`).slice(0, 2000) || null,
        actorOf(request),
      );
      if (isRefused(outcome)) {
        const { status, errors } = refused(reply.pageContext(), outcome.problem, `application-${assignment.applicationId}`);
        return dashboard(reply, call, status, { errors });
      }
      return reply.redirect(`/eier/utlysninger/${call.id}/vurdering?lang=${request.locale}&notice=withdrawn`, 303);
    },
  );

  // The pool -----------------------------------------------------------------------------------

  async function managedProgramme(request: FastifyRequest) {
    const programme = await findProgramme(db, (request.params as { id: string }).id);
    if (!programme) throw notFound();
    if (!canManage(request.principal, programme.ownerOrganisationId)) throw forbidden();
    return programme;
  }

  async function poolPage(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    extra: { errors?: FieldError[]; notice?: string; invitation?: ExpertInvitation } = {},
  ) {
    const programme = await managedProgramme(request);
    reply.code(status);
    return reply.html(
      <PoolPage
        ctx={reply.pageContext()}
        programme={programme}
        pool={await listPool(db, programme.id)}
        candidates={await poolCandidates(db, programme.ownerOrganisationId)}
        invitations={await listOpenInvitations(db, programme.id)}
        {...extra}
      />,
    );
  }

  const POOL_NOTICES = {
    saved: 'assessment.pool.saved',
    invited: 'assessment.invitation.sent',
    withdrawn: 'assessment.invitation.withdrawn',
  } as const;

  app.get('/eier/programmer/:id/fagpanel', { config: { access: OWNER }, schema: { params: ID } }, async (request, reply) => {
    const notice = (request.query as { notice?: string }).notice;
    const key = notice && notice in POOL_NOTICES ? POOL_NOTICES[notice as keyof typeof POOL_NOTICES] : undefined;
    return poolPage(request, reply, 200, key ? { notice: request.t(key) } : {});
  });

  app.post(
    '/eier/programmer/:id/fagpanel/invitasjoner',
    { config: { access: OWNER }, schema: { params: ID, body: formBody } },
    async (request, reply) => {
      const programme = await managedProgramme(request);
      const invitation = { email: textOf(request, 'email'), name: textOf(request, 'name'), employer: textOf(request, 'employer') };
      const outcome = await inviteExpert(db, app.jobs, programme, invitation, actorOf(request));
      if (isRefused(outcome)) {
        const { status, errors } = refused(reply.pageContext(), outcome.problem, 'email');
        return poolPage(request, reply, status, { errors, invitation });
      }
      return reply.redirect(`/eier/programmer/${programme.id}/fagpanel?lang=${request.locale}&notice=invited#invitations`, 303);
    },
  );

  app.post(
    '/eier/programmer/:id/fagpanel/invitasjoner/:invitationId/trekk',
    { config: { access: OWNER }, schema: { params: idParams('id', 'invitationId'), body: formBody } },
    async (request, reply) => {
      const programme = await managedProgramme(request);
      const { invitationId } = request.params as { invitationId: string };
      const outcome = await withdrawExpertInvitation(db, programme.id, invitationId, actorOf(request));
      if (isRefused(outcome)) {
        const { status, errors } = refused(reply.pageContext(), outcome.problem, 'invitations');
        return poolPage(request, reply, status, { errors });
      }
      return reply.redirect(`/eier/programmer/${programme.id}/fagpanel?lang=${request.locale}&notice=withdrawn`, 303);
    },
  );

  // The invited expert's link ------------------------------------------------------------------

  const TOKEN = { type: 'object', properties: { token: { type: 'string', pattern: TOKEN_PATTERN } }, required: ['token'] };

  async function invitationPage(request: FastifyRequest, reply: FastifyReply, errors: FieldError[] = []) {
    const { token } = request.params as { token: string };
    const ctx = reply.pageContext();
    const found = await openInvitation(db, token);
    if (isRefused(found)) {
      const { status, message } = explainProblem(ctx, found.problem);
      return reply.code(status).html(<InvitationUnusablePage ctx={ctx} reason={message} />);
    }
    const programme = await findProgramme(db, found.programmeId);
    if (!programme) throw notFound();
    const view = { invitation: found, programme, path: `/fagpanel/invitasjon/${token}`, signedIn: request.principal !== null };
    return reply.code(errors.length > 0 ? 409 : 200).html(<InvitationPage ctx={ctx} view={view} errors={errors} />);
  }

  app.get('/fagpanel/invitasjon/:token', { config: { access: access.public }, schema: { params: TOKEN } }, (request, reply) =>
    invitationPage(request, reply),
  );

  app.post(
    '/fagpanel/invitasjon/:token',
    { config: { access: access.signedIn }, schema: { params: TOKEN, body: formBody } },
    async (request, reply) => {
      const { token } = request.params as { token: string };
      const found = await openInvitation(db, token);
      const programme = isRefused(found) ? undefined : await findProgramme(db, found.programmeId);
      const outcome = await acceptExpertInvitation(db, token, programme?.country ?? 'NO', actorOf(request));
      if (isRefused(outcome)) return invitationPage(request, reply);
      return reply.redirect(`/vurderinger?lang=${request.locale}&notice=joined`, 303);
    },
  );

  async function poolChange(
    request: FastifyRequest,
    reply: FastifyReply,
    change: (programme: { id: string; ownerOrganisationId: string }) => ReturnType<typeof addToPool>,
  ) {
    const programme = await managedProgramme(request);
    const outcome = await change(programme);
    if (isRefused(outcome)) {
      const { status, errors } = refused(reply.pageContext(), outcome.problem, 'user');
      return poolPage(request, reply, status, { errors });
    }
    return reply.redirect(`/eier/programmer/${programme.id}/fagpanel?lang=${request.locale}&notice=saved`, 303);
  }

  app.post('/eier/programmer/:id/fagpanel', { config: { access: OWNER }, schema: { params: ID, body: formBody } }, async (request, reply) =>
    poolChange(request, reply, (programme) =>
      addToPool(db, programme, textOf(request, 'user'), textOf(request, 'lead') === 'yes', actorOf(request)),
    ),
  );

  app.post(
    '/eier/programmer/:id/fagpanel/:userId/fjern',
    { config: { access: OWNER }, schema: { params: idParams('id', 'userId'), body: formBody } },
    async (request, reply) =>
      poolChange(request, reply, (programme) =>
        removeFromPool(db, programme.id, (request.params as { userId: string }).userId, actorOf(request)),
      ),
  );

  app.post(
    '/eier/programmer/:id/fagpanel/:userId/leder',
    { config: { access: OWNER }, schema: { params: idParams('id', 'userId'), body: formBody } },
    async (request, reply) =>
      poolChange(request, reply, (programme) =>
        setLeadReviewer(
          db,
          programme.id,
          (request.params as { userId: string }).userId,
          textOf(request, 'lead') === 'yes',
          actorOf(request),
        ),
      ),
  );

  // The reviewer's pages ---------------------------------------------------------------------

  app.get('/vurderinger', { config: { access: REVIEWER } }, async (request, reply) => {
    const joined = (request.query as { notice?: string }).notice === 'joined';
    return reply.html(
      <MyReviewsPage
        ctx={reply.pageContext()}
        items={await myReviews(db, request.principal!)}
        notice={joined ? request.t('assessment.invitation.accepted') : undefined}
      />,
    );
  });

  /** The person's own assignment; anyone else's is a 403 that shows and changes nothing. */
  async function ownAssignment(request: FastifyRequest): Promise<{ assignment: StoredAssignment; call: StoredCall }> {
    const assignment = await findAssignment(db, (request.params as { id: string }).id);
    if (!assignment) throw notFound();
    if (assignment.reviewerId !== request.principal?.userId) throw forbidden();
    const call = await findCall(db, assignment.callId);
    if (!call) throw notFound();
    return { assignment, call };
  }

  async function assignmentPage(request: FastifyRequest, reply: FastifyReply, status: number, extra: Partial<AssignmentView> = {}) {
    const { assignment, call } = await ownAssignment(request);
    const view = await assignmentView(db, assignment, call);
    if (!view) throw notFound();
    reply.code(status);
    return reply.html(<AssignmentPage ctx={reply.pageContext()} view={{ ...view, ...extra }} />);
  }

  app.get('/vurderinger/:id', { config: { access: REVIEWER }, schema: { params: ID } }, async (request, reply) => {
    const query = request.query as { notice?: string; warnings?: string };
    const notices = {
      declared: 'assessment.declaration.done',
      conflicted: 'assessment.declaration.removed',
      saved: 'assessment.score.saved',
      submitted: 'assessment.score.submittedNotice',
      reopened: 'assessment.score.reopened',
      flagged: 'assessment.flag.raised',
    } as const;
    const ctx = reply.pageContext();
    const extra: Partial<AssignmentView> = {};
    if (query.notice && query.notice in notices) extra.notice = translate(ctx, notices[query.notice as keyof typeof notices]);
    if (query.notice === 'saved') {
      const { assignment, call } = await ownAssignment(request);
      const criteria = criteriaOf(call.content);
      const latest = (await scoreHistory(db, assignment.id)).at(-1);
      extra.warnings = scoreErrors(ctx, criteria, sheetIssues(criteria, latest?.sheet ?? {}), 'rationale').map((e) => e.message);
    }
    return assignmentPage(request, reply, 200, extra);
  });

  app.post(
    '/vurderinger/:id/erklaering',
    { config: { access: REVIEWER }, schema: { params: ID, body: formBody } },
    async (request, reply) => {
      const { assignment } = await ownAssignment(request);
      const version = formVersion(request.body);
      const ctx = reply.pageContext();
      const input = {
        conflict: formField(request.body, 'conflict'),
        kind: formField(request.body, 'kind'),
        text: formField(request.body, 'text'),
      };
      const declaration = { conflict: input.conflict ?? '', kind: input.kind ?? '', text: input.text ?? '' };
      const parsed = parseDeclaration(input);
      if (!parsed.ok) {
        const errors = parsed.problems.map((p) => ({
          field: p === 'kind' ? (input.conflict === 'yes' ? 'kind' : 'conflict') : 'text',
          message: translate(ctx, `assessment.problem.declaration.${p}`),
        }));
        return assignmentPage(request, reply, 400, { errors, declaration });
      }
      const state = await declareInterests(db, assignment.id, version, parsed.declaration, actorOf(request), (trx, id) =>
        app.jobs.enqueue(trx, CONFLICT_NOTICE_JOB, { assignmentId: id }),
      );
      if (isRefused(state)) {
        const { status, errors } = refused(ctx, state.problem, 'conflict');
        return assignmentPage(request, reply, status, { errors, declaration });
      }
      return reply.redirect(
        `/vurderinger/${assignment.id}?lang=${request.locale}&notice=${state === 'conflicted' ? 'conflicted' : 'declared'}`,
        303,
      );
    },
  );

  app.post('/vurderinger/:id/poeng', { config: { access: REVIEWER }, schema: { params: ID, body: formBody } }, async (request, reply) => {
    const { assignment, call } = await ownAssignment(request);
    const version = formVersion(request.body);
    const submit = formField(request.body, 'action') === 'submit';
    const criteria = criteriaOf(call.content);
    const ctx = reply.pageContext();
    const { sheet, problems } = parseScoreSheet(criteria, scoreScaleOf(call), (name) => formField(request.body, name));
    if (problems.length > 0)
      return assignmentPage(request, reply, 400, { sheet, errors: scoreErrors(ctx, criteria, problems, 'rationale') });
    const outcome = await saveScores(db, call, assignment.id, version, sheet, submit, actorOf(request));
    if (isRefused(outcome)) {
      const problem = outcome.problem;
      const { status, errors } = refused(ctx, problem, 'scores-heading');
      if (problem.kind === 'versionConflict')
        return assignmentPage(request, reply, status, { sheet, conflict: { current: problem.currentVersion, base: problem.baseVersion } });
      return assignmentPage(request, reply, status, {
        sheet,
        errors: problem.kind === 'incomplete' ? scoreErrors(ctx, criteria, problem.issues, 'rationale') : errors,
      });
    }
    return reply.redirect(
      `/vurderinger/${assignment.id}?lang=${request.locale}&notice=${submit ? 'submitted' : 'saved'}${submit ? '' : '#warnings'}`,
      303,
    );
  });

  app.post(
    '/vurderinger/:id/gjenapne',
    { config: { access: REVIEWER }, schema: { params: ID, body: formBody } },
    async (request, reply) => {
      const { assignment } = await ownAssignment(request);
      const outcome = await reopenSubmittedScores(db, assignment.id, formVersion(request.body), actorOf(request));
      if (isRefused(outcome)) {
        const { status, errors } = refused(reply.pageContext(), outcome.problem, 'submitted-heading');
        return assignmentPage(request, reply, status, { errors });
      }
      return reply.redirect(`/vurderinger/${assignment.id}?lang=${request.locale}&notice=reopened`, 303);
    },
  );

  app.post('/vurderinger/:id/flagg', { config: { access: REVIEWER }, schema: { params: ID, body: formBody } }, async (request, reply) => {
    const { assignment } = await ownAssignment(request);
    if (!assignmentWorkflow.isIn('content', assignment.state)) throw forbidden();
    const text = textOf(request, 'flagText');
    const problem = flagTextProblem(text);
    if (problem)
      return assignmentPage(request, reply, 400, {
        errors: [{ field: 'flagText', message: translate(reply.pageContext(), `assessment.problem.flag.${problem}`) }],
      });
    const outcome = await raiseFlag(db, assignment.callId, assignment.applicationId, text, actorOf(request));
    if (isRefused(outcome)) {
      const { status, errors } = refused(reply.pageContext(), outcome.problem, 'flagText');
      return assignmentPage(request, reply, status, { errors });
    }
    return reply.redirect(`/vurderinger/${assignment.id}?lang=${request.locale}&notice=flagged`, 303);
  });

  app.get(
    '/vurderinger/:id/filer/:fileId',
    { config: { access: REVIEWER }, schema: { params: idParams('id', 'fileId') } },
    async (request, reply) => {
      const { assignment } = await ownAssignment(request);
      if (!assignmentWorkflow.isIn('content', assignment.state)) throw forbidden();
      const { fileId } = request.params as { fileId: string };
      return sendApplicationFile(reply, assignment.applicationId, fileId);
    },
  );

  // The review page: the owner, or the lead reviewer who declared no conflict ----------------

  app.get(
    '/vurdering/soknader/:id/filer/:fileId',
    { config: { access: REVIEWER }, schema: { params: idParams('id', 'fileId') } },
    async (request, reply) => {
      const { id, fileId } = request.params as { id: string; fileId: string };
      await reviewAccess(request, id);
      return sendApplicationFile(reply, id, fileId);
    },
  );

  async function reviewAccess(request: FastifyRequest, applicationId: string): Promise<{ call: StoredCall; owner: boolean }> {
    const application = await findApplication(db, applicationId);
    if (!application) throw notFound();
    const call = await findCall(db, application.callId);
    if (!call || !(await submittedVersion(db, call.id, applicationId))) throw notFound();
    const principal = request.principal!;
    const owner = canManage(principal, call.programme.ownerOrganisationId);
    const own = (await listAssignmentsOfApplication(db, applicationId)).find(
      (a) => a.reviewerId === principal.userId && a.state !== 'withdrawn',
    );
    if (!mayRecordConsensus(principal, owner, await listPool(db, call.programmeId), own?.state)) throw forbidden();
    return { call, owner };
  }

  async function reviewPage(
    request: FastifyRequest,
    reply: FastifyReply,
    applicationId: string,
    status: number,
    extra: Partial<ReviewView> = {},
  ) {
    const { call, owner } = await reviewAccess(request, applicationId);
    const view = await reviewView(db, call, applicationId, owner);
    if (!view) throw notFound();
    reply.code(status);
    return reply.html(<ReviewPage ctx={reply.pageContext()} view={{ ...view, ...extra }} />);
  }

  app.get('/vurdering/soknader/:id', { config: { access: REVIEWER }, schema: { params: ID } }, async (request, reply) => {
    const notice = (request.query as { notice?: string }).notice;
    const notices = {
      agreed: 'assessment.consensus.saved',
      flagged: 'assessment.flag.raised',
      resolved: 'assessment.flag.resolvedNotice',
    } as const;
    return reviewPage(
      request,
      reply,
      (request.params as { id: string }).id,
      200,
      notice && notice in notices ? { notice: translate(reply.pageContext(), notices[notice as keyof typeof notices]) } : {},
    );
  });

  app.post(
    '/vurdering/soknader/:id/konsensus',
    { config: { access: REVIEWER }, schema: { params: ID, body: formBody } },
    async (request, reply) => {
      const applicationId = (request.params as { id: string }).id;
      const { call } = await reviewAccess(request, applicationId);
      const version = formVersion(request.body);
      const criteria = criteriaOf(call.content);
      const ctx = reply.pageContext();
      const { sheet, problems } = parseScoreSheet(criteria, scoreScaleOf(call), (name) => formField(request.body, name), 'reasoning');
      if (problems.length > 0)
        return reviewPage(request, reply, applicationId, 400, { values: sheet, errors: scoreErrors(ctx, criteria, problems, 'reasoning') });
      const outcome = await saveConsensus(db, call, applicationId, version, sheet, actorOf(request));
      if (isRefused(outcome)) {
        const problem = outcome.problem;
        const { status, errors } = refused(ctx, problem, 'consensus-heading');
        if (problem.kind === 'versionConflict')
          return reviewPage(request, reply, applicationId, status, {
            values: sheet,
            conflict: { current: problem.currentVersion, base: problem.baseVersion },
          });
        return reviewPage(request, reply, applicationId, status, {
          values: sheet,
          errors: problem.kind === 'incomplete' ? scoreErrors(ctx, criteria, problem.issues, 'reasoning') : errors,
        });
      }
      return reply.redirect(`/vurdering/soknader/${applicationId}?lang=${request.locale}&notice=agreed`, 303);
    },
  );

  app.post(
    '/vurdering/soknader/:id/flagg',
    { config: { access: REVIEWER }, schema: { params: ID, body: formBody } },
    async (request, reply) => {
      const applicationId = (request.params as { id: string }).id;
      const { call } = await reviewAccess(request, applicationId);
      const text = textOf(request, 'flagText');
      const problem = flagTextProblem(text);
      if (problem)
        return reviewPage(request, reply, applicationId, 400, {
          errors: [{ field: 'flagText', message: translate(reply.pageContext(), `assessment.problem.flag.${problem}`) }],
        });
      const outcome = await raiseFlag(db, call.id, applicationId, text, actorOf(request));
      if (isRefused(outcome)) {
        const { status, errors } = refused(reply.pageContext(), outcome.problem, 'flagText');
        return reviewPage(request, reply, applicationId, status, { errors });
      }
      return reply.redirect(`/vurdering/soknader/${applicationId}?lang=${request.locale}&notice=flagged`, 303);
    },
  );

  app.post(
    '/vurdering/flagg/:id/lukk',
    { config: { access: REVIEWER }, schema: { params: ID, body: formBody } },
    async (request, reply) => {
      const flag = await findFlag(db, (request.params as { id: string }).id);
      if (!flag) throw notFound();
      await reviewAccess(request, flag.applicationId);
      const field = `resolution-${flag.id}`;
      const text = textOf(request, field);
      const problem = flagTextProblem(text);
      if (problem)
        return reviewPage(request, reply, flag.applicationId, 400, {
          errors: [{ field, message: translate(reply.pageContext(), `assessment.problem.flag.${problem}`) }],
        });
      const outcome = await resolveFlag(db, flag.id, text, actorOf(request));
      if (isRefused(outcome)) {
        const { status, errors } = refused(reply.pageContext(), outcome.problem, 'flags-heading');
        return reviewPage(request, reply, flag.applicationId, status, { errors });
      }
      return reply.redirect(`/vurdering/soknader/${flag.applicationId}?lang=${request.locale}&notice=resolved`, 303);
    },
  );
}
