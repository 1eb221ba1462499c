/** The owner's dashboard per call: batch and manual assignment, exclusions, progress per application and per reviewer. */
import { CsrfField, ErrorSummary, PageHeading, type FieldError, SuccessNotice } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { Select, TextField } from '../../platform/ui/fields.js';
import { Layout } from '../../platform/ui/layout.js';
import { DataTable } from '../../platform/ui/table.js';
import { translate } from '../../platform/ui/translate.js';
import type { StoredCall } from '../../programmes/index.js';
import type { Exclusion, PoolMember, ProgressCounts } from '../model.js';
import type { ReviewStatus, StoredAssignment } from '../store.js';
import { assignmentWorkflow } from '../workflows.js';
import { exclusionText, applicantText } from '../texts.js';
import { stateTag } from './parts.js';

export interface ApplicationRow {
  applicationId: string;
  caseNumber: string;
  members: { code: string; name: string }[];
  status: ReviewStatus;
  assignments: (StoredAssignment & { reviewerName: string })[];
}

export interface DashboardView {
  call: StoredCall;
  applications: ApplicationRow[];
  /** Per reviewer: the progress counts, and of their live assignments how many are agreed and how many have open flags. */
  reviewers: (PoolMember & { counts: ProgressCounts; agreed: number; flagged: number })[];
  exclusions: { exclusion: Exclusion; reviewerName: string; applicant: string }[];
  reassign: { assignment: StoredAssignment; reviewerName: string; applicant: string }[];
  notice?: string | undefined;
  errors?: FieldError[];
  perApplication?: string;
}

