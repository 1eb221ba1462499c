/** The project plan: the grantee's editor without JavaScript, and the owner's reading with approve or return. */
import { formatDateTime, formatNumber } from '../../platform/i18n/index.js';
import { CsrfField, ErrorSummary, PageHeading, SuccessNotice, type FieldError } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { Checkbox, Select, TextArea, TextField } from '../../platform/ui/fields.js';
import { Layout } from '../../platform/ui/layout.js';
import { DataTable } from '../../platform/ui/table.js';
import { translate } from '../../platform/ui/translate.js';
import { budgetParts, SPARE_ROWS } from '../forms.js';
import { budgetTotals, COST_LINES, type CouncilDecision, type FollowUpPlan, type ProjectPlan } from '../model.js';
import type { StoredPlan, StoredProject } from '../store.js';
import type { ProjectRole } from '../views.js';
import { day, money, projectPath, ReviewForm, reviewName, UploadForm } from './parts.js';

export interface PlanView {
  project: StoredProject;
  role: ProjectRole;
  followUp: FollowUpPlan;
  plans: StoredPlan[];
  /** What the editor shows: the draft, or what was typed when it was refused. */
  plan: ProjectPlan;
  editable: boolean;
  /** The editor as a change request to the approved plan: which part, and why. */
  change?: { kind: string; reason: string } | undefined;
  /** Whether the lead may ask to change the approved plan now. */
  mayAskChange?: boolean;
  errors: FieldError[];
  /** Fields as typed, where a value could not be read. */
  values?: Record<string, string>;
  notice?: string | undefined;
}

export function PlanPage({ ctx, view }: { ctx: PageContext; view: PlanView }) {
  const { project, plans } = view;
  const latest = plans[0];
  return (
    <Layout
      ctx={ctx}
      title={translate(ctx, 'projects.plan.pageTitle', { project: project.title })}
      crumbs={[{ href: projectPath(project.id, ctx.locale, '/oppfolging'), label: project.title }]}
    >
      <PageHeading
        title={translate(ctx, 'projects.plan.pageTitle', { project: project.title })}
        lead={latest ? translate(ctx, 'projects.plan.status', { n: latest.number, state: reviewName(ctx, latest.state) }) : undefined}
      />
      <SuccessNotice text={view.notice} />
      <ErrorSummary ctx={ctx} errors={view.errors} />
      {latest?.state === 'returned' || (latest?.comment && latest.state !== 'approved') ? (
        <div class="ds-alert" data-color="warning">
          <p class="ds-paragraph" safe>
            {translate(ctx, 'projects.plan.returned', { by: latest.decidedByName ?? '', comment: latest.comment })}
          </p>
        </div>
      ) : (
        ''
      )}
      {view.editable || view.change ? (
        <PlanEditor ctx={ctx} view={view} />
      ) : (
        <PlanReading ctx={ctx} project={project} plan={view.plan} followUp={view.followUp} />
      )}
      {view.editable && !view.change ? <CouncilDocument ctx={ctx} view={view} /> : ''}
      {view.mayAskChange && !view.change ? (
        <p class="ds-paragraph">
          <a class="ds-link" href={projectPath(project.id, ctx.locale, '/plan/endring')} safe>
            {ctx.t('projects.planChange.link')}
          </a>
        </p>
      ) : (
        ''
      )}
      {view.role.owner && latest?.state === 'submitted' ? (
        <ReviewForm
          ctx={ctx}
          action={projectPath(project.id, ctx.locale, '/plan/vurdering')}
          version={project.version}
          comment={view.values?.comment ?? ''}
          errors={view.errors}
        />
      ) : (
        ''
      )}
      <PlanHistory ctx={ctx} plans={plans} />
    </Layout>
  );
}

/** The council's decision as a document, kept with the draft; its date and case number are fields of the plan. */
function CouncilDocument({ ctx, view }: { ctx: PageContext; view: PlanView }) {
  const { t } = ctx;
  const council = view.plan.councilDecision;
  return (
    <section aria-labelledby="council-document" class="stack">
      <h2 class="ds-heading" data-size="xs" id="council-document" safe>
        {t('projects.plan.councilDocument')}
      </h2>
      <p class="ds-paragraph" data-size="sm">
        {council?.fileId ? (
          <CouncilDocumentLink ctx={ctx} project={view.project} council={council} />
        ) : (
          <span safe>{t('projects.plan.councilNoDocument')}</span>
        )}
      </p>
      <p class="ds-paragraph" data-size="sm" safe>
        {t('projects.plan.councilSaveFirst')}
      </p>
      <UploadForm
        ctx={ctx}
        action={`/prosjekter/${view.project.id}/plan/vedtak`}
        version={view.project.version}
        label={t('projects.plan.councilFile')}
        button={t('projects.plan.councilUpload')}
        error={view.errors.find((e) => e.field === 'file')?.message}
        accept="application/pdf"
      />
    </section>
  );
}

