/** The continuation (videreføring): the members' draft and sending it to an open call. */
import { formatDateTime, formatNumber } from '../../platform/i18n/index.js';
import { CsrfField, ErrorSummary, PageHeading, SuccessNotice, type FieldError } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { Select, TextArea, TextField } from '../../platform/ui/fields.js';
import { Layout } from '../../platform/ui/layout.js';
import { DataTable } from '../../platform/ui/table.js';
import { translate } from '../../platform/ui/translate.js';
import type { Continuation, StoredContinuation } from '../continuation.js';
import { SPARE_ROWS } from '../forms.js';
import type { StoredProject } from '../store.js';
import { money, projectPath } from './parts.js';

export interface ContinuationView {
  project: StoredProject;
  content: Continuation;
  stored: StoredContinuation | undefined;
  editable: boolean;
  lead: boolean;
  calls: { id: string; title: string }[];
  errors: FieldError[];
  values: Record<string, string>;
  notice?: string | undefined;
}

const withSpare = <T,>(list: readonly T[]) => [
  ...list.map((x) => x as T | undefined),
  ...Array.from({ length: SPARE_ROWS }, () => undefined),
];

export function ContinuationPage({ ctx, view }: { ctx: PageContext; view: ContinuationView }) {
  const { t } = ctx;
  const { project, content, stored } = view;
  const title = translate(ctx, 'projects.continuation.title', { project: project.title });
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: projectPath(project.id, ctx.locale, '/oppfolging'), label: project.title }]}>
      <PageHeading title={title} lead={t('projects.continuation.lead')} />
      <SuccessNotice text={view.notice} />
      <ErrorSummary ctx={ctx} errors={view.errors} />
      {stored?.applicationId ? (
        <p class="ds-paragraph">
          <a class="ds-link" href={`/soknader/${stored.applicationId}?lang=${ctx.locale}`} safe>
            {t('projects.continuation.toApplication')}
          </a>
        </p>
      ) : (
        ''
      )}
      {view.editable ? <ContinuationForm ctx={ctx} view={view} /> : <ContinuationReading ctx={ctx} project={project} content={content} />}
      {stored ? (
        <p class="ds-paragraph" data-size="sm" safe>
          {translate(ctx, 'projects.continuation.saved', { by: stored.savedByName ?? '', at: formatDateTime(ctx.locale, stored.savedAt) })}
        </p>
      ) : (
        ''
      )}
      {view.editable && view.lead && stored ? <ApplyForm ctx={ctx} view={view} /> : ''}
    </Layout>
  );
}

function ApplyForm({ ctx, view }: { ctx: PageContext; view: ContinuationView }) {
  const { t } = ctx;
  if (view.calls.length === 0)
    return (
      <p class="ds-paragraph" safe>
        {t('projects.continuation.noCalls')}
      </p>
    );
  return (
    <form method="post" action={projectPath(view.project.id, ctx.locale, '/videreforing/soknad')} class="stack">
      <CsrfField ctx={ctx} />
      <input type="hidden" name="version" value={String(view.stored?.version ?? 0)} />
      <h2 class="ds-heading" data-size="sm" safe>
        {t('projects.continuation.apply')}
      </h2>
      <p class="ds-paragraph" data-size="sm" safe>
        {t('projects.continuation.applyHelp')}
      </p>
      <Select
        id="call"
        label={t('projects.continuation.call')}
        value={view.values.call ?? ''}
        error={view.errors.find((e) => e.field === 'call')?.message}
        options={view.calls.map((c) => ({ value: c.id, label: c.title }))}
      />
      <button class="ds-button" type="submit" safe>
        {t('projects.continuation.start')}
      </button>
    </form>
  );
}