export function DashboardPage({ ctx, view }: { ctx: PageContext; view: DashboardView }) {
  const { t } = ctx;
  const { call } = view;
  const title = t('assessment.dashboard.title', { call: call.content.title });
  const base = `/eier/utlysninger/${call.id}/vurdering`;
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ label: t('programmes.owner.title'), href: `/eier?lang=${ctx.locale}` }, { label: title }]}>
      <PageHeading title={title} lead={t('assessment.dashboard.lead')} />
      <SuccessNotice text={view.notice} />
      <ErrorSummary ctx={ctx} errors={view.errors ?? []} />
      {view.reassign.length > 0 ? (
        <div class="ds-alert" data-color="warning" id="reassign">
          <h2 class="ds-heading" data-size="xs" safe>
            {t('assessment.reassign.title')}
          </h2>
          <ul class="ds-list">
            {view.reassign.map((r) => (
              <li safe>
                {t('assessment.reassign.item', {
                  reviewer: r.reviewerName,
                  applicant: r.applicant,
                  kind: translate(ctx, `assessment.conflictKind.${r.assignment.conflictKind ?? 'other'}`),
                })}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        ''
      )}
      <p class="ds-paragraph">
        <a class="ds-link" href={`/eier/programmer/${call.programmeId}/fagpanel?lang=${ctx.locale}`} safe>
          {t('assessment.pool.link')}
        </a>
      </p>
      <section aria-labelledby="batch-heading">
        <h2 class="ds-heading" data-size="sm" id="batch-heading" safe>
          {t('assessment.batch.title')}
        </h2>
        <p class="ds-paragraph" safe>
          {t('assessment.batch.lead')}
        </p>
        <form method="post" action={`${base}/fordel?lang=${ctx.locale}`} novalidate>
          <CsrfField ctx={ctx} />
          <TextField
            id="perApplication"
            label={t('assessment.batch.perApplication')}
            value={view.perApplication ?? '2'}
            inputmode="numeric"
            size={3}
            error={view.errors?.find((e) => e.field === 'perApplication')?.message}
          />
          <button class="ds-button" type="submit" safe>
            {t('assessment.batch.submit')}
          </button>
        </form>
      </section>
      <section aria-labelledby="exclusions-heading">
        <h2 class="ds-heading" data-size="sm" id="exclusions-heading" safe>
          {t('assessment.exclusions.title')}
        </h2>
        {view.exclusions.length === 0 ? (
          <p class="ds-paragraph" safe>
            {t('assessment.exclusions.none')}
          </p>
        ) : (
          <ul class="ds-list" id="exclusions">
            {view.exclusions.map((e) => (
              <li safe>{`${e.applicant}: ${exclusionText(ctx, e.exclusion, e.reviewerName)}`}</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="applications-heading">
        <h2 class="ds-heading" data-size="sm" id="applications-heading" safe>
          {t('assessment.progress.perApplication')}
        </h2>
        <DataTable
          scrollLabel={t('assessment.progress.perApplication')}
          border
          id="progress-applications"
          rows={view.applications}
          columns={[
            {
              header: t('assessment.col.applicant'),
              rowHeader: true,
              cell: (row) => (
                <a class="ds-link" href={`/vurdering/soknader/${row.applicationId}?lang=${ctx.locale}`} safe>
                  {applicantText(row)}
                </a>
              ),
            },
            { header: t('assessment.col.state'), cell: (row) => stateTag(ctx, row.status.state) },
            { header: t('assessment.col.assigned'), numeric: true, text: (row) => String(row.status.assigned) },
            { header: t('assessment.col.declared'), numeric: true, text: (row) => String(row.status.declared) },
            { header: t('assessment.col.scored'), numeric: true, text: (row) => String(row.status.scored) },
            {
              header: t('assessment.col.agreed'),
              text: (row) => (row.status.consensusRecorded ? t('assessment.yes') : t('assessment.no')),
            },
            { header: t('assessment.col.flags'), numeric: true, text: (row) => String(row.status.openFlags) },
          ]}
        />
      </section>
      <section aria-labelledby="reviewers-heading">
        <h2 class="ds-heading" data-size="sm" id="reviewers-heading" safe>
          {t('assessment.progress.perReviewer')}
        </h2>
        <DataTable
          scrollLabel={t('assessment.progress.perReviewer')}
          border
          id="progress-reviewers"
          rows={view.reviewers}
          columns={[
            {
              header: t('assessment.col.reviewer'),
              rowHeader: true,
              text: (r) => (r.lead ? `${r.name} (${t('assessment.pool.lead')})` : r.name),
            },
            { header: t('assessment.col.assigned'), numeric: true, text: (r) => String(r.counts.assigned) },
            { header: t('assessment.col.declared'), numeric: true, text: (r) => String(r.counts.declared) },
            { header: t('assessment.col.scored'), numeric: true, text: (r) => String(r.counts.scored) },
            { header: t('assessment.col.agreed'), numeric: true, text: (r) => String(r.agreed) },
            { header: t('assessment.col.flags'), numeric: true, text: (r) => String(r.flagged) },
            { header: t('assessment.col.conflicts'), numeric: true, text: (r) => String(r.counts.conflicted) },
          ]}
        />
      </section>
      <section aria-labelledby="assignments-heading">
        <h2 class="ds-heading" data-size="sm" id="assignments-heading" safe>
          {t('assessment.assignments.title')}
        </h2>
        {view.applications.map((row) => (
          <div class="ds-card" id={`application-${row.applicationId}`}>
            <h3 class="ds-heading" data-size="xs" safe>
              {applicantText(row)}
            </h3>
            <ul class="ds-list">
              {row.assignments.map((a) => (
                <li>
                  <span safe>{`${a.reviewerName}: ${assignmentWorkflow.name(a.state, 'staff', ctx.locale)}`}</span>
                  {assignmentWorkflow.isIn('active', a.state) ? (
                    <form method="post" action={`/eier/vurdering/tildelinger/${a.id}/trekk?lang=${ctx.locale}`} class="inline-form">
                      <CsrfField ctx={ctx} />
                      <input type="hidden" name="version" value={String(a.version)} />
                      <TextField id={`reason-${a.id}`} label={t('assessment.assignments.reason', { reviewer: a.reviewerName })} value="" />
                      <button class="ds-button" data-variant="tertiary" data-size="sm" type="submit" safe>
                        {t('assessment.assignments.withdraw', { reviewer: a.reviewerName })}
                      </button>
                    </form>
                  ) : (
                    ''
                  )}
                </li>
              ))}
            </ul>
            {assignableReviewers(view, row).length === 0 ? (
              <p class="ds-paragraph" safe>
                {t('assessment.assignments.noneAssignable')}
              </p>
            ) : (
              <form method="post" action={`${base}/tildel?lang=${ctx.locale}`}>
                <CsrfField ctx={ctx} />
                <input type="hidden" name="application" value={row.applicationId} />
                <Select
                  id={`reviewer-${row.applicationId}`}
                  label={t('assessment.assignments.reviewer', { applicant: applicantText(row) })}
                  value=""
                  options={assignableReviewers(view, row).map((r) => ({ value: r.userId, label: r.name }))}
                />
                <button class="ds-button" data-variant="secondary" data-size="sm" type="submit" safe>
                  {t('assessment.assignments.assign')}
                </button>
              </form>
            )}
          </div>
        ))}
      </section>
    </Layout>
  );
}

/** The pool members the owner may still give the application to: not excluded, not already on it. */
function assignableReviewers(view: DashboardView, row: ApplicationRow) {
  const live = row.assignments.filter((a) => assignmentWorkflow.isIn('active', a.state));
  const barred = new Set([
    ...view.exclusions.filter((e) => e.exclusion.applicationId === row.applicationId).map((e) => e.exclusion.reviewerId),
    ...live.map((a) => a.reviewerId),
  ]);
  return view.reviewers.filter((r) => !barred.has(r.userId));
}
