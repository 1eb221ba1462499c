/** A project's follow-up page (grantee and owner) and its public page. */
import { formatDateTime } from '../../platform/i18n/index.js';
import { ErrorSummary, listHref, PageHeading, Pager, SuccessNotice, type FieldError } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { Checkbox, Select, TextArea, TextField } from '../../platform/ui/fields.js';
import { Layout } from '../../platform/ui/layout.js';
import { DataTable } from '../../platform/ui/table.js';
import { translate } from '../../platform/ui/translate.js';
import type { PlanChange, ProjectPlan, ReportContent } from '../model.js';
import type { StoredProposal } from '../use-cases.js';
import type { StoredChangeRequest, StoredEvaluation, StoredProject } from '../store.js';
import { CloseSection } from './evaluation.js';
import { ProjectGatherings } from './gatherings.js';
import type { Gathering } from '../gatherings.js';
import type { FollowUpStatus, IndicatorProgress, ProjectRole } from '../views.js';
import { IndicatorCharts } from './indicators.js';
import { changeWorkflow, projectWorkflow, PUBLIC_PROJECT_STATES } from '../workflows.js';
import { day, IndicatorTable, money, projectPath, reviewName, stateName, VersionFields } from './parts.js';

export interface WorkspaceView {
  project: StoredProject;
  programmeName: string;
  role: ProjectRole;
  status: FollowUpStatus;
  indicators: IndicatorProgress[];
  changes: StoredChangeRequest[];
  evaluation: StoredEvaluation | undefined;
  gatherings: Gathering[];
  /** Whether the project is near enough its end to draft a continuation. */
  continues: boolean;
  /** The country's municipalities a change of members may add (asked only for the lead of a running project). */
  municipalities: readonly { code: string; name: string }[];
  errors: FieldError[];
  notice?: string | undefined;
  values?: Record<string, string>;
}

