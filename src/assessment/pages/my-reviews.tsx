/** The reviewer's own assignments, with the way to the consensus where they lead. */
import { PageHeading, SuccessNotice } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { Layout } from '../../platform/ui/layout.js';
import { DataTable } from '../../platform/ui/table.js';
import type { StoredAssignment } from '../store.js';
import { assignmentWorkflow } from '../workflows.js';

export interface MyReviewItem {
  assignment: StoredAssignment;
  callTitle: string;
  applicant: string;
  consensusLink: boolean;
}

export function MyReviewsPage({ ctx, items, notice }: { ctx: PageContext; items: MyReviewItem[]; notice?: string | undefined }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('assessment.mine.title')}>
      <PageHeading title={t('assessment.mine.title')} lead={t('assessment.mine.lead')} />
      <SuccessNotice text={notice} />
      {items.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('assessment.mine.none')}
        </p>
      ) : (
        <DataTable
          scrollLabel={t('assessment.mine.title')}
          border
          id="my-reviews"
          rows={items}
          columns={[
            {
              header: t('assessment.col.applicant'),
              rowHeader: true,
              cell: (item) =>
                assignmentWorkflow.isIn('active', item.assignment.state) ? (
                  <a class="ds-link" href={`/vurderinger/${item.assignment.id}?lang=${ctx.locale}`} safe>
                    {item.applicant}
                  </a>
                ) : (
                  <span safe>{item.applicant}</span>
                ),
            },
            { header: t('assessment.col.call'), text: (item) => item.callTitle },
            { header: t('assessment.col.state'), text: (item) => assignmentWorkflow.name(item.assignment.state, 'staff', ctx.locale) },
            {
              header: t('assessment.col.consensus'),
              cell: (item) =>
                item.consensusLink ? (
                  <a class="ds-link" href={`/vurdering/soknader/${item.assignment.applicationId}?lang=${ctx.locale}`} safe>
                    {t('assessment.mine.consensus', { applicant: item.applicant })}
                  </a>
                ) : (
                  ''
                ),
            },
          ]}
        />
      )}
    </Layout>
  );
}