function CouncilDocumentLink({ ctx, project, council }: { ctx: PageContext; project: StoredProject; council: CouncilDecision }) {
  return (
    <a class="ds-link" href={projectPath(project.id, ctx.locale, `/plan/vedtak/${council.fileId}`)} safe>
      {translate(ctx, 'projects.plan.councilDownload', { name: council.fileName ?? '' })}
    </a>
  );
}

function PlanHistory({ ctx, plans }: { ctx: PageContext; plans: StoredPlan[] }) {
  const { t } = ctx;
  if (plans.length < 2) return '';
  return (
    <section aria-labelledby="history">
      <h2 class="ds-heading" data-size="sm" id="history" safe>
        {t('projects.plan.history')}
      </h2>
      <DataTable
        caption={t('projects.plan.historyCaption')}
        captionHidden
        rows={plans}
        columns={[
          { header: t('projects.col.version'), rowHeader: true, text: (p) => String(p.number) },
          { header: t('projects.col.state'), text: (p) => reviewName(ctx, p.state) },
          {
            header: t('projects.col.saved'),
            text: (p) => `${formatDateTime(ctx.locale, p.savedAt)}${p.savedByName ? `, ${p.savedByName}` : ''}`,
          },
          {
            header: t('projects.col.decided'),
            text: (p) =>
              p.decidedAt
                ? `${formatDateTime(ctx.locale, p.decidedAt)}, ${p.decidedByName ?? ''}${p.comment ? `: ${p.comment}` : ''}`
                : '–',
          },
          { header: t('projects.col.end'), text: (p) => day(ctx, p.content.endsOn || null) },
        ]}
      />
    </section>
  );
}