export function WorkspacePage({ ctx, view }: { ctx: PageContext; view: WorkspaceView }) {
  const { t } = ctx;
  const { project, role, status } = view;
  const id = project.id;
  const grantee = role.memberCodes.length > 0;
  return (
    <Layout
      ctx={ctx}
      title={project.title}
      crumbs={[
        role.owner
          ? { href: `/eier/programmer/${project.programmeId}/prosjekter`, label: view.programmeName }
          : { href: '/prosjekter/mine', label: t('projects.mine.title') },
      ]}
    >
      <PageHeading
        title={project.title}
        lead={translate(ctx, 'projects.workspace.lead', {
          state: stateName(ctx, project.state),
          programme: view.programmeName,
          caseNumber: project.caseNumber,
        })}
      />
      <SuccessNotice text={view.notice} />
      <ErrorSummary ctx={ctx} errors={view.errors} />
      {role.lead && project.state !== 'awaiting_acceptance' ? (
        <a class="ds-link" href={`/kunnskapsbank/ny/fra-prosjekt/${id}?lang=${ctx.locale}`} safe>
          {t('knowledge.seed.title')}
        </a>
      ) : (
        ''
      )}
      <section aria-labelledby="grant" class="stack">
        <h2 class="ds-heading" data-size="sm" id="grant" safe>
          {t('projects.workspace.grant')}
        </h2>
        <p class="ds-paragraph" safe>
          {translate(ctx, 'projects.workspace.grantText', {
            amount: money(ctx, project.grant, project.currency),
            members: project.members.map((m) => m.name).join(', '),
            released: money(ctx, status.released, project.currency),
            spent: money(ctx, status.spent, project.currency),
          })}
        </p>
        <p class="ds-paragraph" data-size="sm" safe>
          {translate(ctx, 'projects.workspace.grantSource', { caseNumber: project.caseNumber })}
        </p>
        {project.conditions ? (
          <p class="ds-paragraph" safe>
            {translate(ctx, 'projects.workspace.conditions', { conditions: project.conditions })}
          </p>
        ) : (
          ''
        )}
        {project.acceptedAt ? (
          <p class="ds-paragraph" safe>
            {translate(ctx, 'projects.workspace.accepted', {
              by: project.acceptedByName ?? '',
              at: formatDateTime(ctx.locale, project.acceptedAt),
            })}
          </p>
        ) : role.lead ? (
          <form method="post" action={projectPath(id, ctx.locale, '/aksepter')}>
            <VersionFields ctx={ctx} version={project.version} />
            <p class="ds-paragraph" safe>
              {t('projects.workspace.acceptHelp')}
            </p>
            <button class="ds-button" type="submit" safe>
              {t('projects.workspace.accept')}
            </button>
          </form>
        ) : (
          <p class="ds-paragraph" safe>
            {t('projects.workspace.notAccepted')}
          </p>
        )}
        {status.payBack > 0 ? (
          <p class="ds-paragraph" safe>
            {translate(ctx, 'projects.workspace.payBack', { amount: money(ctx, status.payBack, project.currency) })}
          </p>
        ) : (
          ''
        )}
      </section>
      <section aria-labelledby="plan" class="stack">
        <h2 class="ds-heading" data-size="sm" id="plan" safe>
          {t('projects.plan.title')}
        </h2>
        <p class="ds-paragraph">
          <a class="ds-link" href={projectPath(id, ctx.locale, '/plan')} safe>
            {status.currentPlan
              ? translate(ctx, 'projects.workspace.planApproved', { n: status.currentPlan.number, end: day(ctx, project.endsOn) })
              : t('projects.workspace.planOpen')}
          </a>
        </p>
      </section>
      <IndicatorCharts ctx={ctx} progress={view.indicators} planNumber={status.currentPlan?.number ?? 0} />
      <section aria-labelledby="reports" class="stack">
        <h2 class="ds-heading" data-size="sm" id="reports" safe>
          {t('projects.reports.title')}
        </h2>
        {status.periods.length === 0 ? (
          <p class="ds-paragraph" safe>
            {t('projects.reports.noPlan')}
          </p>
        ) : (
          <DataTable
            caption={t('projects.reports.caption')}
            rows={status.periods.flatMap((p) => p.parts.map((part) => ({ p, part })))}
            columns={[
              {
                header: t('projects.col.report'),
                rowHeader: true,
                text: ({ p, part }) => `${p.period.title}${part.memberName ? ` – ${part.memberName}` : ''}`,
              },
              {
                header: t('projects.col.due'),
                text: ({ p }) => `${day(ctx, p.period.due)}${p.overdue ? ` (${t('projects.reports.overdue')})` : ''}`,
              },
              {
                header: t('projects.col.state'),
                text: ({ part }) =>
                  part.latest
                    ? `${reviewName(ctx, part.latest.state)} (${translate(ctx, 'projects.reports.version', { n: part.latest.version })})`
                    : t('projects.reports.notStarted'),
              },
              {
                header: t('projects.col.action'),
                cell: ({ p, part }) => {
                  const mine = part.memberCode === '' ? role.lead : role.memberCodes.includes(part.memberCode);
                  const open = !part.latest || part.latest.state === 'draft' || part.latest.state === 'returned';
                  return (
                    <span class="link-list">
                      {project.state === 'running' && mine && open ? (
                        <a
                          class="ds-link"
                          href={`/prosjekter/${id}/rapport?periode=${p.period.key}&del=${part.memberCode}&lang=${ctx.locale}`}
                          safe
                        >
                          {part.latest ? t('projects.reports.continue') : t('projects.reports.write')}
                        </a>
                      ) : (
                        ''
                      )}
                      {part.latest && part.latest.state !== 'draft' ? (
                        <a class="ds-link" href={projectPath(id, ctx.locale, `/rapporter/${part.latest.id}`)} safe>
                          {role.owner && part.latest.state === 'submitted' ? t('projects.reports.review') : t('projects.reports.read')}
                        </a>
                      ) : (
                        ''
                      )}
                    </span>
                  );
                },
              },
            ]}
          />
        )}
      </section>
      <section aria-labelledby="payments" class="stack">
        <h2 class="ds-heading" data-size="sm" id="payments" safe>
          {t('projects.payments.title')}
        </h2>
        {status.tranches.length === 0 ? (
          <p class="ds-paragraph" safe>
            {t('projects.payments.noPlan')}
          </p>
        ) : (
          <DataTable
            caption={translate(ctx, 'projects.payments.caption', {
              released: money(ctx, status.released, project.currency),
              grant: money(ctx, project.grant, project.currency),
            })}
            rows={status.tranches}
            columns={[
              { header: t('projects.col.tranche'), rowHeader: true, text: (tr) => `${tr.tranche.share} %` },
              { header: t('projects.col.amount'), numeric: true, text: (tr) => money(ctx, tr.amount, project.currency) },
              {
                header: t('projects.col.condition'),
                text: (tr) =>
                  tr.tranche.condition.kind === 'accepted'
                    ? t('projects.followUp.conditionAccepted')
                    : translate(ctx, 'projects.followUp.conditionReport', {
                        report:
                          status.periods.find((p) => p.period.key === (tr.tranche.condition as { period: string }).period)?.period.title ??
                          '',
                      }),
              },
              {
                header: t('projects.col.state'),
                cell: (tr) =>
                  tr.payment?.state === 'released' ? (
                    <span safe>
                      {translate(ctx, 'projects.payments.released', {
                        at: formatDateTime(ctx.locale, tr.payment.releasedAt!),
                        by: tr.payment.releasedByName ?? '',
                      })}
                    </span>
                  ) : tr.payment ? (
                    role.owner ? (
                      <form method="post" action={projectPath(id, ctx.locale, `/utbetalinger/${tr.payment.id}`)}>
                        <VersionFields ctx={ctx} version={project.version} />
                        <button class="ds-button" data-size="sm" type="submit" safe>
                          {translate(ctx, 'projects.payments.release', { amount: money(ctx, tr.amount, project.currency) })}
                        </button>
                      </form>
                    ) : (
                      <span safe>{t('projects.payments.requested')}</span>
                    )
                  ) : tr.due && role.lead ? (
                    <form method="post" action={projectPath(id, ctx.locale, '/utbetalinger')}>
                      <VersionFields ctx={ctx} version={project.version} />
                      <input type="hidden" name="tranche" value={tr.tranche.key} />
                      <button class="ds-button" data-size="sm" data-variant="secondary" type="submit" safe>
                        {t('projects.payments.request')}
                      </button>
                    </form>
                  ) : (
                    <span safe>{tr.due ? t('projects.payments.due') : t('projects.payments.notDue')}</span>
                  ),
              },
            ]}
          />
        )}
      </section>
      <ChangeSection ctx={ctx} view={view} grantee={grantee} />
      {grantee && view.continues ? (
        <section aria-labelledby="continuation" class="stack">
          <h2 class="ds-heading" data-size="sm" id="continuation" safe>
            {t('projects.continuation.heading')}
          </h2>
          <p class="ds-paragraph">
            <a class="ds-link" href={projectPath(id, ctx.locale, '/videreforing')} safe>
              {t('projects.continuation.open')}
            </a>
          </p>
        </section>
      ) : (
        ''
      )}
      <ProjectGatherings ctx={ctx} project={project} gatherings={view.gatherings} />
      {role.owner ? <CloseSection ctx={ctx} project={project} evaluation={view.evaluation} /> : ''}
    </Layout>
  );
}

