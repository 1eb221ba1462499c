/**
 * Selection and decisions over HTTP. The owner's pages (programme owners of the owning
 * organisation only: the authority to decide; 403 for everyone else), the public list of grants in
 * four languages, the open data, and the applicant's letter download. Without JavaScript the
 * selection is a form POST that re-renders: simulate writes nothing, record writes; every write
 * names the selection's version. Refusals are mapped to translated pages in one place (`refused`).
 * Registers the letter job's worker.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../platform/auth/model.js';
import { findFile } from '../platform/files/store.js';
import { HttpProblem, notFound } from '../platform/http/problems.js';
import type { FieldError } from '../platform/ui/components.js';
import { tx } from '../programmes/pages/shared.js';
import { findCall, type StoredCall } from '../programmes/store.js';
import { findApplication } from '../applications/store.js';
import { caseWorkerMunicipalities } from '../applications/routes.js';
import { LETTER_JOB, produceLetter } from './letter-job.js';
import { amountOrRequested, evaluateSelection, hasDecisionAuthority, lockProblems, parseAmount, type Choice, type DecisionInput } from './model.js';
import { threeSixtyGivingCsv, threeSixtyGivingPackage } from './open-data.js';
import { DecisionsPage, decisionsPath, GrantsPage, problemMessage, selectionPath, SelectionPage, type DecisionsView, type SelectionView } from './pages.js';
import {
  decideSelection,
  DecisionRefused,
  findDecision,
  listPublishedGrants,
  loadSelectionBoard,
  NothingToPublish,
  publishResults,
  recordSelection,
  SelectionRefused,
  VersionConflict,
  type Actor,
  type SelectionBoard,
} from './store.js';

export const GRANT_LIST_PATHS = ['/tildelinger', '/tildelingar', '/bevillinger', '/grants'] as const;
import { UUID_PATTERN as UUID } from '../platform/http/input.js';
const idParams = { type: 'object', properties: { id: { type: 'string', pattern: UUID } }, required: ['id'] };
const letterParams = { type: 'object', properties: { id: { type: 'string', pattern: UUID }, applicationId: { type: 'string', pattern: UUID } }, required: ['id', 'applicationId'] };
const formBody = { type: 'object', additionalProperties: { type: 'string', maxLength: 20_000 } };
const OWNER = access.roles('programme_owner');
const CASE_WORKER = access.roles('case_worker');

type Body = Record<string, string | undefined>;

function actorOf(request: FastifyRequest): Actor & { user: { userId: string; name: string } } {
  const p = request.principal!;
  return { user: { userId: p.userId, name: p.name }, requestId: request.id };
}

function versionOf(body: Body): number {
  const raw = body.version;
  if (raw === undefined || !/^\d{1,9}$/.test(raw)) throw new HttpProblem(400, 'version missing');
  return Number(raw);
}

function sendFile(reply: FastifyReply, file: { name: string; contentType: string; content: Buffer }) {
  const ascii = file.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .header('x-content-type-options', 'nosniff')
    .send(file.content);
}

/** The choices as posted: every selectable ranked application, its box, its amount as typed and its reason. */
function parseChoices(board: SelectionBoard, body: Body): { choices: Choice[]; amountText: Record<string, string> } {
  const choices: Choice[] = [];
  const amountText: Record<string, string> = {};
  for (const entry of board.ranking.ranked) {
    if (entry.paused) continue;
    const id = entry.applicationId;
    const selected = body[`select-${id}`] === 'on';
    const text = amountOrRequested(body[`amount-${id}`] ?? '', selected, entry.requestedAmount);
    amountText[id] = text;
    const amount = parseAmount(text);
    choices.push({ applicationId: id, selected, amount: amount === 'invalid' ? null : amount, reason: body[`reason-${id}`] ?? '' });
  }
  return { choices, amountText };
}

