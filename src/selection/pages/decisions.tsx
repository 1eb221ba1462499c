/** The owner's decisions page: the decisions to make, those made with each letter's progress, and publication. */
import { CsrfField, ErrorSummary, PageHeading, type FieldError } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { TextArea, TextField } from '../../platform/ui/fields.js';
import { formatInstant } from '../../platform/i18n/index.js';
import { Layout } from '../../platform/ui/layout.js';
import { DataTable } from '../../platform/ui/table.js';
import { translate } from '../../platform/ui/translate.js';
import type { StoredCall } from '../../programmes/index.js';
import {
  APPEAL_ACTIONS,
  appealWorkflow,
  approvalWorkflow,
  defaultLetterLanguage,
  letterLanguagesOf,
  letterState,
  letterWorkflow,
} from '../model.js';
import type { SelectionBoard, StoredAppeal, StoredDecision } from '../store.js';
import { AppealAssessmentText, crumbs, decisionsPath, money, Notices, selectionPath, StateTag } from './parts.js';

export interface DecisionsView {
  board: SelectionBoard;
  /** Appeals (klager) on the call's decisions. */
  appeals: StoredAppeal[];
  formVersion: number;
  /** Typed values kept on a refused post, by field name. */
  values: Record<string, string>;
  errors: FieldError[];
  notice?: string | undefined;
  /** The note that someone else changed the selection meanwhile. */
  conflict?: string | undefined;
}

function Letter({ ctx, call, decision }: { ctx: PageContext; call: StoredCall; decision: StoredDecision }) {
  const state = letterState({ fileId: decision.letterFileId, sentAt: decision.mailSentAt, recipients: decision.letterRecipients });
  return (
    <>
      <span
        class="ds-tag letter-state"
        data-state={state}
        data-color={state === 'sent' ? 'success' : state === 'queued' ? 'neutral' : 'warning'}
        safe
      >
        {letterWorkflow.name(state, 'staff', ctx.locale)}
      </span>
      {decision.letterFileId ? (
        <>
          {' '}
          <a class="ds-link" href={`/eier/utlysninger/${call.id}/vedtak/${decision.applicationId}/brev`} safe>
            {translate(ctx, 'selection.decisions.letterLink', { language: translate(ctx, `language.${decision.letterLanguage}`) })}
          </a>
        </>
      ) : (
        ''
      )}
    </>
  );
}

function ApprovalTag({ ctx, decision }: { ctx: PageContext; decision: StoredDecision }) {
  const text = approvalWorkflow.name(decision.approval, 'staff', ctx.locale);
  return (
    <span class="ds-tag" data-color={decision.approval === 'approved' ? 'success' : 'warning'} safe>
      {decision.approval === 'approved' && decision.approvedByName ? `${text}: ${decision.approvedByName}` : text}
    </span>
  );
}

/** Before approval, the letter as it would go out. */
function PreviewLink({ ctx, call, decision }: { ctx: PageContext; call: StoredCall; decision: StoredDecision }) {
  return (
    <a class="ds-link" href={`/eier/utlysninger/${call.id}/vedtak/${decision.applicationId}/utkast`} safe>
      {translate(ctx, 'selection.approval.preview', { language: translate(ctx, `language.${decision.letterLanguage}`) })}
    </a>
  );
}