function ChangeSection({ ctx, view, grantee }: { ctx: PageContext; view: WorkspaceView; grantee: boolean }) {
  const { t } = ctx;
  const { project, role } = view;
  const open = view.changes.find((c) => c.state === 'requested');
  const error = (field: string) => view.errors.find((e) => e.field === field)?.message;
  return (
    <section aria-labelledby="changes" class="stack">
      <h2 class="ds-heading" data-size="sm" id="changes" safe>
        {t('projects.changes.title')}
      </h2>
      {view.changes.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('projects.changes.none')}
        </p>
      ) : (
        <DataTable
          caption={t('projects.changes.caption')}
          rows={view.changes}
          columns={[
            {
              header: t('projects.col.requested'),
              rowHeader: true,
              text: (c) => `${formatDateTime(ctx.locale, c.requestedAt)}, ${c.requestedByName}`,
            },
            { header: t('projects.col.change'), text: (c) => changeText(ctx, project, c) },
            { header: t('projects.col.reason'), text: (c) => c.reason },
            {
              header: t('projects.col.state'),
              text: (c) =>
                `${changeWorkflow.name(c.state, 'staff', ctx.locale)}${c.decisionReason ? `: ${c.decisionReason} (${c.decidedByName ?? ''})` : ''}`,
            },
          ]}
        />
      )}
      {open && role.owner ? (
        <form method="post" action={projectPath(project.id, ctx.locale, `/endringer/${open.id}`)} class="stack">
          <VersionFields ctx={ctx} version={project.version} />
          <TextArea
            id="decisionReason"
            label={t('projects.changes.decisionReason')}
            value={view.values?.decisionReason ?? ''}
            error={error('decisionReason')}
            rows={3}
          />
          <div class="button-row">
            <button class="ds-button" type="submit" name="action" value="grant" safe>
              {t('projects.changes.grant')}
            </button>
            <button class="ds-button" data-variant="secondary" type="submit" name="action" value="refuse" safe>
              {t('projects.changes.refuse')}
            </button>
          </div>
        </form>
      ) : (
        ''
      )}
      {!open && grantee && role.lead && project.state === 'running' ? (
        <form method="post" action={projectPath(project.id, ctx.locale, '/endringer')} class="stack">
          <VersionFields ctx={ctx} version={project.version} />
          <h3 class="ds-heading" data-size="xs" safe>
            {t('projects.changes.ask')}
          </h3>
          <fieldset class="ds-fieldset">
            <legend class="ds-label" safe>
              {t('projects.changes.kind')}
            </legend>
            {(['extension', 'members'] as const).map((kind) => (
              <div class="ds-field">
                <input
                  class="ds-input"
                  type="radio"
                  id={`kind-${kind}`}
                  name="kind"
                  value={kind}
                  checked={(view.values?.kind ?? 'extension') === kind}
                />
                <label class="ds-label" for={`kind-${kind}`} safe>
                  {t(`projects.changes.kind.${kind}`)}
                </label>
              </div>
            ))}
          </fieldset>
          <TextField
            id="endsOn"
            type="date"
            label={translate(ctx, 'projects.changes.endsOn', { end: day(ctx, project.endsOn) })}
            value={view.values?.endsOn ?? ''}
            error={error('endsOn')}
          />
          <MemberChangeFields ctx={ctx} view={view} />
          <TextArea id="reason" label={t('projects.changes.reason')} value={view.values?.reason ?? ''} error={error('reason')} rows={4} />
          <button class="ds-button" type="submit" safe>
            {t('projects.changes.send')}
          </button>
          <p class="ds-paragraph">
            <a class="ds-link" href={projectPath(project.id, ctx.locale, '/plan/endring')} safe>
              {t('projects.planChange.link')}
            </a>
          </p>
        </form>
      ) : (
        ''
      )}
    </section>
  );
}

