/** The reviewer's assignment: the declaration first, then the content, the scores, flags and the history of versions. */
import { formatInstant } from '../../platform/i18n/index.js';
import { CsrfField, ErrorSummary, PageHeading, type FieldError, SuccessNotice } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { Select, TextArea } from '../../platform/ui/fields.js';
import { Layout } from '../../platform/ui/layout.js';
import { translate } from '../../platform/ui/translate.js';
import type { StoredSubmission } from '../../applications/index.js';
import type { StoredCall } from '../../programmes/index.js';
import { CONFLICT_KINDS, type ReviewCriterion, type ScoreScale, type ScoreSheet } from '../model.js';
import type { ScoreVersion, StoredAssignment } from '../store.js';
import { assignmentWorkflow, type ReviewState } from '../workflows.js';
import { ConflictAlert, ScoreFields, SubmittedContent } from './parts.js';

export interface AssignmentView {
  assignment: StoredAssignment;
  call: StoredCall;
  applicant: string;
  reviewState: ReviewState;
  /** Only once the reviewer has declared no conflict. */
  submission?: StoredSubmission | undefined;
  criteria: ReviewCriterion[];
  scale: ScoreScale;
  sheet: ScoreSheet;
  history: ScoreVersion[];
  errors?: FieldError[];
  warnings?: string[];
  notice?: string | undefined;
  conflict?: { current: number; base: number } | undefined;
  declaration?: { conflict: string; kind: string; text: string };
}

