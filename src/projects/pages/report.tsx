/** A report: the grantee's editor without JavaScript, and its reading with the owner's approve or return. */
import { formatDateTime, formatNumber } from '../../platform/i18n/index.js';
import { CsrfField, ErrorSummary, PageHeading, SuccessNotice, type FieldError } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { Select, TextArea, TextField } from '../../platform/ui/fields.js';
import { Layout } from '../../platform/ui/layout.js';
import { DataTable } from '../../platform/ui/table.js';
import { translate } from '../../platform/ui/translate.js';
import { ACTIVITY_STATUSES, COST_LINES, INNOVATION_STEPS, type ProjectPlan, type ReportContent, type ReportingPeriod } from '../model.js';
import type { ReportQuestion } from '../report-form.js';
import type { StoredProject, StoredReport } from '../store.js';
import { day, IndicatorTable, money, projectPath, ReviewForm, reviewName } from './parts.js';

export interface ReportView {
  project: StoredProject;
  period: ReportingPeriod;
  /** '' for the whole project, else the member's code. */
  memberCode: string;
  plan: ProjectPlan;
  questions: ReportQuestion[];
  content: ReportContent;
  versions: StoredReport[];
  errors: FieldError[];
  values?: Record<string, string>;
  notice?: string | undefined;
}

const partName = (ctx: PageContext, project: StoredProject, memberCode: string) =>
  memberCode === '' ? ctx.t('projects.report.whole') : (project.members.find((m) => m.code === memberCode)?.name ?? memberCode);

export function reportTitle(ctx: PageContext, view: Pick<ReportView, 'project' | 'period' | 'memberCode'>): string {
  return `${view.period.title} – ${partName(ctx, view.project, view.memberCode)}`;
}

const questionLabel = (ctx: PageContext, q: ReportQuestion) =>
  q.label ?? ctx.t(`projects.question.${q.key}` as 'projects.question.progress');

/** The activities a part reports on: its own, and for the whole project all of them. */
const activitiesOf = (plan: ProjectPlan, memberCode: string) => plan.activities.filter((a) => memberCode === '' || a.member === memberCode);