/** Members leaving (any but the lead) and up to three municipalities joining, with a note. */
function MemberChangeFields({ ctx, view }: { ctx: PageContext; view: WorkspaceView }) {
  const { t } = ctx;
  const members = new Set(view.project.members.map((m) => m.code));
  const leaving = new Set((view.values?.leave ?? '').split(','));
  const options = [
    { value: '', label: t('projects.changes.joinNone') },
    ...view.municipalities
      .filter((m) => !members.has(m.code))
      .map((m) => ({ value: m.code, label: m.name }))
      .sort((a, b) => a.label.localeCompare(b.label, ctx.locale)),
  ];
  const error = view.errors.find((e) => e.field === 'join-0')?.message;
  return (
    <fieldset class="ds-fieldset">
      <legend class="ds-label" safe>
        {t('projects.changes.members')}
      </legend>
      <p class="ds-paragraph" data-size="sm" safe>
        {t('projects.changes.membersHelp')}
      </p>
      {view.project.members
        .filter((m) => !m.lead)
        .map((m) => (
          <Checkbox
            id={`leave-${m.code}`}
            name="leave"
            value={m.code}
            label={translate(ctx, 'projects.changes.leave', { name: m.name })}
            checked={leaving.has(m.code)}
          />
        ))}
      {[0, 1, 2].map((i) => (
        <Select
          id={`join-${i}`}
          label={translate(ctx, 'projects.changes.join', { n: i + 1 })}
          value={view.values?.[`join-${i}`] ?? ''}
          options={options}
          error={i === 0 ? error : undefined}
        />
      ))}
      <TextArea id="description" label={t('projects.changes.description')} value={view.values?.description ?? ''} rows={3} />
    </fieldset>
  );
}

