/**
 * Selection and decisions over HTTP. The owner's pages (programme owners of the owning
 * organisation only: the authority to decide; 403 for everyone else), the public list of grants in
 * four languages, the open data, and the applicant's letter download. Without JavaScript the
 * selection is a form POST that re-renders: simulate writes nothing, record writes; every write
 * names the selection's version. Routes parse, authorise, call a use case and render; a refusal
 * becomes its page through `refusalView` (problems.ts). Registers the letter job's worker and fills
 * the application page's decision slot.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../platform/auth/model.js';
import { findFile } from '../platform/files/store.js';
import { actorOf, formField, formFields, formVersion, idParams } from '../platform/http/input.js';
import { forbidden, notFound } from '../platform/http/problems.js';
import { isRefused } from '../platform/outcome.js';
import type { FieldError } from '../platform/ui/components.js';
import type { PageContext } from '../platform/ui/context.js';
import { translate } from '../platform/ui/translate.js';
import { caseWorkerMunicipalities, findApplication } from '../applications/index.js';
import { findCall, type StoredCall } from '../programmes/index.js';
import {
  amountOrRequested,
  evaluateSelection,
  APPEAL_ACTIONS,
  hasApprovalAuthority,
  type AppealAction,
  hasDecisionAuthority,
  judgeSelection,
  parseAmount,
  type Choice,
  type DecisionInput,
} from './model.js';
import { threeSixtyGivingCsv, threeSixtyGivingPackage } from './open-data.js';
import { AppealPage, ApplicantDecisionSection, DecisionTag } from './pages/applicant-decision.js';
import { DecisionsPage, type DecisionsView } from './pages/decisions.js';
import { GrantsPage } from './pages/grants.js';
import { decisionsPath, selectionPath } from './pages/parts.js';
import { SelectionPage, type SelectionView } from './pages/selection.js';
import { refusalView, ruleMessage, type RefusalView, type SelectionProblem } from './problems.js';
import {
  callsAwaitingApproval,
  decisionForApplicant,
  findDecision,
  listAppealsOfCall,
  listPublishedGrants,
  loadSelectionBoard,
  type SelectionBoard,
} from './store.js';
import {
  approveDecisions,
  assessAppeal,
  decideApplications,
  lodgeAppeal,
  letterDataFor,
  LETTER_JOB,
  produceLetter,
  NO_FOLLOW_ON,
  type DecisionFollowOn,
  publishDecisions,
  recordSelection,
  returnDecision,
} from './use-cases.js';
import { ApprovalListPage, ApprovalPage, approvalPath, type ApprovalView } from './pages/approval.js';
import { letterFileName, mergeLetter } from './letters.js';
import { renderArchivalPdf } from '../platform/pdf/document.js';

export const GRANT_LIST_PATHS = ['/tildelinger', '/tildelingar', '/bevillinger', '/grants'] as const;
const byId = idParams('id');
const letterParams = idParams('id', 'applicationId');
const formBody = { type: 'object', additionalProperties: { type: 'string', maxLength: 20_000 } };
const OWNER = access.roles('programme_owner');
const CASE_WORKER = access.roles('case_worker');
const APPROVER = access.roles('decision_approver');

/** The choices as posted: every selectable ranked application, its box, its amount as typed and its reason. */
function parseChoices(board: SelectionBoard, body: unknown): { choices: Choice[]; amountText: Record<string, string> } {
  const choices: Choice[] = [];
  const amountText: Record<string, string> = {};
  for (const entry of board.ranking.ranked) {
    if (entry.paused) continue;
    const id = entry.applicationId;
    const selected = formField(body, `select-${id}`) === 'on';
    const text = amountOrRequested(formField(body, `amount-${id}`) ?? '', selected, entry.requestedAmount);
    amountText[id] = text;
    const amount = parseAmount(text);
    choices.push({
      applicationId: id,
      selected,
      amount: amount === 'invalid' ? null : amount,
      reason: formField(body, `reason-${id}`) ?? '',
    });
  }
  return { choices, amountText };
}

/** What the owner asked to decide, by application: each ticked entry with its texts. */
function parseDecisionInputs(body: unknown): Map<string, DecisionInput> {
  const inputs = new Map<string, DecisionInput>();
  for (const [key, value] of Object.entries(formFields(body))) {
    const match = /^decide-([0-9a-f-]{36})$/i.exec(key);
    if (!match || value !== 'on') continue;
    const id = match[1]!;
    const text = (name: string) => formField(body, `${name}-${id}`) ?? '';
    inputs.set(id, {
      reason: text('reason'),
      conditions: text('conditions'),
      publicSummary: text('summary'),
      letterLanguage: text('language'),
    });
  }
  return inputs;
}

