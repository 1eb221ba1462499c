/** Evaluation: the evaluator's pages, the owner's appointing and publishing, and closing a project. */
import { formatDateTime } from '../../platform/i18n/index.js';
import { CsrfField, ErrorSummary, PageHeading, SuccessNotice, type FieldError } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { Checkbox, TextArea, TextField } from '../../platform/ui/fields.js';
import { Layout } from '../../platform/ui/layout.js';
import { DataTable } from '../../platform/ui/table.js';
import { translate } from '../../platform/ui/translate.js';
import type { ReportContent } from '../model.js';
import type { Evaluator, StoredEvaluation, StoredProject } from '../store.js';
import { PUBLIC_PARTS } from '../use-cases.js';
import { projectWorkflow } from '../workflows.js';
import { projectPath, stateName, VersionFields } from './parts.js';

/** On the portfolio: the programme's evaluators, appointing one, and the programme's evaluation. */
export function EvaluatorsSection({
  ctx,
  programmeId,
  evaluators,
  evaluation,
  errors,
  values,
}: {
  ctx: PageContext;
  programmeId: string;
  evaluators: Evaluator[];
  evaluation: StoredEvaluation | undefined;
  errors: FieldError[];
  values: Record<string, string>;
}) {
  const { t } = ctx;
  return (
    <section aria-labelledby="evaluation" class="stack">
      <h2 class="ds-heading" data-size="sm" id="evaluation" safe>
        {t('projects.evaluation.title')}
      </h2>
      <p class="ds-paragraph" safe>
        {evaluators.length === 0
          ? t('projects.evaluation.noEvaluators')
          : translate(ctx, 'projects.evaluation.evaluators', { names: evaluators.map((e) => e.name).join(', ') })}
      </p>
      <form method="post" action={`/eier/programmer/${programmeId}/evaluatorer?lang=${ctx.locale}`} class="stack">
        <CsrfField ctx={ctx} />
        <TextField
          id="email"
          type="email"
          label={t('projects.evaluation.email')}
          help={t('projects.evaluation.emailHelp')}
          value={values.email ?? ''}
          error={errors.find((e) => e.field === 'email')?.message}
        />
        <button class="ds-button" data-variant="secondary" type="submit" safe>
          {t('projects.evaluation.appoint')}
        </button>
      </form>
      <EvaluationText ctx={ctx} evaluation={evaluation} action={`/eier/programmer/${programmeId}/evaluering/publiser`} />
    </section>
  );
}

/** An evaluation as the owner reads it, with the button that publishes it. */
function EvaluationText({ ctx, evaluation, action }: { ctx: PageContext; evaluation: StoredEvaluation | undefined; action: string }) {
  const { t } = ctx;
  if (!evaluation?.text)
    return (
      <p class="ds-paragraph" safe>
        {t('projects.evaluation.notWritten')}
      </p>
    );
  return (
    <div class="stack">
      <p class="ds-paragraph" data-size="sm" safe>
        {evaluation.publishedAt
          ? translate(ctx, 'projects.evaluation.published', {
              by: evaluation.writtenByName ?? '',
              at: formatDateTime(ctx.locale, evaluation.publishedAt),
            })
          : translate(ctx, 'projects.evaluation.written', {
              by: evaluation.writtenByName ?? '',
              at: formatDateTime(ctx.locale, evaluation.savedAt),
            })}
      </p>
      <blockquote class="evaluation-text">
        <p class="ds-paragraph" safe>
          {evaluation.text}
        </p>
      </blockquote>
      {evaluation.publishedAt ? (
        ''
      ) : (
        <form method="post" action={`${action}?lang=${ctx.locale}`}>
          <VersionFields ctx={ctx} version={evaluation.version} />
          <button class="ds-button" type="submit" safe>
            {t('projects.evaluation.publish')}
          </button>
        </form>
      )}
    </div>
  );
}

/** On the owner's follow-up page of an ended project: its evaluation, and closing it with the parts made public. */
export function CloseSection({
  ctx,
  project,
  evaluation,
}: {
  ctx: PageContext;
  project: StoredProject;
  evaluation: StoredEvaluation | undefined;
}) {
  const { t } = ctx;
  if (!projectWorkflow.isIn('ended', project.state)) return '';
  return (
    <section aria-labelledby="closing" class="stack">
      <h2 class="ds-heading" data-size="sm" id="closing" safe>
        {t('projects.closing.title')}
      </h2>
      <EvaluationText ctx={ctx} evaluation={evaluation} action={`/prosjekter/${project.id}/evaluering/publiser`} />
      {projectWorkflow.can(project.state, 'close') ? (
        <form method="post" action={projectPath(project.id, ctx.locale, '/lukk')} class="stack">
          <VersionFields ctx={ctx} version={project.version} />
          <fieldset class="ds-fieldset">
            <legend class="ds-label" safe>
              {t('projects.closing.public')}
            </legend>
            {PUBLIC_PARTS.map((part) => (
              <Checkbox
                id={`part-${part}`}
                name="parts"
                value={part}
                label={t(`projects.publicPart.${part}`)}
                checked={part !== 'evaluation' || evaluation?.publishedAt != null}
              />
            ))}
          </fieldset>
          <button class="ds-button" type="submit" safe>
            {t('projects.closing.close')}
          </button>
        </form>
      ) : (
        <p class="ds-paragraph" safe>
          {translate(ctx, 'projects.closing.closed', {
            parts: project.publicParts.map((p) => t(`projects.publicPart.${p as (typeof PUBLIC_PARTS)[number]}`)).join(', ') || '–',
          })}
        </p>
      )}
    </section>
  );
}

