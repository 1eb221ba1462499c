/** The approver's pages: calls with decisions waiting, and one call's decisions to approve or send back, each with its letter. */
import { CsrfField, ErrorSummary, PageHeading, type FieldError } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { TextArea } from '../../platform/ui/fields.js';
import { formatInstant } from '../../platform/i18n/index.js';
import { Layout } from '../../platform/ui/layout.js';
import { translate } from '../../platform/ui/translate.js';
import type { StoredCall } from '../../programmes/index.js';
import { mayApprove } from '../model.js';
import type { SelectionBoard, StoredDecision } from '../store.js';
import { crumbs, money, Notices, StateTag } from './parts.js';

export const approvalPath = (callId: string, locale: string) => `/eier/utlysninger/${callId}/godkjenning?lang=${locale}`;

export function ApprovalListPage({ ctx, calls }: { ctx: PageContext; calls: { call: StoredCall; awaiting: number }[] }) {
  const { t } = ctx;
  const title = t('selection.approval.listTitle');
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ label: t('nav.home'), href: '/' }, { label: title }]}>
      <PageHeading title={title} lead={t('selection.approval.lead')} />
      {calls.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('selection.approval.none')}
        </p>
      ) : (
        <ul class="ds-list" id="calls-to-approve">
          {calls.map(({ call, awaiting }) => (
            <li>
              <a class="ds-link" href={approvalPath(call.id, ctx.locale)} lang={call.content.language} safe>
                {call.content.title}
              </a>{' '}
              <span safe>{`(${translate(ctx, 'selection.approval.count', { count: awaiting })})`}</span>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export interface ApprovalView {
  board: SelectionBoard;
  approverId: string;
  values: Record<string, string>;
  errors: FieldError[];
  notice?: string | undefined;
  conflict?: string | undefined;
  formVersion: number;
}

function DecisionFacts({ ctx, call, decision }: { ctx: PageContext; call: StoredCall; decision: StoredDecision }) {
  const { t } = ctx;
  return (
    <dl class="facts">
      <dt safe>{t('selection.col.decision')}</dt>
      <dd>
        <StateTag ctx={ctx} state={decision.state} />
      </dd>
      {decision.amount !== null ? (
        <>
          <dt safe>{t('selection.col.granted')}</dt>
          <dd safe>{money(ctx, decision.amount, decision.currency)}</dd>
        </>
      ) : (
        ''
      )}
      <dt safe>{t('selection.applicant.reason')}</dt>
      <dd class="prewrap" safe>
        {decision.reason}
      </dd>
      {decision.conditions ? (
        <>
          <dt safe>{t('selection.applicant.conditions')}</dt>
          <dd class="prewrap" safe>
            {decision.conditions}
          </dd>
        </>
      ) : (
        ''
      )}
      <dt safe>{t('selection.col.decided')}</dt>
      <dd safe>
        {translate(ctx, 'selection.approval.preparedBy', {
          name: decision.decidedByName,
          time: formatInstant(ctx.locale, decision.decidedAt, call.content.timeZone),
        })}
      </dd>
    </dl>
  );
}

export function ApprovalPage({ ctx, view }: { ctx: PageContext; view: ApprovalView }) {
  const { t } = ctx;
  const { board } = view;
  const call = board.call;
  const title = translate(ctx, 'selection.approval.title', { call: call.content.title });
  const awaiting = board.decisions.filter((d) => d.approval === 'awaiting');
  const applicantOf = (id: string) => board.applicants.find((a) => a.applicationId === id)?.applicant ?? '';
  const error = (name: string) => view.errors.find((e) => e.field === name)?.message;
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(ctx, call, t('selection.approval.listTitle'))}>
      <PageHeading title={title} lead={t('selection.approval.lead')} />
      <ErrorSummary ctx={ctx} errors={view.errors} />
      <Notices notice={view.notice} conflict={view.conflict} />
      {awaiting.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('selection.approval.none')}
        </p>
      ) : (
        ''
      )}
      {awaiting.map((decision) => {
        const id = decision.applicationId;
        const applicant = applicantOf(id);
        const own = !mayApprove(view.approverId, decision.decidedByUserId);
        return (
          <section class="ds-card decision-entry" aria-labelledby={`approval-${id}`} id={`decision-${id}`}>
            <h2 class="ds-heading" data-size="xs" id={`approval-${id}`} safe>
              {applicant}
            </h2>
            <DecisionFacts ctx={ctx} call={call} decision={decision} />
            <p class="ds-paragraph">
              <a class="ds-link" href={`/eier/utlysninger/${call.id}/vedtak/${id}/utkast`} safe>
                {translate(ctx, 'selection.approval.preview', { language: translate(ctx, `language.${decision.letterLanguage}`) })}
              </a>
            </p>
            {own ? (
              <p class="ds-paragraph" safe>
                {t('selection.approval.own')}
              </p>
            ) : (
              <>
                <div class="ds-field">
                  <input
                    class="ds-input"
                    type="checkbox"
                    id={`approve-${id}`}
                    name={`approve-${id}`}
                    value="on"
                    form="approve-form"
                    checked
                  />
                  <label class="ds-label" for={`approve-${id}`} safe>
                    {translate(ctx, 'selection.approval.select', { applicant })}
                  </label>
                </div>
                <form method="post" action={`/eier/utlysninger/${call.id}/godkjenning/${id}/tilbake?lang=${ctx.locale}`}>
                  <CsrfField ctx={ctx} />
                  <input type="hidden" name="version" value={String(view.formVersion)} />
                  <TextArea
                    id={`return-reason-${id}`}
                    label={translate(ctx, 'selection.approval.returnReason', { applicant })}
                    value={view.values[`return-reason-${id}`] ?? ''}
                    error={error(`return-reason-${id}`)}
                    rows={2}
                  />
                  <button class="ds-button" data-variant="secondary" type="submit" safe>
                    {t('selection.approval.return')}
                  </button>
                </form>
              </>
            )}
          </section>
        );
      })}
      {awaiting.some((d) => mayApprove(view.approverId, d.decidedByUserId)) ? (
        <form method="post" action={approvalPath(call.id, ctx.locale)} id="approve-form">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="version" value={String(view.formVersion)} />
          <button class="ds-button" type="submit" safe>
            {t('selection.approval.submit')}
          </button>
        </form>
      ) : (
        ''
      )}
    </Layout>
  );
}
