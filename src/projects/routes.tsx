/** The projects' pages: parse, authorise, call the use case, render. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../platform/auth/model.js';
import { actorOf, calendarDate, formField, formFieldAll, formFields, formFile, formVersion, idParams } from '../platform/http/input.js';
import { forbidden, HttpProblem, notFound } from '../platform/http/problems.js';
import { isRefused } from '../platform/outcome.js';
import { isUuid } from '../platform/db/kit.js';
import type { FieldError } from '../platform/ui/components.js';
import { findProgramme, listProgrammes, listPublicCalls, listTemplates, type Country } from '../programmes/index.js';
import { findApplication } from '../applications/index.js';
import {
  applyWithContinuation,
  findContinuation,
  mayContinue,
  newContinuation,
  saveContinuation,
  type Continuation,
} from './continuation.js';
import { ContinuationPage } from './pages/continuation.js';
import { findUserEmail } from '../platform/auth/store.js';
import { listMunicipalities, listRegions } from '../registry/index.js';
import { danishBoundaries, namedFeatures, norwegianBoundaries } from '../projections/index.js';
import { MembersMapPage, type MemberOnMap } from './pages/map.js';
import { emptyReport, EMPTY_PLAN, MAX_PERIODS, MAX_TRANCHES, type FollowUpForm, type ProjectPlan, type ReportContent } from './model.js';
import { readContinuationForm, readPlanForm, readReportForm, type FormError } from './forms.js';
import { ReportEditorPage, ReportReadingPage } from './pages/report.js';
import { reportQuestions } from './report-form.js';
import { PlanPage } from './pages/plan.js';
import { GatheringsPage } from './pages/gatherings.js';
import { addMaterial, findGathering, listGatherings, saveGathering } from './gatherings.js';
import { findFile } from '../platform/files/store.js';
import { EvaluationPage, EvaluatorHomePage, type EvaluatedProgramme } from './pages/evaluation.js';
import type { PageContext } from '../platform/ui/context.js';
import { translate } from '../platform/ui/translate.js';
import { FollowUpPage, PortfolioPage, ProgrammePortfoliosPage, type PortfolioRow } from './pages/owner.js';
import {
  ApplicationProjects,
  MyProjectsPage,
  PublicProjectPage,
  PublicProjectsPage,
  WorkspacePage,
  type PublicProject,
} from './pages/project.js';
import { explainProblem } from './problems.js';
import {
  listLatestReportSummaries,
  listApprovedIndicatorValues,
  listIndicatorsInForce,
  type StoredPlan,
  listPlansOf,
  findEvaluation,
  listEvaluators,
  programmesEvaluatedBy,
  findFollowUp,
  findProject,
  findProjectOfApplication,
  listChangeRequests,
  listPayments,
  listPlans,
  listProjects,
  listMemberCodes,
  listProgrammeIdsOf,
  sumProjects,
  type ProjectFilter,
  listReports,
  type StoredProject,
} from './store.js';
import {
  acceptGrant,
  attachCouncilDecision,
  decideChange,
  releasePayment,
  requestChange,
  requestPayment,
  reviewPlan,
  savePlan,
  setFollowUp,
  submitPlan,
  saveReport,
  submitReport,
  reviewReport,
  remindOfReports,
  appointEvaluator,
  closeProject,
  publishEvaluation,
  writeEvaluation,
  type ProjectProblem,
} from './use-cases.js';
import {
  followUpStatus,
  indicatorProgress,
  indicatorsOnTarget,
  projectRole,
  seesFollowUp,
  today,
  type FollowUpStatus,
  type ProjectRole,
} from './views.js';
import { projectWorkflow, PUBLIC_PROJECT_STATES, type ProjectState } from './workflows.js';
import { portfolioCsv, projectJson } from './exports.js';

const badRequest = () => new HttpProblem(400, 'bad request');

/** A field that could not be read, as the page says it. */
export const formError = (ctx: PageContext, error: FormError): FieldError => ({
  field: error.field,
  message: translate(ctx, `projects.problem.form.${error.code}`),
});

function groupBy<T>(list: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of list) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

export const PROJECT_LIST_PATHS = ['/prosjekter', '/prosjekt', '/projekter', '/projects'] as const;
const OWNER = access.roles('programme_owner', 'admin');
const byId = idParams('id');
const formBody = { type: 'object', additionalProperties: { type: 'string', maxLength: 20_000 } };
const filterQuery = {
  type: 'object',
  properties: {
    lang: { type: 'string' },
    state: { type: 'string', maxLength: 40 },
    county: { type: 'string', maxLength: 100 },
    programme: { type: 'string', maxLength: 40 },
    country: { type: 'string', maxLength: 2 },
    overdue: { type: 'string', maxLength: 1 },
    page: { type: 'string', maxLength: 6 },
  },
};
type FollowedProject = (
  request: FastifyRequest,
) => Promise<{ project: StoredProject; programme: { id: string; name: string; ownerOrganisationId: string }; role: ProjectRole }>;
type Filter = { state?: string; county?: string; programme?: string; country?: string };

/** Projects on one page of a list. */
const PAGE_SIZE = 50;

