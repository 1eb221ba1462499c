/**
 * Applications over HTTP, for case workers of the applying municipalities: my applications and
 * invitations, start, the application page, save (no JavaScript needed), invite, answer, decisions,
 * attachments, submit, receipts and files. Every application route checks that the person's
 * municipality is in the network; anything else is a 404 that shows no data. Registers the receipt
 * job's worker.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access, type Principal } from '../platform/auth/model.js';
import { findFile } from '../platform/files/store.js';
import { HttpProblem, notFound } from '../platform/http/problems.js';
import { formatBytes } from '../platform/i18n/index.js';
import type { FieldError } from '../platform/ui/components.js';
import { validateAnswers, type FormDefinition } from '../programmes/form.js';
import { formatInstant, tx } from '../programmes/pages/shared.js';
import { extensionState, type DeadlineExtension } from '../programmes/extensions.js';
import { findCall, type StoredCall } from '../programmes/store.js';
import { findMunicipality, searchMunicipalities } from '../registry/store.js';
import { membersFromRegistry } from '../programmes/eligibility.js';
import { createProjectionService, type ProjectionService } from '../projections/index.js';
import { answersFromPost, applicationEligibility, changedParts, isDecisionBody, isEditable, type SubmissionProblem } from './model.js';
import { findPartners } from './partner-finder.js';
import { projectedChallenges } from './projected-challenge.js';
import { ApplicationPage, issueMessage, MyApplicationsPage, PublicPartnersPage, ReceiptPage, StartPage, type ApplicationView, type SummaryRow } from './pages.js';
import { produceReceipt, RECEIPT_JOB } from './receipt.js';
import { AUTOSAVE_PATH, AUTOSAVE_SCRIPT } from './autosave.js';
import { decisionForApplicant } from '../selection/store.js';
import {
  addAttachment,
  applicationFile,
  ApplicationNotFound,
  attachMemberDecision,
  CallNotOpen,
  deadlineWithExtension,
  findApplication,
  inviteMunicipality,
  keepSubmittedChallenges,
  listApplicationsOf,
  listSubmissions,
  NetworkChanged,
  NetworkRefused,
  ReadOnly,
  registryFacts,
  respondToInvitation,
  saveAnswers,
  startApplication,
  submitApplication,
  submittedChallenges,
  SubmissionRefused,
  VersionConflict,
  withdrawApplication,
  type Actor,
  type StoredApplication,
  type StoredMember,
  type UploadedFile,
} from './store.js';

const CASE_WORKER = access.roles('case_worker');
import { UUID_PATTERN as UUID } from '../platform/http/input.js';
const idParams = { type: 'object', properties: { id: { type: 'string', pattern: UUID } }, required: ['id'] };
const receiptParams = { type: 'object', properties: { id: { type: 'string', pattern: UUID }, number: { type: 'integer', minimum: 1, maximum: 100000 } }, required: ['id', 'number'] };
const fileParams = { type: 'object', properties: { id: { type: 'string', pattern: UUID }, fileId: { type: 'string', pattern: UUID } }, required: ['id', 'fileId'] };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DECISION_MAX_BYTES = 10 * 1024 * 1024;

function actorOf(request: FastifyRequest): Actor {
  const p = request.principal;
  return { user: p ? { userId: p.userId, name: p.name } : null, requestId: request.id };
}

/** The municipalities in whose name the person works as a case worker. */
export function caseWorkerMunicipalities(principal: Principal | null): { code: string; name: string }[] {
  return (principal?.memberships ?? []).filter((m) => m.role === 'case_worker' && m.municipalityCode).map((m) => ({ code: m.municipalityCode!, name: m.organisationName }));
}

// Multipart and urlencoded bodies alike --------------------------------------------------------------

type Part = { value?: unknown; filename?: string; mimetype?: string; toBuffer?: () => Promise<Buffer> };

function field(body: unknown, name: string): string | undefined {
  const raw = (body as Record<string, unknown> | undefined)?.[name];
  const one = Array.isArray(raw) ? raw[0] : raw;
  if (typeof one === 'string') return one;
  if (one && typeof one === 'object' && 'value' in one && typeof (one as Part).value === 'string') return (one as Part).value as string;
  return undefined;
}

