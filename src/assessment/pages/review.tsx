/** The review page of the lead or the owner: submitted scores side by side, flags, the consensus. */
import { formatInstant } from '../../platform/i18n/index.js';
import { CsrfField, ErrorSummary, PageHeading, type FieldError, SuccessNotice } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { TextArea } from '../../platform/ui/fields.js';
import { Layout } from '../../platform/ui/layout.js';
import { DataTable } from '../../platform/ui/table.js';
import type { StoredSubmission } from '../../applications/index.js';
import type { StoredCall } from '../../programmes/index.js';
import type { ReviewCriterion, ScoreScale, ScoreSheet } from '../model.js';
import type { ConsensusVersion, Flag } from '../store.js';
import type { ReviewState } from '../workflows.js';
import { ConflictAlert, ScoreFields, stateTag, SubmittedContent } from './parts.js';

export interface ReviewView {
  call: StoredCall;
  applicationId: string;
  applicant: string;
  submission: StoredSubmission;
  review: { state: ReviewState; version: number };
  criteria: ReviewCriterion[];
  scale: ScoreScale;
  sheets: { reviewerName: string; sheet: ScoreSheet }[];
  consensus: ConsensusVersion[];
  flags: Flag[];
  values: ScoreSheet;
  errors?: FieldError[];
  notice?: string | undefined;
  conflict?: { current: number; base: number } | undefined;
  /** The owner also gets the way back to the dashboard. */
  owner: boolean;
}

export function ReviewPage({ ctx, view }: { ctx: PageContext; view: ReviewView }) {
  const { t } = ctx;
  const title = t('assessment.review.title', { applicant: view.applicant });
  const base = `/vurdering/soknader/${view.applicationId}`;
  const errors = view.errors ?? [];
  const crumbs = view.owner
    ? [
        {
          label: t('assessment.dashboard.title', { call: view.call.content.title }),
          href: `/eier/utlysninger/${view.call.id}/vurdering?lang=${ctx.locale}`,
        },
        { label: title },
      ]
    : [{ label: t('assessment.mine.title'), href: `/vurderinger?lang=${ctx.locale}` }, { label: title }];
  const open = view.flags.filter((f) => f.resolvedAt === null);
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs}>
      <PageHeading title={title} lead={view.call.content.title} />
      <p class="ds-paragraph">{stateTag(ctx, view.review.state)}</p>
      <SuccessNotice text={view.notice} />
      <ConflictAlert ctx={ctx} conflict={view.conflict} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <section aria-labelledby="sheets-heading">
        <h2 class="ds-heading" data-size="sm" id="sheets-heading" safe>
          {t('assessment.review.sheets')}
        </h2>
        {view.sheets.length === 0 ? (
          <p class="ds-paragraph" safe>
            {t('assessment.review.noSheets')}
          </p>
        ) : (
          <DataTable
            border
            id="side-by-side"
            scrollLabel={t('assessment.review.sheets')}
            rows={view.criteria}
            columns={[
              {
                header: t('assessment.review.criterion'),
                rowHeader: true,
                text: (c) => t('assessment.score.criterion', { title: c.title, weight: c.weight }),
              },
              ...view.sheets.map((s) => ({
                header: s.reviewerName,
                cell: (c: ReviewCriterion) => (
                  <>
                    <strong safe>{String(s.sheet[c.key]?.score ?? '–')}</strong>
                    <p class="ds-paragraph" data-size="sm" safe>
                      {s.sheet[c.key]?.rationale ?? ''}
                    </p>
                  </>
                ),
              })),
            ]}
          />
        )}
      </section>
      <section aria-labelledby="flags-heading">
        <h2 class="ds-heading" data-size="sm" id="flags-heading" safe>
          {t('assessment.flag.title')}
        </h2>
        {view.flags.length === 0 ? (
          <p class="ds-paragraph" safe>
            {t('assessment.flag.none')}
          </p>
        ) : (
          ''
        )}
        <ul class="ds-list" id="flags">
          {view.flags.map((f) => (
            <li>
              <p class="ds-paragraph" safe>
                {t('assessment.flag.item', {
                  text: f.text,
                  name: f.raisedByName ?? '',
                  time: formatInstant(ctx.locale, f.raisedAt, view.call.content.timeZone),
                })}
              </p>
              {f.resolvedAt ? (
                <p class="ds-paragraph" safe>
                  {t('assessment.flag.resolvedItem', { text: f.resolution ?? '', name: f.resolvedByName ?? '' })}
                </p>
              ) : (
                <form method="post" action={`/vurdering/flagg/${f.id}/lukk?lang=${ctx.locale}`} novalidate>
                  <CsrfField ctx={ctx} />
                  <TextArea
                    id={`resolution-${f.id}`}
                    label={t('assessment.flag.resolution')}
                    value=""
                    rows={2}
                    error={errors.find((e) => e.field === `resolution-${f.id}`)?.message}
                  />
                  <button class="ds-button" data-variant="secondary" type="submit" safe>
                    {t('assessment.flag.resolve')}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
        <form method="post" action={`${base}/flagg?lang=${ctx.locale}`} novalidate>
          <CsrfField ctx={ctx} />
          <TextArea
            id="flagText"
            label={t('assessment.flag.text')}
            help={t('assessment.flag.help')}
            value=""
            rows={2}
            error={errors.find((e) => e.field === 'flagText')?.message}
          />
          <button class="ds-button" data-variant="secondary" type="submit" safe>
            {t('assessment.flag.raise')}
          </button>
        </form>
      </section>
      <section aria-labelledby="consensus-heading">
        <h2 class="ds-heading" data-size="sm" id="consensus-heading" safe>
          {t('assessment.consensus.title')}
        </h2>
        <p class="ds-paragraph" safe>
          {t('assessment.score.scale', { min: view.scale.min, max: view.scale.max })}
        </p>
        {open.length > 0 ? (
          <p class="ds-paragraph" safe>
            {t('assessment.consensus.paused')}
          </p>
        ) : (
          <form method="post" action={`${base}/konsensus?lang=${ctx.locale}`} novalidate>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="version" value={String(view.conflict?.current ?? view.review.version)} />
            <ScoreFields ctx={ctx} criteria={view.criteria} scale={view.scale} sheet={view.values} textField="reasoning" errors={errors} />
            <button class="ds-button" type="submit" safe>
              {t('assessment.consensus.submit')}
            </button>
          </form>
        )}
        {view.consensus.length > 0 ? (
          <ul class="ds-list" id="consensus-history">
            {view.consensus.map((c) => (
              <li safe>
                {t('assessment.consensus.version', {
                  version: c.version,
                  name: c.recordedByName ?? '',
                  time: formatInstant(ctx.locale, c.recordedAt, view.call.content.timeZone),
                  scores: Object.entries(c.scores)
                    .map(([key, s]) => `${key}: ${s.score}`)
                    .join(', '),
                })}
              </li>
            ))}
          </ul>
        ) : (
          ''
        )}
      </section>
      <SubmittedContent ctx={ctx} submission={view.submission} fileBase={`${base}/filer`} />
    </Layout>
  );
}