export interface EvaluatedProgramme {
  id: string;
  name: string;
  ownerName: string;
  projects: StoredProject[];
}

export function EvaluatorHomePage({ ctx, programmes }: { ctx: PageContext; programmes: EvaluatedProgramme[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('projects.evaluator.title')}>
      <PageHeading title={t('projects.evaluator.title')} lead={t('projects.evaluator.lead')} />
      {programmes.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('projects.evaluator.none')}
        </p>
      ) : (
        <ul class="card-list">
          {programmes.map((p) => (
            <li class="ds-card">
              <h2 class="ds-heading" data-size="xs">
                <a class="ds-link" href={`/evaluering/programmer/${p.id}?lang=${ctx.locale}`} safe>
                  {p.name}
                </a>
              </h2>
              <p class="ds-paragraph" data-size="sm" safe>
                {translate(ctx, 'projects.evaluator.count', { owner: p.ownerName, count: p.projects.length })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export interface EvaluationView {
  programme: EvaluatedProgramme;
  /** The project evaluated; none for the programme as a whole. */
  project: StoredProject | undefined;
  finalReport: ReportContent | undefined;
  evaluation: StoredEvaluation | undefined;
  errors: FieldError[];
  values: Record<string, string>;
  notice?: string | undefined;
}

export function EvaluationPage({ ctx, view }: { ctx: PageContext; view: EvaluationView }) {
  const { t } = ctx;
  const { programme, project, evaluation } = view;
  const title = project
    ? translate(ctx, 'projects.evaluator.projectTitle', { project: project.title })
    : translate(ctx, 'projects.evaluator.programmeTitle', { programme: programme.name });
  const action = project ? `/evaluering/prosjekter/${project.id}` : `/evaluering/programmer/${programme.id}`;
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[
        { href: '/evaluering', label: t('projects.evaluator.title') },
        ...(project ? [{ href: `/evaluering/programmer/${programme.id}`, label: programme.name }] : []),
      ]}
    >
      <PageHeading title={title} />
      <SuccessNotice text={view.notice} />
      <ErrorSummary ctx={ctx} errors={view.errors} />
      {project && view.finalReport ? (
        <section aria-labelledby="final" class="stack">
          <h2 class="ds-heading" data-size="sm" id="final" safe>
            {t('projects.evaluator.finalReport')}
          </h2>
          {(['results', 'learned', 'spreading'] as const).map((key) => (
            <>
              <h3 class="ds-heading" data-size="xs" safe>
                {t(`projects.question.${key}`)}
              </h3>
              <p class="ds-paragraph" safe>
                {view.finalReport?.answers[key] || '–'}
              </p>
            </>
          ))}
          {view.finalReport.step ? (
            <p class="ds-paragraph" safe>
              {translate(ctx, 'projects.report.stepIs', { step: t(`projects.step.${view.finalReport.step}`) })}
            </p>
          ) : (
            ''
          )}
        </section>
      ) : (
        ''
      )}
      {!project ? (
        <DataTable
          caption={t('projects.evaluator.projects')}
          rows={programme.projects}
          columns={[
            {
              header: t('projects.col.project'),
              rowHeader: true,
              cell: (p) =>
                projectWorkflow.isIn('ended', p.state) ? (
                  <a class="ds-link" href={`/evaluering/prosjekter/${p.id}?lang=${ctx.locale}`} safe>
                    {p.title}
                  </a>
                ) : (
                  <span safe>{p.title}</span>
                ),
            },
            { header: t('projects.col.state'), text: (p) => stateName(ctx, p.state) },
          ]}
        />
      ) : (
        ''
      )}
      {evaluation?.publishedAt ? (
        <>
          <p class="ds-paragraph" safe>
            {translate(ctx, 'projects.evaluation.published', {
              by: evaluation.writtenByName ?? '',
              at: formatDateTime(ctx.locale, evaluation.publishedAt),
            })}
          </p>
          <p class="ds-paragraph" safe>
            {evaluation.text}
          </p>
        </>
      ) : (
        <form method="post" action={`${action}?lang=${ctx.locale}`} class="stack">
          <VersionFields ctx={ctx} version={evaluation?.version ?? 0} />
          <TextArea
            id="text"
            label={t('projects.evaluator.text')}
            value={view.values.text ?? evaluation?.text ?? ''}
            error={view.errors.find((e) => e.field === 'text')?.message}
            rows={14}
          />
          <button class="ds-button" type="submit" safe>
            {t('projects.evaluator.save')}
          </button>
        </form>
      )}
    </Layout>
  );
}