function changeText(ctx: PageContext, project: StoredProject, change: StoredChangeRequest): string {
  const proposal = change.proposal as StoredProposal;
  if (proposal.kind === 'extension') return translate(ctx, 'projects.changes.extensionTo', { end: day(ctx, proposal.endsOn) });
  if (proposal.kind === 'members') {
    const named = (codes: readonly string[] | undefined) => (codes ?? []).map((code) => proposal.names?.[code] ?? code).join(', ');
    const parts = [
      proposal.join?.length ? translate(ctx, 'projects.changes.joining', { names: named(proposal.join) }) : '',
      proposal.leave?.length ? translate(ctx, 'projects.changes.leaving', { names: named(proposal.leave) }) : '',
      ...(proposal.changes ?? []).map((c) => planChangeText(ctx, project, c)),
      proposal.description,
    ].filter(Boolean);
    return `${ctx.t('projects.changes.kind.members')}: ${parts.join('; ')}`;
  }
  const parts = (proposal.changes ?? []).map((c) => planChangeText(ctx, project, c));
  return `${ctx.t(`projects.changes.kind.${proposal.kind}`)}: ${parts.join('; ')}`;
}

function planChangeText(ctx: PageContext, project: StoredProject, change: PlanChange): string {
  if (change.kind === 'cost') {
    const member = project.members.find((m) => m.code === change.member)?.name;
    const amount = (value: number | undefined) => money(ctx, value ?? 0, project.currency);
    return translate(ctx, 'projects.planChange.cost', {
      line: ctx.t(`projects.costLine.${change.line}`),
      member: member ? ` (${member})` : '',
      from: amount(change.from?.grant),
      to: amount(change.to?.grant),
      ownWorkFrom: amount(change.from?.ownWork),
      ownWorkTo: amount(change.to?.ownWork),
      ownFundingFrom: amount(change.from?.ownFunding),
      ownFundingTo: amount(change.to?.ownFunding),
    });
  }
  if (change.kind === 'activity-removed') return translate(ctx, 'projects.planChange.activityRemoved', { title: change.title });
  if ('text' in change)
    return translate(ctx, change.kind === 'goal-added' ? 'projects.planChange.goalAdded' : 'projects.planChange.goalRemoved', {
      text: change.text,
    });
  const key = {
    'indicator-added': 'indicatorAdded',
    'indicator-removed': 'indicatorRemoved',
    'indicator-changed': 'indicatorChanged',
  } as const;
  return translate(ctx, `projects.planChange.${key[change.kind]}`, { name: change.name });
}

// The public pages -------------------------------------------------------------------------------

export interface PublicProject {
  project: StoredProject;
  programmeName: string;
  ownerName: string;
  plan: ProjectPlan | undefined;
  county: string;
}

/** What a closed project shows of its results, as its owner chose. */
export interface PublishedResults {
  finalReport: ReportContent | undefined;
  evaluation: StoredEvaluation | undefined;
}