export async function projectRoutes(app: FastifyInstance) {
  const db = app.database.db;

  // Reminders of reports: each made once, so the sweep runs when ready and every quarter hour.
  const remind = async () => {
    try {
      const made = await remindOfReports(db, app.jobs);
      if (made > 0) app.log.info({ made }, 'report reminders');
    } catch (err) {
      app.log.error({ err }, 'report reminders failed');
    }
  };
  const sweep = setInterval(remind, 15 * 60 * 1000).unref();
  app.addHook('onReady', remind);
  app.addHook('onClose', async () => clearInterval(sweep));

  /** Each municipality's county (Norway) or region (Denmark), by municipality code. */
  async function countyOf(countries: readonly Country[] = ['NO', 'DK']): Promise<Map<string, string>> {
    const counties = new Map<string, string>();
    for (const country of countries) {
      const regions = new Map((await listRegions(db, country)).map((r) => [r.code, r.name]));
      for (const m of await listMunicipalities(db, country)) counties.set(m.code, regions.get(m.regionCode ?? '') ?? '');
    }
    return counties;
  }

  /** Each project's follow-up as the pages show it; the plans only where the page names the plan in force. */
  async function statusOf(projects: readonly StoredProject[], { withPlans = false } = {}): Promise<Map<string, FollowUpStatus>> {
    const ids = projects.map((p) => p.id);
    const programmeIds = [...new Set(projects.map((p) => p.programmeId))];
    const [reports, payments, plans, followUpList] = await Promise.all([
      listLatestReportSummaries(db, ids),
      listPayments(db, ids),
      withPlans ? listPlansOf(db, ids) : new Map<string, StoredPlan[]>(),
      Promise.all(programmeIds.map((id) => findFollowUp(db, id))),
    ]);
    const followUps = new Map(programmeIds.map((id, i) => [id, followUpList[i]!]));
    const reportsOf = groupBy(reports, (r) => r.projectId);
    const paymentsOf = groupBy(payments, (p) => p.projectId);
    const now = new Date();
    return new Map(
      projects.map((project) => [
        project.id,
        followUpStatus(
          project,
          followUps.get(project.programmeId)!.plan,
          plans.get(project.id) ?? [],
          reportsOf.get(project.id) ?? [],
          paymentsOf.get(project.id) ?? [],
          now,
        ),
      ]),
    );
  }

  /** The programme, for a programme owner of its owning organisation; 404 unknown, 403 anyone else. */
  async function ownedProgramme(request: FastifyRequest) {
    const programme = await findProgramme(db, (request.params as { id: string }).id);
    if (!programme) throw notFound();
    const { principal } = request;
    const owns =
      principal?.roles.has('admin') ||
      principal?.memberships.some((m) => m.role === 'programme_owner' && m.organisationId === programme.ownerOrganisationId);
    if (!owns) throw forbidden();
    return programme;
  }

  /** The project with the person's role in it; 404 unknown, 403 for people who do not follow it. */
  async function followedProject(request: FastifyRequest): ReturnType<FollowedProject> {
    const project = await findProject(db, (request.params as { id: string }).id);
    if (!project) throw notFound();
    const programme = await findProgramme(db, project.programmeId);
    if (!programme) throw notFound();
    const role = projectRole(request.principal, project, programme.ownerOrganisationId);
    if (!seesFollowUp(role)) throw forbidden();
    return { project, programme, role };
  }

  /** The whole project's approved final report, if any. */
  async function finalReportOf(project: StoredProject): Promise<ReportContent | undefined> {
    const { plan } = await findFollowUp(db, project.programmeId);
    const final = plan.periods.find((p) => p.kind === 'final');
    const reports = await listReports(db, [project.id]);
    return reports.find((r) => r.periodKey === final?.key && r.memberCode === '' && r.state === 'approved')?.content;
  }

  app.post(
    '/prosjekter/:id/evaluering/publiser',
    { config: { access: OWNER }, schema: { params: byId, body: formBody } },
    async (request, reply) => {
      const { project, role } = await followedProject(request);
      if (!role.owner) throw forbidden();
      return act(
        request,
        reply,
        'published',
        await publishEvaluation(db, project.programmeId, project.id, formVersion(request.body), actorOf(request)),
      );
    },
  );

  app.post(
    '/prosjekter/:id/lukk',
    {
      config: { access: OWNER },
      schema: {
        params: byId,
        body: {
          type: 'object',
          additionalProperties: {
            anyOf: [
              { type: 'string', maxLength: 200 },
              { type: 'array', maxItems: 10, items: { type: 'string', maxLength: 40 } },
            ],
          },
        },
      },
    },
    async (request, reply) => {
      const { project, role } = await followedProject(request);
      if (!role.owner) throw forbidden();
      return act(
        request,
        reply,
        'closed',
        await closeProject(db, project.id, formVersion(request.body), formFieldAll(request.body, 'parts'), actorOf(request)),
      );
    },
  );

  evaluatorRoutes(app, finalReportOf);
  gatheringRoutes(app, ownedProgramme, followedProject);
  continuationRoutes(app, followedProject);
  planRoutes(app, followedProject);
  reportRoutes(app, followedProject);

  // The programme's follow-up and portfolio ----------------------------------------------------------

  async function renderFollowUp(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    extra: { values?: Record<string, string>; errors?: FieldError[]; notice?: string } = {},
  ) {
    const programme = await ownedProgramme(request);
    const stored = await findFollowUp(db, programme.id);
    const templates = await listTemplates(db, programme.ownerOrganisationId);
    reply.code(status);
    return reply.html(
      <FollowUpPage
        ctx={reply.pageContext()}
        view={{
          programme,
          plan: stored.plan,
          version: stored.version,
          templates,
          errors: extra.errors ?? [],
          values: extra.values,
          notice: extra.notice,
        }}
      />,
    );
  }

  app.get('/eier/programmer/:id/oppfolging', { config: { access: OWNER }, schema: { params: byId } }, async (request, reply) =>
    renderFollowUp(request, reply, 200, {
      notice: (request.query as { saved?: string }).saved ? request.t('projects.followUp.saved') : undefined,
    }),
  );

  app.post(
    '/eier/programmer/:id/oppfolging',
    { config: { access: OWNER }, schema: { params: byId, body: formBody } },
    async (request, reply) => {
      const programme = await ownedProgramme(request);
      const fields = formFields(request.body);
      const values = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, Array.isArray(v) ? (v[0] ?? '') : v]));
      const field = (name: string) => values[name] ?? '';
      const form: FollowUpForm = {
        periods: Array.from({ length: MAX_PERIODS }, (_, i) => ({
          title: field(`period-${i}-title`),
          kind: field(`period-${i}-kind`),
          due: field(`period-${i}-due`),
          templateId: field(`period-${i}-template`),
        })),
        tranches: Array.from({ length: MAX_TRANCHES }, (_, i) => ({
          share: field(`tranche-${i}-share`),
          condition: field(`tranche-${i}-condition`),
        })),
        reminderDays: field('reminderDays'),
        ministryInSteeringGroup: field('ministryInSteeringGroup') === 'on',
        countyGovernorContact: field('countyGovernorContact') === 'on',
      };
      const outcome = await setFollowUp(db, programme.id, formVersion(request.body), form, actorOf(request));
      if (isRefused(outcome)) {
        const { status, errors } = explainProblem(reply.pageContext(), outcome.problem);
        return renderFollowUp(request, reply, status, {
          values: {
            ...values,
            ministryInSteeringGroup: field('ministryInSteeringGroup'),
            countyGovernorContact: field('countyGovernorContact'),
          },
          errors,
        });
      }
      return reply.redirect(`/eier/programmer/${programme.id}/oppfolging?lang=${request.locale}&saved=1`, 303);
    },
  );

  /** The list's filter as the store reads it: an unknown state, programme or county matches nothing. */
  function projectFilter(query: Filter, counties: ReadonlyMap<string, string>): ProjectFilter {
    const filter: ProjectFilter = {};
    if (query.state) filter.states = projectWorkflow.states.filter((s) => s === query.state);
    if (query.county) filter.memberCodes = [...counties].filter(([, name]) => name === query.county).map(([code]) => code);
    if (query.programme) filter.programmeIds = isUuid(query.programme) ? [query.programme] : [];
    if (query.country) filter.country = query.country === 'DK' ? 'DK' : 'NO';
    return filter;
  }

  const countyNames = (codes: readonly string[], counties: ReadonlyMap<string, string>) =>
    [...new Set(codes.map((code) => counties.get(code) ?? ''))].filter(Boolean).sort((a, b) => a.localeCompare(b, 'nb'));

  const pageOf = (query: { page?: string }, count: number) => {
    const pages = Math.max(1, Math.ceil(count / PAGE_SIZE));
    return { page: Math.min(pages, Math.max(1, Number.parseInt(query.page ?? '1', 10) || 1)), pages };
  };

  async function portfolioFilter(request: FastifyRequest, programme: { id: string; country: Country }) {
    const query = request.query as Filter & { overdue?: string };
    const [counties, codes, followUp] = await Promise.all([
      countyOf([programme.country]),
      listMemberCodes(db, { programmeIds: [programme.id] }),
      findFollowUp(db, programme.id),
    ]);
    const filter: ProjectFilter = { ...projectFilter(query, counties), programmeIds: [programme.id] };
    if (query.overdue) {
      const day = today(new Date());
      filter.overdueIn = followUp.plan.periods.filter((p) => p.due < day).map((p) => p.key);
    }
    return {
      filter,
      counties,
      choice: { state: query.state ?? '', county: query.county ?? '', overdue: query.overdue === '1' },
      countyList: countyNames(codes, counties),
    };
  }

  /** Each project's row of the portfolio: follow-up, county and indicators against their latest targets. */
  async function portfolioRows(projects: readonly StoredProject[], counties: ReadonlyMap<string, string>): Promise<PortfolioRow[]> {
    const ids = projects.map((p) => p.id);
    const [statuses, values, indicators] = await Promise.all([
      statusOf(projects),
      listApprovedIndicatorValues(db, ids),
      listIndicatorsInForce(db, ids),
    ]);
    const valuesOf = groupBy(values, (v) => v.projectId);
    return projects.map((project) => {
      const status = statuses.get(project.id)!;
      const progress = indicatorProgress(
        { indicators: indicators.get(project.id) ?? [] },
        status.periods.map((p) => p.period),
        valuesOf.get(project.id) ?? [],
      );
      return { project, status, county: counties.get(project.members[0]?.code ?? '') ?? '', indicators: indicatorsOnTarget(progress) };
    });
  }

  /** One page of the programme's portfolio, the totals over every project the filter matches. */
  async function portfolio(request: FastifyRequest) {
    const programme = await ownedProgramme(request);
    const { filter, counties, choice, countyList } = await portfolioFilter(request, programme);
    const asked = request.query as { page?: string };
    const onPage = (page: number) => listProjects(db, filter, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    // The sums and the page asked for are read at once; a page past the end is read again as the last one.
    const [totals, first] = await Promise.all([sumProjects(db, filter), onPage(pageOf(asked, Number.MAX_SAFE_INTEGER).page)]);
    const { page, pages } = pageOf(asked, totals.count);
    const projects = page === pageOf(asked, Number.MAX_SAFE_INTEGER).page ? first : await onPage(page);
    const rows = await portfolioRows(projects, counties);
    return { programme, rows, totals, page, pages, filter: choice, counties: countyList };
  }

  app.get(
    '/eier/programmer/:id/prosjekter',
    { config: { access: OWNER }, schema: { params: byId, querystring: filterQuery } },
    async (request, reply) => {
      const done = (request.query as { done?: string }).done;
      return renderPortfolio(request, reply, 200, {
        notice:
          done === 'appointed'
            ? request.t('projects.notice.appointed')
            : done === 'published'
              ? request.t('projects.notice.published')
              : undefined,
      });
    },
  );

  async function renderPortfolio(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    extra: { errors?: FieldError[]; values?: Record<string, string>; notice?: string },
  ) {
    const view = await portfolio(request);
    const [evaluators, programmeEvaluation] = await Promise.all([
      listEvaluators(db, view.programme.id),
      findEvaluation(db, view.programme.id, null),
    ]);
    const evaluation = {
      evaluators,
      evaluation: programmeEvaluation,
      errors: extra.errors ?? [],
      values: extra.values ?? {},
      notice: extra.notice,
    };
    reply.code(status);
    return reply.html(<PortfolioPage ctx={reply.pageContext()} {...view} evaluation={evaluation} />);
  }

  app.get('/eier/prosjekter', { config: { access: OWNER } }, async (request, reply) => {
    const principal = request.principal!;
    const owned = principal.roles.has('admin')
      ? 'all'
      : principal.memberships.filter((m) => m.role === 'programme_owner').map((m) => m.organisationId);
    const programmes = await listProgrammes(db, owned);
    const projects = await listProjects(db, { programmeIds: programmes.map((p) => p.id) });
    const rows = programmes.map((p) => ({
      id: p.id,
      name: p.name,
      ownerName: p.ownerName,
      projects: projects.filter((x) => x.programmeId === p.id),
    }));
    return reply.html(<ProgrammePortfoliosPage ctx={reply.pageContext()} programmes={rows} />);
  });

  app.post(
    '/eier/programmer/:id/evaluatorer',
    { config: { access: OWNER }, schema: { params: byId, body: formBody } },
    async (request, reply) => {
      const programme = await ownedProgramme(request);
      const email = formField(request.body, 'email') ?? '';
      const outcome = await appointEvaluator(db, app.jobs, programme.id, email, actorOf(request));
      if (isRefused(outcome)) {
        const { status, errors } = explainProblem(reply.pageContext(), outcome.problem);
        return renderPortfolio(request, reply, status, { errors, values: { email } });
      }
      return reply.redirect(`/eier/programmer/${programme.id}/prosjekter?lang=${request.locale}&done=appointed#evaluation`, 303);
    },
  );

  app.post(
    '/eier/programmer/:id/evaluering/publiser',
    { config: { access: OWNER }, schema: { params: byId, body: formBody } },
    async (request, reply) => {
      const programme = await ownedProgramme(request);
      const outcome = await publishEvaluation(db, programme.id, null, formVersion(request.body), actorOf(request));
      if (isRefused(outcome)) {
        const { status, errors } = explainProblem(reply.pageContext(), outcome.problem);
        return renderPortfolio(request, reply, status, { errors });
      }
      return reply.redirect(`/eier/programmer/${programme.id}/prosjekter?lang=${request.locale}&done=published#evaluation`, 303);
    },
  );

  app.get('/eier/programmer/:id/prosjekter/kart', { config: { access: OWNER }, schema: { params: byId } }, async (request, reply) => {
    const programme = await ownedProgramme(request);
    const municipalities = await listMunicipalities(db, programme.country);
    const counties = await countyOf([programme.country]);
    const projects = await listProjects(db, { programmeIds: [programme.id] });
    const members: MemberOnMap[] = municipalities
      .map((m) => ({
        code: m.code,
        name: m.name,
        county: counties.get(m.code) ?? '',
        projects: projects.filter((p) => p.members.some((x) => x.code === m.code)),
      }))
      .filter((m) => m.projects.length > 0);
    const names = new Map(municipalities.map((m) => [m.code, m.name]));
    const boundaries = programme.country === 'DK' ? danishBoundaries() : norwegianBoundaries();
    return reply.html(
      <MembersMapPage ctx={reply.pageContext()} programme={programme} members={members} features={namedFeatures(boundaries, names)} />,
    );
  });

  app.get(
    '/eier/programmer/:id/prosjekter.csv',
    { config: { access: OWNER }, schema: { params: byId, querystring: filterQuery } },
    async (request, reply) => {
      const programme = await ownedProgramme(request);
      const { filter, counties } = await portfolioFilter(request, programme);
      const rows = await portfolioRows(await listProjects(db, filter), counties);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="prosjekter.csv"')
        .send(portfolioCsv(request.locale, rows));
    },
  );

  // The public pages and the API ----------------------------------------------------------------------

  /** The public list: every project past acceptance the filter matches, one page of it when asked. */
  async function publicProjects(query: Filter & { page?: string }, { paged }: { paged: boolean }) {
    const counties = await countyOf();
    const asked = projectFilter(query, counties);
    const filter: ProjectFilter = { ...asked, states: (asked.states ?? PUBLIC_PROJECT_STATES).filter((s) => s !== 'awaiting_acceptance') };
    const count = paged ? (await sumProjects(db, filter)).count : 0;
    const { page, pages } = pageOf(query, count);
    const projects = await listProjects(db, filter, paged ? { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } : undefined);
    const plans = await listPlansOf(
      db,
      projects.map((p) => p.id),
    );
    const programmes = new Map((await listProgrammes(db, 'all')).map((p) => [p.id, p]));
    const list: PublicProject[] = projects.map((project) => ({
      project,
      programmeName: programmes.get(project.programmeId)?.name ?? '',
      ownerName: programmes.get(project.programmeId)?.ownerName ?? '',
      plan: plans.get(project.id)?.find((p) => p.state === 'approved')?.content,
      county: counties.get(project.members[0]?.code ?? '') ?? '',
    }));
    const visible = { states: PUBLIC_PROJECT_STATES };
    const withProjects = new Set(await listProgrammeIdsOf(db, visible));
    return {
      list,
      count,
      page,
      pages,
      counties: countyNames(await listMemberCodes(db, visible), counties),
      programmes: [...programmes.values()].filter((p) => withProjects.has(p.id)).map(({ id, name }) => ({ id, name })),
    };
  }

  for (const path of PROJECT_LIST_PATHS) {
    app.get(path, { config: { access: access.public }, schema: { querystring: filterQuery } }, async (request, reply) => {
      const filter = request.query as Filter;
      const { list, counties, programmes, count, page, pages } = await publicProjects(filter, { paged: true });
      return reply.html(
        <PublicProjectsPage
          ctx={reply.pageContext()}
          projects={list}
          counties={counties}
          programmes={programmes}
          path={path}
          paging={{ count, page, pages }}
          evaluation={filter.programme && isUuid(filter.programme) ? await findEvaluation(db, filter.programme, null) : undefined}
          filter={{
            programme: filter.programme ?? '',
            state: filter.state ?? '',
            county: filter.county ?? '',
            country: filter.country ?? '',
          }}
        />,
      );
    });
  }

  app.get(
    '/api/v1/projects',
    {
      config: { access: access.public },
      schema: {
        tags: ['projects'],
        summary: 'Granted projects: members, state, grant, dates and payments released',
        querystring: filterQuery,
      },
    },
    async (request, reply) => {
      const { list } = await publicProjects(request.query as Filter, { paged: false });
      const statuses = await statusOf(list.map((p) => p.project));
      return reply.send({ projects: list.map((p) => projectJson(p, statuses.get(p.project.id)!)) });
    },
  );

  app.get('/prosjekter/mine', { config: { access: access.roles('case_worker') } }, async (request, reply) => {
    const codes = (request.principal?.memberships ?? [])
      .filter((m) => m.role === 'case_worker' && m.municipalityCode)
      .map((m) => m.municipalityCode!);
    const projects = await listProjects(db, { memberCodes: codes });
    const statuses = await statusOf(projects);
    return reply.html(
      <MyProjectsPage ctx={reply.pageContext()} projects={projects.map((project) => ({ project, status: statuses.get(project.id)! }))} />,
    );
  });

  app.get('/prosjekter/:id', { config: { access: access.public }, schema: { params: byId } }, async (request, reply) => {
    const project = await findProject(db, (request.params as { id: string }).id);
    const programme = project ? await findProgramme(db, project.programmeId) : undefined;
    if (!project || !programme || project.state === 'awaiting_acceptance') throw notFound();
    const counties = await countyOf();
    const plan = (await listPlans(db, project.id)).find((p) => p.state === 'approved')?.content;
    const followUp = seesFollowUp(projectRole(request.principal, project, programme.ownerOrganisationId));
    const results = {
      finalReport: await finalReportOf(project),
      evaluation: await findEvaluation(db, project.programmeId, project.id),
    };
    const predecessor = project.predecessorId ? await findProject(db, project.predecessorId) : undefined;
    const lineage = {
      predecessor: predecessor && predecessor.state !== 'awaiting_acceptance' ? predecessor : undefined,
      successors: await listProjects(db, { continuing: project.id, states: PUBLIC_PROJECT_STATES }),
    };
    return reply.html(
      <PublicProjectPage
        ctx={reply.pageContext()}
        followUp={followUp}
        results={results}
        lineage={lineage}
        view={{
          project,
          programmeName: programme.name,
          ownerName: programme.ownerName,
          plan,
          county: counties.get(project.members[0]?.code ?? '') ?? '',
        }}
      />,
    );
  });

  app.slots.fill('applications.applicant-decision', async ({ ctx, applicationId }) => {
    const application = await findApplication(db, applicationId);
    const continues = application?.continuesProjectId ? await findProject(db, application.continuesProjectId) : undefined;
    const became = await findProjectOfApplication(db, applicationId);
    return <ApplicationProjects ctx={ctx} continues={continues} became={became} />;
  });

  // The follow-up page and its actions ---------------------------------------------------------------

  async function renderWorkspace(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    extra: { values?: Record<string, string>; errors?: FieldError[]; notice?: string } = {},
  ) {
    const { project, programme, role } = await followedProject(request);
    const followUp = (await statusOf([project], { withPlans: true })).get(project.id)!;
    const indicators = indicatorProgress(
      followUp.currentPlan?.content,
      followUp.periods.map((p) => p.period),
      await listReports(db, [project.id]),
    );
    reply.code(status);
    return reply.html(
      <WorkspacePage
        ctx={reply.pageContext()}
        view={{
          project,
          programmeName: programme.name,
          role,
          status: followUp,
          indicators,
          changes: await listChangeRequests(db, project.id),
          evaluation: await findEvaluation(db, project.programmeId, project.id),
          gatherings: await listGatherings(db, project.programmeId),
          continues: mayContinue(project, today(new Date())),
          municipalities: role.lead && project.state === 'running' ? await listMunicipalities(db, project.country) : [],
          errors: extra.errors ?? [],
          notice: extra.notice,
          values: extra.values,
        }}
      />,
    );
  }

  const notices = {
    published: 'projects.notice.published',
    closed: 'projects.notice.closed',
    reportSubmitted: 'projects.notice.reportSubmitted',
    accepted: 'projects.notice.accepted',
    requested: 'projects.notice.requested',
    released: 'projects.notice.released',
    change: 'projects.notice.change',
    decided: 'projects.notice.decided',
  } as const;

  app.get('/prosjekter/:id/oppfolging', { config: { access: access.signedIn }, schema: { params: byId } }, async (request, reply) => {
    const done = (request.query as { done?: string }).done as keyof typeof notices | undefined;
    return renderWorkspace(request, reply, 200, { notice: done && notices[done] ? request.t(notices[done]) : undefined });
  });

  /** Runs an action on the follow-up page: back to the page with a notice, or the page again with the refusal. */
  async function act(
    request: FastifyRequest,
    reply: FastifyReply,
    done: keyof typeof notices,
    outcome: unknown,
    values: Record<string, string> = {},
  ) {
    if (isRefused(outcome)) {
      const { status, errors } = explainProblem(reply.pageContext(), outcome.problem as ProjectProblem);
      return renderWorkspace(request, reply, status, { errors, values });
    }
    const { id } = request.params as { id: string };
    return reply.redirect(`/prosjekter/${id}/oppfolging?lang=${request.locale}&done=${done}`, 303);
  }

  /** A POST on the follow-up page by the project's lead or the programme's owner, its outcome shown by `act`. */
  function followUpAction(
    path: string,
    who: 'lead' | 'owner',
    params: object,
    done: keyof typeof notices,
    run: (request: FastifyRequest, project: StoredProject) => Promise<unknown>,
  ) {
    const allowed = who === 'lead' ? access.roles('case_worker') : OWNER;
    app.post(path, { config: { access: allowed }, schema: { params, body: formBody } }, async (request, reply) => {
      const { project, role } = await followedProject(request);
      if (!role[who]) throw forbidden();
      return act(request, reply, done, await run(request, project));
    });
  }

  followUpAction('/prosjekter/:id/aksepter', 'lead', byId, 'accepted', (request, project) =>
    acceptGrant(db, app.jobs, project.id, formVersion(request.body), actorOf(request)),
  );
  followUpAction('/prosjekter/:id/utbetalinger', 'lead', byId, 'requested', (request, project) =>
    requestPayment(db, app.jobs, project.id, formVersion(request.body), formField(request.body, 'tranche') ?? '', actorOf(request)),
  );
  followUpAction('/prosjekter/:id/utbetalinger/:paymentId', 'owner', idParams('id', 'paymentId'), 'released', (request, project) =>
    releasePayment(
      db,
      app.jobs,
      project.id,
      formVersion(request.body),
      (request.params as { paymentId: string }).paymentId,
      actorOf(request),
    ),
  );

  app.post(
    '/prosjekter/:id/endringer',
    { config: { access: access.roles('case_worker') }, schema: { params: byId, body: formBody } },
    async (request, reply) => {
      const { project, role } = await followedProject(request);
      if (!role.lead) throw forbidden();
      const join = [0, 1, 2].map((i) => formField(request.body, `join-${i}`) ?? '');
      const leave = formFieldAll(request.body, 'leave');
      const values = {
        kind: formField(request.body, 'kind') ?? '',
        endsOn: formField(request.body, 'endsOn') ?? '',
        description: formField(request.body, 'description') ?? '',
        reason: formField(request.body, 'reason') ?? '',
        leave: leave.join(','),
        ...Object.fromEntries(join.map((code, i) => [`join-${i}`, code])),
      };
      const endsOn = calendarDate(values.endsOn);
      if (values.kind === 'extension' && !endsOn)
        return renderWorkspace(request, reply, 400, {
          values,
          errors: [{ field: 'endsOn', message: request.t('projects.problem.endsOn') }],
        });
      if (values.kind !== 'extension' && values.kind !== 'members')
        return renderWorkspace(request, reply, 400, {
          values,
          errors: [{ field: 'kind-extension', message: request.t('projects.problem.kind') }],
        });
      const proposal =
        values.kind === 'extension'
          ? { kind: 'extension' as const, endsOn: endsOn! }
          : { kind: 'members' as const, join: join.filter(Boolean), leave, description: values.description.trim() };
      return act(
        request,
        reply,
        'change',
        await requestChange(db, app.jobs, project.id, formVersion(request.body), proposal, values.reason, actorOf(request)),
        values,
      );
    },
  );

  app.post(
    '/prosjekter/:id/endringer/:requestId',
    { config: { access: OWNER }, schema: { params: idParams('id', 'requestId'), body: formBody } },
    async (request, reply) => {
      const { project, role } = await followedProject(request);
      if (!role.owner) throw forbidden();
      const action = formField(request.body, 'action');
      if (action !== 'grant' && action !== 'refuse')
        return renderWorkspace(request, reply, 400, { errors: [{ field: 'decisionReason', message: request.t('projects.problem.kind') }] });
      const reason = formField(request.body, 'decisionReason') ?? '';
      const { requestId } = request.params as { requestId: string };
      return act(
        request,
        reply,
        'decided',
        await decideChange(db, app.jobs, project.id, formVersion(request.body), requestId, { action, reason }, actorOf(request)),
        { decisionReason: reason },
      );
    },
  );
}

