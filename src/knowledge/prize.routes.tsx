/**
 * The innovation prize over HTTP: the public prize page under each language's name, nominations
 * (signed in), the owner's page for a year (programme owners), and each juror's own work.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  explainAssessmentProblem,
  parseDeclaration,
  parseScoreSheet,
  SCORE_SCALE,
  type ReviewCriterion,
  type ScoreSheet,
} from '../assessment/index.js';
import { access } from '../platform/auth/model.js';
import { listRoleHolders } from '../platform/auth/store.js';
import { isUuid } from '../platform/db/kit.js';
import { actorOf, formField, formFieldAll, formVersion, isStorableText } from '../platform/http/input.js';
import { notFound } from '../platform/http/problems.js';
import { isRefused, type Refused } from '../platform/outcome.js';
import type { FieldError } from '../platform/ui/components.js';
import type { PageContext } from '../platform/ui/context.js';
import { translate } from '../platform/ui/translate.js';
import { hasControlCharacters, type Country } from './model.js';
import {
  AgreementPage,
  JuryAssignmentPage,
  JuryListPage,
  NominateProjectPage,
  PRIZE_PATHS,
  PrizeManagePage,
  PrizePage,
  type DeclarationValues,
  type JuryItem,
  type NominationValues,
} from './pages/prize.js';
import { averageScores, projectEnded, type PrizeProblem } from './prize.js';
import { findProjectFacts } from '../projects/index.js';
import {
  findNomination,
  findPrize,
  findPrizeAssignment,
  findPrizeById,
  listAssignmentsOfJuror,
  listAssignmentsOfPrize,
  listJurors,
  listNominations,
  listPrizes,
} from './prize.store.js';
import {
  agreeOnNomination,
  appointJuror,
  closeNominations,
  declareAsJuror,
  decidePrize,
  nominateCase,
  nominateProject,
  prizeCriteria,
  scoreNomination,
  settlePrize,
  type JuryProblem,
} from './prize.use-cases.js';
import { listCases } from './store.js';

const OWNER = access.roles('programme_owner');
const JUROR = access.roles('reviewer');
const MAX_TEXT = 10_000;

const yearParams = {
  type: 'object',
  properties: { country: { type: 'string', enum: ['no', 'dk'] }, year: { type: 'string', pattern: '^[0-9]{4}$' } },
  required: ['country', 'year'],
} as const;
const nominationParams = {
  type: 'object',
  properties: { ...yearParams.properties, nomination: { type: 'string', maxLength: 40 } },
  required: ['country', 'year', 'nomination'],
} as const;
const assignmentParams = {
  type: 'object',
  properties: { assignment: { type: 'string', maxLength: 40 } },
  required: ['assignment'],
} as const;

const PRIZE_FIELDS: Record<PrizeProblem['kind'], { status: 400 | 404 | 409; field: string }> = {
  prizeNotFound: { status: 404, field: 'case' },
  caseNotFound: { status: 400, field: 'case' },
  notOpen: { status: 409, field: 'case' },
  pastDeadline: { status: 409, field: 'case' },
  notPutToUse: { status: 400, field: 'case' },
  projectNotFound: { status: 404, field: 'reason' },
  notEnded: { status: 409, field: 'reason' },
  alreadyNominated: { status: 409, field: 'case' },
  reasonMissing: { status: 400, field: 'reason' },
  noNominations: { status: 409, field: 'close' },
  noJury: { status: 409, field: 'close' },
  notJuror: { status: 400, field: 'juror' },
  alreadyJuror: { status: 409, field: 'juror' },
  notAgreed: { status: 409, field: 'winner' },
  winnerMissing: { status: 400, field: 'winner' },
  statementMissing: { status: 400, field: 'statement' },
  wrongStage: { status: 409, field: 'close' },
};

/** A refusal as a status and a message on a field: the prize's own, or the assessment's for the jury's steps. */
function explain(ctx: PageContext, problem: JuryProblem): { status: number; error: FieldError } {
  if (problem.kind in PRIZE_FIELDS) {
    const { status, field } = PRIZE_FIELDS[problem.kind as PrizeProblem['kind']];
    return { status, error: { field, message: translate(ctx, `knowledge.prize.problem.${problem.kind as PrizeProblem['kind']}`) } };
  }
  const explained = explainAssessmentProblem(ctx, problem as Exclude<JuryProblem, PrizeProblem>);
  return { status: explained.status, error: { field: explained.field ?? 'error-summary', message: explained.message } };
}