function ContinuationForm({ ctx, view }: { ctx: PageContext; view: ContinuationView }) {
  const { t } = ctx;
  const { project, content } = view;
  const error = (field: string) => view.errors.find((e) => e.field === field)?.message;
  const typed = (field: string, value: string) => view.values[field] ?? value;
  const text = (id: string, label: string, value: string, extra: { inputmode?: string } = {}) => (
    <TextField id={id} label={label} value={typed(id, value)} error={error(id)} {...extra} />
  );
  return (
    <form method="post" action={projectPath(project.id, ctx.locale, '/videreforing')} class="stack">
      <CsrfField ctx={ctx} />
      <input type="hidden" name="version" value={String(view.stored?.version ?? 0)} />
      <TextArea id="background" label={t('projects.continuation.background')} value={typed('background', content.background)} rows={6} />
      <fieldset class="ds-fieldset">
        <legend class="ds-heading" data-size="xs" safe>
          {t('projects.continuation.targetGroups')}
        </legend>
        <p class="ds-paragraph" data-size="sm" safe>
          {t('projects.continuation.targetGroupsHelp')}
        </p>
        {withSpare(content.targetGroups).map((g, i) => (
          <div class="row-group" role="group" aria-label={translate(ctx, 'projects.continuation.groupN', { n: i + 1 })}>
            {text(`tg-${i}-group`, translate(ctx, 'projects.continuation.group', { n: i + 1 }), g?.group ?? '')}
            {text(`tg-${i}-value`, t('projects.continuation.value'), g?.value ?? '')}
            {text(`tg-${i}-priority`, t('projects.continuation.priority'), g?.priority == null ? '' : String(g.priority), {
              inputmode: 'numeric',
            })}
          </div>
        ))}
      </fieldset>
      <fieldset class="ds-fieldset">
        <legend class="ds-heading" data-size="xs" safe>
          {t('projects.continuation.resultGoals')}
        </legend>
        {withSpare(content.resultGoals).map((goal, i) =>
          text(`goal-${i}-text`, translate(ctx, 'projects.plan.goalN', { n: i + 1 }), goal ?? ''),
        )}
      </fieldset>
      <fieldset class="ds-fieldset">
        <legend class="ds-heading" data-size="xs" safe>
          {t('projects.continuation.mainActivities')}
        </legend>
        {withSpare(content.mainActivities).map((a, i) =>
          text(`act-${i}-text`, translate(ctx, 'projects.plan.activityN', { n: i + 1 }), a ?? ''),
        )}
      </fieldset>
      <TextArea
        id="organisationModel"
        label={t('projects.continuation.organisationModel')}
        value={typed('organisationModel', content.organisationModel)}
        rows={3}
      />
      <fieldset class="ds-fieldset">
        <legend class="ds-heading" data-size="xs" safe>
          {t('projects.continuation.resources')}
        </legend>
        {project.members.map((m) => {
          const own = content.resources.find((r) => r.code === m.code);
          return (
            <div class="row-group" role="group" aria-label={m.name}>
              {text(
                `res-${m.code}-money`,
                translate(ctx, 'projects.continuation.money', { member: m.name, currency: project.currency }),
                own?.money ? String(own.money) : '',
                { inputmode: 'numeric' },
              )}
              {text(`res-${m.code}-people`, translate(ctx, 'projects.continuation.people', { member: m.name }), own?.people ?? '')}
            </div>
          );
        })}
      </fieldset>
      <button class="ds-button" type="submit" safe>
        {t('projects.continuation.save')}
      </button>
    </form>
  );
}

function ContinuationReading({ ctx, project, content }: { ctx: PageContext; project: StoredProject; content: Continuation }) {
  const { t } = ctx;
  return (
    <div class="stack">
      <p class="ds-paragraph" safe>
        {content.background || '–'}
      </p>
      <DataTable
        caption={t('projects.continuation.targetGroups')}
        rows={content.targetGroups}
        columns={[
          { header: t('projects.continuation.groupColumn'), rowHeader: true, text: (g) => g.group },
          { header: t('projects.continuation.value'), text: (g) => g.value || '–' },
          {
            header: t('projects.continuation.priority'),
            numeric: true,
            text: (g) => (g.priority == null ? '–' : formatNumber(ctx.locale, g.priority)),
          },
        ]}
      />
      <DataTable
        caption={t('projects.continuation.resources')}
        rows={content.resources}
        columns={[
          {
            header: t('projects.public.members'),
            rowHeader: true,
            text: (r) => project.members.find((m) => m.code === r.code)?.name ?? r.code,
          },
          { header: t('projects.continuation.moneyColumn'), numeric: true, text: (r) => money(ctx, r.money, project.currency) },
          { header: t('projects.continuation.peopleColumn'), text: (r) => r.people || '–' },
        ]}
      />
    </div>
  );
}