export function planRoutes(app: FastifyInstance, followedProject: FollowedProject) {
  const db = app.database.db;

  async function renderPlan(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    extra: {
      plan?: ProjectPlan;
      values?: Record<string, string>;
      errors?: FieldError[];
      notice?: string;
      change?: { kind: string; reason: string };
    } = {},
  ) {
    const { project, role } = await followedProject(request);
    const plans = await listPlans(db, project.id);
    const { plan: followUp } = await findFollowUp(db, project.programmeId);
    const latest = plans[0];
    const editable = role.lead && projectWorkflow.isIn('planned', project.state) && latest?.state !== 'submitted';
    const shown = extra.plan ?? (editable ? latest?.content : (plans.find((p) => p.state === 'approved') ?? latest)?.content) ?? EMPTY_PLAN;
    const mayAskChange = await mayChangePlan(project, role);
    if (extra.change && !mayAskChange) throw new HttpProblem(409, request.t('projects.problem.wrongState'));
    reply.code(status);
    return reply.html(
      <PlanPage
        ctx={reply.pageContext()}
        view={{
          project,
          role,
          followUp,
          plans,
          plan: shown,
          editable,
          change: extra.change,
          mayAskChange,
          errors: extra.errors ?? [],
          values: extra.values,
          notice: extra.notice,
        }}
      />,
    );
  }

  /** The lead's plan as typed; the council decision's document stays that of the plan edited (the draft, or the approved one). */
  async function typedPlan(request: FastifyRequest, reply: FastifyReply, edits: 'latest' | 'approved') {
    const { project, role } = await followedProject(request);
    if (!role.lead) throw forbidden();
    const fields = formFields(request.body);
    const [{ plan: followUp }, plans] = await Promise.all([findFollowUp(db, project.programmeId), listPlans(db, project.id)]);
    const council = (edits === 'latest' ? plans[0] : plans.find((p) => p.state === 'approved'))?.content.councilDecision;
    const { plan, errors } = readPlanForm(
      fields,
      project.members.map((m) => m.code),
      followUp.periods,
      { fileId: council?.fileId ?? null, fileName: council?.fileName ?? null },
    );
    const values = Object.fromEntries(errors.map((e) => [e.field, String(fields[e.field] ?? '')]));
    const ctx = reply.pageContext();
    return { project, plan, values, errors: errors.map((e) => formError(ctx, e)) };
  }

  /** The lead of a running project with an approved plan and no change request open may ask to change the plan. */
  async function mayChangePlan(project: StoredProject, role: ProjectRole): Promise<boolean> {
    if (!role.lead || project.state !== 'running') return false;
    const [plans, changes] = await Promise.all([listPlans(db, project.id), listChangeRequests(db, project.id)]);
    return plans.some((p) => p.state === 'approved') && !changes.some((c) => c.state === 'requested');
  }

  app.get(
    '/prosjekter/:id/plan/endring',
    { config: { access: access.roles('case_worker') }, schema: { params: byId } },
    async (request, reply) => renderPlan(request, reply, 200, { change: { kind: 'budget', reason: '' } }),
  );

  app.post(
    '/prosjekter/:id/plan/endring',
    { config: { access: access.roles('case_worker') }, schema: { params: byId, body: formBody } },
    async (request, reply) => {
      const { project, plan, errors, values } = await typedPlan(request, reply, 'approved');
      const kind = formField(request.body, 'changeKind');
      const change = { kind: kind ?? '', reason: formField(request.body, 'reason') ?? '' };
      const ctx = reply.pageContext();
      if (kind !== 'budget' && kind !== 'goals')
        return renderPlan(request, reply, 400, {
          plan,
          change,
          errors: [{ field: 'changeKind-budget', message: request.t('projects.problem.kind') }],
        });
      if (errors.length > 0) return renderPlan(request, reply, 400, { plan, change, values, errors });
      const outcome = await requestChange(
        db,
        app.jobs,
        project.id,
        formVersion(request.body),
        { kind, plan },
        change.reason,
        actorOf(request),
      );
      if (isRefused(outcome)) {
        const explained = explainProblem(ctx, outcome.problem);
        return renderPlan(request, reply, explained.status, { plan, change, errors: explained.errors });
      }
      return reply.redirect(`/prosjekter/${project.id}/oppfolging?lang=${request.locale}&done=change#changes`, 303);
    },
  );

  app.post(
    '/prosjekter/:id/plan/vedtak',
    { config: { access: access.roles('case_worker') }, schema: { params: byId } },
    async (request, reply) => {
      const { project, role } = await followedProject(request);
      if (!role.lead) throw forbidden();
      const file = await formFile(request.body, 'file');
      if (!file) return renderPlan(request, reply, 400, { errors: [{ field: 'file', message: request.t('projects.problem.noFile') }] });
      if (file.contentType !== 'application/pdf')
        return renderPlan(request, reply, 415, {
          errors: [{ field: 'file', message: translate(reply.pageContext(), 'projects.problem.councilFileType', { name: file.name }) }],
        });
      const outcome = await attachCouncilDecision(db, project.id, formVersion(request.body), file, actorOf(request));
      if (isRefused(outcome)) {
        const explained = explainProblem(reply.pageContext(), outcome.problem);
        return renderPlan(request, reply, explained.status, { errors: explained.errors.map((e) => ({ ...e, field: 'file' })) });
      }
      return reply.redirect(`/prosjekter/${project.id}/plan?lang=${request.locale}&done=saved#council-document`, 303);
    },
  );

  /** The council decision of any version of the plan, for the owner and the members. */
  app.get(
    '/prosjekter/:id/plan/vedtak/:fileId',
    { config: { access: access.signedIn }, schema: { params: idParams('id', 'fileId') } },
    async (request, reply) => {
      const { project, role } = await followedProject(request);
      if (!seesFollowUp(role)) throw forbidden();
      const { fileId } = request.params as { fileId: string };
      const plans = await listPlans(db, project.id);
      if (!plans.some((p) => p.content.councilDecision?.fileId === fileId)) throw notFound();
      const file = await findFile(db, fileId);
      if (!file) throw notFound();
      return reply.download(file);
    },
  );

  const planNotices = {
    saved: 'projects.notice.planSaved',
    submitted: 'projects.notice.planSubmitted',
    reviewed: 'projects.notice.planReviewed',
  } as const;

  app.get('/prosjekter/:id/plan', { config: { access: access.signedIn }, schema: { params: byId } }, async (request, reply) => {
    const done = (request.query as { done?: string }).done as keyof typeof planNotices | undefined;
    return renderPlan(request, reply, 200, { notice: done && planNotices[done] ? request.t(planNotices[done]) : undefined });
  });

  app.post(
    '/prosjekter/:id/plan',
    { config: { access: access.roles('case_worker') }, schema: { params: byId, body: formBody } },
    async (request, reply) => {
      const { project, plan, errors, values } = await typedPlan(request, reply, 'latest');
      const ctx = reply.pageContext();
      if (errors.length > 0) return renderPlan(request, reply, 400, { plan, values, errors });
      const saved = await savePlan(db, project.id, formVersion(request.body), plan, actorOf(request));
      if (isRefused(saved))
        return renderPlan(request, reply, explainProblem(ctx, saved.problem).status, {
          plan,
          errors: explainProblem(ctx, saved.problem).errors,
        });
      const submit = formField(request.body, 'action') === 'submit';
      if (submit) {
        const submitted = await submitPlan(db, app.jobs, project.id, saved.version, actorOf(request));
        if (isRefused(submitted))
          return renderPlan(request, reply, explainProblem(ctx, submitted.problem).status, {
            plan,
            errors: explainProblem(ctx, submitted.problem).errors,
          });
      }
      return reply.redirect(`/prosjekter/${project.id}/plan?lang=${request.locale}&done=${submit ? 'submitted' : 'saved'}`, 303);
    },
  );

  app.post(
    '/prosjekter/:id/plan/vurdering',
    { config: { access: OWNER }, schema: { params: byId, body: formBody } },
    async (request, reply) => {
      const { project, role } = await followedProject(request);
      if (!role.owner) throw forbidden();
      const action = formField(request.body, 'action');
      const comment = formField(request.body, 'comment') ?? '';
      if (action !== 'approve' && action !== 'return') throw badRequest();
      const outcome = await reviewPlan(db, app.jobs, project.id, formVersion(request.body), { action, comment }, actorOf(request));
      if (isRefused(outcome)) {
        const { status, errors } = explainProblem(reply.pageContext(), outcome.problem);
        return renderPlan(request, reply, status, {
          values: { comment },
          errors: errors.map((e) => (e.field === 'decisionReason' ? { ...e, field: 'comment' } : e)),
        });
      }
      return reply.redirect(`/prosjekter/${project.id}/plan?lang=${request.locale}&done=reviewed`, 303);
    },
  );
}

