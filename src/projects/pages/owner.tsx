/** The programme owner's pages: the programme's follow-up (reporting periods, payment tranches) and its portfolio. */
import { formatDay, formatNumber } from '../../platform/i18n/index.js';
import { CsrfField, ErrorSummary, listHref, PageHeading, Pager, SuccessNotice, type FieldError } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { Checkbox, Select, TextField } from '../../platform/ui/fields.js';
import { Layout } from '../../platform/ui/layout.js';
import { DataTable } from '../../platform/ui/table.js';
import { translate } from '../../platform/ui/translate.js';
import { conditionValue, MAX_PERIODS, MAX_TRANCHES, REPORT_KINDS, type FollowUpPlan } from '../model.js';
import type { Evaluator, ProjectTotals, StoredEvaluation, StoredProject } from '../store.js';
import { EvaluatorsSection, type EvaluatedProgramme } from './evaluation.js';
import type { FollowUpStatus } from '../views.js';
import { projectWorkflow, type ProjectState } from '../workflows.js';
import { money } from './parts.js';

export interface FollowUpView {
  programme: { id: string; name: string };
  plan: FollowUpPlan;
  version: number;
  templates: { id: string; name: string }[];
  values?: Record<string, string>;
  errors: FieldError[];
  notice?: string | undefined;
}

const blankRows = <T,>(rows: readonly T[], max: number, spare = 2) => Math.min(max, rows.length + spare);

export function FollowUpPage({ ctx, view }: { ctx: PageContext; view: FollowUpView }) {
  const { t } = ctx;
  const v = (name: string, fallback: string) => view.values?.[name] ?? fallback;
  const error = (field: string) => view.errors.find((e) => e.field === field)?.message;
  const periodRows = blankRows(view.plan.periods, MAX_PERIODS);
  const trancheRows = blankRows(view.plan.tranches, MAX_TRANCHES);
  // Every period row can be named, also one typed in this form and not yet saved.
  const conditionOptions = [
    { value: '', label: t('projects.followUp.conditionNone') },
    { value: 'accepted', label: t('projects.followUp.conditionAccepted') },
    ...Array.from({ length: periodRows }, (_, i) => {
      const title = v(`period-${i}-title`, view.plan.periods[i]?.title ?? '').trim();
      return {
        value: `row:${i}`,
        label: title
          ? translate(ctx, 'projects.followUp.conditionReport', { report: title })
          : translate(ctx, 'projects.followUp.conditionRow', { n: i + 1 }),
      };
    }),
  ];
  return (
    <Layout
      ctx={ctx}
      title={t('projects.followUp.title')}
      crumbs={[
        { href: '/eier', label: t('programmes.owner.title') },
        { href: `/eier/programmer/${view.programme.id}/prosjekter`, label: view.programme.name },
      ]}
    >
      <PageHeading
        title={t('projects.followUp.title')}
        lead={translate(ctx, 'projects.followUp.lead', { programme: view.programme.name })}
      />
      <SuccessNotice text={view.notice} />
      <ErrorSummary ctx={ctx} errors={view.errors} />
      <form method="post" action={`/eier/programmer/${view.programme.id}/oppfolging?lang=${ctx.locale}`} class="stack">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="version" value={String(view.version)} />
        <fieldset class="ds-fieldset">
          <legend class="ds-heading" data-size="xs" safe>
            {t('projects.followUp.periods')}
          </legend>
          <p class="ds-paragraph" data-size="sm" safe>
            {t('projects.followUp.periodsHelp')}
          </p>
          {Array.from({ length: periodRows }, (_, i) => {
            const period = view.plan.periods[i];
            return (
              <div class="row-group" role="group" aria-label={translate(ctx, 'projects.followUp.periodN', { n: i + 1 })}>
                <input type="hidden" name={`period-${i}-key`} value={v(`period-${i}-key`, period?.key ?? '')} />
                <TextField
                  id={`period-${i}-title`}
                  label={translate(ctx, 'projects.followUp.periodTitle', { n: i + 1 })}
                  value={v(`period-${i}-title`, period?.title ?? '')}
                  error={error(`period-${i}-title`)}
                />
                <Select
                  id={`period-${i}-kind`}
                  label={t('projects.followUp.periodKind')}
                  value={v(`period-${i}-kind`, period?.kind ?? 'progress')}
                  options={REPORT_KINDS.map((kind) => ({ value: kind, label: t(`projects.reportKind.${kind}`) }))}
                  error={error(`period-${i}-kind`)}
                />
                <TextField
                  id={`period-${i}-due`}
                  type="date"
                  label={t('projects.followUp.periodDue')}
                  value={v(`period-${i}-due`, period?.due ?? '')}
                  error={error(`period-${i}-due`)}
                />
                <Select
                  id={`period-${i}-template`}
                  label={t('projects.followUp.periodTemplate')}
                  value={v(`period-${i}-template`, period?.templateId ?? '')}
                  options={[
                    { value: '', label: t('projects.followUp.noTemplate') },
                    ...view.templates.map((tp) => ({ value: tp.id, label: tp.name })),
                  ]}
                />
              </div>
            );
          })}
        </fieldset>
        <fieldset class="ds-fieldset">
          <legend class="ds-heading" data-size="xs" safe>
            {t('projects.followUp.tranches')}
          </legend>
          <p class="ds-paragraph" data-size="sm" safe>
            {t('projects.followUp.tranchesHelp')}
          </p>
          {Array.from({ length: trancheRows }, (_, i) => {
            const tranche = view.plan.tranches[i];
            return (
              <div class="row-group" role="group" aria-label={translate(ctx, 'projects.followUp.trancheN', { n: i + 1 })}>
                <TextField
                  id={`tranche-${i}-share`}
                  inputmode="numeric"
                  label={translate(ctx, 'projects.followUp.trancheShare', { n: i + 1 })}
                  value={v(`tranche-${i}-share`, tranche ? String(tranche.share) : '')}
                  error={error(`tranche-${i}-share`)}
                />
                <Select
                  id={`tranche-${i}-condition`}
                  label={t('projects.followUp.trancheCondition')}
                  value={v(`tranche-${i}-condition`, tranche ? conditionValue(tranche.condition, view.plan.periods) : '')}
                  options={conditionOptions}
                  error={error(`tranche-${i}-condition`)}
                />
              </div>
            );
          })}
        </fieldset>
        <TextField
          id="reminderDays"
          inputmode="numeric"
          label={t('projects.followUp.reminderDays')}
          value={v('reminderDays', String(view.plan.reminderDays))}
          error={error('reminderDays')}
        />
        <Checkbox
          id="ministryInSteeringGroup"
          name="ministryInSteeringGroup"
          label={t('projects.followUp.ministry')}
          checked={(view.values?.ministryInSteeringGroup ?? (view.plan.ministryInSteeringGroup ? 'on' : '')) === 'on'}
        />
        <Checkbox
          id="countyGovernorContact"
          name="countyGovernorContact"
          label={t('projects.followUp.countyGovernor')}
          checked={(view.values?.countyGovernorContact ?? (view.plan.countyGovernorContact ? 'on' : '')) === 'on'}
        />
        <button class="ds-button" type="submit" safe>
          {t('projects.followUp.save')}
        </button>
      </form>
    </Layout>
  );
}