/** Each appeal with its grounds; a lodged one with the form to assess it (the outcome and the reasons). */
function Appeals({ ctx, view }: { ctx: PageContext; view: DecisionsView }) {
  const { t } = ctx;
  const call = view.board.call;
  const applicantOf = (id: string) => view.board.applicants.find((a) => a.applicationId === id)?.applicant ?? '';
  const error = (name: string) => view.errors.find((e) => e.field === name)?.message;
  return (
    <section aria-labelledby="appeals-heading" id="appeals">
      <h2 class="ds-heading" data-size="sm" id="appeals-heading" safe>
        {t('selection.appeal.owner.title')}
      </h2>
      {view.appeals.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('selection.appeal.owner.none')}
        </p>
      ) : (
        ''
      )}
      {view.appeals.map((appeal) => {
        const id = appeal.applicationId;
        const applicant = applicantOf(id);
        return (
          <div class="ds-card decision-entry" id={`appeal-${id}`}>
            <h3 class="ds-heading" data-size="xs" safe>
              {`${applicant}: ${appealWorkflow.name(appeal.state, 'staff', ctx.locale)}`}
            </h3>
            <p class="ds-paragraph" data-size="sm" safe>
              {translate(ctx, 'selection.appeal.lodgedBy', {
                time: formatInstant(ctx.locale, appeal.lodgedAt, call.content.timeZone),
                name: appeal.lodgedByName,
              })}
            </p>
            <p class="ds-paragraph prewrap" safe>
              {appeal.grounds}
            </p>
            {appeal.state === 'lodged' ? (
              <form method="post" action={`/eier/utlysninger/${call.id}/klager/${id}?lang=${ctx.locale}`}>
                <CsrfField ctx={ctx} />
                <input type="hidden" name="version" value={String(appeal.version)} />
                <fieldset class="ds-fieldset" id={`appeal-action-${id}`}>
                  <legend class="ds-label" safe>
                    {translate(ctx, 'selection.appeal.owner.outcome', { applicant })}
                  </legend>
                  {APPEAL_ACTIONS.map((action) => (
                    <div class="ds-field">
                      <input
                        class="ds-input"
                        type="radio"
                        id={`appeal-action-${id}-${action}`}
                        name={`appeal-action-${id}`}
                        value={action}
                        checked={(view.values[`appeal-action-${id}`] ?? 'uphold') === action}
                      />
                      <label class="ds-label" for={`appeal-action-${id}-${action}`} safe>
                        {translate(ctx, `selection.appeal.action.${action}`)}
                      </label>
                    </div>
                  ))}
                </fieldset>
                <TextField
                  id={`appeal-amount-${id}`}
                  label={translate(ctx, 'selection.appeal.owner.amount', { currency: view.board.frame.currency })}
                  value={view.values[`appeal-amount-${id}`] ?? ''}
                  error={error(`appeal-amount-${id}`)}
                  inputmode="numeric"
                  size={14}
                />
                <TextArea
                  id={`appeal-reason-${id}`}
                  label={t('selection.appeal.owner.reason')}
                  value={view.values[`appeal-reason-${id}`] ?? ''}
                  error={error(`appeal-reason-${id}`)}
                  rows={3}
                />
                <button class="ds-button" type="submit" safe>
                  {t('selection.appeal.owner.submit')}
                </button>
              </form>
            ) : (
              <AppealAssessmentText ctx={ctx} appeal={appeal} currency={view.board.frame.currency} />
            )}
          </div>
        );
      })}
    </section>
  );
}