const reportQuery = {
  type: 'object',
  properties: {
    lang: { type: 'string' },
    periode: { type: 'string', maxLength: 10 },
    del: { type: 'string', maxLength: 10 },
    done: { type: 'string' },
  },
};

export function reportRoutes(app: FastifyInstance, followedProject: FollowedProject) {
  const db = app.database.db;

  /** The period and part asked for, and whether the person writes it: the lead the whole, each member its own part. */
  async function reportFrame(request: FastifyRequest, periodKey: string, memberCode: string) {
    const { project, role } = await followedProject(request);
    const { plan: followUp } = await findFollowUp(db, project.programmeId);
    const period = followUp.periods.find((p) => p.key === periodKey);
    const isPart = memberCode === '' || (project.members.length > 1 && project.members.some((m) => m.code === memberCode));
    if (!period || !isPart) throw notFound();
    const writes = memberCode === '' ? role.lead : role.memberCodes.includes(memberCode);
    const plans = await listPlans(db, project.id);
    const plan = plans.find((p) => p.state === 'approved')?.content ?? EMPTY_PLAN;
    const versions = (await listReports(db, [project.id])).filter((r) => r.periodKey === periodKey && r.memberCode === memberCode);
    return { project, role, period, plan, versions, writes, questions: await reportQuestions(db, period) };
  }

  const reportTarget = (request: FastifyRequest) => {
    const { periode = '', del = '' } = request.query as { periode?: string; del?: string };
    return { periodKey: periode, memberCode: del };
  };

  async function renderEditor(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    extra: { content?: ReportContent; values?: Record<string, string>; errors?: FieldError[]; notice?: string } = {},
  ) {
    const { periodKey, memberCode } = reportTarget(request);
    const frame = await reportFrame(request, periodKey, memberCode);
    if (!frame.writes) throw forbidden();
    const latest = frame.versions[0];
    const content = extra.content ?? latest?.content ?? emptyReport();
    reply.code(status);
    return reply.html(
      <ReportEditorPage
        ctx={reply.pageContext()}
        view={{ ...frame, memberCode, content, errors: extra.errors ?? [], values: extra.values, notice: extra.notice }}
      />,
    );
  }

  app.get(
    '/prosjekter/:id/rapport',
    { config: { access: access.roles('case_worker') }, schema: { params: byId, querystring: reportQuery } },
    async (request, reply) =>
      renderEditor(request, reply, 200, {
        notice: (request.query as { done?: string }).done === 'saved' ? request.t('projects.notice.reportSaved') : undefined,
      }),
  );

  app.post(
    '/prosjekter/:id/rapport',
    { config: { access: access.roles('case_worker') }, schema: { params: byId, querystring: reportQuery, body: formBody } },
    async (request, reply) => {
      const target = reportTarget(request);
      const frame = await reportFrame(request, target.periodKey, target.memberCode);
      if (!frame.writes) throw forbidden();
      const fields = formFields(request.body);
      const { content, errors } = readReportForm(
        fields,
        { ...frame.plan, activities: frame.plan.activities.filter((a) => target.memberCode === '' || a.member === target.memberCode) },
        frame.questions.map((q) => q.key),
      );
      const ctx = reply.pageContext();
      if (errors.length > 0)
        return renderEditor(request, reply, 400, {
          content,
          values: Object.fromEntries(errors.map((e) => [e.field, String(fields[e.field] ?? '')])),
          errors: errors.map((e) => formError(ctx, e)),
        });
      const saved = await saveReport(db, frame.project.id, formVersion(request.body), target, content, actorOf(request));
      if (isRefused(saved))
        return renderEditor(request, reply, explainProblem(ctx, saved.problem).status, {
          content,
          errors: explainProblem(ctx, saved.problem).errors,
        });
      if (formField(request.body, 'action') !== 'submit')
        return reply.redirect(
          `/prosjekter/${frame.project.id}/rapport?periode=${target.periodKey}&del=${target.memberCode}&lang=${request.locale}&done=saved`,
          303,
        );
      const submitted = await submitReport(db, app.jobs, frame.project.id, saved.version, target, actorOf(request));
      if (isRefused(submitted))
        return renderEditor(request, reply, explainProblem(ctx, submitted.problem).status, {
          content,
          errors: explainProblem(ctx, submitted.problem).errors,
        });
      return reply.redirect(`/prosjekter/${frame.project.id}/oppfolging?lang=${request.locale}&done=reportSubmitted`, 303);
    },
  );

  async function renderReading(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    extra: { values?: Record<string, string>; errors?: FieldError[]; notice?: string } = {},
  ) {
    const { id, reportId } = request.params as { id: string; reportId: string };
    const report = (await listReports(db, [id])).find((r) => r.id === reportId);
    if (!report) throw notFound();
    const frame = await reportFrame(request, report.periodKey, report.memberCode);
    reply.code(status);
    return reply.html(
      <ReportReadingPage
        ctx={reply.pageContext()}
        report={report}
        canReview={frame.role.owner && report.state === 'submitted'}
        view={{
          ...frame,
          memberCode: report.memberCode,
          content: report.content,
          errors: extra.errors ?? [],
          values: extra.values,
          notice: extra.notice,
        }}
      />,
    );
  }

  const reportParams = idParams('id', 'reportId');

  app.get(
    '/prosjekter/:id/rapporter/:reportId',
    { config: { access: access.signedIn }, schema: { params: reportParams } },
    async (request, reply) =>
      renderReading(request, reply, 200, {
        notice: (request.query as { done?: string }).done ? request.t('projects.notice.reportReviewed') : undefined,
      }),
  );

  app.post(
    '/prosjekter/:id/rapporter/:reportId/vurdering',
    { config: { access: OWNER }, schema: { params: reportParams, body: formBody } },
    async (request, reply) => {
      const { project, role } = await followedProject(request);
      if (!role.owner) throw forbidden();
      const action = formField(request.body, 'action');
      const comment = formField(request.body, 'comment') ?? '';
      if (action !== 'approve' && action !== 'return') throw badRequest();
      const { reportId } = request.params as { reportId: string };
      const outcome = await reviewReport(
        db,
        app.jobs,
        project.id,
        formVersion(request.body),
        reportId,
        { action, comment },
        actorOf(request),
      );
      if (isRefused(outcome)) {
        const { status, errors } = explainProblem(reply.pageContext(), outcome.problem);
        return renderReading(request, reply, status, {
          values: { comment },
          errors: errors.map((e) => (e.field === 'decisionReason' ? { ...e, field: 'comment' } : e)),
        });
      }
      return reply.redirect(`/prosjekter/${project.id}/rapporter/${reportId}?lang=${request.locale}&done=1`, 303);
    },
  );
}

