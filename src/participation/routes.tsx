/** Citizens' initiatives over HTTP: parse, authorise, call, render. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access, type Principal } from '../platform/auth/model.js';
import { databaseNow } from '../platform/db/kit.js';
import { formatBytes } from '../platform/i18n/index.js';
import { actorOf, formField, formFile, formVersion, idParams } from '../platform/http/input.js';
import { findFile } from '../platform/files/store.js';
import { HttpProblem, notFound } from '../platform/http/problems.js';
import { isRefused, type Refused } from '../platform/outcome.js';
import type { FieldError } from '../platform/ui/components.js';
import { renderArchivalPdf } from '../platform/pdf/document.js';
import { addressFingerprint } from './ideas.model.js';
import { ideaRoutes } from './ideas.routes.js';
import {
  caseWorkerAreas,
  draftProblems,
  fileProblem,
  INITIATIVE_FILE_LIMITS,
  isRefusalReason,
  signersCsv,
  treatmentProblems,
  type Threshold,
} from './model.js';
import { InitiativeList, InitiativePage, initiativePath, NewInitiativePage, type Offer } from './pages/initiative.js';
import { areaKey, OVERVIEW, OverviewPage } from './pages/overview.js';
import { LOCAL_RULE_PATH, localRuleRoutes } from './local-rule.routes.js';
import { explainProblem } from './problems.js';
import { receiverWords } from './receiver.js';
import {
  findInitiative,
  hasSigned,
  listCoInitiators,
  listInitiativeFiles,
  listInitiatives,
  listSigners,
  lookAlikes,
  publicSignerNames,
  userEmail,
} from './store.js';
import { draftingOpen, findCountyArea, findMunicipalityArea, homeAreas, listAreas, thresholdFor, type Area } from './thresholds.js';
import {
  attachFile,
  confirmCoInitiation,
  draftInitiative,
  forgetClosedSigners,
  handInInitiative,
  hideInitiative,
  localRuleMunicipality,
  moderates,
  publishInitiative,
  recordTreatment,
  refuseInitiative,
  remindOfCouncilDeadlines,
  removeFile,
  reviseDraft,
  signInitiative,
  submitInitiative,
  withdrawMySignature,
  type ParticipationProblem,
} from './use-cases.js';
import { initiativeWorkflow } from './workflows.js';

const MUNICIPALITY_CODE = '^[0-9]{3,4}$';
const COUNTY_CODE = '^[0-9]{2}$';
const AREA_KEY = /^(kommune|fylke)-([0-9]{2,4})$/;
const formBody = { type: 'object', additionalProperties: { type: 'string', maxLength: 20_000 } };
const byId = idParams('id');
const CITIZEN = access.roles('citizen');
const NOTICES = {
  saved: 'participation.detail.saved',
  signed: 'participation.detail.signed',
  withdrawn: 'participation.detail.withdrawn',
  confirmed: 'participation.detail.confirmedNotice',
  submitted: 'participation.detail.submitted',
  published: 'participation.moderate.published',
  refused: 'participation.moderate.refused',
  handedIn: 'participation.handIn.done',
  treated: 'participation.treatment.done',
  hidden: 'participation.moderate.hidden',
  fileAdded: 'participation.files.added',
  fileRemoved: 'participation.files.removed',
} as const;
type NoticeKey = keyof typeof NOTICES;
const isNoticeKey = (value: unknown): value is NoticeKey => typeof value === 'string' && value in NOTICES;
/** Today in Norway, as the council's deadline counts it. */
const osloDay = (instant: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(instant);

/** The threshold as the API answers it: the figure, the population and year it used, and the rule with its source. */
export function thresholdJson(threshold: Threshold) {
  const { rule } = threshold;
  return {
    country: threshold.country,
    kind: threshold.kind,
    code: threshold.code,
    name: threshold.name,
    statutory: rule.statutory,
    threshold: threshold.signatures,
    capped: threshold.capped,
    population: threshold.population,
    decisionMonths: threshold.decisionMonths,
    rule: rule.statutory
      ? { source: rule.source, share: rule.share, cap: rule.cap, decisionMonths: rule.decisionMonths }
      : rule.local
        ? {
            source: rule.source,
            municipalityOwn: true,
            signatures: rule.local.signatures,
            decisionMonths: rule.local.decisionMonths,
            note: 'Danish law gives residents no right to put a proposal to the council; this is the municipality’s own decision, not kommunestyrelsesloven.',
          }
        : {
            source: rule.source,
            note: 'Danish law gives residents no right to put a proposal to the municipal council, and this municipality has not switched citizens’ proposals on.',
          },
  };
}

export async function participationRoutes(app: FastifyInstance) {
  const db = app.database.db;

  const areaOf = async (key: string): Promise<Area | undefined> => {
    const match = AREA_KEY.exec(key);
    if (!match) return undefined;
    return match[1] === 'fylke' ? findCountyArea(db, match[2]!) : findMunicipalityArea(db, match[2]!);
  };

  /** The area a visitor looks at: the one they chose, or a signed-in citizen's home municipality. */
  const chosenArea = async (request: FastifyRequest): Promise<{ key: string; area: Area | undefined }> => {
    const asked = (request.query as { omrade?: string }).omrade;
    if (asked !== undefined && asked !== '') return { key: asked, area: await areaOf(asked) };
    const home = request.principal?.homeMunicipalityCode;
    if (!home) return { key: '', area: undefined };
    const area = await findMunicipalityArea(db, home);
    return { key: area ? areaKey(area) : '', area };
  };

  const homeOpen = async (code: string | null) => {
    const area = code ? await findMunicipalityArea(db, code) : undefined;
    return area !== undefined && (await draftingOpen(db, area));
  };

  app.get(
    '/innbyggerforslag',
    {
      config: { access: access.public },
      schema: { querystring: { type: 'object', properties: { omrade: { type: 'string', maxLength: 40 } } } },
    },
    async (request, reply) => {
      const { key, area } = await chosenArea(request);
      const unknown = key !== '' && area === undefined;
      if (unknown) reply.code(404);
      const ctx = reply.pageContext();
      const principal = request.principal;
      const published = await listInitiatives(db, {
        states: ['published', 'handed_in', 'treated'],
        ...(area ? { areas: [{ scope: area.kind, code: area.code }] } : {}),
      });
      const mine = principal
        ? await listInitiatives(db, {
            states: initiativeWorkflow.states,
            initiatorOrCoInitiator: { userId: principal.userId, email: await userEmail(db, principal.userId) },
          })
        : [];
      const moderated = principal ? caseWorkerAreas(principal.memberships) : [];
      const toModerate = moderated.length > 0 ? await listInitiatives(db, { states: ['submitted'], areas: moderated }) : [];
      const t = ctx.t;
      return reply.html(
        <OverviewPage
          ctx={ctx}
          areas={await listAreas(db)}
          chosen={area ? key : ''}
          threshold={area ? await thresholdFor(db, area) : undefined}
          unknown={unknown}
        >
          {principal?.roles.has('citizen') && (await homeOpen(principal.homeMunicipalityCode)) ? (
            <p class="ds-paragraph">
              <a class="ds-button" href={`${OVERVIEW}/nytt?lang=${ctx.locale}`} safe>
                {t('participation.new.link')}
              </a>
            </p>
          ) : (
            ''
          )}
          {principal && (await localRuleMunicipality(db, principal)) ? (
            <p class="ds-paragraph">
              <a class="ds-link" href={`${LOCAL_RULE_PATH}?lang=${ctx.locale}`} safe>
                {t('participation.local.link')}
              </a>
            </p>
          ) : (
            ''
          )}
          {toModerate.length > 0 ? (
            <InitiativeList ctx={ctx} id="to-moderate" title={t('participation.list.moderate')} initiatives={toModerate} />
          ) : (
            ''
          )}
          {mine.length > 0 ? <InitiativeList ctx={ctx} id="mine" title={t('participation.list.mine')} initiatives={mine} /> : ''}
          <InitiativeList ctx={ctx} id="published" title={t('participation.list.title')} initiatives={published} />
        </OverviewPage>,
      );
    },
  );

  app.get(
    '/api/v1/initiatives/threshold',
    {
      config: { access: access.public },
      schema: {
        tags: ['participation'],
        summary:
          'The signatures a citizens’ initiative needs (kommuneloven § 12-1: 2 % of the residents rounded up, at most 300 in a municipality or 500 in a county), with the population and year it was computed from; a Danish municipality has none (null) unless it has switched citizens’ proposals on with its own threshold (rule.municipalityOwn)',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            municipality: {
              type: 'string',
              pattern: MUNICIPALITY_CODE,
              description: 'A municipality number: four digits in Norway, three in Denmark',
            },
            county: { type: 'string', pattern: COUNTY_CODE, description: 'A Norwegian county number (two digits)' },
          },
        },
      },
    },
    async (request, reply) => {
      const { municipality, county } = request.query as { municipality?: string; county?: string };
      if ((municipality === undefined) === (county === undefined)) throw new HttpProblem(400, 'one area', 'participation.api.oneArea');
      const area = municipality !== undefined ? await findMunicipalityArea(db, municipality) : await findCountyArea(db, county!);
      if (!area) throw notFound();
      return reply.type('application/json; charset=utf-8').send(thresholdJson(await thresholdFor(db, area)));
    },
  );

  registerInitiativeRoutes(app);
  localRuleRoutes(app);
  await ideaRoutes(app);
}