/** A plain object of the text fields (multipart fields unwrapped). */
function fields(body: unknown): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, raw] of Object.entries((body as Record<string, unknown>) ?? {})) {
    const values = (Array.isArray(raw) ? raw : [raw]).map((v) => (typeof v === 'string' ? v : v && typeof v === 'object' && typeof (v as Part).value === 'string' ? ((v as Part).value as string) : undefined)).filter((v): v is string => v !== undefined);
    if (values.length === 1) out[key] = values[0]!;
    else if (values.length > 1) out[key] = values;
  }
  return out;
}

async function fileIn(body: unknown, name: string): Promise<UploadedFile | undefined> {
  const raw = (body as Record<string, unknown> | undefined)?.[name];
  const part = (Array.isArray(raw) ? raw[0] : raw) as Part | undefined;
  if (!part || typeof part.toBuffer !== 'function' || !part.filename) return undefined;
  const content = await part.toBuffer();
  if (content.length === 0) return undefined;
  return { name: part.filename.slice(0, 200), contentType: part.mimetype ?? 'application/octet-stream', content };
}

/** The declared type must be allowed, and a PDF must look like one. */
function typeAllowed(file: UploadedFile, allowed: readonly string[]): boolean {
  if (!allowed.includes(file.contentType)) return false;
  if (file.contentType === 'application/pdf' && file.content.subarray(0, 5).toString('latin1') !== '%PDF-') return false;
  return true;
}

function versionOf(body: unknown): number {
  const raw = field(body, 'version');
  if (raw === undefined || !/^\d{1,9}$/.test(raw)) throw new HttpProblem(400, 'version missing');
  return Number(raw);
}

export interface ApplicationRoutesOptions {
  /** The projections to read the projected challenge and similar municipalities from (shared with the overview pages). */
  projections?: ProjectionService;
}