export function evaluatorRoutes(app: FastifyInstance, finalReportOf: (project: StoredProject) => Promise<ReportContent | undefined>) {
  const db = app.database.db;

  /** The programme, for one of its evaluators; 404 unknown, 403 anyone else. */
  async function evaluatedProgramme(request: FastifyRequest, programmeId: string): Promise<EvaluatedProgramme> {
    const programme = await findProgramme(db, programmeId);
    if (!programme) throw notFound();
    if (!(await programmesEvaluatedBy(db, request.principal!.userId)).includes(programme.id)) throw forbidden();
    return {
      id: programme.id,
      name: programme.name,
      ownerName: programme.ownerName,
      projects: await listProjects(db, { programmeIds: [programme.id] }),
    };
  }

  app.get('/evaluering', { config: { access: access.signedIn } }, async (request, reply) => {
    const ids = await programmesEvaluatedBy(db, request.principal!.userId);
    const programmes = await Promise.all(ids.map((id) => evaluatedProgramme(request, id)));
    return reply.html(<EvaluatorHomePage ctx={reply.pageContext()} programmes={programmes} />);
  });

  /** The evaluation page of a programme (no project) or of one of its ended projects. */
  async function target(request: FastifyRequest, kind: 'programme' | 'project') {
    const { id } = request.params as { id: string };
    if (kind === 'programme') return { programme: await evaluatedProgramme(request, id), project: undefined };
    const project = await findProject(db, id);
    if (!project) throw notFound();
    const programme = await evaluatedProgramme(request, project.programmeId);
    if (!projectWorkflow.isIn('ended', project.state)) throw notFound();
    return { programme, project };
  }

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    kind: 'programme' | 'project',
    status: number,
    extra: { errors?: FieldError[]; values?: Record<string, string>; notice?: string } = {},
  ) {
    const { programme, project } = await target(request, kind);
    reply.code(status);
    return reply.html(
      <EvaluationPage
        ctx={reply.pageContext()}
        view={{
          programme,
          project,
          finalReport: project ? await finalReportOf(project) : undefined,
          evaluation: await findEvaluation(db, programme.id, project?.id ?? null),
          errors: extra.errors ?? [],
          values: extra.values ?? {},
          notice: extra.notice,
        }}
      />,
    );
  }

  for (const [kind, path] of [
    ['programme', '/evaluering/programmer/:id'],
    ['project', '/evaluering/prosjekter/:id'],
  ] as const) {
    app.get(path, { config: { access: access.signedIn }, schema: { params: byId } }, async (request, reply) =>
      render(request, reply, kind, 200, {
        notice: (request.query as { saved?: string }).saved ? request.t('projects.notice.evaluationSaved') : undefined,
      }),
    );
    app.post(path, { config: { access: access.signedIn }, schema: { params: byId, body: formBody } }, async (request, reply) => {
      const { programme, project } = await target(request, kind);
      const text = formField(request.body, 'text') ?? '';
      if (text.trim() === '')
        return render(request, reply, kind, 400, { errors: [{ field: 'text', message: request.t('projects.problem.evaluationEmpty') }] });
      const outcome = await writeEvaluation(db, programme.id, project?.id ?? null, formVersion(request.body), text, actorOf(request));
      if (isRefused(outcome)) {
        const { status, errors } = explainProblem(reply.pageContext(), outcome.problem);
        return render(request, reply, kind, status, { errors, values: { text } });
      }
      return reply.redirect(`${path.replace(':id', project?.id ?? programme.id)}?lang=${request.locale}&saved=1`, 303);
    });
  }
}