export function PublicProjectsPage({
  ctx,
  projects,
  filter,
  programmes,
  counties,
  path,
  paging,
  evaluation,
}: {
  ctx: PageContext;
  /** The chosen programme's evaluation, once its owner has published it. */
  evaluation: StoredEvaluation | undefined;
  projects: PublicProject[];
  filter: { programme: string; state: string; county: string; country: string };
  programmes: { id: string; name: string }[];
  counties: string[];
  path: string;
  paging: { count: number; page: number; pages: number };
}) {
  const { t } = ctx;
  const option = (value: string, label: string) => ({ value, label });
  return (
    <Layout ctx={ctx} title={t('projects.public.title')}>
      <PageHeading title={t('projects.public.title')} lead={t('projects.public.lead')} />
      <form method="get" action={path} class="filters">
        <input type="hidden" name="lang" value={ctx.locale} />
        <FilterSelect
          id="programme"
          label={t('projects.public.programme')}
          value={filter.programme}
          options={[option('', t('projects.portfolio.all')), ...programmes.map((p) => option(p.id, p.name))]}
        />
        <FilterSelect
          id="state"
          label={t('projects.portfolio.state')}
          value={filter.state}
          options={[
            option('', t('projects.portfolio.all')),
            ...PUBLIC_PROJECT_STATES.map((s) => option(s, projectWorkflow.name(s, 'public', ctx.locale))),
          ]}
        />
        <FilterSelect
          id="county"
          label={t('projects.portfolio.county')}
          value={filter.county}
          options={[option('', t('projects.portfolio.all')), ...counties.map((c) => option(c, c))]}
        />
        <FilterSelect
          id="country"
          label={t('projects.public.country')}
          value={filter.country}
          options={[
            option('', t('projects.portfolio.all')),
            option('NO', t('projects.country.NO')),
            option('DK', t('projects.country.DK')),
          ]}
        />
        <button class="ds-button" data-variant="secondary" type="submit" safe>
          {t('projects.portfolio.filter')}
        </button>
      </form>
      <p class="ds-paragraph" role="status" safe>
        {translate(ctx, 'projects.public.count', { count: paging.count })}
      </p>
      <ul class="card-list">
        {projects.map(({ project, programmeName, county }) => (
          <li class="ds-card">
            <h2 class="ds-heading" data-size="xs">
              <a class="ds-link" href={projectPath(project.id, ctx.locale)} safe>
                {project.title}
              </a>
            </h2>
            <p class="ds-paragraph" data-size="sm" safe>
              {`${stateName(ctx, project.state, 'public')} · ${programmeName} · ${county} · ${money(ctx, project.grant, project.currency)}`}
            </p>
          </li>
        ))}
      </ul>
      {evaluation?.publishedAt ? (
        <section aria-labelledby="programme-evaluation" class="stack">
          <h2 class="ds-heading" data-size="sm" id="programme-evaluation" safe>
            {t('projects.public.programmeEvaluation')}
          </h2>
          <p class="ds-paragraph" safe>
            {evaluation.text}
          </p>
          <p class="ds-paragraph" data-size="sm" safe>
            {translate(ctx, 'projects.public.programmeEvaluationBy', {
              by: evaluation.writtenByName ?? '',
              at: formatDateTime(ctx.locale, evaluation.publishedAt),
            })}
          </p>
        </section>
      ) : (
        ''
      )}
      <Pager ctx={ctx} page={paging.page} pages={paging.pages} href={(page) => listHref(path, { ...filter, lang: ctx.locale, page })} />
    </Layout>
  );
}