/** The plan as read: by the owner, and by the grantee once it is submitted or approved. */
export function PlanReading({
  ctx,
  project,
  plan,
  followUp,
}: {
  ctx: PageContext;
  project: StoredProject;
  plan: ProjectPlan;
  followUp: FollowUpPlan;
}) {
  const { t } = ctx;
  const memberName = (code: string) =>
    code === '' ? t('projects.plan.sharedPart') : (project.members.find((m) => m.code === code)?.name ?? code);
  const totals = budgetTotals(plan.budget);
  const council = plan.councilDecision;
  const councilText = council
    ? translate(ctx, 'projects.plan.councilText', { date: day(ctx, council.date || null), caseNumber: council.caseNumber })
    : '–';
  return (
    <div class="stack">
      <section aria-labelledby="purpose">
        <h2 class="ds-heading" data-size="sm" id="purpose" safe>
          {t('projects.plan.purpose')}
        </h2>
        <p class="ds-paragraph" safe>
          {plan.purpose || '–'}
        </p>
        {plan.shared ? (
          <p class="ds-paragraph" safe>
            {translate(ctx, 'projects.plan.sharedText', { text: plan.shared })}
          </p>
        ) : (
          ''
        )}
        <p class="ds-paragraph" safe>
          {translate(ctx, 'projects.plan.period', { start: day(ctx, plan.startsOn || null), end: day(ctx, plan.endsOn || null) })}
        </p>
      </section>
      <section aria-labelledby="goals">
        <h2 class="ds-heading" data-size="sm" id="goals" safe>
          {t('projects.plan.goals')}
        </h2>
        <ul class="ds-list">
          {plan.goals.map((g) => (
            <li safe>{g}</li>
          ))}
        </ul>
      </section>
      {plan.indicators.length > 0 ? (
        <DataTable
          caption={t('projects.plan.indicators')}
          rows={plan.indicators}
          columns={[
            { header: t('projects.col.indicator'), rowHeader: true, text: (i) => `${i.name} (${i.unit})` },
            {
              header: t('projects.col.baseline'),
              numeric: true,
              text: (i) => (i.baseline === null ? '–' : formatNumber(ctx.locale, i.baseline, 2)),
            },
            ...followUp.periods.map((p) => ({
              header: translate(ctx, 'projects.col.targetIn', { period: p.title }),
              numeric: true,
              text: (i: (typeof plan.indicators)[number]) => {
                const target = i.targets[p.key];
                return target == null ? '–' : formatNumber(ctx.locale, target, 2);
              },
            })),
          ]}
        />
      ) : (
        ''
      )}
      {plan.activities.length > 0 ? (
        <DataTable
          caption={t('projects.plan.activities')}
          rows={plan.activities}
          columns={[
            {
              header: t('projects.col.activity'),
              rowHeader: true,
              text: (a) => `${a.title}${a.milestone ? ` (${t('projects.plan.milestone')})` : ''}`,
            },
            { header: t('projects.col.part'), text: (a) => memberName(a.member) },
            { header: t('projects.col.due'), text: (a) => day(ctx, a.due || null) },
          ]}
        />
      ) : (
        ''
      )}
      <DataTable
        caption={translate(ctx, 'projects.plan.budgetCaption', {
          grant: money(ctx, totals.grant, project.currency),
          ownWork: money(ctx, totals.ownWork, project.currency),
          ownFunding: money(ctx, totals.ownFunding, project.currency),
        })}
        rows={plan.budget}
        columns={[
          {
            header: t('projects.col.costLine'),
            rowHeader: true,
            text: (l) => `${t(`projects.costLine.${l.line}`)} – ${memberName(l.member)}`,
          },
          { header: t('projects.col.grantPart'), numeric: true, text: (l) => formatNumber(ctx.locale, l.grant) },
          { header: t('projects.col.ownWork'), numeric: true, text: (l) => formatNumber(ctx.locale, l.ownWork) },
          { header: t('projects.col.ownFunding'), numeric: true, text: (l) => formatNumber(ctx.locale, l.ownFunding) },
        ]}
      />
      <section aria-labelledby="organisation">
        <h2 class="ds-heading" data-size="sm" id="organisation" safe>
          {t('projects.plan.organisation')}
        </h2>
        <dl class="facts">
          <dt safe>{t('projects.plan.projectLeader')}</dt>
          <dd safe>{plan.organisation.projectLeader || '–'}</dd>
          <dt safe>{t('projects.plan.steeringGroup')}</dt>
          <dd safe>{plan.organisation.steeringGroup.map((m) => `${m.name} (${m.role})`).join(', ') || '–'}</dd>
          <dt safe>{t('projects.plan.ministryRepresentative')}</dt>
          <dd safe>{plan.organisation.ministryRepresentative || '–'}</dd>
          <dt safe>{t('projects.plan.countyGovernorContact')}</dt>
          <dd safe>{plan.organisation.countyGovernorContact || '–'}</dd>
          <dt safe>{t('projects.plan.elected')}</dt>
          <dd safe>{plan.organisation.elected || '–'}</dd>
          <dt safe>{t('projects.plan.administration')}</dt>
          <dd safe>{plan.organisation.administration || '–'}</dd>
          <dt safe>{t('projects.plan.employees')}</dt>
          <dd safe>{plan.organisation.employees || '–'}</dd>
          <dt safe>{t('projects.plan.councilDecision')}</dt>
          <dd>
            <span safe>{councilText}</span>
            {council?.fileId ? (
              <>
                {' '}
                <CouncilDocumentLink ctx={ctx} project={project} council={council} />
              </>
            ) : (
              ''
            )}
          </dd>
        </dl>
      </section>
    </div>
  );
}