const GATHERING_FILE_TYPES = new Set([
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.presentation',
  'image/png',
  'image/jpeg',
]);

export function gatheringRoutes(
  app: FastifyInstance,
  ownedProgramme: (request: FastifyRequest) => Promise<{ id: string; name: string }>,
  followedProject: FollowedProject,
) {
  const db = app.database.db;
  const gatheringParams = idParams('id', 'gatheringId');

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    extra: { values?: Record<string, string>; errors?: FieldError[]; notice?: string } = {},
  ) {
    const programme = await ownedProgramme(request);
    const gatherings = await listGatherings(db, programme.id);
    const { gatheringId } = request.params as { gatheringId?: string };
    const editing = gatheringId ? gatherings.find((g) => g.id === gatheringId) : undefined;
    if (gatheringId && !editing) throw notFound();
    const projects = (await listProjects(db, { programmeIds: [programme.id] })).filter((p) => p.state !== 'awaiting_acceptance');
    reply.code(status);
    return reply.html(
      <GatheringsPage
        ctx={reply.pageContext()}
        view={{ programme, gatherings, projects, editing, values: extra.values ?? {}, errors: extra.errors ?? [], notice: extra.notice }}
      />,
    );
  }

  const saved = (request: FastifyRequest) =>
    (request.query as { saved?: string }).saved ? request.t('projects.notice.gatheringSaved') : undefined;
  app.get('/eier/programmer/:id/samlinger', { config: { access: OWNER }, schema: { params: byId } }, async (request, reply) =>
    render(request, reply, 200, { notice: saved(request) }),
  );
  app.get(
    '/eier/programmer/:id/samlinger/:gatheringId',
    { config: { access: OWNER }, schema: { params: gatheringParams } },
    async (request, reply) => render(request, reply, 200, { notice: saved(request) }),
  );

  async function save(request: FastifyRequest, reply: FastifyReply, gatheringId: string | null) {
    const programme = await ownedProgramme(request);
    const values = Object.fromEntries(Object.entries(formFields(request.body)).map(([k, v]) => [k, Array.isArray(v) ? (v[0] ?? '') : v]));
    const heldOn = calendarDate(values.heldOn ?? '');
    const title = (values.title ?? '').trim();
    const errors: FieldError[] = [];
    if (title === '' || title.length > 200) errors.push({ field: 'title', message: request.t('projects.problem.gatheringTitle') });
    if (!heldOn) errors.push({ field: 'heldOn', message: request.t('projects.problem.form.date') });
    if (errors.length > 0) return render(request, reply, 400, { values, errors });
    const projects = await listProjects(db, { programmeIds: [programme.id] });
    const attendance = new Map(
      projects.flatMap((p) => {
        const people = (values[`attend-${p.id}`] ?? '').trim();
        return people ? [[p.id, people] as const] : [];
      }),
    );
    const input = { title, heldOn: heldOn!, place: (values.place ?? '').trim(), agenda: (values.agenda ?? '').trim(), attendance };
    const outcome = await saveGathering(db, programme.id, gatheringId, formVersion(request.body), input, actorOf(request));
    if (isRefused(outcome)) {
      const explained = explainProblem(reply.pageContext(), outcome.problem);
      return render(request, reply, explained.status, { values, errors: explained.errors });
    }
    return reply.redirect(`/eier/programmer/${programme.id}/samlinger/${outcome.id}?lang=${request.locale}&saved=1`, 303);
  }

  app.post(
    '/eier/programmer/:id/samlinger',
    { config: { access: OWNER }, schema: { params: byId, body: formBody } },
    async (request, reply) => save(request, reply, null),
  );
  app.post(
    '/eier/programmer/:id/samlinger/:gatheringId',
    { config: { access: OWNER }, schema: { params: gatheringParams, body: formBody } },
    async (request, reply) => save(request, reply, (request.params as { gatheringId: string }).gatheringId),
  );

  app.post(
    '/eier/programmer/:id/samlinger/:gatheringId/materiell',
    { config: { access: OWNER }, schema: { params: gatheringParams } },
    async (request, reply) => {
      const programme = await ownedProgramme(request);
      const { gatheringId } = request.params as { gatheringId: string };
      const file = await formFile(request.body, 'file');
      if (!file) return render(request, reply, 400, { errors: [{ field: 'file', message: request.t('projects.problem.noFile') }] });
      if (!GATHERING_FILE_TYPES.has(file.contentType))
        return render(request, reply, 415, {
          errors: [{ field: 'file', message: translate(reply.pageContext(), 'projects.problem.fileType', { name: file.name }) }],
        });
      const outcome = await addMaterial(db, programme.id, gatheringId, formVersion(request.body), file, actorOf(request));
      if (isRefused(outcome)) {
        const explained = explainProblem(reply.pageContext(), outcome.problem);
        return render(request, reply, explained.status, { errors: explained.errors.map((e) => ({ ...e, field: 'file' })) });
      }
      return reply.redirect(`/eier/programmer/${programme.id}/samlinger/${gatheringId}?lang=${request.locale}&saved=1`, 303);
    },
  );

  /** A material of a gathering, for the programme's owner and its projects. */
  async function material(reply: FastifyReply, programmeId: string, gatheringId: string, fileId: string) {
    const gathering = await findGathering(db, programmeId, gatheringId);
    if (!gathering?.materials.some((m) => m.fileId === fileId)) throw notFound();
    const file = await findFile(db, fileId);
    if (!file) throw notFound();
    return reply.download(file);
  }

  const materialParams = idParams('id', 'gatheringId', 'fileId');
  app.get(
    '/eier/programmer/:id/samlinger/:gatheringId/materiell/:fileId',
    { config: { access: OWNER }, schema: { params: materialParams } },
    async (request, reply) => {
      const programme = await ownedProgramme(request);
      const { gatheringId, fileId } = request.params as { gatheringId: string; fileId: string };
      return material(reply, programme.id, gatheringId, fileId);
    },
  );
  app.get(
    '/prosjekter/:id/samlinger/:gatheringId/materiell/:fileId',
    { config: { access: access.signedIn }, schema: { params: materialParams } },
    async (request, reply) => {
      const { project } = await followedProject(request);
      const { gatheringId, fileId } = request.params as { gatheringId: string; fileId: string };
      return material(reply, project.programmeId, gatheringId, fileId);
    },
  );
}