export function DecisionsPage({ ctx, view }: { ctx: PageContext; view: DecisionsView }) {
  const { t } = ctx;
  const { board } = view;
  const call = board.call;
  const title = translate(ctx, 'selection.decisions.title', { call: call.content.title });
  const decided = new Map(board.decisions.map((d) => [d.applicationId, d]));
  const applicants = new Map(board.applicants.map((a) => [a.applicationId, a]));
  const pending = board.recorded.filter((c) => !decided.has(c.applicationId) && applicants.has(c.applicationId));
  const undecided = board.applicants.filter(
    (a) => !decided.has(a.applicationId) && !board.recorded.some((c) => c.applicationId === a.applicationId),
  );
  const languages = letterLanguagesOf(call.programme.country);
  const value = (name: string, fallback: string) => view.values[name] ?? fallback;
  const error = (name: string) => view.errors.find((e) => e.field === name)?.message;
  const publishable = board.decisions.filter((d) => d.state === 'granted' && d.approval === 'approved').length;
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(ctx, call, t('selection.decisions.crumb'))}>
      <PageHeading title={title} lead={t('selection.decisions.lead')} />
      <ErrorSummary ctx={ctx} errors={view.errors} />
      <Notices notice={view.notice} conflict={view.conflict} />
      <p class="ds-paragraph">
        <a class="ds-link" href={selectionPath(call.id, ctx.locale)} safe>
          {t('selection.decisions.toSelection')}
        </a>
      </p>
      <section aria-labelledby="pending-heading">
        <h2 class="ds-heading" data-size="sm" id="pending-heading" safe>
          {t('selection.decisions.pending')}
        </h2>
        {pending.length === 0 ? (
          <p class="ds-paragraph" safe>
            {t('selection.decisions.nonePending')}
          </p>
        ) : (
          <p class="ds-paragraph" safe>
            {t('selection.decisions.awaitingApproval')}
          </p>
        )}
        {board.returned.map((d) => (
          <div class="ds-alert" data-color="warning" id={`returned-${d.applicationId}`}>
            <p class="ds-paragraph" safe>
              {translate(ctx, 'selection.decisions.returnedNote', {
                applicant: applicants.get(d.applicationId)?.applicant ?? '',
                reason: d.returnedReason ?? '',
              })}
            </p>
          </div>
        ))}
        {pending.length > 0 ? (
          <form method="post" action={decisionsPath(call.id, ctx.locale)} id="decide-form">
            <CsrfField ctx={ctx} />
            <input type="hidden" name="version" value={String(view.formVersion)} />
            {pending.map((choice) => {
              const applicant = applicants.get(choice.applicationId)!;
              const id = choice.applicationId;
              return (
                <fieldset class="ds-fieldset decision-entry" id={`decision-${id}`}>
                  <legend class="ds-heading" data-size="xs" safe>
                    {`${applicant.applicant}: ${choice.selected ? translate(ctx, 'selection.decisions.willGrant', { amount: money(ctx, choice.amount ?? 0, board.frame.currency) }) : t('selection.decisions.willReject')}`}
                  </legend>
                  {applicant.paused ? (
                    <p class="ds-paragraph" safe>
                      {t('selection.decisions.paused')}
                    </p>
                  ) : (
                    ''
                  )}
                  <input type="hidden" name={`decide-${id}`} value="on" />
                  <TextArea
                    id={`reason-${id}`}
                    label={translate(ctx, 'selection.decisions.reason', { applicant: applicant.applicant })}
                    value={value(`reason-${id}`, choice.reason)}
                    error={error(`reason-${id}`)}
                    rows={3}
                  />
                  {choice.selected ? (
                    <>
                      <TextArea
                        id={`conditions-${id}`}
                        label={translate(ctx, 'selection.decisions.conditions', { applicant: applicant.applicant })}
                        help={t('selection.decisions.conditionsHelp')}
                        value={value(`conditions-${id}`, '')}
                        error={error(`conditions-${id}`)}
                        rows={2}
                      />
                      <TextArea
                        id={`summary-${id}`}
                        label={translate(ctx, 'selection.decisions.summary', { applicant: applicant.applicant })}
                        help={t('selection.decisions.summaryHelp')}
                        value={value(`summary-${id}`, applicant.summaryDraft)}
                        error={error(`summary-${id}`)}
                        rows={3}
                      />
                    </>
                  ) : (
                    ''
                  )}
                  <fieldset class="ds-fieldset" id={`language-${id}`}>
                    <legend class="ds-label" safe>
                      {translate(ctx, 'selection.decisions.language', { applicant: applicant.applicant })}
                    </legend>
                    {languages.map((language) => (
                      <div class="ds-field">
                        <input
                          class="ds-input"
                          type="radio"
                          id={`language-${id}-${language}`}
                          name={`language-${id}`}
                          value={language}
                          checked={
                            value(`language-${id}`, defaultLetterLanguage(call.programme.country, applicant.callLanguage)) === language
                          }
                        />
                        <label class="ds-label" for={`language-${id}-${language}`} safe>
                          {translate(ctx, `language.${language}`)}
                        </label>
                      </div>
                    ))}
                    {error(`language-${id}`) ? (
                      <p class="ds-validation-message" data-color="danger" safe>
                        {error(`language-${id}`)}
                      </p>
                    ) : (
                      ''
                    )}
                  </fieldset>
                  <p class="ds-paragraph" data-size="sm" safe>
                    {applicant.recipients.length > 0
                      ? translate(ctx, 'selection.decisions.recipients', { recipients: applicant.recipients.join(', ') })
                      : t('selection.decisions.noRecipients')}
                  </p>
                </fieldset>
              );
            })}
            <button class="ds-button" type="submit" safe>
              {translate(ctx, 'selection.decisions.submit', { count: pending.length })}
            </button>
          </form>
        ) : (
          ''
        )}
        {undecided.length > 0 ? (
          <p class="ds-paragraph" id="not-in-selection" safe>
            {translate(ctx, 'selection.decisions.notInSelection', { applicants: undecided.map((a) => a.applicant).join('; ') })}
          </p>
        ) : (
          ''
        )}
      </section>
      <section aria-labelledby="decided-heading">
        <h2 class="ds-heading" data-size="sm" id="decided-heading" safe>
          {t('selection.decisions.decided')}
        </h2>
        {board.decisions.length === 0 ? (
          <p class="ds-paragraph" safe>
            {t('selection.decisions.noneDecided')}
          </p>
        ) : (
          ''
        )}
        {board.decisions.length > 0 ? (
          <DataTable
            scrollLabel={t('selection.decisions.decided')}
            id="decided"
            rows={board.decisions}
            columns={[
              {
                header: t('selection.col.applicant'),
                rowHeader: true,
                text: (d) => applicants.get(d.applicationId)?.applicant ?? d.applicationId,
              },
              { header: t('selection.col.decision'), cell: (d) => <StateTag ctx={ctx} state={d.state} /> },
              { header: t('selection.col.granted'), text: (d) => (d.amount === null ? '–' : money(ctx, d.amount, d.currency)) },
              {
                header: t('selection.col.decided'),
                text: (d) => `${formatInstant(ctx.locale, d.decidedAt, call.content.timeZone)}, ${d.decidedByName}`,
              },
              { header: t('selection.col.approval'), cell: (d) => <ApprovalTag ctx={ctx} decision={d} /> },
              {
                header: t('selection.col.letter'),
                cell: (d) =>
                  d.approval === 'approved' ? (
                    <Letter ctx={ctx} call={call} decision={d} />
                  ) : (
                    <PreviewLink ctx={ctx} call={call} decision={d} />
                  ),
              },
            ]}
          />
        ) : (
          ''
        )}
      </section>
      <Appeals ctx={ctx} view={view} />
      <section aria-labelledby="publish-heading" id="publish">
        <h2 class="ds-heading" data-size="sm" id="publish-heading" safe>
          {t('selection.publish.title')}
        </h2>
        <p class="ds-paragraph" safe>
          {t('selection.publish.lead')}
        </p>
        {publishable > 0 ? (
          <form method="post" action={`/eier/utlysninger/${call.id}/publiser-resultater?lang=${ctx.locale}`}>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="version" value={String(view.formVersion)} />
            <button class="ds-button" type="submit" safe>
              {translate(ctx, 'selection.publish.submit', { count: publishable })}
            </button>
          </form>
        ) : (
          <p class="ds-paragraph" safe>
            {t('selection.publish.nothing')}
          </p>
        )}
        <p class="ds-paragraph">
          <a class="ds-link" href={`/tildelinger?lang=${ctx.locale}#call-${call.id}`} safe>
            {t('selection.publish.publicLink')}
          </a>
        </p>
      </section>
    </Layout>
  );
}
