/**
 * The application page: notices, the facts, what other capabilities show (the owner's decision),
 * the network, the conditions, the draft form, attachments, submission, submitted versions and
 * withdrawal. Every string child is escaped (`safe`); texts come from the catalogue.
 */
import { formatInstant } from '../../platform/i18n/index.js';
import { ErrorSummary, SuccessNotice } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { Layout } from '../../platform/ui/layout.js';
import { AUTOSAVE_PATH } from '../autosave.js';
import { applicationWorkflow } from '../workflows.js';
import { AnswersForm, AttachmentForms } from './application-answers.js';
import { EligibilityList, NetworkSection } from './application-network.js';
import { SubmitForm, Submissions, WithdrawForm } from './application-submission.js';
import { leadCanChange, type ApplicationView } from './application-view.js';
import { zoneOf } from './parts.js';

export type { ApplicationView } from './application-view.js';

/** What just happened, what stands in the way, and why the page cannot be changed. */
function Notices({ ctx, view }: { ctx: PageContext; view: ApplicationView }) {
  const { t } = ctx;
  return (
    <>
      <SuccessNotice text={view.notice} />
      {view.conflict ? (
        <div class="ds-alert" data-color="warning" role="alert" id="conflict">
          <h2 class="ds-heading" data-size="xs" safe>
            {t('applications.conflict.title')}
          </h2>
          <p class="ds-paragraph" safe>
            {view.conflict}
          </p>
        </div>
      ) : (
        ''
      )}
      {view.warnings && view.warnings.length > 0 ? (
        <div class="ds-alert" data-color="warning" id="warnings">
          <p class="ds-paragraph" safe>
            {t('applications.page.warnings')}
          </p>
          <ul class="ds-list">
            {view.warnings.map((w) => (
              <li>
                <a class="ds-link" href={`#${w.field}`} safe>
                  {w.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        ''
      )}
      {!view.editable ? (
        <div class="ds-alert" data-color="info">
          <p class="ds-paragraph" safe>
            {t('applications.page.readOnly')}
          </p>
        </div>
      ) : (
        ''
      )}
      {view.extension ? (
        <div class="ds-alert" data-color="info" id="extension">
          <p class="ds-paragraph" safe>
            {t('programmes.extension.applicant', { time: formatInstant(ctx.locale, view.extension.until, zoneOf(view.call)) })}
          </p>
        </div>
      ) : (
        ''
      )}
    </>
  );
}

function Facts({ ctx, view }: { ctx: PageContext; view: ApplicationView }) {
  const { t } = ctx;
  const { application, call } = view;
  return (
    <dl class="facts">
      <dt safe>{t('applications.col.caseNumber')}</dt>
      <dd id="case-number" safe>
        {application.caseNumber}
      </dd>
      <dt safe>{t('applications.page.lead')}</dt>
      <dd safe>{application.members.find((m) => m.role === 'lead')?.name ?? ''}</dd>
      <dt safe>{t('applications.page.status')}</dt>
      <dd id="status" safe>
        {applicationWorkflow.name(application.status, 'staff', ctx.locale)}
      </dd>
      <dt safe>{t('applications.page.deadline')}</dt>
      <dd safe>{formatInstant(ctx.locale, application.deadline, zoneOf(call))}</dd>
      <dt safe>{t('applications.page.version')}</dt>
      <dd
        safe
      >{`${application.version}${application.updatedByName ? ` – ${t('applications.page.lastSaved', { name: application.updatedByName })}` : ''}`}</dd>
    </dl>
  );
}

export function ApplicationPage({ ctx, view }: { ctx: PageContext; view: ApplicationView }) {
  const { t } = ctx;
  const { application, call, mine } = view;
  const title = t('applications.page.title', { call: call.content.title });
  const canChange = leadCanChange(view);
  // Markup the slot's fillers rendered, their texts escaped by their own components.
  const safeApplicantDecision = view.applicantDecision ?? '';
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[{ label: t('applications.mine.title'), href: `/soknader?lang=${ctx.locale}` }, { label: title }]}
    >
      <h1 class="ds-heading" data-size="lg" safe>
        {title}
      </h1>
      <ErrorSummary ctx={ctx} errors={view.errors ?? []} />
      <Notices ctx={ctx} view={view} />
      <Facts ctx={ctx} view={view} />
      {mine.role !== 'lead' ? (
        <p class="ds-paragraph" safe>
          {t('applications.page.coApplicant')}
        </p>
      ) : (
        ''
      )}
      {safeApplicantDecision}

      <NetworkSection ctx={ctx} view={view} />
      <EligibilityList ctx={ctx} eligibility={view.eligibility} />
      <AnswersForm ctx={ctx} view={view} />
      {canChange ? <AttachmentForms ctx={ctx} view={view} /> : ''}
      {canChange ? <SubmitForm ctx={ctx} view={view} /> : ''}
      <Submissions ctx={ctx} application={application} call={call} submissions={view.submissions} />
      {canChange ? <WithdrawForm ctx={ctx} view={view} /> : ''}
      {canChange ? <script src={AUTOSAVE_PATH} defer></script> : ''}
    </Layout>
  );
}
