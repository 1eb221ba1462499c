import type { PageContext } from '../../platform/ui/context.js';
import { decisionWorkflow } from '../model.js';
import type { ApplicantDecision } from '../store.js';
import { money } from './parts.js';

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
    </section>
  );
}