export async function selectionRoutes(app: FastifyInstance) {
  const db = app.database.db;

  await app.jobs.work<{ applicationId: string }>(LETTER_JOB, async (data) => produceLetter(app, data.applicationId));

  /** The call, for a programme owner of its owning organisation; 404 unknown, 403 anyone else. */
  async function ownedCall(request: FastifyRequest): Promise<StoredCall> {
    const { id } = request.params as { id: string };
    const call = await findCall(db, id);
    if (!call || call.status === 'draft') throw notFound();
    if (!hasDecisionAuthority(request.principal, call.programme.ownerOrganisationId)) throw new HttpProblem(403);
    return call;
  }

  // Selection ----------------------------------------------------------------------------------------

  function selectionView(board: SelectionBoard, extra: Partial<SelectionView> & { choices?: Choice[] }, ctx: ReturnType<FastifyReply['pageContext']>): SelectionView {
    const choices = extra.choices ?? board.recorded;
    const evaluation = evaluateSelection(board.ranking, board.frame, choices, 'simulate');
    return {
      board,
      choices,
      amountText: {},
      evaluation,
      errors: [],
      warnings: evaluation.warnings.map((w) => problemMessage(ctx, board, w)),
      formVersion: board.version,
      ...extra,
    };
  }

  app.get('/eier/utlysninger/:id/utvelgelse', { config: { access: OWNER }, schema: { params: idParams } }, async (request, reply) => {
    const call = await ownedCall(request);
    const board = await loadSelectionBoard(db, call, new Date());
    const query = request.query as { recorded?: string };
    const ctx = reply.pageContext();
    const notice = query.recorded ? tx(ctx, 'selection.page.recorded', { version: board.version }) : undefined;
    return reply.html(<SelectionPage ctx={ctx} view={selectionView(board, { notice }, ctx)} />);
  });

  app.post('/eier/utlysninger/:id/utvelgelse', { config: { access: OWNER }, schema: { params: idParams, body: formBody } }, async (request, reply) => {
    const call = await ownedCall(request);
    const body = (request.body ?? {}) as Body;
    const version = versionOf(body);
    const action = body.action === 'record' ? 'record' : 'simulate';
    const ctx = reply.pageContext();
    const board = await loadSelectionBoard(db, call, new Date());
    const { choices, amountText } = parseChoices(board, body);
    const applicantOf = (id: string) => board.applicants.find((a) => a.applicationId === id)?.applicant ?? id;
    const render = (status: number, extra: Partial<SelectionView>) => {
      reply.code(status);
      return reply.html(<SelectionPage ctx={ctx} view={selectionView(board, { choices, amountText, formVersion: version, ...extra }, ctx)} />);
    };
    const invalid = Object.entries(amountText)
      .filter(([, text]) => parseAmount(text) === 'invalid')
      .map(([id]) => ({ field: `amount-${id}`, message: tx(ctx, 'selection.problem.amountInvalid', { applicant: applicantOf(id) }) }));
    if (invalid.length > 0) return render(400, { errors: invalid });
    const decided = new Set(board.decisions.map((d) => d.applicationId));
    const evaluation = evaluateSelection(board.ranking, board.frame, choices, action);
    const problems = [...lockProblems(board.recorded, decided, choices, applicantOf), ...evaluation.problems];
    if (problems.length > 0) return render(422, { errors: problems.map((p) => problemMessage(ctx, board, p)) });
    if (action === 'simulate') return render(200, { notice: tx(ctx, 'selection.page.simulated') });
    try {
      await recordSelection(db, call.id, version, choices, actorOf(request));
    } catch (error) {
      return refused(request, reply, error, { selection: { board, render } });
    }
    return reply.redirect(`${selectionPath(call.id, request.locale)}&recorded=1`, 303);
  });

  // Decisions ----------------------------------------------------------------------------------------

  async function renderDecisions(request: FastifyRequest, reply: FastifyReply, call: StoredCall, status: number, extra: Partial<DecisionsView> = {}) {
    const board = await loadSelectionBoard(db, call, new Date());
    reply.code(status);
    return reply.html(<DecisionsPage ctx={reply.pageContext()} view={{ board, formVersion: board.version, values: {}, errors: [], ...extra }} />);
  }

  app.get('/eier/utlysninger/:id/vedtak', { config: { access: OWNER }, schema: { params: idParams } }, async (request, reply) => {
    const call = await ownedCall(request);
    const query = request.query as { decided?: string; published?: string };
    const ctx = reply.pageContext();
    const count = (value: string | undefined) => (value && /^\d{1,4}$/.test(value) ? Number(value) : undefined);
    const decided = count(query.decided);
    const published = count(query.published);
    const notice = decided !== undefined ? tx(ctx, 'selection.decisions.done', { count: decided }) : published !== undefined ? tx(ctx, 'selection.publish.done', { count: published }) : undefined;
    return renderDecisions(request, reply, call, 200, { notice });
  });

  app.post('/eier/utlysninger/:id/vedtak', { config: { access: OWNER }, schema: { params: idParams, body: formBody } }, async (request, reply) => {
    const call = await ownedCall(request);
    const body = (request.body ?? {}) as Body;
    const version = versionOf(body);
    const inputs = new Map<string, DecisionInput>();
    for (const [key, value] of Object.entries(body)) {
      const match = /^decide-([0-9a-f-]{36})$/i.exec(key);
      if (!match || value !== 'on') continue;
      const id = match[1]!;
      inputs.set(id, { reason: body[`reason-${id}`] ?? '', conditions: body[`conditions-${id}`] ?? '', publicSummary: body[`summary-${id}`] ?? '', letterLanguage: body[`language-${id}`] ?? '' });
    }
    const values = Object.fromEntries(Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    try {
      const { decided } = await decideSelection(db, call.id, version, inputs, actorOf(request), (trx, applicationId) => app.jobs.enqueue(trx, LETTER_JOB, { applicationId }));
      return reply.redirect(`${decisionsPath(call.id, request.locale)}&decided=${decided}`, 303);
    } catch (error) {
      return refused(request, reply, error, { decisions: { call, values } });
    }
  });

  app.post('/eier/utlysninger/:id/publiser-resultater', { config: { access: OWNER }, schema: { params: idParams, body: formBody } }, async (request, reply) => {
    const call = await ownedCall(request);
    const version = versionOf((request.body ?? {}) as Body);
    try {
      const { published } = await publishResults(db, call.id, version, actorOf(request));
      return reply.redirect(`${decisionsPath(call.id, request.locale)}&published=${published}`, 303);
    } catch (error) {
      return refused(request, reply, error, { decisions: { call, values: {} } });
    }
  });

  app.get('/eier/utlysninger/:id/vedtak/:applicationId/brev', { config: { access: OWNER }, schema: { params: letterParams } }, async (request, reply) => {
    const call = await ownedCall(request);
    const decision = await findDecision(db, (request.params as { applicationId: string }).applicationId);
    if (!decision || decision.callId !== call.id || !decision.letterFileId) throw notFound();
    const file = await findFile(db, decision.letterFileId);
    if (!file) throw notFound();
    return sendFile(reply, file);
  });

  /**
   * The store's refusals as translated pages: a stale version is a 409 that keeps what the person
   * typed; a refused selection or decision a 422 with each reason; anything else propagates.
   */
  async function refused(
    request: FastifyRequest,
    reply: FastifyReply,
    error: unknown,
    context: { selection?: { board: SelectionBoard; render: (status: number, extra: Partial<SelectionView>) => Promise<void> }; decisions?: { call: StoredCall; values: Record<string, string> } },
  ): Promise<unknown> {
    const ctx = reply.pageContext();
    const conflict = error instanceof VersionConflict ? { name: error.changedByName ?? ctx.t('applications.conflict.someone'), version: error.currentVersion } : undefined;
    if (context.selection) {
      const { board, render } = context.selection;
      if (conflict) return render(409, { conflict, formVersion: conflict.version });
      if (error instanceof SelectionRefused) return render(422, { errors: error.problems.map((p) => problemMessage(ctx, board, p)) });
    }
    if (context.decisions) {
      const { call, values } = context.decisions;
      if (conflict) return renderDecisions(request, reply, call, 409, { conflict, values, formVersion: conflict.version });
      if (error instanceof NothingToPublish) return renderDecisions(request, reply, call, 409, { errors: [{ field: 'publish', message: ctx.t('selection.publish.nothing') }] });
      if (error instanceof DecisionRefused) {
        const board = await loadSelectionBoard(db, call, new Date());
        const applicantOf = (id: string) => board.applicants.find((a) => a.applicationId === id)?.applicant ?? '';
        const fieldOf = (p: DecisionRefused['problems'][number]) => (p.field === 'publicSummary' ? 'summary' : p.field === 'letterLanguage' ? 'language' : p.field);
        const errors = error.problems.map((p) => ({
          field: p.applicationId ? (p.field === 'state' ? `decision-${p.applicationId}` : `${fieldOf(p)}-${p.applicationId}`) : 'decide-form',
          message: `${p.applicationId ? `${applicantOf(p.applicationId)}: ` : ''}${tx(ctx, `selection.decisions.problem.${p.code}`)}`,
        }));
        return renderDecisions(request, reply, call, 422, { errors, values });
      }
    }
    throw error;
  }

  // Public ---------------------------------------------------------------------------------------------

  for (const path of GRANT_LIST_PATHS) {
    app.get(path, { config: { access: access.public } }, async (_request, reply) => reply.html(<GrantsPage ctx={reply.pageContext()} grants={await listPublishedGrants(db)} />));
  }

  app.get('/open-data/360giving.json', { config: { access: access.public } }, async (_request, reply) =>
    reply.type('application/json; charset=utf-8').header('access-control-allow-origin', '*').header('cross-origin-resource-policy', 'cross-origin').send(JSON.stringify(threeSixtyGivingPackage(await listPublishedGrants(db), app.config.publicUrl), null, 2)),
  );

  app.get('/open-data/360giving.csv', { config: { access: access.public } }, async (_request, reply) =>
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="360giving.csv"')
      .header('access-control-allow-origin', '*')
      .header('cross-origin-resource-policy', 'cross-origin')
      .send(threeSixtyGivingCsv(await listPublishedGrants(db), app.config.publicUrl)),
  );

  // The applicant's letter ----------------------------------------------------------------------------

  app.get('/soknader/:id/vedtaksbrev', { config: { access: CASE_WORKER }, schema: { params: idParams } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const application = await findApplication(db, id);
    const codes = new Set(caseWorkerMunicipalities(request.principal).map((m) => m.code));
    if (!application || !application.members.some((m) => codes.has(m.code) && m.invitation === 'accepted')) throw notFound();
    const decision = await findDecision(db, id);
    const file = decision?.letterFileId ? await findFile(db, decision.letterFileId) : undefined;
    if (!file) throw notFound();
    return sendFile(reply, file);
  });
}