function FilterSelect(props: { id: string; label: string; value: string; options: { value: string; label: string }[] }) {
  return (
    <div class="ds-field">
      <label class="ds-label" for={props.id} safe>
        {props.label}
      </label>
      <select class="ds-input" id={props.id} name={props.id}>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value} safe>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The project a project continues (videreføring) and the projects that continue it, as far as the public sees them. */
export interface Lineage {
  predecessor: { id: string; title: string } | undefined;
  successors: { id: string; title: string }[];
}

function LineageFacts({ ctx, lineage }: { ctx: PageContext; lineage: Lineage }) {
  const link = (p: { id: string; title: string }) => (
    <a class="ds-link" href={projectPath(p.id, ctx.locale)} safe>
      {p.title}
    </a>
  );
  return (
    <>
      {lineage.predecessor ? (
        <>
          <dt safe>{ctx.t('projects.public.continues')}</dt>
          <dd>{link(lineage.predecessor)}</dd>
        </>
      ) : (
        ''
      )}
      {lineage.successors.length > 0 ? (
        <>
          <dt safe>{ctx.t('projects.public.continuedBy')}</dt>
          <dd>
            <ul class="plain-list">
              {lineage.successors.map((p) => (
                <li>{link(p)}</li>
              ))}
            </ul>
          </dd>
        </>
      ) : (
        ''
      )}
    </>
  );
}

/** On an application's page: the project it continues, and the project its grant became. */
export function ApplicationProjects({
  ctx,
  continues,
  became,
}: {
  ctx: PageContext;
  continues: { id: string; title: string } | undefined;
  became: { id: string; title: string } | undefined;
}) {
  const line = (text: string, p: { id: string; title: string }, tail = '') => (
    <p class="ds-paragraph">
      <span safe>{text}</span>{' '}
      <a class="ds-link" href={projectPath(p.id, ctx.locale, tail)} safe>
        {p.title}
      </a>
    </p>
  );
  return (
    <>
      {continues ? line(ctx.t('projects.application.continues'), continues) : ''}
      {became ? line(ctx.t('projects.application.became'), became, '/oppfolging') : ''}
    </>
  );
}

export function PublicProjectPage({
  ctx,
  view,
  followUp,
  results,
  lineage,
}: {
  ctx: PageContext;
  view: PublicProject;
  followUp: boolean;
  results: PublishedResults;
  lineage: Lineage;
}) {
  const { t } = ctx;
  const { project, plan } = view;
  const shows = (part: string) => project.state !== 'closed' || project.publicParts.includes(part);
  return (
    <Layout ctx={ctx} title={project.title} crumbs={[{ href: '/prosjekter', label: t('projects.public.title') }]}>
      <PageHeading
        title={project.title}
        lead={translate(ctx, 'projects.public.pageLead', { programme: view.programmeName, owner: view.ownerName })}
      />
      {followUp ? (
        <p class="ds-paragraph">
          <a class="ds-link" href={projectPath(project.id, ctx.locale, '/oppfolging')} safe>
            {t('projects.public.toFollowUp')}
          </a>
        </p>
      ) : (
        ''
      )}
      <a class="ds-link" href={`/innovasjonspris/prosjekt/${project.id}?lang=${ctx.locale}`} safe>
        {t('knowledge.prize.nominateProject')}
      </a>
      <dl class="facts">
        <dt safe>{t('projects.col.state')}</dt>
        <dd safe>{stateName(ctx, project.state, 'public')}</dd>
        <dt safe>{t('projects.public.members')}</dt>
        <dd safe>{project.members.map((m) => m.name).join(', ')}</dd>
        <dt safe>{t('projects.col.granted')}</dt>
        <dd safe>{money(ctx, project.grant, project.currency)}</dd>
        <dt safe>{t('projects.public.period')}</dt>
        <dd safe>{project.startsOn ? `${day(ctx, project.startsOn)} – ${day(ctx, project.endsOn)}` : t('projects.public.notStarted')}</dd>
        <LineageFacts ctx={ctx} lineage={lineage} />
      </dl>
      {plan?.purpose ? (
        <section aria-labelledby="purpose">
          <h2 class="ds-heading" data-size="sm" id="purpose" safe>
            {t('projects.plan.purpose')}
          </h2>
          <p class="ds-paragraph" safe>
            {plan.purpose}
          </p>
        </section>
      ) : (
        ''
      )}
      {plan && plan.goals.length > 0 && shows('goals') ? (
        <section aria-labelledby="goals">
          <h2 class="ds-heading" data-size="sm" id="goals" safe>
            {t('projects.plan.goals')}
          </h2>
          <ul class="ds-list">
            {plan.goals.map((goal) => (
              <li safe>{goal}</li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      <PublishedResultsSection ctx={ctx} project={project} plan={plan} results={results} />
      <p class="ds-paragraph" data-size="sm" safe>
        {translate(ctx, 'projects.public.source', { owner: view.ownerName, caseNumber: project.caseNumber })}
      </p>
    </Layout>
  );
}

export function MyProjectsPage({ ctx, projects }: { ctx: PageContext; projects: { project: StoredProject; status: FollowUpStatus }[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('projects.mine.title')}>
      <PageHeading title={t('projects.mine.title')} lead={t('projects.mine.lead')} />
      {projects.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('projects.mine.none')}
        </p>
      ) : (
        <DataTable
          caption={t('projects.mine.caption')}
          rows={projects}
          columns={[
            {
              header: t('projects.col.project'),
              rowHeader: true,
              cell: ({ project }) => (
                <a class="ds-link" href={projectPath(project.id, ctx.locale, '/oppfolging')} safe>
                  {project.title}
                </a>
              ),
            },
            { header: t('projects.col.state'), text: ({ project }) => stateName(ctx, project.state) },
            {
              header: t('projects.col.nextReport'),
              text: ({ status }) => (status.next ? `${status.next.period.title} (${day(ctx, status.next.period.due)})` : '–'),
            },
            { header: t('projects.col.granted'), numeric: true, text: ({ project }) => money(ctx, project.grant, project.currency) },
          ]}
        />
      )}
    </Layout>
  );
}

function PublishedResultsSection({
  ctx,
  project,
  plan,
  results,
}: {
  ctx: PageContext;
  project: StoredProject;
  plan: ProjectPlan | undefined;
  results: PublishedResults;
}) {
  const { t } = ctx;
  if (project.state !== 'closed') return '';
  const parts = project.publicParts;
  const report = results.finalReport;
  return (
    <>
      {parts.includes('results') && report ? (
        <section aria-labelledby="results" class="stack">
          <h2 class="ds-heading" data-size="sm" id="results" safe>
            {t('projects.public.results')}
          </h2>
          {(['results', 'learned', 'spreading'] as const).map((key) =>
            report.answers[key] ? (
              <>
                <h3 class="ds-heading" data-size="xs" safe>
                  {t(`projects.question.${key}`)}
                </h3>
                <p class="ds-paragraph" safe>
                  {report.answers[key]}
                </p>
              </>
            ) : (
              ''
            ),
          )}
          {report.step ? (
            <p class="ds-paragraph" safe>
              {translate(ctx, 'projects.report.stepIs', { step: t(`projects.step.${report.step}`) })}
            </p>
          ) : (
            ''
          )}
        </section>
      ) : (
        ''
      )}
      {parts.includes('indicators') && report && plan && plan.indicators.length > 0 ? (
        <IndicatorTable
          ctx={ctx}
          caption={t('projects.public.indicators')}
          indicators={plan.indicators}
          figures={[{ header: t('projects.col.actual'), value: (i) => report.indicators[i.key] }]}
        />
      ) : (
        ''
      )}
      {parts.includes('evaluation') && results.evaluation?.publishedAt ? (
        <section aria-labelledby="evaluation" class="stack">
          <h2 class="ds-heading" data-size="sm" id="evaluation" safe>
            {t('projects.evaluation.title')}
          </h2>
          <p class="ds-paragraph" safe>
            {results.evaluation.text}
          </p>
          <p class="ds-paragraph" data-size="sm" safe>
            {translate(ctx, 'projects.evaluation.published', {
              by: results.evaluation.writtenByName ?? '',
              at: formatDateTime(ctx.locale, results.evaluation.publishedAt),
            })}
          </p>
        </section>
      ) : (
        ''
      )}
    </>
  );
}