export async function applicationRoutes(app: FastifyInstance, options: ApplicationRoutesOptions = {}) {
  const db = app.database.db;
  const projections = options.projections ?? createProjectionService(db);

  const receipts = { db, mailer: app.mailer, messageHost: new URL(app.config.publicUrl).hostname };
  await app.jobs.work<{ submissionId: string }>(RECEIPT_JOB, async (data) => {
    const outcome = await produceReceipt(receipts, data.submissionId);
    app.log.info({ submissionId: data.submissionId, outcome }, 'receipt');
  });

  app.get(AUTOSAVE_PATH, { config: { access: access.public } }, async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(AUTOSAVE_SCRIPT),
  );

  // The public partner finder ---------------------------------------------------------------------

  const finderQuery = {
    type: 'object',
    properties: { member: { anyOf: [{ type: 'string', maxLength: 10 }, { type: 'array', items: { type: 'string', maxLength: 10 }, maxItems: 20 }] }, lang: { type: 'string' } },
  };

  app.get('/utlysninger/:id/partnere', { config: { access: access.public }, schema: { params: idParams, querystring: finderQuery } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const call = await findCall(db, id);
    if (!call || call.status === 'draft') throw notFound();
    const query = request.query as { member?: string | string[] };
    const { members } = await membersFromRegistry(db, call.programme.country, query.member === undefined ? [] : [query.member].flat());
    const network = members.map((m) => ({ code: m.code, name: m.name, invitation: 'accepted' as const }));
    const partners = network.length === 0 ? [] : await orWithout(request, (p) => findPartners(db, p, { country: call.programme.country, rules: call.snapshot.rules, form: call.snapshot.form, leadCode: network[0]!.code, members: network }));
    return reply.html(<PublicPartnersPage ctx={reply.pageContext()} call={call} members={network} partners={partners} />);
  });

  // My applications ----------------------------------------------------------------------------

  app.get('/soknader', { config: { access: CASE_WORKER } }, async (request, reply) => {
    const mine = caseWorkerMunicipalities(request.principal);
    const summaries = await listApplicationsOf(db, mine.map((m) => m.code));
    const calls = new Map<string, StoredCall | undefined>();
    for (const s of summaries) if (!calls.has(s.callId)) calls.set(s.callId, await findCall(db, s.callId));
    const rows: SummaryRow[] = summaries.flatMap((s) => {
      const call = calls.get(s.callId);
      return call ? [{ ...s, callTitle: call.content.title, callLanguage: call.content.language, zone: call.content.timeZone }] : [];
    });
    return reply.html(<MyApplicationsPage ctx={reply.pageContext()} rows={rows} hasMunicipality={mine.length > 0} />);
  });

  // Start ----------------------------------------------------------------------------------------

  async function openCall(id: string | undefined): Promise<StoredCall> {
    if (!id || !/^[0-9a-f-]{36}$/i.test(id)) throw new HttpProblem(400, 'call missing');
    const call = await findCall(db, id);
    if (!call || call.status === 'draft') throw notFound();
    return call;
  }

  /** The person's municipalities that are current municipalities of the call's country. */
  async function eligibleMunicipalities(request: FastifyRequest, call: StoredCall) {
    const result: { code: string; name: string }[] = [];
    for (const m of caseWorkerMunicipalities(request.principal)) {
      const found = await findMunicipality(db, call.programme.country, m.code);
      if (found && found.validTo === null) result.push({ code: m.code, name: found.name });
    }
    return result;
  }

  app.get('/soknader/ny', { config: { access: CASE_WORKER }, schema: { querystring: { type: 'object', properties: { call: { type: 'string', pattern: UUID }, lang: { type: 'string' } }, required: ['call'] } } }, async (request, reply) => {
    const call = await openCall((request.query as { call: string }).call);
    return reply.html(<StartPage ctx={reply.pageContext()} call={call} municipalities={await eligibleMunicipalities(request, call)} values={{}} problems={[]} />);
  });

  app.post('/soknader', { config: { access: CASE_WORKER } }, async (request, reply) => {
    const values = fields(request.body);
    const call = await openCall(typeof values.call === 'string' ? values.call : undefined);
    const municipalities = await eligibleMunicipalities(request, call);
    const municipality = municipalities.find((m) => m.code === values.municipality);
    const email = typeof values.email === 'string' ? values.email.trim() : '';
    const problems: FieldError[] = [];
    if (!municipality) problems.push({ field: 'municipality', message: request.t('applications.start.noMunicipality') });
    if (email !== '' && (!EMAIL.test(email) || email.length > 200)) problems.push({ field: 'email', message: request.t('applications.problem.badEmail') });
    const render = (status: number, list: FieldError[]) => {
      reply.code(status);
      return reply.html(<StartPage ctx={reply.pageContext()} call={call} municipalities={municipalities} values={{ municipality: String(values.municipality ?? ''), email }} problems={list} />);
    };
    if (problems.length > 0 || !municipality) return render(400, problems);
    try {
      const id = await startApplication(db, call, { code: municipality.code, name: municipality.name, contactEmail: email || null }, actorOf(request));
      return reply.redirect(`/soknader/${id}?lang=${request.locale}`, 303);
    } catch (error) {
      if (error instanceof CallNotOpen) return render(409, [{ field: 'municipality', message: request.t('applications.start.closed') }]);
      throw error;
    }
  });

  // The application ------------------------------------------------------------------------------

  /** The application and the person's municipality in it; 404 for anyone outside the network. */
  async function accessible(request: FastifyRequest): Promise<{ application: StoredApplication; call: StoredCall; mine: StoredMember; extension: DeadlineExtension | undefined }> {
    const { id } = request.params as { id: string };
    const application = await findApplication(db, id);
    if (!application) throw notFound();
    const codes = new Set(caseWorkerMunicipalities(request.principal).map((m) => m.code));
    const mine = application.members.find((m) => codes.has(m.code) && m.invitation !== 'declined');
    if (!mine) throw notFound();
    const call = await findCall(db, application.callId);
    if (!call || call.status === 'draft') throw notFound();
    const { deadline, extension } = await deadlineWithExtension(db, call, application);
    const inForce = extension && extensionState(extension, new Date()) !== 'expired' ? extension : undefined;
    return { application: { ...application, deadline }, call, mine, extension: inForce };
  }

  /**
   * Runs `work` with the projections, or without them when they cannot be built (a registry
   * without enough years of population): the figures are then left out, not the page.
   */
  async function orWithout<T>(request: FastifyRequest, work: (projections: ProjectionService | undefined) => Promise<T>): Promise<T> {
    try {
      return await work(projections);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      request.log.warn({ err: error }, 'projections unavailable; figures left out');
      return work(undefined);
    }
  }

  const formOf = (call: StoredCall): FormDefinition => (call.status === 'draft' ? { sections: [] } : call.snapshot.form);

  async function render(request: FastifyRequest, reply: FastifyReply, status: number, extra: Partial<ApplicationView> = {}) {
    const { application, call, mine, extension } = await accessible(request);
    const form = formOf(call);
    const rules = call.status === 'draft' ? [] : call.snapshot.rules;
    const registry = await registryFacts(db, application.country, application.members.filter((m) => m.invitation === 'accepted').map((m) => m.code));
    const editable = isEditable(application, application.deadline, new Date());
    const accepted = application.members.filter((m) => m.invitation === 'accepted');
    const networkRule = rules.some((r) => r.kind === 'network-population' || (r.kind === 'network-size' && r.maxMembers > 1));
    const search = { country: application.country, rules, form, leadCode: application.leadCode, members: application.members, answers: application.answers };
    const partners = mine.role === 'lead' && editable && networkRule ? await orWithout(request, (p) => findPartners(db, p, search)) : undefined;
    const view: ApplicationView = {
      extension,
      partners,
      challenges: await orWithout(request, (p) => projectedChallenges(p, form, application.country, accepted)),
      application,
      call,
      mine,
      editable,
      eligibility: applicationEligibility(application, { form, rules, registry }),
      submissions: await listSubmissions(db, application.id),
      decision: await decisionForApplicant(db, application.id),
      sessionSeconds: app.config.sessionMaxAgeHours * 3600,
      ...extra,
    };
    reply.code(status);
    return reply.html(<ApplicationPage ctx={reply.pageContext()} view={view} />);
  }

  app.get('/soknader/:id', { config: { access: CASE_WORKER }, schema: { params: idParams } }, async (request, reply) => {
    const query = request.query as { saved?: string; notice?: string };
    const { application, call } = await accessible(request);
    const extra: Partial<ApplicationView> = {};
    if (query.saved) {
      extra.notice = request.t('applications.page.saved', { version: application.version });
      extra.warnings = validateAnswers(formOf(call), application.answers, 'draft').warnings.map((issue) => issueMessage(reply.pageContext(), formOf(call), issue));
    }
    const notices = { invited: 'applications.invite.sent', decision: 'applications.decision.saved', uploaded: 'applications.attachments.saved', withdrawn: 'applications.withdraw.done' } as const;
    if (query.notice && query.notice in notices) extra.notice = tx(reply.pageContext(), notices[query.notice as keyof typeof notices]);
    return render(request, reply, 200, extra);
  });

  /** Maps the store's refusals to translated pages; anything else propagates. */
  async function refused(request: FastifyRequest, reply: FastifyReply, error: unknown, values?: ApplicationView['values']): Promise<unknown> {
    const ctx = reply.pageContext();
    if (error instanceof ApplicationNotFound) throw notFound();
    if (error instanceof ReadOnly) {
      const { call } = await accessible(request);
      return render(request, reply, 409, { errors: [{ field: 'status', message: tx(ctx, 'applications.problem.deadline', { time: formatInstant(request.locale, error.deadline, call.content.timeZone) }) }], ...(values ? { values } : {}) });
    }
    if (error instanceof NetworkChanged) return render(request, reply, 409, { errors: [{ field: 'members', message: tx(ctx, 'applications.problem.networkChanged') }] });
    if (error instanceof NetworkRefused) return render(request, reply, 409, { errors: [{ field: 'members', message: tx(ctx, `applications.problem.network.${error.problem}`) }] });
    if (error instanceof VersionConflict) {
      const parts = error.base ? changedParts(error.base, error.current.answers) : [];
      const { call } = await accessible(request);
      const labels = new Map(formOf(call).sections.flatMap((s) => s.parts).map((p) => [p.key, p.label]));
      return render(request, reply, 409, {
        ...(values ? { values } : {}),
        formVersion: error.current.version,
        conflict: {
          name: error.savedByName ?? request.t('applications.conflict.someone'),
          version: error.current.version,
          base: error.baseVersion,
          parts: parts.length > 0 ? parts.map((p) => labels.get(p) ?? p).join(', ') : request.t('applications.conflict.nothing'),
        },
      });
    }
    if (error instanceof SubmissionRefused) {
      const { call } = await accessible(request);
      return render(request, reply, 422, { errors: error.problems.map((p) => submissionMessage(request, reply, call, p)) });
    }
    throw error;
  }

  function submissionMessage(request: FastifyRequest, reply: FastifyReply, call: StoredCall, problem: SubmissionProblem): FieldError {
    const ctx = reply.pageContext();
    switch (problem.kind) {
      case 'part':
        return issueMessage(ctx, formOf(call), problem.issue);
      case 'rule':
        return { field: 'eligibility', message: tx(ctx, problem.key, problem.params) };
      case 'pending':
        return { field: 'members', message: tx(ctx, 'applications.problem.pending', { names: problem.names }) };
      case 'deadline':
        return { field: 'status', message: tx(ctx, 'applications.problem.deadline', { time: formatInstant(request.locale, problem.deadline, call.content.timeZone) }) };
    }
  }

  app.post('/soknader/:id', { config: { access: CASE_WORKER }, schema: { params: idParams } }, async (request, reply) => {
    const { application, call, mine } = await accessible(request);
    if (mine.role !== 'lead') throw new HttpProblem(403);
    const version = versionOf(request.body);
    const form = formOf(call);
    const { answers, problems } = answersFromPost(form, fields(request.body), application.answers);
    if (request.headers['x-autosave'] === '1') {
      // The script's save: the same checks, answered in JSON; a conflict stops autosaving.
      if (problems.length > 0) return reply.code(400).send({ problems });
      try {
        const saved = await saveAnswers(db, application.id, version, answers, actorOf(request));
        const time = new Intl.DateTimeFormat(request.locale === 'en' ? 'en-GB' : request.locale === 'da' ? 'da-DK' : 'nb-NO', { timeStyle: 'short', timeZone: call.content.timeZone }).format(new Date());
        return reply.send({ version: saved, time, warnings: validateAnswers(form, answers, 'draft').warnings.length });
      } catch (error) {
        if (error instanceof VersionConflict) return reply.code(409).send({ conflict: true, version: error.current.version });
        if (error instanceof ReadOnly) return reply.code(409).send({ readOnly: true });
        throw error;
      }
    }
    if (problems.length > 0) {
      const ctx = reply.pageContext();
      return render(request, reply, 400, {
        values: { ...answers, ...Object.fromEntries(problems.map((p) => [p.part, ''])) },
        formVersion: version,
        errors: problems.map((p) => ({ field: p.part, message: `${form.sections.flatMap((s) => s.parts).find((x) => x.key === p.part)?.label ?? p.part}: ${tx(ctx, `applications.problem.${p.code}`)}` })),
      });
    }
    try {
      await saveAnswers(db, application.id, version, answers, actorOf(request));
    } catch (error) {
      return refused(request, reply, error, answers);
    }
    return reply.redirect(`/soknader/${application.id}?lang=${request.locale}&saved=1#warnings`, 303);
  });

  app.post('/soknader/:id/invitasjoner', { config: { access: CASE_WORKER }, schema: { params: idParams } }, async (request, reply) => {
    const { application, call, mine } = await accessible(request);
    if (mine.role !== 'lead') throw new HttpProblem(403);
    const text = (field(request.body, 'municipality') ?? '').trim().slice(0, 100);
    const matches = text ? await searchMunicipalities(db, text, call.programme.country, 20) : [];
    const found = matches.find((m) => m.code === text || m.names.some((n) => n.name.toLocaleLowerCase('nb') === text.toLocaleLowerCase('nb'))) ?? (matches.length === 1 ? matches[0] : undefined);
    if (!found || found.validTo !== null) {
      return render(request, reply, 400, { errors: [{ field: 'municipality', message: tx(reply.pageContext(), 'applications.problem.unknownMunicipality', { name: text }) }] });
    }
    const rules = call.status === 'draft' ? [] : call.snapshot.rules;
    const size = rules.find((r) => r.kind === 'network-size');
    try {
      await inviteMunicipality(db, application.id, { code: found.code, name: found.name }, size?.kind === 'network-size' ? size.maxMembers : undefined, actorOf(request));
    } catch (error) {
      return refused(request, reply, error);
    }
    return reply.redirect(`/soknader/${application.id}?lang=${request.locale}&notice=invited`, 303);
  });

  app.post('/soknader/:id/svar', { config: { access: CASE_WORKER }, schema: { params: idParams } }, async (request, reply) => {
    const { application, mine } = await accessible(request);
    const answer = field(request.body, 'answer');
    if (answer !== 'accepted' && answer !== 'declined') throw new HttpProblem(400, 'answer missing');
    const email = (field(request.body, `email-${application.id}`) ?? field(request.body, 'email') ?? '').trim();
    if (email !== '' && (!EMAIL.test(email) || email.length > 200)) {
      const rows: SummaryRow[] = [];
      reply.code(400);
      return reply.html(<MyApplicationsPage ctx={reply.pageContext()} rows={rows} hasMunicipality problems={[{ field: `email-${application.id}`, message: request.t('applications.problem.badEmail') }]} />);
    }
    try {
      await respondToInvitation(db, application.id, mine.code, answer, email || null, actorOf(request));
    } catch (error) {
      return refused(request, reply, error);
    }
    return reply.redirect(answer === 'accepted' ? `/soknader/${application.id}?lang=${request.locale}` : `/soknader?lang=${request.locale}`, 303);
  });

  app.post('/soknader/:id/vedtak', { config: { access: CASE_WORKER }, schema: { params: idParams } }, async (request, reply) => {
    const { application, mine } = await accessible(request);
    const ctx = reply.pageContext();
    const body = field(request.body, 'decisionBody') ?? '';
    const date = field(request.body, 'decisionDate') ?? '';
    const file = await fileIn(request.body, 'decisionFile');
    const errors: FieldError[] = [];
    if (!isDecisionBody(body)) errors.push({ field: 'decisionBody', message: tx(ctx, 'applications.problem.network.badBody') });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) errors.push({ field: 'decisionDate', message: tx(ctx, 'applications.problem.network.badDate') });
    if (!file) errors.push({ field: 'decisionFile', message: tx(ctx, 'applications.problem.noFile') });
    else if (!typeAllowed(file, ['application/pdf'])) errors.push({ field: 'decisionFile', message: tx(ctx, 'applications.problem.fileType', { name: file.name, allowed: 'application/pdf' }) });
    else if (file.content.length > DECISION_MAX_BYTES) errors.push({ field: 'decisionFile', message: tx(ctx, 'applications.problem.fileSize', { name: file.name, max: formatBytes(request.locale, DECISION_MAX_BYTES) }) });
    if (errors.length > 0 || !file) return render(request, reply, file && file.content.length > DECISION_MAX_BYTES ? 413 : 400, { errors });
    try {
      await attachMemberDecision(db, application.id, mine.code, { body, date }, file, actorOf(request));
    } catch (error) {
      return refused(request, reply, error);
    }
    return reply.redirect(`/soknader/${application.id}?lang=${request.locale}&notice=decision`, 303);
  });

  app.post('/soknader/:id/vedlegg', { config: { access: CASE_WORKER }, schema: { params: idParams } }, async (request, reply) => {
    const { application, call, mine } = await accessible(request);
    if (mine.role !== 'lead') throw new HttpProblem(403);
    const ctx = reply.pageContext();
    const version = versionOf(request.body);
    const partKey = field(request.body, 'part') ?? '';
    const part = formOf(call).sections.flatMap((s) => s.parts).find((p) => p.key === partKey);
    if (!part || part.kind !== 'attachment') return render(request, reply, 400, { errors: [{ field: 'attachments', message: tx(ctx, 'applications.problem.unknownPart') }] });
    const file = await fileIn(request.body, 'file');
    const fieldId = `file-${part.key}`;
    if (!file) return render(request, reply, 400, { errors: [{ field: fieldId, message: tx(ctx, 'applications.problem.noFile') }] });
    if (!typeAllowed(file, part.allowedTypes)) return render(request, reply, 415, { errors: [{ field: fieldId, message: tx(ctx, 'applications.problem.fileType', { name: file.name, allowed: part.allowedTypes.join(', ') }) }] });
    if (file.content.length > part.maxBytes) return render(request, reply, 413, { errors: [{ field: fieldId, message: tx(ctx, 'applications.problem.fileSize', { name: file.name, max: formatBytes(request.locale, part.maxBytes) }) }] });
    const existing = application.answers[part.key];
    if (Array.isArray(existing) && existing.length >= part.maxFiles) return render(request, reply, 400, { errors: [{ field: fieldId, message: tx(ctx, 'applications.problem.tooManyFiles', { max: part.maxFiles }) }] });
    try {
      await addAttachment(db, application.id, version, part.key, file, actorOf(request));
    } catch (error) {
      return refused(request, reply, error);
    }
    return reply.redirect(`/soknader/${application.id}?lang=${request.locale}&notice=uploaded`, 303);
  });

  app.post('/soknader/:id/send', { config: { access: CASE_WORKER }, schema: { params: idParams } }, async (request, reply) => {
    const { application, call, mine } = await accessible(request);
    if (mine.role !== 'lead') throw new HttpProblem(403);
    const version = versionOf(request.body);
    const accepted = application.members.filter((m) => m.invitation === 'accepted');
    const challenges = await orWithout(request, (p) => projectedChallenges(p, formOf(call), application.country, accepted));
    try {
      const { number } = await submitApplication(db, application.id, version, actorOf(request), async (trx, submissionId) => {
        await keepSubmittedChallenges(trx, submissionId, accepted.map((m) => m.code), challenges);
        await app.jobs.enqueue(trx, RECEIPT_JOB, { submissionId });
      });
      return reply.redirect(`/soknader/${application.id}/kvittering/${number}?lang=${request.locale}`, 303);
    } catch (error) {
      return refused(request, reply, error);
    }
  });

  app.post('/soknader/:id/trekk', { config: { access: CASE_WORKER }, schema: { params: idParams } }, async (request, reply) => {
    const { application, mine } = await accessible(request);
    if (mine.role !== 'lead') throw new HttpProblem(403);
    const version = versionOf(request.body);
    const reason = (field(request.body, 'reason') ?? '').trim().slice(0, 2000);
    try {
      await withdrawApplication(db, application.id, version, reason || null, actorOf(request));
    } catch (error) {
      return refused(request, reply, error);
    }
    return reply.redirect(`/soknader/${application.id}?lang=${request.locale}&notice=withdrawn`, 303);
  });

  app.get('/soknader/:id/kvittering/:number', { config: { access: CASE_WORKER }, schema: { params: receiptParams } }, async (request, reply) => {
    const { application, call } = await accessible(request);
    const { number } = request.params as { number: number };
    const submission = (await listSubmissions(db, application.id)).find((s) => s.number === number);
    if (!submission) throw notFound();
    return reply.html(<ReceiptPage ctx={reply.pageContext()} application={application} call={call} submission={submission} challenges={await submittedChallenges(db, submission.id)} />);
  });

  app.get('/soknader/:id/filer/:fileId', { config: { access: CASE_WORKER }, schema: { params: fileParams } }, async (request, reply) => {
    const { application } = await accessible(request);
    const { fileId } = request.params as { fileId: string };
    if (!(await applicationFile(db, application.id, fileId))) throw notFound();
    const file = await findFile(db, fileId);
    if (!file) throw notFound();
    const ascii = file.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    return reply
      .type(file.contentType)
      .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .header('x-content-type-options', 'nosniff')
      .send(file.content);
  });
}