function PlanEditor({ ctx, view }: { ctx: PageContext; view: PlanView }) {
  const { t } = ctx;
  const { project, plan, followUp } = view;
  const error = (field: string) => view.errors.find((e) => e.field === field)?.message;
  const typed = (field: string, value: string) => view.values?.[field] ?? value;
  const text = (id: string, label: string, value: string, extra: { type?: string; inputmode?: string } = {}) => (
    <TextField id={id} label={label} value={typed(id, value)} error={error(id)} {...extra} />
  );
  const amount = (value: number) => (value === 0 ? '' : String(value));
  const measure = (value: number | null | undefined) => (value == null ? '' : String(value).replace('.', ctx.locale === 'en' ? '.' : ','));
  const memberOptions = [
    { value: '', label: t('projects.plan.sharedPart') },
    ...(project.members.length > 1 ? project.members.map((m) => ({ value: m.code, label: m.name })) : []),
  ];
  const rows = <T,>(list: readonly T[]) => [
    ...list.map((item) => item as T | undefined),
    ...Array.from({ length: SPARE_ROWS }, () => undefined),
  ];
  const network = project.members.length > 1;
  return (
    <form method="post" action={projectPath(project.id, ctx.locale, view.change ? '/plan/endring' : '/plan')} class="stack">
      <CsrfField ctx={ctx} />
      <input type="hidden" name="version" value={String(project.version)} />
      {view.change ? (
        <ChangeFields ctx={ctx} change={view.change} error={error} />
      ) : (
        <p class="ds-paragraph" data-size="sm" safe>
          {t('projects.plan.editorHelp')}
        </p>
      )}
      <fieldset class="ds-fieldset">
        <legend class="ds-heading" data-size="xs" safe>
          {t('projects.plan.purpose')}
        </legend>
        <TextArea
          id="purpose"
          label={t('projects.plan.purposeLabel')}
          value={typed('purpose', plan.purpose)}
          error={error('purpose')}
          rows={4}
        />
        {network ? <TextArea id="shared" label={t('projects.plan.sharedLabel')} value={typed('shared', plan.shared)} rows={3} /> : ''}
        {text('startsOn', t('projects.plan.startsOn'), plan.startsOn, { type: 'date' })}
        {text('endsOn', t('projects.plan.endsOn'), plan.endsOn, { type: 'date' })}
      </fieldset>
      <fieldset class="ds-fieldset">
        <legend class="ds-heading" data-size="xs" safe>
          {t('projects.plan.goals')}
        </legend>
        {rows(plan.goals).map((goal, i) => text(`goal-${i}-text`, translate(ctx, 'projects.plan.goalN', { n: i + 1 }), goal ?? ''))}
      </fieldset>
      <fieldset class="ds-fieldset">
        <legend class="ds-heading" data-size="xs" safe>
          {t('projects.plan.indicators')}
        </legend>
        <p class="ds-paragraph" data-size="sm" safe>
          {t('projects.plan.indicatorsHelp')}
        </p>
        {rows(plan.indicators).map((indicator, i) => (
          <div class="row-group" role="group" aria-label={translate(ctx, 'projects.plan.indicatorN', { n: i + 1 })}>
            {indicator ? <input type="hidden" name={`ind-${i}-key`} value={indicator.key} /> : ''}
            {text(`ind-${i}-name`, translate(ctx, 'projects.plan.indicatorName', { n: i + 1 }), indicator?.name ?? '')}
            {text(`ind-${i}-unit`, t('projects.plan.unit'), indicator?.unit ?? '')}
            {text(`ind-${i}-baseline`, t('projects.col.baseline'), measure(indicator?.baseline), { inputmode: 'decimal' })}
            {followUp.periods.map((p) =>
              text(
                `ind-${i}-target-${p.key}`,
                translate(ctx, 'projects.col.targetIn', { period: p.title }),
                measure(indicator?.targets[p.key]),
                { inputmode: 'decimal' },
              ),
            )}
          </div>
        ))}
      </fieldset>
      <fieldset class="ds-fieldset">
        <legend class="ds-heading" data-size="xs" safe>
          {t('projects.plan.activities')}
        </legend>
        {rows(plan.activities).map((activity, i) => (
          <div class="row-group" role="group" aria-label={translate(ctx, 'projects.plan.activityN', { n: i + 1 })}>
            {activity ? <input type="hidden" name={`act-${i}-key`} value={activity.key} /> : ''}
            {text(`act-${i}-title`, translate(ctx, 'projects.plan.activityTitle', { n: i + 1 }), activity?.title ?? '')}
            {network ? (
              <Select
                id={`act-${i}-member`}
                label={t('projects.col.part')}
                value={typed(`act-${i}-member`, activity?.member ?? '')}
                options={memberOptions}
              />
            ) : (
              ''
            )}
            {text(`act-${i}-due`, t('projects.col.due'), activity?.due ?? '', { type: 'date' })}
            <Checkbox
              id={`act-${i}-milestone`}
              name={`act-${i}-milestone`}
              label={t('projects.plan.milestone')}
              checked={activity?.milestone ?? false}
            />
          </div>
        ))}
      </fieldset>
      {budgetParts(project.members.map((m) => m.code)).map((member) => {
        const part = member || 'shared';
        const line = (l: (typeof COST_LINES)[number]) => plan.budget.find((b) => b.line === l && b.member === member);
        const name = member === '' ? t('projects.plan.sharedPart') : (project.members.find((m) => m.code === member)?.name ?? member);
        return (
          <fieldset class="ds-fieldset">
            <legend class="ds-heading" data-size="xs" safe>
              {translate(ctx, 'projects.plan.budgetFor', { part: name })}
            </legend>
            {COST_LINES.map((l) => (
              <div class="row-group" role="group" aria-label={t(`projects.costLine.${l}`)}>
                {text(
                  `bud-${part}-${l}-grant`,
                  translate(ctx, 'projects.plan.budgetGrant', { line: t(`projects.costLine.${l}`) }),
                  amount(line(l)?.grant ?? 0),
                  { inputmode: 'numeric' },
                )}
                {text(`bud-${part}-${l}-ownWork`, t('projects.col.ownWork'), amount(line(l)?.ownWork ?? 0), { inputmode: 'numeric' })}
                {text(`bud-${part}-${l}-ownFunding`, t('projects.col.ownFunding'), amount(line(l)?.ownFunding ?? 0), {
                  inputmode: 'numeric',
                })}
              </div>
            ))}
          </fieldset>
        );
      })}
      <fieldset class="ds-fieldset">
        <legend class="ds-heading" data-size="xs" safe>
          {t('projects.plan.organisation')}
        </legend>
        {text('projectLeader', t('projects.plan.projectLeader'), plan.organisation.projectLeader)}
        {rows(plan.organisation.steeringGroup).map((member, i) => (
          <div class="row-group" role="group" aria-label={translate(ctx, 'projects.plan.steeringN', { n: i + 1 })}>
            {text(`steer-${i}-name`, translate(ctx, 'projects.plan.steeringName', { n: i + 1 }), member?.name ?? '')}
            {text(`steer-${i}-role`, t('projects.plan.steeringRole'), member?.role ?? '')}
          </div>
        ))}
        {followUp.ministryInSteeringGroup
          ? text('ministryRepresentative', t('projects.plan.ministryRepresentative'), plan.organisation.ministryRepresentative)
          : ''}
        {followUp.countyGovernorContact
          ? text('countyGovernorContact', t('projects.plan.countyGovernorContact'), plan.organisation.countyGovernorContact)
          : ''}
        <p class="ds-paragraph" data-size="sm" safe>
          {t('projects.plan.tripartiteHelp')}
        </p>
        {text('elected', t('projects.plan.elected'), plan.organisation.elected)}
        {text('administration', t('projects.plan.administration'), plan.organisation.administration)}
        {text('employees', t('projects.plan.employees'), plan.organisation.employees)}
      </fieldset>
      <fieldset class="ds-fieldset">
        <legend class="ds-heading" data-size="xs" safe>
          {t('projects.plan.councilDecision')}
        </legend>
        <p class="ds-paragraph" data-size="sm" safe>
          {t('projects.plan.councilHelp')}
        </p>
        {text('councilDate', t('projects.plan.councilDate'), plan.councilDecision?.date ?? '', { type: 'date' })}
        {text('councilCase', t('projects.plan.councilCase'), plan.councilDecision?.caseNumber ?? '')}
      </fieldset>
      {view.change ? (
        <button class="ds-button" type="submit" safe>
          {t('projects.planChange.send')}
        </button>
      ) : (
        <PlanButtons ctx={ctx} project={project} />
      )}
    </form>
  );
}