/** The score sheet's bad input as messages on its fields. */
const sheetErrors = (
  ctx: PageContext,
  criteria: readonly ReviewCriterion[],
  problems: readonly { criterionKey: string; code: 'badScore' | 'tooLong' }[],
  textField: 'rationale' | 'reasoning',
): FieldError[] =>
  problems.map((p) => ({
    field: `${p.code === 'badScore' ? 'score' : textField}-${p.criterionKey}`,
    message: translate(ctx, `assessment.problem.${p.code}`, { title: criteria.find((c) => c.key === p.criterionKey)?.title ?? '' }),
  }));

const countryOf = (lower: string): Country => (lower === 'dk' ? 'DK' : 'NO');
const textOf = (body: unknown, name: string) => (formField(body, name) ?? '').trim();
const badText = (text: string) => text.length > MAX_TEXT || !isStorableText(text) || hasControlCharacters(text);

export async function prizeRoutes(app: FastifyInstance) {
  const db = app.database.db;

  async function renderPrizes(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    values: NominationValues,
    errors: FieldError[],
  ) {
    const prizes = await listPrizes(db);
    const years = await Promise.all(prizes.map(async (prize) => ({ prize, nominations: await listNominations(db, prize.id) })));
    const cases = (await listCases(db)).map((c) => ({ slug: c.slug, title: c.title })).sort((a, b) => a.title.localeCompare(b.title, 'nb'));
    const notice = (request.query as { done?: string }).done === 'nominated' ? request.t('knowledge.prize.nominated') : undefined;
    return reply
      .code(status)
      .html(
        <PrizePage
          ctx={reply.pageContext()}
          years={years}
          cases={cases}
          canManage={request.principal?.roles.has('programme_owner') ?? false}
          values={values}
          errors={errors}
          notice={notice}
        />,
      );
  }

  for (const path of new Set(Object.values(PRIZE_PATHS)))
    app.get(path, { config: { access: access.public } }, (request, reply) => renderPrizes(request, reply, 200, {}, []));

  app.post(
    '/innovasjonspris/:country/:year/nominer',
    { config: { access: access.signedIn }, schema: { params: yearParams } },
    async (request, reply) => {
      const { country, year } = request.params as { country: string; year: string };
      const values = {
        prize: `${countryOf(country)}-${year}`,
        case: textOf(request.body, 'case').slice(0, 100),
        reason: textOf(request.body, 'reason'),
      };
      const refuse = (status: number, error: FieldError) => renderPrizes(request, reply, status, values, [error]);
      if (badText(values.reason)) return refuse(400, { field: 'reason', message: request.t('knowledge.prize.problem.tooLong') });
      const outcome = await nominateCase(db, countryOf(country), Number(year), values.case, values.reason, actorOf(request));
      if (isRefused(outcome)) {
        const { status, error } = explain(reply.pageContext(), outcome.problem);
        return refuse(status, error);
      }
      return reply.redirect(`${PRIZE_PATHS[request.locale]}?lang=${request.locale}&done=nominated`, 303);
    },
  );

  // Nominating a project, from its public page ----------------------------------------------------------

  const projectParams = { type: 'object', properties: { projectId: { type: 'string', maxLength: 40 } }, required: ['projectId'] } as const;

  async function renderProjectNomination(
    reply: FastifyReply,
    status: number,
    projectId: string,
    values: NominationValues,
    errors: FieldError[],
  ) {
    const project = isUuid(projectId) ? await findProjectFacts(db, projectId) : undefined;
    if (!project) throw notFound();
    const prizes = (await listPrizes(db)).filter((p) => p.state === 'open' && p.country === project.country);
    return reply
      .code(status)
      .html(
        <NominateProjectPage
          ctx={reply.pageContext()}
          project={{ id: project.id, title: project.title, language: project.country === 'DK' ? 'da' : 'nb' }}
          eligible={projectEnded(project)}
          prizes={prizes}
          values={values}
          errors={errors}
        />,
      );
  }

  app.get(
    '/innovasjonspris/prosjekt/:projectId',
    { config: { access: access.signedIn }, schema: { params: projectParams } },
    async (request, reply) => renderProjectNomination(reply, 200, (request.params as { projectId: string }).projectId, {}, []),
  );

  app.post(
    '/innovasjonspris/:country/:year/nominer/prosjekt/:projectId',
    {
      config: { access: access.signedIn },
      schema: {
        params: {
          ...yearParams,
          properties: { ...yearParams.properties, ...projectParams.properties },
          required: ['country', 'year', 'projectId'],
        },
      },
    },
    async (request, reply) => {
      const { country, year, projectId } = request.params as { country: string; year: string; projectId: string };
      const values = { prize: `${countryOf(country)}-${year}`, reason: textOf(request.body, 'reason') };
      const refuse = (status: number, error: FieldError) => renderProjectNomination(reply, status, projectId, values, [error]);
      if (badText(values.reason)) return refuse(400, { field: 'reason', message: request.t('knowledge.prize.problem.tooLong') });
      const outcome = isUuid(projectId)
        ? await nominateProject(db, countryOf(country), Number(year), projectId, values.reason, actorOf(request))
        : undefined;
      if (outcome === undefined) throw notFound();
      if (isRefused(outcome)) {
        const { status, error } = explain(reply.pageContext(), outcome.problem);
        return refuse(status, error);
      }
      return reply.redirect(`${PRIZE_PATHS[request.locale]}?lang=${request.locale}&done=nominated`, 303);
    },
  );

  // The owner's page for one year ------------------------------------------------------------------

  async function ownersPrize(request: FastifyRequest) {
    const { country, year } = request.params as { country: string; year: string };
    const prize = await findPrize(db, countryOf(country), Number(year));
    if (!prize) throw notFound();
    return prize;
  }

  async function renderManage(request: FastifyRequest, reply: FastifyReply, status: number, errors: FieldError[]) {
    const prize = await ownersPrize(request);
    const criteria = prizeCriteria(prize);
    const assignments = await listAssignmentsOfPrize(db, prize.id);
    const nominations = await listNominations(db, prize.id);
    const averages = new Map<string, Record<string, number | null>>();
    for (const n of nominations) {
      const sheets = assignments.filter((a) => a.nominationId === n.id && a.state === 'submitted').map((a) => a.scores);
      if (sheets.length > 0)
        averages.set(
          n.id,
          averageScores(
            sheets,
            criteria.map((c) => c.key),
          ),
        );
    }
    const done = (request.query as { done?: string }).done;
    const notices = ['appointed', 'closed', 'agreed', 'decided', 'published', 'reconsidered'] as const;
    const notice = notices.find((n) => n === done);
    const jurors = await listJurors(db, prize.id);
    const candidates = (await listRoleHolders(db, { role: 'reviewer' })).filter((h) => !jurors.some((j) => j.userId === h.userId));
    return reply
      .code(status)
      .html(
        <PrizeManagePage
          ctx={reply.pageContext()}
          prize={prize}
          criteria={criteria}
          nominations={nominations}
          jurors={jurors}
          candidates={[...new Map(candidates.map((c) => [c.userId, c])).values()]}
          assignments={assignments}
          averages={averages}
          errors={errors}
          notice={notice ? request.t(`knowledge.prize.${notice}`) : undefined}
        />,
      );
  }

  const manageBase = (request: FastifyRequest) => {
    const { country, year } = request.params as { country: string; year: string };
    return `/innovasjonspris/${country}/${year}/forvaltning?lang=${request.locale}`;
  };

  /** Runs an owner's step: on refusal the page again with the message, else back to the page with a notice. */
  async function ownerStep(
    request: FastifyRequest,
    reply: FastifyReply,
    done: string,
    step: () => Promise<unknown | Refused<JuryProblem>>,
  ) {
    const outcome = await step();
    if (isRefused(outcome)) {
      const { status, error } = explain(reply.pageContext(), outcome.problem as JuryProblem);
      return renderManage(request, reply, status, [error]);
    }
    return reply.redirect(`${manageBase(request)}&done=${done}`, 303);
  }

  const ownerRoute = { config: { access: OWNER }, schema: { params: yearParams } };
  const key = (request: FastifyRequest) => {
    const { country, year } = request.params as { country: string; year: string };
    return [countryOf(country), Number(year)] as const;
  };

  app.get('/innovasjonspris/:country/:year/forvaltning', ownerRoute, (request, reply) => renderManage(request, reply, 200, []));

  app.post('/innovasjonspris/:country/:year/jury', ownerRoute, (request, reply) =>
    ownerStep(request, reply, 'appointed', async () => {
      const userId = textOf(request.body, 'juror');
      return appointJuror(db, ...key(request), isUuid(userId) ? userId : '00000000-0000-0000-0000-000000000000', actorOf(request));
    }),
  );

  app.post('/innovasjonspris/:country/:year/til-juryen', ownerRoute, (request, reply) =>
    ownerStep(request, reply, 'closed', () => closeNominations(db, ...key(request), formVersion(request.body), actorOf(request))),
  );

  app.post('/innovasjonspris/:country/:year/vedtak', ownerRoute, (request, reply) =>
    ownerStep(request, reply, 'decided', async () => {
      const statement = textOf(request.body, 'statement');
      if (badText(statement)) return { kind: 'statementMissing' } satisfies PrizeProblem;
      const ids = (value: string[]) => value.filter(isUuid).slice(0, 50);
      const decision = {
        winnerId: ids([textOf(request.body, 'winner')])[0] ?? '',
        mentionIds: ids(formFieldAll(request.body, 'mentions')),
        statement,
      };
      return decidePrize(db, ...key(request), formVersion(request.body), decision, actorOf(request));
    }),
  );

  app.post('/innovasjonspris/:country/:year/publiser', ownerRoute, (request, reply) =>
    ownerStep(request, reply, 'published', () => settlePrize(db, ...key(request), formVersion(request.body), 'publish', actorOf(request))),
  );

  app.post('/innovasjonspris/:country/:year/tilbake', ownerRoute, (request, reply) =>
    ownerStep(request, reply, 'reconsidered', () =>
      settlePrize(db, ...key(request), formVersion(request.body), 'reconsider', actorOf(request)),
    ),
  );

  // The jury's agreement on one nomination ----------------------------------------------------------

  async function agreementOf(request: FastifyRequest) {
    const prize = await ownersPrize(request);
    const id = (request.params as { nomination: string }).nomination;
    const nomination = isUuid(id) ? await findNomination(db, id) : undefined;
    if (!nomination || nomination.prizeId !== prize.id) throw notFound();
    return { prize, nomination, criteria: prizeCriteria(prize) };
  }

  const agreementRoute = { config: { access: OWNER }, schema: { params: nominationParams } };

  app.get('/innovasjonspris/:country/:year/enighet/:nomination', agreementRoute, async (request, reply) => {
    const { prize, nomination, criteria } = await agreementOf(request);
    const sheet: ScoreSheet = Object.fromEntries(
      Object.entries(nomination.agreedScores ?? {}).map(([k, v]) => [k, { score: v.score, rationale: v.reasoning }]),
    );
    return reply.html(
      <AgreementPage ctx={reply.pageContext()} prize={prize} nomination={nomination} criteria={criteria} sheet={sheet} errors={[]} />,
    );
  });

  app.post('/innovasjonspris/:country/:year/enighet/:nomination', agreementRoute, async (request, reply) => {
    const { prize, nomination, criteria } = await agreementOf(request);
    const { sheet, problems } = parseScoreSheet(criteria, SCORE_SCALE, (name) => formField(request.body, name), 'reasoning');
    const render = (status: number, errors: FieldError[]) =>
      reply
        .code(status)
        .html(
          <AgreementPage
            ctx={reply.pageContext()}
            prize={prize}
            nomination={nomination}
            criteria={criteria}
            sheet={sheet}
            errors={errors}
          />,
        );
    if (problems.length > 0) return render(400, sheetErrors(reply.pageContext(), criteria, problems, 'reasoning'));
    const outcome = await agreeOnNomination(db, nomination.id, sheet, actorOf(request));
    if (isRefused(outcome)) {
      const { status, error } = explain(reply.pageContext(), outcome.problem);
      return render(status, [error]);
    }
    return reply.redirect(`${manageBase(request)}&done=agreed`, 303);
  });

  // A juror's own work ----------------------------------------------------------------------------

  async function juryItem(assignmentId: string, userId: string | undefined): Promise<JuryItem | undefined> {
    const assignment = isUuid(assignmentId) ? await findPrizeAssignment(db, assignmentId) : undefined;
    if (!assignment || assignment.jurorUserId !== userId) return undefined;
    const nomination = (await findNomination(db, assignment.nominationId))!;
    const prize = (await findPrizeById(db, nomination.prizeId))!;
    return { assignment, nomination, prize };
  }

  app.get('/innovasjonspris/jury', { config: { access: JUROR } }, async (request, reply) => {
    const userId = request.principal!.userId;
    const items = (await Promise.all((await listAssignmentsOfJuror(db, userId)).map((a) => juryItem(a.id, userId)))).filter(
      (item): item is JuryItem => item !== undefined,
    );
    return reply.html(<JuryListPage ctx={reply.pageContext()} items={items} />);
  });

  async function renderAssignment(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    extra: { sheet?: ScoreSheet; declaration?: DeclarationValues; errors?: FieldError[]; notice?: string } = {},
  ) {
    const item = await juryItem((request.params as { assignment: string }).assignment, request.principal?.userId);
    if (!item) throw notFound();
    return reply
      .code(status)
      .html(
        <JuryAssignmentPage
          ctx={reply.pageContext()}
          item={item}
          criteria={prizeCriteria(item.prize)}
          sheet={extra.sheet ?? item.assignment.scores}
          declaration={extra.declaration ?? {}}
          errors={extra.errors ?? []}
          notice={extra.notice}
        />,
      );
  }

  const jurorRoute = { config: { access: JUROR }, schema: { params: assignmentParams } };

  app.get('/innovasjonspris/jury/:assignment', jurorRoute, (request, reply) => {
    const done = (request.query as { done?: string }).done;
    const notices = { declared: 'knowledge.prize.declared', submitted: 'knowledge.prize.submitted' } as const;
    const notice = done === 'declared' || done === 'submitted' ? request.t(notices[done]) : undefined;
    return renderAssignment(request, reply, 200, notice ? { notice } : {});
  });

  const backToAssignment = (request: FastifyRequest, done: string) =>
    `/innovasjonspris/jury/${(request.params as { assignment: string }).assignment}?lang=${request.locale}&done=${done}`;

  app.post('/innovasjonspris/jury/:assignment/erklaering', jurorRoute, async (request, reply) => {
    const declaration = {
      conflict: formField(request.body, 'conflict'),
      kind: formField(request.body, 'kind'),
      text: formField(request.body, 'text'),
    };
    const values = {
      conflict: declaration.conflict?.slice(0, 10),
      kind: declaration.kind?.slice(0, 40),
      text: declaration.text?.slice(0, MAX_TEXT),
    };
    const parsed = parseDeclaration(declaration);
    if (!parsed.ok)
      return renderAssignment(request, reply, 400, {
        declaration: values,
        errors: parsed.problems.map((p) => ({
          field: p === 'kind' ? 'kind' : 'text',
          message: request.t(`assessment.problem.declaration.${p}`),
        })),
      });
    const id = (request.params as { assignment: string }).assignment;
    if (!(await juryItem(id, request.principal?.userId))) throw notFound();
    const outcome = await declareAsJuror(db, id, formVersion(request.body), parsed.declaration, actorOf(request));
    if (isRefused(outcome)) {
      const { status, error } = explain(reply.pageContext(), outcome.problem);
      return renderAssignment(request, reply, status, { declaration: values, errors: [error] });
    }
    return reply.redirect(backToAssignment(request, 'declared'), 303);
  });

  app.post('/innovasjonspris/jury/:assignment/poeng', jurorRoute, async (request, reply) => {
    const id = (request.params as { assignment: string }).assignment;
    const item = await juryItem(id, request.principal?.userId);
    if (!item) throw notFound();
    const criteria = prizeCriteria(item.prize);
    const { sheet, problems } = parseScoreSheet(criteria, SCORE_SCALE, (name) => formField(request.body, name));
    if (problems.length > 0)
      return renderAssignment(request, reply, 400, { sheet, errors: sheetErrors(reply.pageContext(), criteria, problems, 'rationale') });
    const submit = formField(request.body, 'submit') === 'submit';
    const outcome = await scoreNomination(db, id, formVersion(request.body), sheet, submit, actorOf(request));
    if (isRefused(outcome)) {
      const { status, error } = explain(reply.pageContext(), outcome.problem);
      return renderAssignment(request, reply, status, { sheet, errors: [error] });
    }
    if (outcome.submitted) return reply.redirect(backToAssignment(request, 'submitted'), 303);
    return renderAssignment(request, reply, 200, {
      notice: translate(reply.pageContext(), 'knowledge.prize.saved', { missing: outcome.missing }),
    });
  });
}