export function ReportEditorPage({ ctx, view }: { ctx: PageContext; view: ReportView }) {
  const { t } = ctx;
  const { project, period, plan, content } = view;
  const error = (field: string) => view.errors.find((e) => e.field === field)?.message;
  const typed = (field: string, value: string) => view.values?.[field] ?? value;
  const number = (value: number | null | undefined) => (value == null ? '' : String(value));
  const returned = view.versions.find((v) => v.state === 'returned');
  const title = reportTitle(ctx, view);
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: projectPath(project.id, ctx.locale, '/oppfolging'), label: project.title }]}>
      <PageHeading
        title={title}
        lead={translate(ctx, 'projects.report.lead', { kind: t(`projects.reportKind.${period.kind}`), due: day(ctx, period.due) })}
      />
      <SuccessNotice text={view.notice} />
      <ErrorSummary ctx={ctx} errors={view.errors} />
      {returned ? (
        <div class="ds-alert" data-color="warning">
          <p class="ds-paragraph" safe>
            {translate(ctx, 'projects.report.returned', { by: returned.decidedByName ?? '', comment: returned.comment })}
          </p>
        </div>
      ) : (
        ''
      )}
      <form
        method="post"
        action={`/prosjekter/${project.id}/rapport?periode=${period.key}&del=${view.memberCode}&lang=${ctx.locale}`}
        class="stack"
      >
        <CsrfField ctx={ctx} />
        <input type="hidden" name="version" value={String(project.version)} />
        {plan.indicators.length > 0 ? (
          <fieldset class="ds-fieldset">
            <legend class="ds-heading" data-size="xs" safe>
              {t('projects.report.indicators')}
            </legend>
            {plan.indicators.map((i) => (
              <TextField
                id={`actual-${i.key}`}
                inputmode="decimal"
                label={translate(ctx, 'projects.report.actual', {
                  name: i.name,
                  unit: i.unit,
                  target: i.targets[period.key] == null ? '–' : formatNumber(ctx.locale, i.targets[period.key]!, 2),
                })}
                value={typed(`actual-${i.key}`, number(content.indicators[i.key]))}
                error={error(`actual-${i.key}`)}
              />
            ))}
          </fieldset>
        ) : (
          ''
        )}
        {activitiesOf(plan, view.memberCode).length > 0 ? (
          <fieldset class="ds-fieldset">
            <legend class="ds-heading" data-size="xs" safe>
              {t('projects.report.activities')}
            </legend>
            {activitiesOf(plan, view.memberCode).map((a) => (
              <Select
                id={`status-${a.key}`}
                label={translate(ctx, 'projects.report.activity', { title: a.title, due: day(ctx, a.due || null) })}
                value={content.activities[a.key] ?? 'not-started'}
                options={ACTIVITY_STATUSES.map((s) => ({ value: s, label: t(`projects.activityStatus.${s}`) }))}
              />
            ))}
          </fieldset>
        ) : (
          ''
        )}
        <fieldset class="ds-fieldset">
          <legend class="ds-heading" data-size="xs" safe>
            {t('projects.report.spent')}
          </legend>
          <p class="ds-paragraph" data-size="sm" safe>
            {translate(ctx, 'projects.report.spentHelp', { currency: project.currency })}
          </p>
          {COST_LINES.map((line) => (
            <div class="row-group" role="group" aria-label={t(`projects.costLine.${line}`)}>
              {(['grant', 'ownWork', 'ownFunding'] as const).map((who) => (
                <TextField
                  id={`spent-${line}-${who}`}
                  inputmode="numeric"
                  label={
                    who === 'grant'
                      ? translate(ctx, 'projects.plan.budgetGrant', { line: t(`projects.costLine.${line}`) })
                      : t(`projects.col.${who}`)
                  }
                  value={typed(`spent-${line}-${who}`, content.spent[line][who] === 0 ? '' : String(content.spent[line][who]))}
                  error={error(`spent-${line}-${who}`)}
                />
              ))}
            </div>
          ))}
        </fieldset>
        <fieldset class="ds-fieldset">
          <legend class="ds-heading" data-size="xs" safe>
            {t('projects.report.questions')}
          </legend>
          {view.questions.map((q) => (
            <TextArea
              id={`q-${q.key}`}
              label={questionLabel(ctx, q)}
              value={typed(`q-${q.key}`, content.answers[q.key] ?? '')}
              error={error(`q-${q.key}`)}
              rows={5}
            />
          ))}
          {period.kind === 'final' ? (
            <Select
              id="step"
              label={t('projects.report.step')}
              value={content.step ?? ''}
              error={error('step')}
              options={[
                { value: '', label: t('projects.report.stepChoose') },
                ...INNOVATION_STEPS.map((s) => ({ value: s, label: t(`projects.step.${s}`) })),
              ]}
            />
          ) : (
            ''
          )}
        </fieldset>
        <div class="button-row">
          <button class="ds-button" type="submit" name="action" value="save" safe>
            {t('projects.report.save')}
          </button>
          <button class="ds-button" data-variant="secondary" type="submit" name="action" value="submit" safe>
            {t('projects.report.submit')}
          </button>
        </div>
      </form>
    </Layout>
  );
}