function registerInitiativeRoutes(app: FastifyInstance) {
  const db = app.database.db;

  // Reminders to the municipality a month and a week before the council's deadline (each made once) and the privacy job: the sweep runs when ready and every hour.
  const remind = async () => {
    try {
      const made = await remindOfCouncilDeadlines(db, app.jobs, osloDay(await databaseNow(db)));
      if (made > 0) app.log.info({ made }, 'initiative deadline reminders');
      const forgotten = await forgetClosedSigners(db);
      if (forgotten > 0) app.log.info({ forgotten }, 'signer identities removed six months after closing');
    } catch (err) {
      app.log.error({ err }, 'initiative deadline reminders failed');
    }
  };
  const sweep = setInterval(remind, 60 * 60 * 1000).unref();
  app.addHook('onReady', remind);
  app.addHook('onClose', async () => clearInterval(sweep));

  /** The initiative if the visitor may see it: anyone once published; before that its initiator, co-initiators and moderators. */
  async function visible(request: FastifyRequest) {
    const initiative = await findInitiative(db, (request.params as { id: string }).id);
    if (!initiative) throw notFound();
    const principal = request.principal;
    if (initiativeWorkflow.isIn('public', initiative.state)) return initiative;
    if (!principal) throw notFound();
    if (initiative.initiatorId === principal.userId || moderates(principal, initiative)) return initiative;
    const email = (await userEmail(db, principal.userId))?.toLowerCase();
    if (email && (await listCoInitiators(db, initiative.id)).some((c) => c.email === email)) return initiative;
    throw notFound();
  }

  async function renderInitiative(request: FastifyRequest, reply: FastifyReply, status: number, errors: FieldError[] = []) {
    const initiative = await visible(request);
    const principal = request.principal;
    const coInitiators = await listCoInitiators(db, initiative.id);
    const email = principal ? (await userEmail(db, principal.userId))?.toLowerCase() : undefined;
    const signable = initiativeWorkflow.isIn('signable', initiative.state);
    const signed = principal && signable ? await hasSigned(db, initiative.id, principal.userId) : false;
    const isInitiator = principal?.userId === initiative.initiatorId;
    const moderator = principal ? moderates(principal, initiative) && initiative.state === 'submitted' : false;
    const offer: Offer = {
      sign: signable && principal?.roles.has('citizen') === true && !signed,
      withdrawSignature: signed,
      signIn: signable && !principal,
      confirm: initiative.state === 'draft' && coInitiators.some((c) => c.email === email && !c.confirmed),
      submit: isInitiator && initiativeWorkflow.can(initiative.state, 'submit'),
      edit: isInitiator && initiativeWorkflow.isIn('editable', initiative.state),
      moderate: moderator,
      treat: principal ? moderates(principal, initiative) && initiative.state === 'handed_in' : false,
      hide: principal ? moderates(principal, initiative) && initiativeWorkflow.can(initiative.state, 'hide') : false,
      downloads: principal
        ? moderates(principal, initiative) && (initiative.state === 'handed_in' || initiative.state === 'treated')
        : false,
      handIn: isInitiator && signable && initiative.signatures >= (initiative.threshold ?? 0),
      attach: isInitiator && initiativeWorkflow.isIn('editable', initiative.state),
    };
    const query = request.query as { done?: string };
    reply.code(status);
    return reply.html(
      <InitiativePage
        ctx={reply.pageContext()}
        initiative={initiative}
        coInitiators={coInitiators}
        signerNames={initiativeWorkflow.isIn('public', initiative.state) ? await publicSignerNames(db, initiative.id) : []}
        lookAlikes={moderator ? await lookAlikes(db, initiative) : []}
        offer={offer}
        notice={isNoticeKey(query.done) ? request.t(NOTICES[query.done]) : undefined}
        errors={errors}
        today={osloDay(await databaseNow(db))}
        files={await listInitiativeFiles(db, initiative.id)}
      />,
    );
  }

  /** A use case's outcome: back to the page with a notice, or the page again with the refusal at its place and status. */
  async function answer(request: FastifyRequest, reply: FastifyReply, outcome: unknown | Refused<ParticipationProblem>, done: NoticeKey) {
    const id = (request.params as { id: string }).id;
    if (isRefused(outcome)) {
      const explained = explainProblem(reply.pageContext(), outcome.problem as ParticipationProblem);
      if (explained.status === 404) throw notFound();
      return renderInitiative(request, reply, explained.status, [{ field: explained.field ?? 'actions', message: explained.message }]);
    }
    return reply.redirect(`${initiativePath(id)}?lang=${request.locale}&done=${done}`, 303);
  }

  const person = (request: FastifyRequest): Principal => request.principal!;

  /** A resident with a known home municipality, where drafting is open: a Danish one plainly told when it is not switched on. */
  const mayDraft = async (request: FastifyRequest, home: { municipality?: Area }) => {
    if (!home.municipality) throw new HttpProblem(409, 'not resident', 'participation.new.notResident');
    if (!(await draftingOpen(db, home.municipality)))
      throw new HttpProblem(409, 'not switched on', undefined, request.t('participation.local.off', { name: home.municipality.name }));
  };

  app.get(`${OVERVIEW}/nytt`, { config: { access: CITIZEN } }, async (request, reply) => {
    const home = await homeAreas(db, person(request).homeMunicipalityCode);
    await mayDraft(request, home);
    return reply.html(<NewInitiativePage ctx={reply.pageContext()} home={home} values={{}} errors={[]} />);
  });

  app.post(`${OVERVIEW}/nytt`, { config: { access: CITIZEN }, schema: { body: formBody } }, async (request, reply) => {
    const home = await homeAreas(db, person(request).homeMunicipalityCode);
    await mayDraft(request, home);
    const values = Object.fromEntries(
      ['scope', 'title', 'proposal', 'reason', 'coInitiators'].map((field) => [field, formField(request.body, field) ?? '']),
    ) as Record<'scope' | 'title' | 'proposal' | 'reason' | 'coInitiators', string>;
    const checked = draftProblems(values);
    const page = (errors: FieldError[], status = 400) => {
      reply.code(status);
      return reply.html(<NewInitiativePage ctx={reply.pageContext()} home={home} values={values} errors={errors} />);
    };
    if (Array.isArray(checked))
      return page(checked.map((p) => ({ field: p.field, message: request.t(`participation.problem.${p.code}`) })));
    const created = await draftInitiative(
      db,
      person(request),
      checked,
      actorOf(request),
      { jobs: app.jobs },
      addressFingerprint(request.ip),
    );
    if (isRefused(created)) {
      const explained = explainProblem(reply.pageContext(), created.problem);
      return page([{ field: explained.field ?? 'scope', message: explained.message }], explained.status);
    }
    return reply.redirect(`${initiativePath(created)}?lang=${request.locale}&done=saved`, 303);
  });

  app.get(`${OVERVIEW}/:id`, { config: { access: access.public }, schema: { params: byId } }, async (request, reply) =>
    renderInitiative(request, reply, 200),
  );

  /** The initiator's draft to change: the form filled in from it. */
  app.get(`${OVERVIEW}/:id/endre`, { config: { access: CITIZEN }, schema: { params: byId } }, async (request, reply) => {
    const initiative = await visible(request);
    if (initiative.initiatorId !== person(request).userId || !initiativeWorkflow.isIn('editable', initiative.state)) throw notFound();
    const values = {
      scope: initiative.scope,
      title: initiative.title,
      proposal: initiative.proposal,
      reason: initiative.reason,
      coInitiators: (await listCoInitiators(db, initiative.id)).map((c) => c.email).join('\n'),
    };
    const home = await homeAreas(db, person(request).homeMunicipalityCode);
    return reply.html(
      <NewInitiativePage
        ctx={reply.pageContext()}
        home={home}
        values={values}
        errors={[]}
        editing={{ id: initiative.id, version: initiative.version }}
      />,
    );
  });

  app.post(`${OVERVIEW}/:id/endre`, { config: { access: CITIZEN }, schema: { params: byId, body: formBody } }, async (request, reply) => {
    const id = (request.params as { id: string }).id;
    const version = formVersion(request.body);
    const values = Object.fromEntries(
      ['scope', 'title', 'proposal', 'reason', 'coInitiators'].map((field) => [field, formField(request.body, field) ?? '']),
    ) as Record<'scope' | 'title' | 'proposal' | 'reason' | 'coInitiators', string>;
    const checked = draftProblems(values);
    if (Array.isArray(checked)) {
      reply.code(400);
      return reply.html(
        <NewInitiativePage
          ctx={reply.pageContext()}
          home={await homeAreas(db, person(request).homeMunicipalityCode)}
          values={values}
          errors={checked.map((p) => ({ field: p.field, message: request.t(`participation.problem.${p.code}`) }))}
          editing={{ id, version }}
        />,
      );
    }
    return answer(
      request,
      reply,
      await reviseDraft(db, id, version, person(request), checked, actorOf(request), { jobs: app.jobs }),
      'saved',
    );
  });

  const post = (
    path: string,
    access_: typeof CITIZEN,
    handler: (request: FastifyRequest, reply: FastifyReply, id: string) => Promise<unknown>,
  ) =>
    app.post(`${OVERVIEW}/:id/${path}`, { config: { access: access_ }, schema: { params: byId, body: formBody } }, async (request, reply) =>
      handler(request, reply, (request.params as { id: string }).id),
    );

  post('signer', CITIZEN, async (request, reply, id) =>
    answer(
      request,
      reply,
      await signInitiative(
        db,
        id,
        { ...person(request), birthYear: request.session.birthYear ?? null },
        formField(request.body, 'showName') === 'yes',
      ),
      'signed',
    ),
  );
  post('trekk-underskrift', CITIZEN, async (request, reply, id) =>
    answer(request, reply, await withdrawMySignature(db, id, person(request)), 'withdrawn'),
  );
  post('bekreft', access.signedIn, async (request, reply, id) =>
    answer(request, reply, await confirmCoInitiation(db, id, person(request), actorOf(request)), 'confirmed'),
  );
  post('send', CITIZEN, async (request, reply, id) =>
    answer(request, reply, await submitInitiative(db, id, formVersion(request.body), person(request), actorOf(request)), 'submitted'),
  );
  post('publiser', access.roles('case_worker'), async (request, reply, id) =>
    answer(
      request,
      reply,
      await publishInitiative(db, id, formVersion(request.body), person(request), actorOf(request), { jobs: app.jobs }),
      'published',
    ),
  );
  post('avvis', access.roles('case_worker'), async (request, reply, id) => {
    const reason = formField(request.body, 'reason') ?? '';
    const note = (formField(request.body, 'note') ?? '').trim().slice(0, 2000);
    if (!isRefusalReason(reason))
      return renderInitiative(request, reply, 400, [{ field: 'reason', message: request.t('participation.problem.required') }]);
    return answer(
      request,
      reply,
      await refuseInitiative(db, id, formVersion(request.body), reason, note, person(request), actorOf(request), { jobs: app.jobs }),
      'refused',
    );
  });
  post('skjul', access.roles('case_worker'), async (request, reply, id) => {
    const reason = (formField(request.body, 'hideReason') ?? '').trim();
    if (reason === '' || reason.length > 2000)
      return renderInitiative(request, reply, 400, [
        { field: 'hideReason', message: request.t(reason === '' ? 'participation.problem.required' : 'participation.problem.tooLong') },
      ]);
    return answer(
      request,
      reply,
      await hideInitiative(db, id, formVersion(request.body), reason, person(request), actorOf(request), { jobs: app.jobs }),
      'hidden',
    );
  });
  post('lever', CITIZEN, async (request, reply, id) =>
    answer(
      request,
      reply,
      await handInInitiative(db, id, formVersion(request.body), person(request), actorOf(request), osloDay(await databaseNow(db))),
      'handedIn',
    ),
  );

  post('behandling', access.roles('case_worker'), async (request, reply, id) => {
    const values = Object.fromEntries(
      ['meetingDate', 'caseNumber', 'decision', 'minutesUrl'].map((field) => [field, formField(request.body, field) ?? '']),
    ) as Record<'meetingDate' | 'caseNumber' | 'decision' | 'minutesUrl', string>;
    const checked = treatmentProblems(values);
    if (Array.isArray(checked))
      return renderInitiative(
        request,
        reply,
        400,
        checked.map((p) => ({ field: p.field, message: request.t(`participation.problem.${p.code}`) })),
      );
    return answer(
      request,
      reply,
      await recordTreatment(db, id, formVersion(request.body), checked, person(request), actorOf(request), { jobs: app.jobs }),
      'treated',
    );
  });

  /** The initiator attaches a file to the draft (multipart): a type and size the page names, or a translated 415 / 413. */
  app.post(`${OVERVIEW}/:id/vedlegg`, { config: { access: CITIZEN }, schema: { params: byId } }, async (request, reply) => {
    const id = (request.params as { id: string }).id;
    const file = await formFile(request.body, 'file');
    const refused = (status: number, message: string) => renderInitiative(request, reply, status, [{ field: 'file', message }]);
    if (!file) return refused(400, request.t('participation.problem.noFile'));
    const problem = fileProblem(file);
    if (problem === 'fileType') return refused(415, request.t('participation.problem.fileType', { name: file.name }));
    if (problem === 'fileSize')
      return refused(
        413,
        request.t('participation.problem.fileSize', { name: file.name, size: formatBytes(request.locale, INITIATIVE_FILE_LIMITS.bytes) }),
      );
    return answer(
      request,
      reply,
      await attachFile(db, id, formVersion(request.body), file, person(request), actorOf(request)),
      'fileAdded',
    );
  });

  const fileParams = idParams('id', 'fileId');
  app.post(
    `${OVERVIEW}/:id/vedlegg/:fileId/fjern`,
    { config: { access: CITIZEN }, schema: { params: fileParams, body: formBody } },
    async (request, reply) => {
      const { id, fileId } = request.params as { id: string; fileId: string };
      return answer(
        request,
        reply,
        await removeFile(db, id, formVersion(request.body), fileId, person(request), actorOf(request)),
        'fileRemoved',
      );
    },
  );

  /** A file of an initiative, for anyone who may see the initiative. */
  app.get(
    `${OVERVIEW}/:id/vedlegg/:fileId`,
    { config: { access: access.public }, schema: { params: fileParams } },
    async (request, reply) => {
      const initiative = await visible(request);
      const { fileId } = request.params as { fileId: string };
      if (!(await listInitiativeFiles(db, initiative.id)).some((f) => f.fileId === fileId)) throw notFound();
      const file = await findFile(db, fileId);
      if (!file) throw notFound();
      return reply.download(file);
    },
  );

  /** The signers' list for the municipality's case workers once handed in: names, years of birth and dates, never an identity number. */
  async function signerList(request: FastifyRequest) {
    const initiative = await visible(request);
    if (!moderates(person(request), initiative) || (initiative.state !== 'handed_in' && initiative.state !== 'treated')) throw notFound();
    const rows = (await listSigners(db, initiative.id)).map((s) => ({
      name: s.name,
      birthYear: s.birthYear === null ? '' : String(s.birthYear),
      signedOn: osloDay(s.signedAt),
    }));
    return { initiative, rows };
  }

  app.get(
    `${OVERVIEW}/:id/underskrifter.csv`,
    { config: { access: access.roles('case_worker') }, schema: { params: byId } },
    async (request, reply) => {
      const { rows } = await signerList(request);
      const csv = signersCsv(rows, {
        name: request.t('participation.signers.name'),
        birthYear: request.t('participation.signers.birthYear'),
        signedOn: request.t('participation.signers.signedOn'),
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="underskrifter.csv"')
        .header('cache-control', 'private, no-store')
        .send(`\uFEFF${csv}`);
    },
  );

  app.get(
    `${OVERVIEW}/:id/underskrifter.pdf`,
    { config: { access: access.roles('case_worker') }, schema: { params: byId } },
    async (request, reply) => {
      const { initiative, rows } = await signerList(request);
      const title = `${request.t('participation.signers.title')}: ${initiative.title}`;
      const pdf = await renderArchivalPdf({
        language: request.locale === 'da' ? 'da-DK' : request.locale === 'en' ? 'en-GB' : request.locale === 'nn' ? 'nn-NO' : 'nb-NO',
        author: 'Stifinner',
        title,
        sections: [
          {
            heading: `${receiverWords(request.locale, initiative).receiver} · ${request.t('participation.detail.count', { count: rows.length })}`,
            paragraphs: [
              request.t('participation.signers.note'),
              ...(initiative.handedInAt && initiative.deadline
                ? [
                    request.t('participation.detail.deadline', {
                      ...receiverWords(request.locale, initiative),
                      handedIn: osloDay(initiative.handedInAt),
                      deadline: initiative.deadline,
                    }),
                  ]
                : []),
            ],
          },
          {
            heading: [
              request.t('participation.signers.name'),
              request.t('participation.signers.birthYear'),
              request.t('participation.signers.signedOn'),
            ].join(' – '),
            paragraphs: rows.map((r) => [r.name, r.birthYear, r.signedOn].filter((cell) => cell !== '').join(' – ')),
          },
        ],
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', 'attachment; filename="underskrifter.pdf"')
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );
}
