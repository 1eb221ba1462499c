/**
 * Applications over HTTP, for case workers of the applying municipalities: my applications and
 * invitations, start, the application page, save (no JavaScript needed), invite, answer, decisions,
 * attachments, submit, receipts and files. Every application route checks that the person's
 * municipality is in the network; anything else is a 404 that shows no data. Routes parse,
 * authorise, call a use case and render; a refusal is answered by `refused` from the problem
 * table. Registers the receipt job's worker.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../platform/auth/model.js';
import { findUserEmail } from '../platform/auth/store.js';
import { isUuid } from '../platform/db/kit.js';
import { findFile } from '../platform/files/store.js';
import {
  actorOf,
  calendarDate,
  formField,
  formFields,
  formFile,
  formVersion,
  idParams,
  UUID_PATTERN,
  type UploadedFile,
} from '../platform/http/input.js';
import { HttpProblem, notFound } from '../platform/http/problems.js';
import { formatBytes, intlTag, type Translate } from '../platform/i18n/index.js';
import { isRefused } from '../platform/outcome.js';
import type { FieldError } from '../platform/ui/components.js';
import {
  extensionState,
  findCall,
  membersFromRegistry,
  validateAnswers,
  fileTypesText,
  type DeadlineExtension,
  type StoredCall,
} from '../programmes/index.js';
import { createProjectionService, type ProjectionService } from '../projections/index.js';
import { findMunicipality, searchMunicipalities } from '../registry/index.js';
import { AUTOSAVE_PATH, AUTOSAVE_SCRIPT } from './autosave.js';
import {
  activeMembers,
  answersFromPost,
  applicationEligibility,
  caseWorkerMunicipalities,
  isDecisionBody,
  isEditable,
  partLabel,
  type ApplicationProblem,
} from './model.js';
import { ApplicationPage, type ApplicationView } from './pages/application.js';
import { formOf } from './pages/application-view.js';
import { MyApplicationsPage, type SummaryRow } from './pages/my-applications.js';
import { PublicPartnersPage } from './pages/partners.js';
import { ReceiptPage } from './pages/receipt.js';
import { StartPage } from './pages/start.js';
import { findPartners } from './partner-finder.js';
import type { PartnerSuggestion } from './partners.js';
import { blockerError, explainProblem, issueError } from './problems.js';
import { projectedChallenges } from './projected-challenge.js';
import { produceReceipt, RECEIPT_JOB } from './receipt.js';
import {
  applicationFile,
  deadlineWithExtension,
  findApplication,
  listApplicationsOf,
  listSubmissions,
  registryFacts,
  submittedChallenges,
  type StoredApplication,
  type StoredMember,
} from './store.js';
import {
  addAttachment,
  attachMemberDecision,
  inviteMunicipality,
  remindOfDeadlines,
  removeMember,
  respondToInvitation,
  withdrawInvitation,
  saveAnswers,
  startApplication,
  submitApplication,
  withdrawApplication,
} from './use-cases.js';
import { invitationWorkflow } from './workflows.js';

const CASE_WORKER = access.roles('case_worker');
const applicationParams = idParams('id');
const fileParams = idParams('id', 'fileId');
const memberParams = {
  type: 'object',
  properties: { ...applicationParams.properties, code: { type: 'string', pattern: '^[0-9]{3,4}$' } },
  required: ['id', 'code'],
} as const;
const receiptParams = {
  type: 'object',
  properties: { ...applicationParams.properties, number: { type: 'integer', minimum: 1, maximum: 100000 } },
  required: ['id', 'number'],
} as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DECISION_MAX_BYTES = 10 * 1024 * 1024;

const isEmail = (text: string) => EMAIL.test(text) && text.length <= 200;

/** The declared type must be allowed, and a PDF must look like one. */
function typeAllowed(file: UploadedFile, allowed: readonly string[]): boolean {
  if (!allowed.includes(file.contentType)) return false;
  if (file.contentType === 'application/pdf' && file.content.subarray(0, 5).toString('latin1') !== '%PDF-') return false;
  return true;
}