export interface EvaluationPanel {
  evaluators: Evaluator[];
  evaluation: StoredEvaluation | undefined;
  errors: FieldError[];
  values: Record<string, string>;
  notice?: string | undefined;
}

export interface PortfolioRow {
  project: StoredProject;
  status: FollowUpStatus;
  county: string;
  /** The plan's indicators meeting the latest target with an approved value. */
  indicators: { met: number; measured: number; total: number };
}

export function PortfolioPage({
  ctx,
  programme,
  rows,
  totals,
  page,
  pages,
  filter,
  counties,
  evaluation,
}: {
  ctx: PageContext;
  programme: { id: string; name: string; country: string };
  rows: PortfolioRow[];
  totals: ProjectTotals;
  page: number;
  pages: number;
  filter: { state: string; county: string; overdue: boolean };
  counties: string[];
  evaluation: EvaluationPanel;
}) {
  const { t } = ctx;
  const base = `/eier/programmer/${programme.id}/prosjekter`;
  const currency = programme.country === 'DK' ? 'DKK' : 'NOK';
  return (
    <Layout
      ctx={ctx}
      title={translate(ctx, 'projects.portfolio.title', { programme: programme.name })}
      crumbs={[{ href: '/eier', label: t('programmes.owner.title') }]}
    >
      <PageHeading title={translate(ctx, 'projects.portfolio.title', { programme: programme.name })} lead={t('projects.portfolio.lead')} />
      <p class="ds-paragraph">
        <a class="ds-link" href={`/eier/programmer/${programme.id}/oppfolging?lang=${ctx.locale}`} safe>
          {t('projects.followUp.title')}
        </a>
        {' · '}
        <a class="ds-link" href={`/eier/programmer/${programme.id}/samlinger?lang=${ctx.locale}`} safe>
          {t('projects.gatherings.nav')}
        </a>
        {' · '}
        <a class="ds-link" href={listHref(`${base}.csv`, { ...filter, lang: ctx.locale })} safe>
          {t('projects.portfolio.csv')}
        </a>
        {' · '}
        <a class="ds-link" href={`${base}/kart?lang=${ctx.locale}`} safe>
          {t('projects.portfolio.map')}
        </a>
      </p>
      <form method="get" action={base} class="filters">
        <input type="hidden" name="lang" value={ctx.locale} />
        <Select
          id="state"
          label={t('projects.portfolio.state')}
          value={filter.state}
          options={[
            { value: '', label: t('projects.portfolio.all') },
            ...projectWorkflow.states.map((s) => ({ value: s, label: projectWorkflow.name(s, 'staff', ctx.locale) })),
          ]}
        />
        <Select
          id="county"
          label={t('projects.portfolio.county')}
          value={filter.county}
          options={[{ value: '', label: t('projects.portfolio.all') }, ...counties.map((c) => ({ value: c, label: c }))]}
        />
        <Checkbox id="overdue" name="overdue" value="1" label={t('projects.portfolio.onlyOverdue')} checked={filter.overdue} />
        <button class="ds-button" data-variant="secondary" type="submit" safe>
          {t('projects.portfolio.filter')}
        </button>
      </form>
      <p class="ds-paragraph" safe>
        {translate(ctx, 'projects.portfolio.totals', {
          count: totals.count,
          granted: money(ctx, totals.granted, currency),
          released: money(ctx, totals.released, currency),
          spent: money(ctx, totals.spent, currency),
        })}
      </p>
      {rows.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('projects.portfolio.none')}
        </p>
      ) : (
        ''
      )}
      <DataTable
        caption={t('projects.portfolio.caption')}
        rows={rows}
        columns={[
          {
            header: t('projects.col.project'),
            rowHeader: true,
            cell: (r) => (
              <a class="ds-link" href={`/prosjekter/${r.project.id}/oppfolging?lang=${ctx.locale}`} safe>
                {r.project.title}
              </a>
            ),
          },
          { header: t('projects.col.state'), text: (r) => projectWorkflow.name(r.project.state as ProjectState, 'staff', ctx.locale) },
          { header: t('projects.col.county'), text: (r) => r.county },
          {
            header: t('projects.col.nextReport'),
            text: (r) => (r.status.next ? `${r.status.next.period.title} (${formatDay(ctx.locale, r.status.next.period.due)})` : '–'),
          },
          {
            header: t('projects.col.overdue'),
            text: (r) =>
              r.status.overdue.length === 0 ? t('projects.portfolio.noneOverdue') : r.status.overdue.map((p) => p.period.title).join(', '),
          },
          {
            header: t('projects.col.indicators'),
            cell: (r) =>
              !r.indicators || r.indicators.total === 0 ? (
                <span>–</span>
              ) : (
                <a class="ds-link" href={`/prosjekter/${r.project.id}/oppfolging?lang=${ctx.locale}#indicators`} safe>
                  {translate(ctx, 'projects.portfolio.onTarget', r.indicators)}
                </a>
              ),
          },
          { header: t('projects.col.granted'), numeric: true, text: (r) => formatNumber(ctx.locale, r.project.grant) },
          { header: t('projects.col.released'), numeric: true, text: (r) => formatNumber(ctx.locale, r.status.released) },
          { header: t('projects.col.spent'), numeric: true, text: (r) => formatNumber(ctx.locale, r.status.spent) },
        ]}
      />
      <Pager ctx={ctx} page={page} pages={pages} href={(n) => listHref(base, { ...filter, lang: ctx.locale, page: n })} />
      <p class="ds-paragraph" data-size="sm" safe>
        {translate(ctx, 'projects.portfolio.source', { currency })}
      </p>
      <SuccessNotice text={evaluation.notice} />
      <EvaluatorsSection ctx={ctx} programmeId={programme.id} {...evaluation} />
    </Layout>
  );
}