export function ReportReadingPage({
  ctx,
  view,
  report,
  canReview,
}: {
  ctx: PageContext;
  view: ReportView;
  report: StoredReport;
  canReview: boolean;
}) {
  const { t } = ctx;
  const { project, period, plan } = view;
  const { content } = report;
  const title = reportTitle(ctx, view);
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: projectPath(project.id, ctx.locale, '/oppfolging'), label: project.title }]}>
      <PageHeading
        title={title}
        lead={translate(ctx, 'projects.report.readingLead', {
          n: report.version,
          state: reviewName(ctx, report.state),
          at: report.submittedAt ? formatDateTime(ctx.locale, report.submittedAt) : '–',
          by: report.savedByName ?? '',
        })}
      />
      <SuccessNotice text={view.notice} />
      <ErrorSummary ctx={ctx} errors={view.errors} />
      {plan.indicators.length > 0 ? (
        <IndicatorTable
          ctx={ctx}
          caption={t('projects.report.indicators')}
          indicators={plan.indicators}
          figures={[
            { header: t('projects.col.target'), value: (i) => i.targets[period.key] },
            { header: t('projects.col.actual'), value: (i) => content.indicators[i.key] },
          ]}
        />
      ) : (
        ''
      )}
      {activitiesOf(plan, view.memberCode).length > 0 ? (
        <DataTable
          caption={t('projects.report.activities')}
          rows={activitiesOf(plan, view.memberCode)}
          columns={[
            { header: t('projects.col.activity'), rowHeader: true, text: (a) => a.title },
            { header: t('projects.col.due'), text: (a) => day(ctx, a.due || null) },
            { header: t('projects.col.state'), text: (a) => t(`projects.activityStatus.${content.activities[a.key] ?? 'not-started'}`) },
          ]}
        />
      ) : (
        ''
      )}
      <DataTable
        caption={translate(ctx, 'projects.report.spentCaption', { currency: project.currency })}
        rows={[...COST_LINES]}
        columns={[
          { header: t('projects.col.costLine'), rowHeader: true, text: (line) => t(`projects.costLine.${line}`) },
          { header: t('projects.col.grantPart'), numeric: true, text: (line) => formatNumber(ctx.locale, content.spent[line].grant) },
          { header: t('projects.col.ownWork'), numeric: true, text: (line) => formatNumber(ctx.locale, content.spent[line].ownWork) },
          { header: t('projects.col.ownFunding'), numeric: true, text: (line) => formatNumber(ctx.locale, content.spent[line].ownFunding) },
        ]}
      />
      <section aria-labelledby="answers" class="stack">
        <h2 class="ds-heading" data-size="sm" id="answers" safe>
          {t('projects.report.questions')}
        </h2>
        {view.questions.map((q) => (
          <>
            <h3 class="ds-heading" data-size="xs" safe>
              {questionLabel(ctx, q)}
            </h3>
            <p class="ds-paragraph" safe>
              {content.answers[q.key] || '–'}
            </p>
          </>
        ))}
        {period.kind === 'final' && content.step ? (
          <p class="ds-paragraph" safe>
            {translate(ctx, 'projects.report.stepIs', { step: t(`projects.step.${content.step}`) })}
          </p>
        ) : (
          ''
        )}
      </section>
      {canReview ? (
        <ReviewForm
          ctx={ctx}
          action={projectPath(project.id, ctx.locale, `/rapporter/${report.id}/vurdering`)}
          version={project.version}
          comment={view.values?.comment ?? ''}
          errors={view.errors}
        />
      ) : (
        ''
      )}
      <DataTable
        caption={t('projects.report.versions')}
        rows={view.versions}
        columns={[
          {
            header: t('projects.col.version'),
            rowHeader: true,
            cell: (v) => (
              <a class="ds-link" href={projectPath(project.id, ctx.locale, `/rapporter/${v.id}`)} safe>
                {String(v.version)}
              </a>
            ),
          },
          { header: t('projects.col.state'), text: (v) => reviewName(ctx, v.state) },
          {
            header: t('projects.col.decided'),
            text: (v) =>
              v.decidedAt
                ? `${formatDateTime(ctx.locale, v.decidedAt)}, ${v.decidedByName ?? ''}${v.comment ? `: ${v.comment}` : ''}`
                : '–',
          },
        ]}
      />
      <p class="ds-paragraph" data-size="sm" safe>
        {translate(ctx, 'projects.report.totalSpent', {
          amount: money(
            ctx,
            COST_LINES.reduce((s, l) => s + content.spent[l].grant, 0),
            project.currency,
          ),
        })}
      </p>
    </Layout>
  );
}