export interface ApplicationRoutesOptions {
  /** The projections to read the projected challenge and similar municipalities from (shared with the overview pages). */
  projections?: ProjectionService;
  /** For each suggested partner that already cooperates with the lead, sentences saying in what. */
  cooperationNotes?: (t: Translate, leadCode: string, partnerCodes: readonly string[]) => Promise<ReadonlyMap<string, readonly string[]>>;
}

export async function applicationRoutes(app: FastifyInstance, options: ApplicationRoutesOptions = {}) {
  const db = app.database.db;
  const projections = options.projections ?? createProjectionService(db);
  /** The suggestions with what each partner already does together with the lead. */
  const withNotes = async (t: Translate, leadCode: string, partners: PartnerSuggestion[]): Promise<PartnerSuggestion[]> => {
    const notes = await options.cooperationNotes?.(
      t,
      leadCode,
      partners.map((p) => p.code),
    );
    return notes ? partners.map((p) => (notes.has(p.code) ? { ...p, notes: notes.get(p.code) } : p)) : partners;
  };

  const receipts = { db, mailer: app.mailer, messageHost: new URL(app.config.publicUrl).hostname };
  await app.jobs.work<{ submissionId: string }>(RECEIPT_JOB, async (data) => {
    const outcome = await produceReceipt(receipts, data.submissionId);
    app.log.info({ submissionId: data.submissionId, outcome }, 'receipt');
  });

  // Reminders a week and a day before deadlines: made once each, so the sweep runs when ready and every quarter hour.
  const remind = async () => {
    try {
      const made = await remindOfDeadlines(db, app.jobs);
      if (made > 0) app.log.info({ made }, 'deadline reminders');
    } catch (err) {
      app.log.error({ err }, 'deadline reminders failed');
    }
  };
  const sweep = setInterval(remind, 15 * 60 * 1000).unref();
  app.addHook('onReady', remind);
  app.addHook('onClose', async () => clearInterval(sweep));

  app.get(AUTOSAVE_PATH, { config: { access: access.public } }, async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(AUTOSAVE_SCRIPT),
  );

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

  // The public partner finder ---------------------------------------------------------------------

  const finderQuery = {
    type: 'object',
    properties: {
      member: {
        anyOf: [
          { type: 'string', maxLength: 10 },
          { type: 'array', items: { type: 'string', maxLength: 10 }, maxItems: 20 },
        ],
      },
      lang: { type: 'string' },
    },
  };

  app.get(
    '/utlysninger/:id/partnere',
    { config: { access: access.public }, schema: { params: applicationParams, querystring: finderQuery } },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const call = await findCall(db, id);
      if (!call || call.status === 'draft') throw notFound();
      const query = request.query as { member?: string | string[] };
      const { members } = await membersFromRegistry(db, call.programme.country, query.member === undefined ? [] : [query.member].flat());
      const network = members.map((m) => ({ code: m.code, name: m.name, invitation: 'accepted' as const }));
      const partners =
        network.length === 0
          ? []
          : await withNotes(
              request.t,
              network[0]!.code,
              await orWithout(request, (p) =>
                findPartners(db, p, {
                  country: call.programme.country,
                  rules: call.snapshot.rules,
                  form: call.snapshot.form,
                  leadCode: network[0]!.code,
                  members: network,
                }),
              ),
            );
      return reply.html(<PublicPartnersPage ctx={reply.pageContext()} call={call} members={network} partners={partners} />);
    },
  );

  // My applications ----------------------------------------------------------------------------

  app.get('/soknader', { config: { access: CASE_WORKER } }, async (request, reply) => {
    const mine = caseWorkerMunicipalities(request.principal);
    const summaries = await listApplicationsOf(
      db,
      mine.map((m) => m.code),
    );
    const calls = new Map<string, StoredCall | undefined>();
    for (const s of summaries) if (!calls.has(s.callId)) calls.set(s.callId, await findCall(db, s.callId));
    const ctx = reply.pageContext();
    const rows: SummaryRow[] = [];
    for (const s of summaries) {
      const call = calls.get(s.callId);
      if (!call) continue;
      // The deadline that applies to this network as the call stands, an exception included: the same as on the application's page.
      const { deadline } = await deadlineWithExtension(db, call, s);
      const decision = await app.slots.render('applications.decision-state', { ctx, applicationId: s.id });
      rows.push({
        ...s,
        deadline,
        decision,
        callTitle: call.content.title,
        callLanguage: call.content.language,
        zone: call.content.timeZone,
      });
    }
    return reply.html(<MyApplicationsPage ctx={ctx} rows={rows} hasMunicipality={mine.length > 0} />);
  });

  // Start ----------------------------------------------------------------------------------------

  async function openCall(id: string | undefined): Promise<StoredCall> {
    if (!id || !isUuid(id)) throw new HttpProblem(400, 'call missing');
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

  app.get(
    '/soknader/ny',
    {
      config: { access: CASE_WORKER },
      schema: {
        querystring: {
          type: 'object',
          properties: { call: { type: 'string', pattern: UUID_PATTERN }, lang: { type: 'string' } },
          required: ['call'],
        },
      },
    },
    async (request, reply) => {
      const call = await openCall((request.query as { call: string }).call);
      return reply.html(
        <StartPage
          ctx={reply.pageContext()}
          call={call}
          municipalities={await eligibleMunicipalities(request, call)}
          values={{ email: (await findUserEmail(db, request.principal!.userId)) ?? '' }}
          problems={[]}
        />,
      );
    },
  );

  app.post('/soknader', { config: { access: CASE_WORKER } }, async (request, reply) => {
    const values = formFields(request.body);
    const call = await openCall(typeof values.call === 'string' ? values.call : undefined);
    const municipalities = await eligibleMunicipalities(request, call);
    const municipality = municipalities.find((m) => m.code === values.municipality);
    const email = typeof values.email === 'string' ? values.email.trim() : '';
    const problems: FieldError[] = [];
    if (!municipality) problems.push({ field: 'municipality', message: request.t('applications.start.noMunicipality') });
    if (email === '') problems.push({ field: 'email', message: request.t('applications.start.emailRequired') });
    else if (!isEmail(email)) problems.push({ field: 'email', message: request.t('applications.problem.badEmail') });
    const render = (status: number, list: FieldError[]) => {
      reply.code(status);
      return reply.html(
        <StartPage
          ctx={reply.pageContext()}
          call={call}
          municipalities={municipalities}
          values={{ municipality: String(values.municipality ?? ''), email }}
          problems={list}
        />,
      );
    };
    if (problems.length > 0 || !municipality) return render(400, problems);
    const id = await startApplication(
      db,
      call,
      { code: municipality.code, name: municipality.name, contactEmail: email },
      actorOf(request),
    );
    if (isRefused(id)) {
      const explained = explainProblem(reply.pageContext(), id.problem);
      return render(explained.status, [{ field: explained.field ?? 'municipality', message: explained.message }]);
    }
    return reply.redirect(`/soknader/${id}?lang=${request.locale}`, 303);
  });

  // The application ------------------------------------------------------------------------------

  /** The application and the person's municipality in it; 404 for anyone outside the network. */
  async function accessible(
    request: FastifyRequest,
  ): Promise<{ application: StoredApplication; call: StoredCall; mine: StoredMember; extension: DeadlineExtension | undefined }> {
    const { id } = request.params as { id: string };
    const application = await findApplication(db, id);
    if (!application) throw notFound();
    const codes = new Set(caseWorkerMunicipalities(request.principal).map((m) => m.code));
    const mine = application.members.find((m) => codes.has(m.code) && invitationWorkflow.isIn('involved', m.invitation));
    if (!mine) throw notFound();
    const call = await findCall(db, application.callId);
    if (!call || call.status === 'draft') throw notFound();
    const { deadline, extension } = await deadlineWithExtension(db, call, application);
    const inForce = extension && extensionState(extension, new Date()) !== 'expired' ? extension : undefined;
    return { application: { ...application, deadline }, call, mine, extension: inForce };
  }

  /** The lead's own application; 403 for a co-applicant. */
  async function leadsOwn(request: FastifyRequest) {
    const found = await accessible(request);
    if (found.mine.role !== 'lead') throw new HttpProblem(403);
    return found;
  }

  async function render(request: FastifyRequest, reply: FastifyReply, status: number, extra: Partial<ApplicationView> = {}) {
    const { application, call, mine, extension } = await accessible(request);
    const form = formOf(call);
    const rules = call.status === 'draft' ? [] : call.snapshot.rules;
    const accepted = activeMembers(application.members);
    const registry = await registryFacts(
      db,
      application.country,
      accepted.map((m) => m.code),
    );
    const editable = isEditable(application, application.deadline, new Date());
    const networkRule = rules.some((r) => r.kind === 'network-population' || (r.kind === 'network-size' && r.maxMembers > 1));
    const search = {
      country: application.country,
      rules,
      form,
      leadCode: application.leadCode,
      members: application.members,
      answers: application.answers,
    };
    const partners =
      mine.role === 'lead' && editable && networkRule
        ? await withNotes(request.t, application.leadCode, await orWithout(request, (p) => findPartners(db, p, search)))
        : undefined;
    const ctx = reply.pageContext();
    const view: ApplicationView = {
      extension,
      partners,
      challenges: await orWithout(request, (p) => projectedChallenges(p, form, application.country, accepted)),
      application,
      call,
      mine,
      editable,
      eligibility: applicationEligibility(application, {
        form,
        rules,
        registry,
        deadline: application.deadline,
        timeZone: call.content.timeZone,
      }),
      submissions: await listSubmissions(db, application.id),
      applicantDecision: await app.slots.render('applications.applicant-decision', { ctx, applicationId: application.id }),
      sessionSeconds: app.config.sessionMaxAgeHours * 3600,
      ...extra,
    };
    reply.code(status);
    return reply.html(<ApplicationPage ctx={ctx} view={view} />);
  }

  /** Answers a refusal from the problem table: the application page with the problem on its field, or the conflict with what changed. */
  async function refused(
    request: FastifyRequest,
    reply: FastifyReply,
    problem: ApplicationProblem,
    values?: ApplicationView['values'],
  ): Promise<unknown> {
    const ctx = reply.pageContext();
    const explained = explainProblem(ctx, problem);
    if (explained.status === 404) throw notFound();
    const typed = values ? { values } : {};
    if (problem.kind === 'versionConflict')
      return render(request, reply, explained.status, { ...typed, formVersion: problem.currentVersion, conflict: explained.message });
    const errors =
      problem.kind === 'submissionBlocked'
        ? problem.blockers.map((blocker) => blockerError(ctx, blocker, problem.timeZone))
        : [{ field: explained.field ?? 'status', message: explained.message }];
    return render(request, reply, explained.status, { ...typed, errors });
  }

  const NOTICES = {
    invited: 'applications.invitation.invitedDone',
    released: 'applications.invitation.withdrawDone',
    removed: 'applications.invitation.removeDone',
    decision: 'applications.decision.saved',
    uploaded: 'applications.attachments.saved',
    withdrawn: 'applications.withdraw.done',
  } as const;

  app.get('/soknader/:id', { config: { access: CASE_WORKER }, schema: { params: applicationParams } }, async (request, reply) => {
    const query = request.query as { saved?: string; notice?: string; member?: string };
    const { application, call } = await accessible(request);
    const extra: Partial<ApplicationView> = {};
    if (query.saved) {
      const form = formOf(call);
      extra.notice = request.t('applications.page.saved', { version: application.version });
      extra.warnings = validateAnswers(form, application.answers, 'draft').warnings.map((issue) =>
        issueError(reply.pageContext(), partLabel(form, issue.part), issue),
      );
    }
    const member = application.members.find((m) => m.code === query.member)?.name ?? '';
    if (query.notice && Object.hasOwn(NOTICES, query.notice))
      extra.notice = request.t(NOTICES[query.notice as keyof typeof NOTICES], { member });
    return render(request, reply, 200, extra);
  });

  app.post('/soknader/:id', { config: { access: CASE_WORKER }, schema: { params: applicationParams } }, async (request, reply) => {
    const { application, call } = await leadsOwn(request);
    const version = formVersion(request.body);
    const form = formOf(call);
    const { answers, problems } = answersFromPost(form, formFields(request.body), application.answers);
    if (request.headers['x-autosave'] === '1') {
      // The script's save: the same checks, answered in JSON; a conflict stops autosaving.
      if (problems.length > 0) return reply.code(400).send({ problems });
      const saved = await saveAnswers(db, application.id, version, answers, actorOf(request));
      if (isRefused(saved)) {
        const { problem } = saved;
        const { status } = explainProblem(reply.pageContext(), problem);
        return reply
          .code(status)
          .send(
            problem.kind === 'versionConflict'
              ? { conflict: true, version: problem.currentVersion }
              : problem.kind === 'readOnly'
                ? { readOnly: true }
                : { problem: problem.kind },
          );
      }
      const time = new Intl.DateTimeFormat(intlTag(request.locale), { timeStyle: 'short', timeZone: call.content.timeZone }).format(
        new Date(),
      );
      return reply.send({ version: saved, time, warnings: validateAnswers(form, answers, 'draft').warnings.length });
    }
    if (problems.length > 0) {
      return render(request, reply, 400, {
        values: { ...answers, ...Object.fromEntries(problems.map((p) => [p.part, ''])) },
        formVersion: version,
        errors: problems.map((p) => ({
          field: p.part,
          message: `${partLabel(form, p.part)}: ${request.t(`applications.problem.${p.code}`)}`,
        })),
      });
    }
    const saved = await saveAnswers(db, application.id, version, answers, actorOf(request));
    if (isRefused(saved)) return refused(request, reply, saved.problem, answers);
    return reply.redirect(`/soknader/${application.id}?lang=${request.locale}&saved=1#warnings`, 303);
  });

  app.post(
    '/soknader/:id/invitasjoner',
    { config: { access: CASE_WORKER }, schema: { params: applicationParams } },
    async (request, reply) => {
      const { application, call } = await leadsOwn(request);
      const text = (formField(request.body, 'municipality') ?? '').trim().slice(0, 100);
      const matches = text ? await searchMunicipalities(db, text, call.programme.country, 20) : [];
      const found =
        matches.find((m) => m.code === text || m.names.some((n) => n.name.toLocaleLowerCase('nb') === text.toLocaleLowerCase('nb'))) ??
        (matches.length === 1 ? matches[0] : undefined);
      if (!found || found.validTo !== null) {
        return render(request, reply, 400, {
          errors: [{ field: 'municipality', message: request.t('applications.problem.unknownMunicipality', { name: text }) }],
        });
      }
      const size = (call.status === 'draft' ? [] : call.snapshot.rules).find((r) => r.kind === 'network-size');
      const invited = await inviteMunicipality(
        db,
        application.id,
        { code: found.code, name: found.name },
        size?.kind === 'network-size' ? size.maxMembers : undefined,
        actorOf(request),
        { jobs: app.jobs },
      );
      if (isRefused(invited)) return refused(request, reply, invited.problem);
      return reply.redirect(`/soknader/${application.id}?lang=${request.locale}&notice=invited&member=${found.code}`, 303);
    },
  );

  for (const [path, release, notice] of [
    ['trekk', withdrawInvitation, 'released'],
    ['fjern', removeMember, 'removed'],
  ] as const) {
    app.post(
      `/soknader/:id/medlemmer/:code/${path}`,
      { config: { access: CASE_WORKER }, schema: { params: memberParams } },
      async (request, reply) => {
        const { application } = await leadsOwn(request);
        const { code } = request.params as { code: string };
        const released = await release(db, application.id, code, actorOf(request), { jobs: app.jobs });
        if (isRefused(released)) return refused(request, reply, released.problem);
        return reply.redirect(`/soknader/${application.id}?lang=${request.locale}&notice=${notice}&member=${code}#members`, 303);
      },
    );
  }

  app.post('/soknader/:id/svar', { config: { access: CASE_WORKER }, schema: { params: applicationParams } }, async (request, reply) => {
    const { application, mine } = await accessible(request);
    const answer = formField(request.body, 'answer');
    if (answer !== 'accepted' && answer !== 'declined') throw new HttpProblem(400, 'answer missing');
    const email = (formField(request.body, `email-${application.id}`) ?? formField(request.body, 'email') ?? '').trim();
    if (email !== '' && !isEmail(email)) {
      reply.code(400);
      return reply.html(
        <MyApplicationsPage
          ctx={reply.pageContext()}
          rows={[]}
          hasMunicipality
          problems={[{ field: `email-${application.id}`, message: request.t('applications.problem.badEmail') }]}
        />,
      );
    }
    const responded = await respondToInvitation(db, application.id, mine.code, answer, email || null, actorOf(request), {
      jobs: app.jobs,
    });
    if (isRefused(responded)) return refused(request, reply, responded.problem);
    return reply.redirect(
      answer === 'accepted' ? `/soknader/${application.id}?lang=${request.locale}` : `/soknader?lang=${request.locale}`,
      303,
    );
  });

  app.post('/soknader/:id/vedtak', { config: { access: CASE_WORKER }, schema: { params: applicationParams } }, async (request, reply) => {
    const { application, mine } = await accessible(request);
    const body = formField(request.body, 'decisionBody') ?? '';
    const date = calendarDate(formField(request.body, 'decisionDate') ?? '');
    const file = await formFile(request.body, 'decisionFile');
    const errors: FieldError[] = [];
    if (!isDecisionBody(body)) errors.push({ field: 'decisionBody', message: request.t('applications.problem.network.badBody') });
    if (!date) errors.push({ field: 'decisionDate', message: request.t('applications.problem.network.badDate') });
    if (!file) errors.push({ field: 'decisionFile', message: request.t('applications.problem.noFile') });
    else if (!typeAllowed(file, ['application/pdf']))
      errors.push({
        field: 'decisionFile',
        message: request.t('applications.problem.fileType', { name: file.name, allowed: fileTypesText(['application/pdf']) }),
      });
    else if (file.content.length > DECISION_MAX_BYTES)
      errors.push({
        field: 'decisionFile',
        message: request.t('applications.problem.fileSize', { name: file.name, max: formatBytes(request.locale, DECISION_MAX_BYTES) }),
      });
    if (errors.length > 0 || !file || !date)
      return render(request, reply, file && file.content.length > DECISION_MAX_BYTES ? 413 : 400, { errors });
    const attached = await attachMemberDecision(db, application.id, mine.code, { body, date }, file, actorOf(request));
    if (isRefused(attached)) return refused(request, reply, attached.problem);
    return reply.redirect(`/soknader/${application.id}?lang=${request.locale}&notice=decision`, 303);
  });

  app.post('/soknader/:id/vedlegg', { config: { access: CASE_WORKER }, schema: { params: applicationParams } }, async (request, reply) => {
    const { application, call } = await leadsOwn(request);
    const version = formVersion(request.body);
    const partKey = formField(request.body, 'part') ?? '';
    const part = formOf(call)
      .sections.flatMap((s) => s.parts)
      .find((p) => p.key === partKey);
    if (part?.kind !== 'attachment')
      return render(request, reply, 400, { errors: [{ field: 'attachments', message: request.t('applications.problem.unknownPart') }] });
    const file = await formFile(request.body, 'file');
    const fieldId = `file-${part.key}`;
    if (!file) return render(request, reply, 400, { errors: [{ field: fieldId, message: request.t('applications.problem.noFile') }] });
    if (!typeAllowed(file, part.allowedTypes))
      return render(request, reply, 415, {
        errors: [
          {
            field: fieldId,
            message: request.t('applications.problem.fileType', { name: file.name, allowed: fileTypesText(part.allowedTypes) }),
          },
        ],
      });
    if (file.content.length > part.maxBytes)
      return render(request, reply, 413, {
        errors: [
          {
            field: fieldId,
            message: request.t('applications.problem.fileSize', { name: file.name, max: formatBytes(request.locale, part.maxBytes) }),
          },
        ],
      });
    const added = await addAttachment(db, application.id, version, part.key, file, actorOf(request));
    if (isRefused(added)) return refused(request, reply, added.problem);
    return reply.redirect(`/soknader/${application.id}?lang=${request.locale}&notice=uploaded`, 303);
  });

  app.post('/soknader/:id/send', { config: { access: CASE_WORKER }, schema: { params: applicationParams } }, async (request, reply) => {
    const { application, call } = await leadsOwn(request);
    const version = formVersion(request.body);
    const accepted = activeMembers(application.members);
    const challenges = await orWithout(request, (p) => projectedChallenges(p, formOf(call), application.country, accepted));
    const submitted = await submitApplication(db, application.id, version, actorOf(request), {
      jobs: app.jobs,
      snapshot: { memberCodes: accepted.map((m) => m.code), challenges },
    });
    if (isRefused(submitted)) return refused(request, reply, submitted.problem);
    return reply.redirect(`/soknader/${application.id}/kvittering/${submitted.number}?lang=${request.locale}`, 303);
  });

  app.post('/soknader/:id/trekk', { config: { access: CASE_WORKER }, schema: { params: applicationParams } }, async (request, reply) => {
    const { application } = await leadsOwn(request);
    const version = formVersion(request.body);
    const reason = (formField(request.body, 'reason') ?? '').trim().slice(0, 2000);
    const withdrawn = await withdrawApplication(db, application.id, version, reason || null, actorOf(request));
    if (isRefused(withdrawn)) return refused(request, reply, withdrawn.problem);
    return reply.redirect(`/soknader/${application.id}?lang=${request.locale}&notice=withdrawn`, 303);
  });

  app.get(
    '/soknader/:id/kvittering/:number',
    { config: { access: CASE_WORKER }, schema: { params: receiptParams } },
    async (request, reply) => {
      const { application, call } = await accessible(request);
      const { number } = request.params as { number: number };
      const submission = (await listSubmissions(db, application.id)).find((s) => s.number === number);
      if (!submission) throw notFound();
      return reply.html(
        <ReceiptPage
          ctx={reply.pageContext()}
          application={application}
          call={call}
          submission={submission}
          challenges={await submittedChallenges(db, submission.id)}
        />,
      );
    },
  );

  app.get('/soknader/:id/filer/:fileId', { config: { access: CASE_WORKER }, schema: { params: fileParams } }, async (request, reply) => {
    const { application } = await accessible(request);
    const { fileId } = request.params as { fileId: string };
    const file = (await applicationFile(db, application.id, fileId)) ? await findFile(db, fileId) : undefined;
    if (!file) throw notFound();
    return reply.download(file);
  });
}
