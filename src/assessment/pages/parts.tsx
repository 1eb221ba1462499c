/** What several assessment pages share: notices, the state tag, the submitted content and the score fields. */
import type { FieldError } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { Select, TextArea } from '../../platform/ui/fields.js';
import { translate } from '../../platform/ui/translate.js';
import type { StoredAttachment, StoredSubmission } from '../../applications/index.js';
import type { AnswerValue, TableRow } from '../../programmes/index.js';
import type { ReviewCriterion, ScoreScale, ScoreSheet } from '../model.js';
import { reviewWorkflow, type ReviewState } from '../workflows.js';

export const stateTag = (ctx: PageContext, state: ReviewState) => (
  <span class="ds-tag" data-color={state === 'paused' ? 'warning' : state === 'agreed' ? 'success' : 'neutral'} safe>
    {reviewWorkflow.name(state, 'staff', ctx.locale)}
  </span>
);

/** A stale edit: what the person typed is kept in the form below, which now carries the current version. */
export function ConflictAlert({ ctx, conflict }: { ctx: PageContext; conflict: { current: number; base: number } | undefined }) {
  if (!conflict) return '';
  return (
    <div class="ds-alert" data-color="warning" id="conflict" role="alert">
      <h2 class="ds-heading" data-size="xs" safe>
        {ctx.t('assessment.conflict.title')}
      </h2>
      <p class="ds-paragraph" safe>
        {ctx.t('assessment.conflict.lead', { base: conflict.base, current: conflict.current })}
      </p>
    </div>
  );
}

function answerText(ctx: PageContext, value: AnswerValue | undefined): string {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return ctx.t('assessment.content.empty');
  if (typeof value === 'string') return value;
  if (value.every((item) => typeof item === 'string')) return (value as string[]).join(', ');
  return (value as (TableRow | StoredAttachment)[])
    .map((item) => ('fileId' in item ? String(item.name) : Object.values(item).join(' | ')))
    .join('; ');
}

/** The submitted version read-only: sections, answers, decisions, with links to the files. */
export function SubmittedContent({ ctx, submission, fileBase }: { ctx: PageContext; submission: StoredSubmission; fileBase: string }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="content-heading" id="content" lang={submission.callLanguage}>
      <h2 class="ds-heading" data-size="sm" id="content-heading" safe>
        {t('assessment.content.title', { number: submission.number })}
      </h2>
      <ul class="ds-list">
        {submission.members.map((m) => (
          <li>
            <span safe>{`${m.name} (${m.code}) – ${translate(ctx, `applications.role.${m.role}`)}`}</span>
            {m.decision ? (
              <>
                {' – '}
                <a
                  class="ds-link"
                  href={`${fileBase}/${m.decision.fileId}`}
                  safe
                >{`${translate(ctx, `programmes.body.${m.decision.body}`)} ${m.decision.date}`}</a>
              </>
            ) : (
              ''
            )}
          </li>
        ))}
      </ul>
      {submission.form.sections.map((section) => (
        <>
          <h3 class="ds-heading" data-size="xs" safe>
            {section.title}
          </h3>
          <dl class="answers">
            {section.parts
              .filter((part) => part.kind !== 'projected-challenge')
              .map((part) => {
                const value = submission.answers[part.key];
                return (
                  <>
                    <dt safe>{part.label}</dt>
                    <dd>
                      {part.kind === 'attachment' && Array.isArray(value) && value.length > 0 ? (
                        <ul class="ds-list">
                          {(value as StoredAttachment[]).map((file) => (
                            <li>
                              <a class="ds-link" href={`${fileBase}/${file.fileId}`} safe>
                                {file.name}
                              </a>
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <p class="ds-paragraph prewrap" safe>
                          {answerText(ctx, value)}
                        </p>
                      )}
                    </dd>
                  </>
                );
              })}
          </dl>
        </>
      ))}
    </section>
  );
}

export function ScoreFields({
  ctx,
  criteria,
  scale,
  sheet,
  textField,
  errors,
}: {
  ctx: PageContext;
  criteria: ReviewCriterion[];
  scale: ScoreScale;
  sheet: ScoreSheet;
  textField: 'rationale' | 'reasoning';
  errors: FieldError[];
}) {
  const { t } = ctx;
  const options = [
    { value: '', label: t('assessment.score.none') },
    ...Array.from({ length: scale.max - scale.min + 1 }, (_, i) => ({ value: String(scale.min + i), label: String(scale.min + i) })),
  ];
  return (
    <>
      {criteria.map((c) => (
        <fieldset class="ds-fieldset">
          <legend class="ds-heading" data-size="xs" safe>
            {t('assessment.score.criterion', { title: c.title, weight: c.weight })}
          </legend>
          {c.description ? (
            <p class="ds-paragraph" data-size="sm" safe>
              {c.description}
            </p>
          ) : (
            ''
          )}
          <Select
            id={`score-${c.key}`}
            label={t('assessment.score.score', { title: c.title })}
            value={sheet[c.key]?.score === null || sheet[c.key] === undefined ? '' : String(sheet[c.key]!.score)}
            options={options}
            error={errors.find((e) => e.field === `score-${c.key}`)?.message}
          />
          <TextArea
            id={`${textField}-${c.key}`}
            label={translate(ctx, `assessment.score.${textField}`, { title: c.title })}
            value={sheet[c.key]?.rationale ?? ''}
            rows={4}
            error={errors.find((e) => e.field === `${textField}-${c.key}`)?.message}
          />
        </fieldset>
      ))}
    </>
  );
}