/** A count in a redirect's query (`?decided=6`), or undefined. */
const countIn = (value: string | undefined) => (value && /^\d{1,4}$/.test(value) ? Number(value) : undefined);

export async function selectionRoutes(app: FastifyInstance, { followOn = NO_FOLLOW_ON }: { followOn?: DecisionFollowOn } = {}) {
  const db = app.database.db;

  await app.jobs.work<{ applicationId: string }>(LETTER_JOB, async (data) =>
    produceLetter({ db, mailer: app.mailer, followOn }, data.applicationId),
  );

  app.slots.fill('applications.decision-state', async ({ ctx, applicationId }) => {
    const decision = await decisionForApplicant(db, applicationId);
    return decision ? <DecisionTag ctx={ctx} state={decision.state} /> : '';
  });
  app.slots.fill('applications.applicant-decision', async ({ ctx, applicationId }) => (
    <ApplicantDecisionSection ctx={ctx} applicationId={applicationId} decision={await decisionForApplicant(db, applicationId)} />
  ));

  /** The call, for a programme owner of its owning organisation; 404 unknown, 403 anyone else. */
  async function ownedCall(request: FastifyRequest): Promise<StoredCall> {
    const { id } = request.params as { id: string };
    const call = await findCall(db, id);
    if (!call || call.status === 'draft') throw notFound();
    if (!hasDecisionAuthority(request.principal, call.programme.ownerOrganisationId)) throw forbidden();
    return call;
  }

  /** A use case's refusal, shown on the page it was asked from with the status and messages of the problem table. */
  function refused(
    reply: FastifyReply,
    problem: SelectionProblem,
    show: (status: number, shown: Omit<RefusalView, 'status'>) => Promise<void>,
  ) {
    const { status, ...shown } = refusalView(reply.pageContext(), problem);
    return show(status, shown);
  }

  // Selection ----------------------------------------------------------------------------------------

  function selectionView(ctx: PageContext, board: SelectionBoard, extra: Partial<SelectionView> & { choices?: Choice[] }): SelectionView {
    const choices = extra.choices ?? board.recorded;
    const evaluation = evaluateSelection(board.ranking, board.frame, choices, 'simulate');
    return {
      board,
      choices,
      amountText: {},
      evaluation,
      errors: [],
      warnings: evaluation.warnings.map((w) => ruleMessage(ctx, board.frame.currency, w)),
      formVersion: board.version,
      ...extra,
    };
  }

  app.get('/eier/utlysninger/:id/utvelgelse', { config: { access: OWNER }, schema: { params: byId } }, async (request, reply) => {
    const call = await ownedCall(request);
    const board = await loadSelectionBoard(db, call, new Date());
    const ctx = reply.pageContext();
    const notice = (request.query as { recorded?: string }).recorded
      ? translate(ctx, 'selection.page.recorded', { version: board.version })
      : undefined;
    return reply.html(<SelectionPage ctx={ctx} view={selectionView(ctx, board, { notice })} />);
  });

  app.post(
    '/eier/utlysninger/:id/utvelgelse',
    { config: { access: OWNER }, schema: { params: byId, body: formBody } },
    async (request, reply) => {
      const call = await ownedCall(request);
      const version = formVersion(request.body);
      const action = formField(request.body, 'action') === 'record' ? 'record' : 'simulate';
      const ctx = reply.pageContext();
      const board = await loadSelectionBoard(db, call, new Date());
      const { choices, amountText } = parseChoices(board, request.body);
      const render = (status: number, extra: Partial<SelectionView>) => {
        reply.code(status);
        return reply.html(
          <SelectionPage ctx={ctx} view={selectionView(ctx, board, { choices, amountText, formVersion: version, ...extra })} />,
        );
      };
      const applicantOf = (id: string) => board.applicants.find((a) => a.applicationId === id)?.applicant ?? id;
      const invalid = Object.entries(amountText)
        .filter(([, text]) => parseAmount(text) === 'invalid')
        .map(([id]) => ({
          field: `amount-${id}`,
          message: translate(ctx, 'selection.problem.amountInvalid', { applicant: applicantOf(id) }),
        }));
      if (invalid.length > 0) return render(400, { errors: invalid });
      if (action === 'simulate') {
        // Simulating is the model's judgement alone: nothing is written, so no use case.
        const breaches = judgeSelection(board, choices, 'simulate').problems;
        if (breaches.length > 0) return render(422, { errors: breaches.map((b) => ruleMessage(ctx, board.frame.currency, b)) });
        return render(200, { notice: translate(ctx, 'selection.page.simulated') });
      }
      const outcome = await recordSelection(db, call.id, version, choices, actorOf(request));
      if (isRefused(outcome)) return refused(reply, outcome.problem, render);
      return reply.redirect(`${selectionPath(call.id, request.locale)}&recorded=1`, 303);
    },
  );

  // Decisions ----------------------------------------------------------------------------------------

  async function renderDecisions(reply: FastifyReply, call: StoredCall, status: number, extra: Partial<DecisionsView> = {}) {
    const board = await loadSelectionBoard(db, call, new Date());
    const appeals = await listAppealsOfCall(db, call.id);
    reply.code(status);
    return reply.html(
      <DecisionsPage ctx={reply.pageContext()} view={{ board, appeals, formVersion: board.version, values: {}, errors: [], ...extra }} />,
    );
  }

  app.get('/eier/utlysninger/:id/vedtak', { config: { access: OWNER }, schema: { params: byId } }, async (request, reply) => {
    const call = await ownedCall(request);
    const query = request.query as { decided?: string; published?: string; assessed?: string };
    const ctx = reply.pageContext();
    const decided = countIn(query.decided);
    const published = countIn(query.published);
    const notice =
      query.assessed === '1'
        ? ctx.t('selection.appeal.owner.done')
        : decided !== undefined
          ? translate(ctx, 'selection.decisions.done', { count: decided })
          : published !== undefined
            ? translate(ctx, 'selection.publish.done', { count: published })
            : undefined;
    return renderDecisions(reply, call, 200, { notice });
  });

  app.post(
    '/eier/utlysninger/:id/vedtak',
    { config: { access: OWNER }, schema: { params: byId, body: formBody } },
    async (request, reply) => {
      const call = await ownedCall(request);
      const version = formVersion(request.body);
      const outcome = await decideApplications(db, app.jobs, call.id, version, parseDecisionInputs(request.body), actorOf(request));
      if (isRefused(outcome)) {
        const values = Object.fromEntries(
          Object.entries(formFields(request.body)).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
        );
        return refused(reply, outcome.problem, (status, shown) => renderDecisions(reply, call, status, { ...shown, values }));
      }
      return reply.redirect(`${decisionsPath(call.id, request.locale)}&decided=${outcome.decided}`, 303);
    },
  );

  app.post(
    '/eier/utlysninger/:id/publiser-resultater',
    { config: { access: OWNER }, schema: { params: byId, body: formBody } },
    async (request, reply) => {
      const call = await ownedCall(request);
      const outcome = await publishDecisions(db, call.id, formVersion(request.body), actorOf(request));
      if (isRefused(outcome)) return refused(reply, outcome.problem, (status, shown) => renderDecisions(reply, call, status, shown));
      return reply.redirect(`${decisionsPath(call.id, request.locale)}&published=${outcome.published}`, 303);
    },
  );

  app.get(
    '/eier/utlysninger/:id/vedtak/:applicationId/brev',
    { config: { access: OWNER }, schema: { params: letterParams } },
    async (request, reply) => {
      const call = await ownedCall(request);
      const decision = await findDecision(db, (request.params as { applicationId: string }).applicationId);
      if (!decision || decision.callId !== call.id || !decision.letterFileId) throw notFound();
      const file = await findFile(db, decision.letterFileId);
      if (!file) throw notFound();
      return reply.download(file);
    },
  );

  // Four eyes: the approver ----------------------------------------------------------------------------

  /** The call, for someone with the approver role in its owning organisation; 404 unknown, 403 anyone else. */
  async function approvableCall(request: FastifyRequest): Promise<StoredCall> {
    const { id } = request.params as { id: string };
    const call = await findCall(db, id);
    if (!call || call.status === 'draft') throw notFound();
    if (!hasApprovalAuthority(request.principal, call.programme.ownerOrganisationId)) throw forbidden();
    return call;
  }

  async function renderApproval(
    request: FastifyRequest,
    reply: FastifyReply,
    call: StoredCall,
    status: number,
    extra: Partial<ApprovalView> = {},
  ) {
    const board = await loadSelectionBoard(db, call, new Date());
    reply.code(status);
    const view: ApprovalView = {
      board,
      approverId: request.principal!.userId,
      formVersion: board.version,
      values: {},
      errors: [],
      ...extra,
    };
    return reply.html(<ApprovalPage ctx={reply.pageContext()} view={view} />);
  }

  app.get('/godkjenning', { config: { access: APPROVER } }, async (request, reply) => {
    const organisations = request.principal!.memberships.filter((m) => m.role === 'decision_approver').map((m) => m.organisationId);
    const calls = [];
    for (const { callId, awaiting } of await callsAwaitingApproval(db, organisations)) {
      const call = await findCall(db, callId);
      if (call) calls.push({ call, awaiting });
    }
    return reply.html(<ApprovalListPage ctx={reply.pageContext()} calls={calls} />);
  });

  app.get('/eier/utlysninger/:id/godkjenning', { config: { access: APPROVER }, schema: { params: byId } }, async (request, reply) => {
    const call = await approvableCall(request);
    const query = request.query as { approved?: string; returned?: string };
    const ctx = reply.pageContext();
    const approved = countIn(query.approved);
    const notice =
      approved !== undefined
        ? translate(ctx, 'selection.approval.done', { count: approved })
        : query.returned === '1'
          ? ctx.t('selection.approval.returnedDone')
          : undefined;
    return renderApproval(request, reply, call, 200, { notice });
  });

  app.post(
    '/eier/utlysninger/:id/godkjenning',
    { config: { access: APPROVER }, schema: { params: byId, body: formBody } },
    async (request, reply) => {
      const call = await approvableCall(request);
      const chosen = Object.entries(formFields(request.body))
        .filter(([name, value]) => name.startsWith('approve-') && value === 'on')
        .map(([name]) => name.slice('approve-'.length));
      const outcome = await approveDecisions(db, app.jobs, call.id, formVersion(request.body), chosen, actorOf(request), followOn);
      if (isRefused(outcome))
        return refused(reply, outcome.problem, (status, shown) => renderApproval(request, reply, call, status, shown));
      return reply.redirect(`${approvalPath(call.id, request.locale)}&approved=${outcome.approved}`, 303);
    },
  );

  app.post(
    '/eier/utlysninger/:id/godkjenning/:applicationId/tilbake',
    { config: { access: APPROVER }, schema: { params: letterParams, body: formBody } },
    async (request, reply) => {
      const call = await approvableCall(request);
      const { applicationId } = request.params as { applicationId: string };
      const reason = (formField(request.body, `return-reason-${applicationId}`) ?? '').slice(0, 4000);
      const outcome = await returnDecision(db, app.jobs, call.id, formVersion(request.body), applicationId, reason, actorOf(request));
      if (isRefused(outcome))
        return refused(reply, outcome.problem, (status, shown) =>
          renderApproval(request, reply, call, status, { ...shown, values: { [`return-reason-${applicationId}`]: reason } }),
        );
      return reply.redirect(`${approvalPath(call.id, request.locale)}&returned=1`, 303);
    },
  );

  /** The letter as it would go out, for the owner who prepared the decision and the approver who reads it first. */
  app.get(
    '/eier/utlysninger/:id/vedtak/:applicationId/utkast',
    { config: { access: access.roles('programme_owner', 'decision_approver') }, schema: { params: letterParams } },
    async (request, reply) => {
      const { id, applicationId } = request.params as { id: string; applicationId: string };
      const call = await findCall(db, id);
      if (!call || call.status === 'draft') throw notFound();
      const orgId = call.programme.ownerOrganisationId;
      if (!hasDecisionAuthority(request.principal, orgId) && !hasApprovalAuthority(request.principal, orgId)) throw forbidden();
      const decision = await findDecision(db, applicationId);
      const data = decision?.callId === call.id ? await letterDataFor(db, applicationId, followOn) : undefined;
      if (!decision || !data) throw notFound();
      const pdf = await renderArchivalPdf(mergeLetter(decision.letterLanguage, data));
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${letterFileName(decision.letterLanguage, data.outcome)}"`)
        .send(pdf);
    },
  );

  // Public ---------------------------------------------------------------------------------------------

  for (const path of GRANT_LIST_PATHS) {
    app.get(path, { config: { access: access.public } }, async (_request, reply) =>
      reply.html(<GrantsPage ctx={reply.pageContext()} grants={await listPublishedGrants(db)} />),
    );
  }

  app.get('/open-data/360giving.json', { config: { access: access.public } }, async (_request, reply) =>
    reply
      .type('application/json; charset=utf-8')
      .header('access-control-allow-origin', '*')
      .header('cross-origin-resource-policy', 'cross-origin')
      .send(
        JSON.stringify(
          threeSixtyGivingPackage(await followOn.openGrants(db, await listPublishedGrants(db)), app.config.publicUrl),
          null,
          2,
        ),
      ),
  );

  app.get('/open-data/360giving.csv', { config: { access: access.public } }, async (_request, reply) =>
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="360giving.csv"')
      .header('access-control-allow-origin', '*')
      .header('cross-origin-resource-policy', 'cross-origin')
      .send(threeSixtyGivingCsv(await followOn.openGrants(db, await listPublishedGrants(db)), app.config.publicUrl)),
  );

  // The applicant's letter ----------------------------------------------------------------------------

  /** The application, for a case worker of one of its accepted members; 404 for anyone else. */
  async function memberApplication(request: FastifyRequest): Promise<string> {
    const { id } = request.params as { id: string };
    const application = await findApplication(db, id);
    const codes = new Set(caseWorkerMunicipalities(request.principal).map((m) => m.code));
    if (!application?.members.some((m) => codes.has(m.code) && m.invitation === 'accepted')) throw notFound();
    return id;
  }

  app.get('/soknader/:id/vedtaksbrev', { config: { access: CASE_WORKER }, schema: { params: byId } }, async (request, reply) => {
    const id = await memberApplication(request);
    const decision = await findDecision(db, id);
    const file = decision?.letterFileId ? await findFile(db, decision.letterFileId) : undefined;
    if (!file) throw notFound();
    return reply.download(file);
  });

  // Appeals (klage) ------------------------------------------------------------------------------------

  async function renderAppeal(request: FastifyRequest, reply: FastifyReply, status: number, grounds = '', errors: FieldError[] = []) {
    const id = await memberApplication(request);
    const decision = await decisionForApplicant(db, id);
    if (!decision) throw notFound();
    if (decision.appeal) return reply.redirect(`/soknader/${id}?lang=${request.locale}#appeal`, 303);
    reply.code(status);
    return reply.html(<AppealPage ctx={reply.pageContext()} applicationId={id} decision={decision} grounds={grounds} errors={errors} />);
  }

  app.get('/soknader/:id/klage', { config: { access: CASE_WORKER }, schema: { params: byId } }, async (request, reply) =>
    renderAppeal(request, reply, 200),
  );

  app.post('/soknader/:id/klage', { config: { access: CASE_WORKER }, schema: { params: byId, body: formBody } }, async (request, reply) => {
    const id = await memberApplication(request);
    const grounds = formField(request.body, 'grounds') ?? '';
    const lodged = await lodgeAppeal(db, app.jobs, id, grounds, actorOf(request));
    if (isRefused(lodged)) {
      const { status, errors } = refusalView(reply.pageContext(), lodged.problem);
      if (status === 404) throw notFound();
      return renderAppeal(request, reply, status, grounds, errors);
    }
    return reply.redirect(`/soknader/${id}?lang=${request.locale}&notice=appealed#appeal`, 303);
  });

  app.post(
    '/eier/utlysninger/:id/klager/:applicationId',
    { config: { access: OWNER }, schema: { params: letterParams, body: formBody } },
    async (request, reply) => {
      const call = await ownedCall(request);
      const { applicationId } = request.params as { applicationId: string };
      const action = formField(request.body, `appeal-action-${applicationId}`) ?? '';
      const reason = (formField(request.body, `appeal-reason-${applicationId}`) ?? '').slice(0, 10_000);
      const amountText = (formField(request.body, `appeal-amount-${applicationId}`) ?? '').slice(0, 100);
      const values = {
        [`appeal-reason-${applicationId}`]: reason,
        [`appeal-action-${applicationId}`]: action,
        [`appeal-amount-${applicationId}`]: amountText,
      };
      const changedAmount = parseAmount(amountText);
      if (!(APPEAL_ACTIONS as readonly string[]).includes(action))
        return renderDecisions(reply, call, 400, {
          values,
          errors: [{ field: `appeal-action-${applicationId}`, message: request.t('selection.appeal.problem.reason') }],
        });
      const outcome = await assessAppeal(
        db,
        app.jobs,
        call.id,
        applicationId,
        formVersion(request.body),
        { action: action as AppealAction, reason, changedAmount: changedAmount === 'invalid' ? null : changedAmount },
        actorOf(request),
        followOn,
      );
      if (isRefused(outcome))
        return refused(reply, outcome.problem, (status, shown) => renderDecisions(reply, call, status, { ...shown, values }));
      return reply.redirect(`${decisionsPath(call.id, request.locale)}&assessed=1#appeals`, 303);
    },
  );
}
