/** The projects' pages: parse, authorise, call the use case, render. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../platform/auth/model.js';
import { actorOf, calendarDate, formField, formFields, formVersion, idParams } from '../platform/http/input.js';
import { forbidden, notFound } from '../platform/http/problems.js';
import { isRefused } from '../platform/outcome.js';
import type { FieldError } from '../platform/ui/components.js';
import { findProgramme, listTemplates } from '../programmes/index.js';
import { listMunicipalities, listRegions } from '../registry/index.js';
import { MAX_PERIODS, MAX_TRANCHES, type FollowUpForm } from './model.js';
import { FollowUpPage, PortfolioPage, type PortfolioRow } from './pages/owner.js';
import { MyProjectsPage, PublicProjectPage, PublicProjectsPage, WorkspacePage, type PublicProject } from './pages/project.js';
import { explainProblem } from './problems.js';
import {
  findFollowUp,
  findProject,
  listChangeRequests,
  listPayments,
  listPlans,
  listProjects,
  listReports,
  type StoredProject,
} from './store.js';
import { acceptGrant, decideChange, releasePayment, requestChange, requestPayment, setFollowUp, type ProjectProblem } from './use-cases.js';
import { followUpStatus, projectRole, seesFollowUp, type FollowUpStatus } from './views.js';
import { projectWorkflow, type ProjectState } from './workflows.js';
import { portfolioCsv, projectJson } from './exports.js';

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
  },
};
type Filter = { state?: string; county?: string; programme?: string; country?: string };

export async function projectRoutes(app: FastifyInstance) {
  const db = app.database.db;

  /** Each municipality's county (Norway) or region (Denmark), by municipality code. */
  async function countyOf(): Promise<Map<string, string>> {
    const counties = new Map<string, string>();
    for (const country of ['NO', 'DK'] as const) {
      const regions = new Map((await listRegions(db, country)).map((r) => [r.code, r.name]));
      for (const m of await listMunicipalities(db, country)) counties.set(m.code, regions.get(m.regionCode ?? '') ?? '');
    }
    return counties;
  }

  async function statusOf(projects: readonly StoredProject[]): Promise<Map<string, FollowUpStatus>> {
    const ids = projects.map((p) => p.id);
    const [reports, payments] = [await listReports(db, ids), await listPayments(db, ids)];
    const followUps = new Map<string, Awaited<ReturnType<typeof findFollowUp>>>();
    const now = new Date();
    const statuses = new Map<string, FollowUpStatus>();
    for (const project of projects) {
      if (!followUps.has(project.programmeId)) followUps.set(project.programmeId, await findFollowUp(db, project.programmeId));
      const plans = await listPlans(db, project.id);
      statuses.set(project.id, followUpStatus(project, followUps.get(project.programmeId)!.plan, plans, reports, payments, now));
    }
    return statuses;
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
  async function followedProject(request: FastifyRequest) {
    const project = await findProject(db, (request.params as { id: string }).id);
    if (!project) throw notFound();
    const programme = await findProgramme(db, project.programmeId);
    if (!programme) throw notFound();
    const role = projectRole(request.principal, project, programme.ownerOrganisationId);
    if (!seesFollowUp(role)) throw forbidden();
    return { project, programme, role };
  }

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

  async function portfolio(request: FastifyRequest) {
    const programme = await ownedProgramme(request);
    const filter = request.query as Filter;
    const counties = await countyOf();
    const projects = await listProjects(db, { programmeIds: [programme.id] });
    const statuses = await statusOf(projects);
    const county = (p: StoredProject) => counties.get(p.members[0]?.code ?? '') ?? '';
    const rows: PortfolioRow[] = projects
      .filter((p) => !filter.state || p.state === filter.state)
      .filter((p) => !filter.county || p.members.some((m) => counties.get(m.code) === filter.county))
      .map((project) => ({ project, status: statuses.get(project.id)!, county: county(project) }));
    const allCounties = [...new Set(projects.flatMap((p) => p.members.map((m) => counties.get(m.code) ?? '')))].filter(Boolean).sort();
    return { programme, rows, filter: { state: filter.state ?? '', county: filter.county ?? '' }, counties: allCounties };
  }

  app.get(
    '/eier/programmer/:id/prosjekter',
    { config: { access: OWNER }, schema: { params: byId, querystring: filterQuery } },
    async (request, reply) => {
      const view = await portfolio(request);
      return reply.html(<PortfolioPage ctx={reply.pageContext()} {...view} />);
    },
  );

  app.get(
    '/eier/programmer/:id/prosjekter.csv',
    { config: { access: OWNER }, schema: { params: byId, querystring: filterQuery } },
    async (request, reply) => {
      const view = await portfolio(request);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="prosjekter.csv"')
        .send(portfolioCsv(request.locale, view.rows));
    },
  );

  // The public pages and the API ----------------------------------------------------------------------

  async function publicProjects(
    filter: Filter,
  ): Promise<{ list: PublicProject[]; counties: string[]; programmes: { id: string; name: string }[] }> {
    const counties = await countyOf();
    const visible = (await listProjects(db)).filter((p) => p.state !== 'awaiting_acceptance');
    const programmes = new Map<string, { id: string; name: string; ownerName: string }>();
    for (const p of visible) if (!programmes.has(p.programmeId)) programmes.set(p.programmeId, (await findProgramme(db, p.programmeId))!);
    const list: PublicProject[] = [];
    for (const project of visible) {
      if (filter.state && project.state !== filter.state) continue;
      if (filter.programme && project.programmeId !== filter.programme) continue;
      if (filter.country && project.country !== filter.country) continue;
      if (filter.county && !project.members.some((m) => counties.get(m.code) === filter.county)) continue;
      const programme = programmes.get(project.programmeId)!;
      const plan = (await listPlans(db, project.id)).find((p) => p.state === 'approved')?.content;
      list.push({
        project,
        programmeName: programme.name,
        ownerName: programme.ownerName,
        plan,
        county: counties.get(project.members[0]?.code ?? '') ?? '',
      });
    }
    const allCounties = [...new Set(visible.flatMap((p) => p.members.map((m) => counties.get(m.code) ?? '')))].filter(Boolean).sort();
    return { list, counties: allCounties, programmes: [...programmes.values()].map(({ id, name }) => ({ id, name })) };
  }

  for (const path of PROJECT_LIST_PATHS) {
    app.get(path, { config: { access: access.public }, schema: { querystring: filterQuery } }, async (request, reply) => {
      const filter = request.query as Filter;
      const { list, counties, programmes } = await publicProjects(filter);
      return reply.html(
        <PublicProjectsPage
          ctx={reply.pageContext()}
          projects={list}
          counties={counties}
          programmes={programmes}
          path={path}
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
      const { list } = await publicProjects(request.query as Filter);
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
    return reply.html(
      <PublicProjectPage
        ctx={reply.pageContext()}
        followUp={followUp}
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

  // The follow-up page and its actions ---------------------------------------------------------------

  async function renderWorkspace(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    extra: { values?: Record<string, string>; errors?: FieldError[]; notice?: string } = {},
  ) {
    const { project, programme, role } = await followedProject(request);
    const statuses = await statusOf([project]);
    reply.code(status);
    return reply.html(
      <WorkspacePage
        ctx={reply.pageContext()}
        view={{
          project,
          programmeName: programme.name,
          role,
          status: statuses.get(project.id)!,
          changes: await listChangeRequests(db, project.id),
          errors: extra.errors ?? [],
          notice: extra.notice,
          values: extra.values,
        }}
      />,
    );
  }

  const notices = {
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

  app.post(
    '/prosjekter/:id/aksepter',
    { config: { access: access.roles('case_worker') }, schema: { params: byId, body: formBody } },
    async (request, reply) => {
      const { project, role } = await followedProject(request);
      if (!role.lead) throw forbidden();
      return act(request, reply, 'accepted', await acceptGrant(db, app.jobs, project.id, formVersion(request.body), actorOf(request)));
    },
  );

  app.post(
    '/prosjekter/:id/utbetalinger',
    { config: { access: access.roles('case_worker') }, schema: { params: byId, body: formBody } },
    async (request, reply) => {
      const { project, role } = await followedProject(request);
      if (!role.lead) throw forbidden();
      const tranche = formField(request.body, 'tranche') ?? '';
      return act(
        request,
        reply,
        'requested',
        await requestPayment(db, app.jobs, project.id, formVersion(request.body), tranche, actorOf(request)),
      );
    },
  );

  app.post(
    '/prosjekter/:id/utbetalinger/:paymentId',
    { config: { access: OWNER }, schema: { params: idParams('id', 'paymentId'), body: formBody } },
    async (request, reply) => {
      const { project, role } = await followedProject(request);
      if (!role.owner) throw forbidden();
      const { paymentId } = request.params as { paymentId: string };
      return act(
        request,
        reply,
        'released',
        await releasePayment(db, app.jobs, project.id, formVersion(request.body), paymentId, actorOf(request)),
      );
    },
  );

  app.post(
    '/prosjekter/:id/endringer',
    { config: { access: access.roles('case_worker') }, schema: { params: byId, body: formBody } },
    async (request, reply) => {
      const { project, role } = await followedProject(request);
      if (!role.lead) throw forbidden();
      const values = {
        kind: formField(request.body, 'kind') ?? '',
        endsOn: formField(request.body, 'endsOn') ?? '',
        description: formField(request.body, 'description') ?? '',
        reason: formField(request.body, 'reason') ?? '',
      };
      const endsOn = calendarDate(values.endsOn);
      if (values.kind === 'extension' && !endsOn)
        return renderWorkspace(request, reply, 400, {
          values,
          errors: [{ field: 'endsOn', message: request.t('projects.problem.endsOn') }],
        });
      if (values.kind === 'members' && values.description.trim() === '')
        return renderWorkspace(request, reply, 400, {
          values,
          errors: [{ field: 'description', message: request.t('projects.problem.description') }],
        });
      if (values.kind !== 'extension' && values.kind !== 'members')
        return renderWorkspace(request, reply, 400, {
          values,
          errors: [{ field: 'kind-extension', message: request.t('projects.problem.kind') }],
        });
      const proposal =
        values.kind === 'extension'
          ? { kind: 'extension' as const, endsOn: endsOn! }
          : { kind: 'members' as const, description: values.description.trim() };
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

export const isProjectState = (value: string): value is ProjectState => (projectWorkflow.states as readonly string[]).includes(value);