/** The owner's programmes, each with its projects by state and the ways to its portfolio and follow-up. */
export function ProgrammePortfoliosPage({ ctx, programmes }: { ctx: PageContext; programmes: EvaluatedProgramme[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('projects.nav.portfolio')}>
      <PageHeading title={t('projects.nav.portfolio')} lead={t('projects.portfolios.lead')} />
      <DataTable
        caption={t('projects.portfolios.caption')}
        rows={programmes}
        columns={[
          {
            header: t('projects.public.programme'),
            rowHeader: true,
            cell: (p) => (
              <a class="ds-link" href={`/eier/programmer/${p.id}/prosjekter?lang=${ctx.locale}`} safe>
                {p.name}
              </a>
            ),
          },
          { header: t('projects.portfolios.projects'), numeric: true, text: (p) => String(p.projects.length) },
          {
            header: t('projects.portfolios.byState'),
            text: (p) =>
              projectWorkflow.states
                .map((s) => [s, p.projects.filter((x) => x.state === s).length] as const)
                .filter(([, n]) => n > 0)
                .map(([s, n]) => `${projectWorkflow.name(s, 'staff', ctx.locale)}: ${n}`)
                .join(', ') || '–',
          },
          {
            header: t('projects.followUp.title'),
            cell: (p) => (
              <a class="ds-link" href={`/eier/programmer/${p.id}/oppfolging?lang=${ctx.locale}`} safe>
                {t('projects.portfolios.followUp')}
              </a>
            ),
          },
        ]}
      />
    </Layout>
  );
}
