import { formatInstant } from '../../platform/i18n/index.js';
import { CsrfField, ErrorSummary, PageHeading, type FieldError } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { TextArea } from '../../platform/ui/fields.js';
import { Layout } from '../../platform/ui/layout.js';
import { translate } from '../../platform/ui/translate.js';
import { appealWorkflow, decisionWorkflow } from '../model.js';
import type { ApplicantDecision } from '../store.js';
import { AppealAssessmentText, money } from './parts.js';

/** The decision in a word, as the applicant reads it. */
export function DecisionTag({ ctx, state }: { ctx: PageContext; state: ApplicantDecision['state'] }) {
  return (
    <span class="ds-tag" data-color={state === 'rejected' ? 'danger' : 'success'} safe>
      {decisionWorkflow.name(state, 'public', ctx.locale)}
    </span>
  );
}

/** The decision on the applicant's page: outcome, amount, reasons, conditions and the letter — nothing about reviewers or scores. */
export function ApplicantDecisionSection({
  ctx,
  applicationId,
  decision,
}: {
  ctx: PageContext;
  applicationId: string;
  decision: ApplicantDecision | undefined;
}) {
  const { t } = ctx;
  if (!decision) return '';
  return (
    <section aria-labelledby="decision-heading" id="decision-section">
      <h2 class="ds-heading" data-size="sm" id="decision-heading" safe>
        {t('selection.applicant.title')}
      </h2>
      <dl class="facts">
        <dt safe>{t('selection.applicant.outcome')}</dt>
        <dd>
          <DecisionTag ctx={ctx} state={decision.state} />
        </dd>
        {decision.amount !== null ? (
          <>
            <dt safe>{t('selection.applicant.amount')}</dt>
            <dd safe>{money(ctx, decision.amount, decision.currency)}</dd>
          </>
        ) : (
          ''
        )}
        <dt safe>{t('selection.applicant.reason')}</dt>
        <dd safe>{decision.reason}</dd>
        {decision.conditions ? (
          <>
            <dt safe>{t('selection.applicant.conditions')}</dt>
            <dd safe>{decision.conditions}</dd>
          </>
        ) : (
          ''
        )}
      </dl>
      <p class="ds-paragraph">
        {decision.letterFileId ? (
          <a class="ds-link" href={`/soknader/${applicationId}/vedtaksbrev`} safe>
            {t('selection.applicant.letter')}
          </a>
        ) : (
          <span role="status" safe>
            {t('selection.applicant.letterPreparing')}
          </span>
        )}
      </p>
      <AppealPart ctx={ctx} applicationId={applicationId} decision={decision} />
    </section>
  );
}

/** The appeal as it stands, the way to lodge one while the period runs, or that it has ended. */
function AppealPart({ ctx, applicationId, decision }: { ctx: PageContext; applicationId: string; decision: ApplicantDecision }) {
  const deadline = formatInstant(ctx.locale, decision.appealDeadline, decision.timeZone);
  const { appeal } = decision;
  if (appeal)
    return (
      <div id="appeal">
        <p class="ds-paragraph" safe>
          {translate(ctx, 'selection.appeal.state', { state: appealWorkflow.name(appeal.state, 'public', ctx.locale) })}
        </p>
        {appeal.assessment ? <AppealAssessmentText ctx={ctx} appeal={appeal} currency={decision.currency} /> : ''}
      </div>
    );
  return (
    <p class="ds-paragraph" id="appeal">
      {Date.now() <= decision.appealDeadline.getTime() ? (
        <a class="ds-link" href={`/soknader/${applicationId}/klage?lang=${ctx.locale}`} safe>
          {translate(ctx, 'selection.appeal.link', { deadline })}
        </a>
      ) : (
        <span safe>{translate(ctx, 'selection.appeal.closed', { deadline })}</span>
      )}
    </p>
  );
}

/** The applicant's appeal form: the decision's deadline, the grounds, and what happens next. */
export function AppealPage({
  ctx,
  applicationId,
  decision,
  grounds,
  errors,
}: {
  ctx: PageContext;
  applicationId: string;
  decision: ApplicantDecision;
  grounds: string;
  errors: FieldError[];
}) {
  const { t } = ctx;
  const title = t('selection.appeal.title');
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[
        { label: t('applications.mine.title'), href: `/soknader?lang=${ctx.locale}` },
        { label: t('selection.applicant.title'), href: `/soknader/${applicationId}?lang=${ctx.locale}#decision-section` },
        { label: title },
      ]}
    >
      <PageHeading
        title={title}
        lead={translate(ctx, 'selection.appeal.lead', { deadline: formatInstant(ctx.locale, decision.appealDeadline, decision.timeZone) })}
      />
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={`/soknader/${applicationId}/klage?lang=${ctx.locale}`}>
        <CsrfField ctx={ctx} />
        <TextArea
          id="grounds"
          label={t('selection.appeal.grounds')}
          value={grounds}
          error={errors.find((e) => e.field === 'grounds')?.message}
          rows={8}
        />
        <button class="ds-button" type="submit" safe>
          {t('selection.appeal.submit')}
        </button>
      </form>
    </Layout>
  );
}
