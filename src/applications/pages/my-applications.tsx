/** My applications and the invitations waiting for my municipality's answer. */
import { CsrfField, ErrorSummary, PageHeading, type FieldError } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { TextField } from '../../platform/ui/fields.js';
import { formatInstant } from '../../platform/i18n/index.js';
import { Layout } from '../../platform/ui/layout.js';
import { DataTable } from '../../platform/ui/table.js';
import { translate } from '../../platform/ui/translate.js';
import type { StoredCall } from '../../programmes/index.js';
import type { ApplicationSummary } from '../store.js';
import { applicationWorkflow, invitationWorkflow } from '../workflows.js';
import { InvitationTag } from './parts.js';

export interface SummaryRow extends ApplicationSummary {
  /** The decision in a word, rendered by the capability that makes decisions; empty before one. */
  decision: string;
  callTitle: string;
  callLanguage: string;
  zone: StoredCall['content']['timeZone'];
}

export function MyApplicationsPage({
  ctx,
  rows,
  hasMunicipality,
  problems = [],
}: {
  ctx: PageContext;
  rows: SummaryRow[];
  hasMunicipality: boolean;
  problems?: FieldError[];
}) {
  const { t } = ctx;
  const invitations = rows.filter((r) => r.mine.role === 'co' && r.mine.invitation === 'pending');
  const applications = rows.filter((r) => invitationWorkflow.isIn('involved', r.mine.invitation));
  return (
    <Layout ctx={ctx} title={t('applications.mine.title')}>
      <PageHeading title={t('applications.mine.title')} lead={t('applications.mine.lead')} />
      <ErrorSummary ctx={ctx} errors={problems} />
      {hasMunicipality ? (
        ''
      ) : (
        <p class="ds-paragraph" safe>
          {t('applications.mine.noMunicipality')}
        </p>
      )}
      <h2 class="ds-heading" data-size="sm" safe>
        {t('applications.invitations.title')}
      </h2>
      {invitations.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('applications.invitations.none')}
        </p>
      ) : (
        ''
      )}
      {invitations.map((row) => (
        <section class="ds-card invitation" aria-labelledby={`invitation-${row.id}`}>
          <p class="ds-paragraph" id={`invitation-${row.id}`} safe>
            {t('applications.invitation.from', { lead: row.leadName, member: row.mine.name, call: row.callTitle })}
          </p>
          <form method="post" action={`/soknader/${row.id}/svar?lang=${ctx.locale}`}>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="code" value={row.mine.code} />
            <TextField id={`email-${row.id}`} label={t('applications.invitation.email', { member: row.mine.name })} value="" type="email" />
            <div class="button-row">
              <button class="ds-button" type="submit" name="answer" value="accepted" safe>
                {t('applications.invitation.accept')}
              </button>
              <button class="ds-button" data-variant="secondary" type="submit" name="answer" value="declined" safe>
                {t('applications.invitation.decline')}
              </button>
            </div>
          </form>
        </section>
      ))}
      <h2 class="ds-heading" data-size="sm" safe>
        {t('applications.mine.title')}
      </h2>
      {applications.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('applications.mine.none')}
        </p>
      ) : (
        <DataTable
          scrollLabel={t('applications.mine.title')}
          rows={applications}
          columns={[
            {
              header: t('applications.col.caseNumber'),
              cell: (row) => (
                <a class="ds-link" href={`/soknader/${row.id}?lang=${ctx.locale}`} safe>
                  {row.caseNumber}
                </a>
              ),
            },
            {
              header: t('applications.col.call'),
              cell: (row) => (
                <span lang={row.callLanguage} safe>
                  {row.callTitle}
                </span>
              ),
            },
            { header: t('applications.col.lead'), text: (row) => row.leadName },
            {
              header: t('applications.col.role'),
              cell: (row) => (
                <>
                  <span safe>{translate(ctx, `applications.role.${row.mine.role}`)}</span>{' '}
                  <InvitationTag ctx={ctx} state={row.mine.invitation} />
                </>
              ),
            },
            {
              header: t('applications.col.status'),
              cell: (row) => row.decision || <span safe>{applicationWorkflow.name(row.status, 'staff', ctx.locale)}</span>,
            },
            { header: t('applications.col.deadline'), text: (row) => formatInstant(ctx.locale, row.deadline, row.zone) },
          ]}
        />
      )}
    </Layout>
  );
}