export function continuationRoutes(app: FastifyInstance, followedProject: FollowedProject) {
  const db = app.database.db;

  /** Open calls of the project's country, now. */
  async function openCalls(country: string) {
    const now = new Date().toISOString();
    return (await listPublicCalls(db)).filter(
      (c) =>
        c.status === 'published' && c.programme.country === country && c.content.rounds.some((r) => r.opensAt <= now && now < r.closesAt),
    );
  }

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    extra: { content?: Continuation; values?: Record<string, string>; errors?: FieldError[]; notice?: string } = {},
  ) {
    const { project, role } = await followedProject(request);
    if (!mayContinue(project, today(new Date())) || role.memberCodes.length === 0) throw notFound();
    const stored = await findContinuation(db, project.id);
    reply.code(status);
    return reply.html(
      <ContinuationPage
        ctx={reply.pageContext()}
        view={{
          project,
          content: extra.content ?? stored?.content ?? newContinuation(project),
          stored,
          editable: !stored?.applicationId,
          lead: role.lead,
          calls: (await openCalls(project.country)).map((c) => ({ id: c.id, title: c.content.title })),
          errors: extra.errors ?? [],
          values: extra.values ?? {},
          notice: extra.notice,
        }}
      />,
    );
  }

  app.get(
    '/prosjekter/:id/videreforing',
    { config: { access: access.roles('case_worker') }, schema: { params: byId } },
    async (request, reply) =>
      render(request, reply, 200, {
        notice: (request.query as { saved?: string }).saved ? request.t('projects.notice.continuationSaved') : undefined,
      }),
  );

  app.post(
    '/prosjekter/:id/videreforing',
    { config: { access: access.roles('case_worker') }, schema: { params: byId, body: formBody } },
    async (request, reply) => {
      const { project } = await followedProject(request);
      const fields = formFields(request.body);
      const { content, errors } = readContinuationForm(
        fields,
        project.members.map((m) => m.code),
      );
      const ctx = reply.pageContext();
      if (errors.length > 0)
        return render(request, reply, 400, {
          content,
          values: Object.fromEntries(errors.map((e) => [e.field, String(fields[e.field] ?? '')])),
          errors: errors.map((e) => formError(ctx, e)),
        });
      const outcome = await saveContinuation(db, project.id, formVersion(request.body), content, actorOf(request));
      if (isRefused(outcome))
        return render(request, reply, explainProblem(ctx, outcome.problem).status, {
          content,
          errors: explainProblem(ctx, outcome.problem).errors,
        });
      return reply.redirect(`/prosjekter/${project.id}/videreforing?lang=${request.locale}&saved=1`, 303);
    },
  );

  app.post(
    '/prosjekter/:id/videreforing/soknad',
    { config: { access: access.roles('case_worker') }, schema: { params: byId, body: formBody } },
    async (request, reply) => {
      const { project, role } = await followedProject(request);
      if (!role.lead) throw forbidden();
      const callId = formField(request.body, 'call') ?? '';
      const call = (await openCalls(project.country)).find((c) => c.id === callId);
      if (!call)
        return render(request, reply, 409, {
          values: { call: callId },
          errors: [{ field: 'call', message: request.t('projects.problem.callNotOpen') }],
        });
      const email = request.principal?.userId ? await findUserEmail(db, request.principal.userId) : null;
      const outcome = await applyWithContinuation(db, project.id, formVersion(request.body), call, email, actorOf(request));
      if (isRefused(outcome)) {
        const { status, errors } = explainProblem(reply.pageContext(), outcome.problem);
        return render(request, reply, status, { values: { call: callId }, errors });
      }
      return reply.redirect(`/soknader/${outcome.applicationId}?lang=${request.locale}`, 303);
    },
  );
}

export const isProjectState = (value: string): value is ProjectState => (projectWorkflow.states as readonly string[]).includes(value);