/** What the change is about and why: only that part of the plan below is taken into the request. */
function ChangeFields({
  ctx,
  change,
  error,
}: {
  ctx: PageContext;
  change: { kind: string; reason: string };
  error: (field: string) => string | undefined;
}) {
  const { t } = ctx;
  return (
    <div class="stack">
      <p class="ds-paragraph" safe>
        {t('projects.planChange.help')}
      </p>
      <fieldset class="ds-fieldset">
        <legend class="ds-label" safe>
          {t('projects.planChange.kind')}
        </legend>
        {(['budget', 'goals'] as const).map((kind) => (
          <div class="ds-field">
            <input class="ds-input" type="radio" id={`changeKind-${kind}`} name="changeKind" value={kind} checked={change.kind === kind} />
            <label class="ds-label" for={`changeKind-${kind}`} safe>
              {t(`projects.changes.kind.${kind}`)}
            </label>
          </div>
        ))}
      </fieldset>
      <TextArea id="reason" label={t('projects.changes.reason')} value={change.reason} error={error('reason')} rows={4} />
    </div>
  );
}

function PlanButtons({ ctx, project }: { ctx: PageContext; project: StoredProject }) {
  const { t } = ctx;
  return (
    <div class="button-row">
      <button class="ds-button" type="submit" name="action" value="save" safe>
        {t('projects.plan.save')}
      </button>
      {project.state === 'planning' ? (
        <button class="ds-button" data-variant="secondary" type="submit" name="action" value="submit" safe>
          {t('projects.plan.submit')}
        </button>
      ) : (
        <p class="ds-paragraph" data-size="sm" safe>
          {t('projects.plan.acceptFirst')}
        </p>
      )}
    </div>
  );
}