export function AssignmentPage({ ctx, view }: { ctx: PageContext; view: AssignmentView }) {
  const { t } = ctx;
  const { assignment } = view;
  const title = t('assessment.assignment.title', { applicant: view.applicant });
  const base = `/vurderinger/${assignment.id}`;
  const errors = view.errors ?? [];
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[{ label: t('assessment.mine.title'), href: `/vurderinger?lang=${ctx.locale}` }, { label: title }]}
    >
      <PageHeading title={title} lead={view.call.content.title} />
      <p class="ds-paragraph">
        <span safe>{t('assessment.assignment.state')}</span>{' '}
        <strong safe>{assignmentWorkflow.name(assignment.state, 'staff', ctx.locale)}</strong>
      </p>
      <SuccessNotice text={view.notice} />
      <ConflictAlert ctx={ctx} conflict={view.conflict} />
      <ErrorSummary ctx={ctx} errors={errors} />
      {view.warnings && view.warnings.length > 0 ? (
        <div class="ds-alert" data-color="warning" id="warnings">
          <h2 class="ds-heading" data-size="xs" safe>
            {t('assessment.score.warningsTitle')}
          </h2>
          <ul class="ds-list">
            {view.warnings.map((w) => (
              <li safe>{w}</li>
            ))}
          </ul>
        </div>
      ) : (
        ''
      )}
      {assignment.state === 'assigned' ? (
        <section aria-labelledby="declaration-heading">
          <h2 class="ds-heading" data-size="sm" id="declaration-heading" safe>
            {t('assessment.declaration.title')}
          </h2>
          <p class="ds-paragraph" safe>
            {t('assessment.declaration.lead', { applicant: view.applicant })}
          </p>
          <form method="post" action={`${base}/erklaering?lang=${ctx.locale}`} novalidate>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="version" value={String(assignment.version)} />
            <fieldset class="ds-fieldset" id="conflict">
              <legend class="ds-label" safe>
                {t('assessment.declaration.question')}
              </legend>
              <div class="ds-field">
                <input
                  class="ds-input"
                  type="radio"
                  id="conflict-no"
                  name="conflict"
                  value="no"
                  checked={view.declaration?.conflict === 'no'}
                />
                <label class="ds-label" for="conflict-no" safe>
                  {t('assessment.declaration.no')}
                </label>
              </div>
              <div class="ds-field">
                <input
                  class="ds-input"
                  type="radio"
                  id="conflict-yes"
                  name="conflict"
                  value="yes"
                  checked={view.declaration?.conflict === 'yes'}
                />
                <label class="ds-label" for="conflict-yes" safe>
                  {t('assessment.declaration.yes')}
                </label>
              </div>
            </fieldset>
            <Select
              id="kind"
              label={t('assessment.declaration.kind')}
              value={view.declaration?.kind ?? ''}
              options={[
                { value: '', label: t('assessment.declaration.chooseKind') },
                ...CONFLICT_KINDS.map((k) => ({ value: k, label: translate(ctx, `assessment.conflictKind.${k}`) })),
              ]}
              error={errors.find((e) => e.field === 'kind')?.message}
            />
            <TextArea
              id="text"
              label={t('assessment.declaration.text')}
              value={view.declaration?.text ?? ''}
              rows={3}
              error={errors.find((e) => e.field === 'text')?.message}
            />
            <button class="ds-button" type="submit" safe>
              {t('assessment.declaration.submit')}
            </button>
          </form>
        </section>
      ) : (
        ''
      )}
      {assignment.state === 'conflicted' ? (
        <p class="ds-paragraph" safe>
          {t('assessment.assignment.conflicted')}
        </p>
      ) : (
        ''
      )}
      {assignment.state === 'withdrawn' ? (
        <p class="ds-paragraph" safe>
          {t('assessment.assignment.withdrawn')}
        </p>
      ) : (
        ''
      )}
      {view.submission ? <SubmittedContent ctx={ctx} submission={view.submission} fileBase={`${base}/filer`} /> : ''}
      {view.submission && assignment.state === 'declared' ? (
        <section aria-labelledby="scores-heading">
          <h2 class="ds-heading" data-size="sm" id="scores-heading" safe>
            {t('assessment.score.title')}
          </h2>
          <p class="ds-paragraph" safe>
            {t('assessment.score.scale', { min: view.scale.min, max: view.scale.max })}
          </p>
          {view.reviewState === 'paused' ? (
            <p class="ds-paragraph" safe>
              {t('assessment.score.paused')}
            </p>
          ) : (
            ''
          )}
          <form method="post" action={`${base}/poeng?lang=${ctx.locale}`} novalidate>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="version" value={String(view.conflict?.current ?? assignment.version)} />
            <ScoreFields ctx={ctx} criteria={view.criteria} scale={view.scale} sheet={view.sheet} textField="rationale" errors={errors} />
            <div class="button-row">
              <button class="ds-button" data-variant="secondary" type="submit" name="action" value="save" safe>
                {t('assessment.score.save')}
              </button>
              <button class="ds-button" type="submit" name="action" value="submit" safe>
                {t('assessment.score.submit')}
              </button>
            </div>
          </form>
        </section>
      ) : (
        ''
      )}
      {view.submission && assignment.state === 'submitted' ? (
        <section aria-labelledby="submitted-heading">
          <h2 class="ds-heading" data-size="sm" id="submitted-heading" safe>
            {t('assessment.score.submittedTitle')}
          </h2>
          <SheetList ctx={ctx} criteria={view.criteria} sheet={view.sheet} />
          {view.reviewState !== 'agreed' ? (
            <form method="post" action={`${base}/gjenapne?lang=${ctx.locale}`}>
              <CsrfField ctx={ctx} />
              <input type="hidden" name="version" value={String(assignment.version)} />
              <button class="ds-button" data-variant="secondary" type="submit" safe>
                {t('assessment.score.reopen')}
              </button>
            </form>
          ) : (
            ''
          )}
        </section>
      ) : (
        ''
      )}
      {view.submission ? (
        <>
          <section aria-labelledby="flag-heading">
            <h2 class="ds-heading" data-size="sm" id="flag-heading" safe>
              {t('assessment.flag.raiseTitle')}
            </h2>
            <form method="post" action={`${base}/flagg?lang=${ctx.locale}`} novalidate>
              <CsrfField ctx={ctx} />
              <TextArea
                id="flagText"
                label={t('assessment.flag.text')}
                help={t('assessment.flag.help')}
                value=""
                rows={3}
                error={errors.find((e) => e.field === 'flagText')?.message}
              />
              <button class="ds-button" data-variant="secondary" type="submit" safe>
                {t('assessment.flag.raise')}
              </button>
            </form>
          </section>
          <History ctx={ctx} history={view.history} call={view.call} />
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}

function SheetList({ ctx, criteria, sheet }: { ctx: PageContext; criteria: ReviewCriterion[]; sheet: ScoreSheet }) {
  return (
    <dl class="answers">
      {criteria.map((c) => (
        <>
          <dt safe>{ctx.t('assessment.score.criterion', { title: c.title, weight: c.weight })}</dt>
          <dd safe>{`${sheet[c.key]?.score ?? '–'}: ${sheet[c.key]?.rationale ?? ''}`}</dd>
        </>
      ))}
    </dl>
  );
}

function History({ ctx, history, call }: { ctx: PageContext; history: ScoreVersion[]; call: StoredCall }) {
  if (history.length === 0) return '';
  return (
    <section aria-labelledby="history-heading">
      <h2 class="ds-heading" data-size="sm" id="history-heading" safe>
        {ctx.t('assessment.history.title')}
      </h2>
      <ul class="ds-list" id="history">
        {history.map((v) => (
          <li safe>
            {ctx.t(v.submitted ? 'assessment.history.submitted' : 'assessment.history.draft', {
              version: v.version,
              time: formatInstant(ctx.locale, v.savedAt, call.content.timeZone),
              scores: Object.entries(v.sheet)
                .map(([key, s]) => `${key}: ${s.score ?? '–'}`)
                .join(', '),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
