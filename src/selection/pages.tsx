/**
 * The selection's pages: the owner's ranking beside quota and budget with the simulation form, the
 * decisions page with each letter's progress and publication, the public list of granted projects,
 * and the applicant's decision section. Every string child is escaped (`safe`).
 */
import { formatNumber } from '../platform/i18n/index.js';
import { CsrfField, ErrorSummary, PageHeading, type FieldError } from '../platform/ui/components.js';
import type { PageContext } from '../platform/ui/context.js';
import { Layout } from '../platform/ui/layout.js';
import { formatInstant, TextArea, tx } from '../programmes/pages/shared.js';
import type { StoredCall } from '../programmes/store.js';
import type { Currency } from '../programmes/model.js';
import {
  decisionStateName,
  defaultLetterLanguage,
  LETTER_STATES,
  letterLanguagesOf,
  letterState,
  type Choice,
  type DecisionState,
  type RankedApplication,
  type SelectionEvaluation,
  type SelectionProblem,
  type SelectionWarning,
} from './model.js';
import type { PublishedGrant } from './open-data.js';
import type { ApplicantDecision, SelectionBoard, StoredDecision } from './store.js';

export const money = (ctx: PageContext, amount: number, currency: Currency | string) => `${formatNumber(ctx.locale, amount)} ${currency}`;
const score = (ctx: PageContext, value: number) => formatNumber(ctx.locale, value, 2);

export function selectionPath(callId: string, locale: string) {
  return `/eier/utlysninger/${callId}/utvelgelse?lang=${locale}`;
}
export function decisionsPath(callId: string, locale: string) {
  return `/eier/utlysninger/${callId}/vedtak?lang=${locale}`;
}

function crumbs(ctx: PageContext, call: StoredCall, last: string) {
  return [
    { label: ctx.t('programmes.owner.title'), href: `/eier?lang=${ctx.locale}` },
    { label: call.content.title, href: `/eier/utlysninger/${call.id}?lang=${ctx.locale}` },
    { label: last },
  ];
}

/** A refusal or warning in the reader's language, with its numbers. */
export function problemMessage(ctx: PageContext, board: SelectionBoard, problem: SelectionProblem | SelectionWarning): FieldError {
  const currency = board.frame.currency;
  switch (problem.kind) {
    case 'overBudget':
      return { field: 'summary', message: tx(ctx, 'selection.problem.overBudget', { granted: money(ctx, problem.granted, currency), budget: money(ctx, problem.budget, currency), excess: money(ctx, problem.excess, currency) }) };
    case 'overQuota':
      return { field: 'summary', message: tx(ctx, 'selection.problem.overQuota', { selected: problem.selected, max: problem.max }) };
    case 'underQuota':
      return { field: 'summary', message: tx(ctx, 'selection.warning.underQuota', { selected: problem.selected, min: problem.min }) };
    case 'roundOverExpected':
      return { field: 'summary', message: tx(ctx, 'selection.warning.roundOverExpected', { round: problem.round, selected: problem.selected, expected: problem.expected }) };
    case 'aboveRequested':
      return { field: `amount-${problem.applicationId}`, message: tx(ctx, 'selection.warning.aboveRequested', { applicant: problem.applicant, amount: money(ctx, problem.amount, currency), requested: money(ctx, problem.requested, currency) }) };
    case 'notSelectable':
      return { field: `select-${problem.applicationId}`, message: tx(ctx, `selection.problem.notSelectable.${problem.why}`, { applicant: problem.applicant }) };
    case 'amountMissing':
      return { field: `amount-${problem.applicationId}`, message: tx(ctx, 'selection.problem.amountMissing', { applicant: problem.applicant }) };
    case 'reasonMissing':
      return { field: `reason-${problem.applicationId}`, message: tx(ctx, 'selection.problem.reasonMissing', { applicant: problem.applicant }) };
    case 'reasonTooLong':
      return { field: `reason-${problem.applicationId}`, message: tx(ctx, 'selection.problem.reasonTooLong', { applicant: problem.applicant, max: problem.max }) };
    case 'locked':
      return { field: `select-${problem.applicationId}`, message: tx(ctx, 'selection.problem.locked', { applicant: problem.applicant }) };
  }
}

function StateTag({ ctx, state }: { ctx: PageContext; state: DecisionState }) {
  const color = state === 'rejected' ? 'danger' : state === 'pending' ? 'neutral' : 'success';
  return <span class="ds-tag" data-color={color} safe>{decisionStateName(state, 'staff', ctx.locale)}</span>;
}

function Rules({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <details class="ds-details" id="rules">
      <summary safe>{t('selection.rules.title')}</summary>
      <ol class="ds-list">
        {(['r1', 'r2', 'r3', 'r4', 'r5', 's1', 's2', 's3'] as const).map((rule) => (
          <li safe>{tx(ctx, `selection.rules.${rule}`)}</li>
        ))}
      </ol>
    </details>
  );
}

function Frame({ ctx, board, evaluation }: { ctx: PageContext; board: SelectionBoard; evaluation: SelectionEvaluation }) {
  const { t } = ctx;
  const { frame } = board;
  const quota = frame.quota.min === null && frame.quota.max === null ? t('selection.frame.noQuota') : tx(ctx, 'selection.frame.quota', { min: frame.quota.min ?? 0, max: frame.quota.max ?? '–' });
  return (
    <section aria-labelledby="summary-heading" id="summary">
      <h2 class="ds-heading" data-size="sm" id="summary-heading" safe>{t('selection.frame.title')}</h2>
      <div role="status" aria-live="polite" id="selection-summary">
      <dl class="facts">
        <dt safe>{t('selection.frame.quotaLabel')}</dt>
        <dd safe>{`${quota} – ${tx(ctx, 'selection.frame.selected', { selected: evaluation.selected })}`}</dd>
        <dt safe>{t('selection.frame.budgetLabel')}</dt>
        <dd id="budget-line" safe>
          {frame.budget === null
            ? `${t('selection.frame.noBudget')} – ${tx(ctx, 'selection.frame.granted', { granted: money(ctx, evaluation.granted, frame.currency) })}`
            : tx(ctx, 'selection.frame.budget', { granted: money(ctx, evaluation.granted, frame.currency), budget: money(ctx, frame.budget, frame.currency), remaining: money(ctx, evaluation.remaining ?? 0, frame.currency) })}
        </dd>
        {evaluation.rounds.map((round) => (
          <>
            <dt safe>{tx(ctx, 'selection.frame.round', { round: round.round })}</dt>
            <dd safe>
              {round.expected === null
                ? tx(ctx, 'selection.frame.roundNoExpected', { selected: round.selected, granted: money(ctx, round.granted, frame.currency) })
                : tx(ctx, 'selection.frame.roundExpected', { selected: round.selected, expected: round.expected, granted: money(ctx, round.granted, frame.currency) })}
            </dd>
          </>
        ))}
      </dl>
      </div>
    </section>
  );
}

export interface SelectionView {
  board: SelectionBoard;
  /** The choices shown: as posted, or as recorded. */
  choices: Choice[];
  /** Amounts as typed, kept on a refused post. */
  amountText: Record<string, string>;
  evaluation: SelectionEvaluation;
  errors: FieldError[];
  warnings: FieldError[];
  formVersion: number;
  notice?: string | undefined;
  conflict?: { name: string; version: number } | undefined;
}

function RankingRow({ ctx, view, entry }: { ctx: PageContext; view: SelectionView; entry: RankedApplication }) {
  const { t } = ctx;
  const { board } = view;
  const id = entry.applicationId;
  const choice = view.choices.find((c) => c.applicationId === id);
  const decision = board.decisions.find((d) => d.applicationId === id);
  const locked = decision !== undefined;
  const disabled = locked || entry.paused;
  const error = (field: string) => view.errors.find((e) => e.field === `${field}-${id}`)?.message;
  const amount = view.amountText[id] ?? (choice?.amount === null || choice?.amount === undefined ? '' : String(choice.amount));
  const rank = `${entry.rank}${entry.tied ? '=' : ''}`;
  return (
    <tr id={`row-${id}`}>
      <td safe>{rank}</td>
      <th scope="row">
        <span safe>{entry.applicant}</span>
        {entry.tied ? <span class="ds-tag" data-color="warning" safe>{` ${t('selection.ranking.tie')}`}</span> : ''}
        {entry.paused ? <span class="ds-tag" data-color="warning" safe>{t('selection.ranking.paused')}</span> : ''}
        {locked ? <StateTag ctx={ctx} state={decision.state} /> : ''}
      </th>
      <td safe>{String(entry.roundIndex + 1)}</td>
      <td>
        <strong safe>{score(ctx, entry.total)}</strong>
        <br />
        <span class="ds-paragraph" data-size="sm" safe>{board.criteria.map((c) => score(ctx, entry.scores[c.key] ?? 0)).join(' · ')}</span>
      </td>
      <td safe>{entry.requestedAmount === null ? t('selection.ranking.notAsked') : money(ctx, entry.requestedAmount, board.frame.currency)}</td>
      <td>
        <div class="ds-field">
          <input class="ds-input" type="checkbox" id={`select-${id}`} name={`select-${id}`} value="on" checked={choice?.selected ?? false} disabled={disabled} aria-invalid={error('select') ? 'true' : undefined} />
          <label class="ds-label" for={`select-${id}`} safe>{tx(ctx, 'selection.ranking.selectLabel', { applicant: entry.applicant })}</label>
        </div>
        {locked && choice?.selected ? <input type="hidden" name={`select-${id}`} value="on" /> : ''}
      </td>
      <td>
        <div class="ds-field">
          <label class="ds-label" for={`amount-${id}`} safe>{tx(ctx, 'selection.ranking.amountLabel', { applicant: entry.applicant, currency: board.frame.currency })}</label>
          <input class="ds-input" id={`amount-${id}`} name={`amount-${id}`} value={amount} inputmode="numeric" size="12" disabled={disabled} aria-invalid={error('amount') ? 'true' : undefined} aria-describedby={error('amount') ? `amount-${id}-error` : undefined} />
          {locked ? <input type="hidden" name={`amount-${id}`} value={amount} /> : ''}
          {error('amount') ? <p class="ds-validation-message" data-color="danger" id={`amount-${id}-error`} safe>{error('amount')}</p> : ''}
        </div>
      </td>
      <td>
        <div class="ds-field">
          <label class="ds-label" for={`reason-${id}`} safe>{tx(ctx, 'selection.ranking.reasonLabel', { applicant: entry.applicant })}</label>
          <textarea class="ds-input" id={`reason-${id}`} name={`reason-${id}`} rows="2" disabled={disabled} aria-invalid={error('reason') ? 'true' : undefined} aria-describedby={error('reason') ? `reason-${id}-error` : undefined} safe>
            {choice?.reason ?? ''}
          </textarea>
          {locked ? <input type="hidden" name={`reason-${id}`} value={choice?.reason ?? ''} /> : ''}
          {error('reason') ? <p class="ds-validation-message" data-color="danger" id={`reason-${id}-error`} safe>{error('reason')}</p> : ''}
        </div>
      </td>
    </tr>
  );
}

export function SelectionPage({ ctx, view }: { ctx: PageContext; view: SelectionView }) {
  const { t } = ctx;
  const { board, evaluation } = view;
  const call = board.call;
  const title = tx(ctx, 'selection.page.title', { call: call.content.title });
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(ctx, call, t('selection.page.crumb'))}>
      <PageHeading title={title} lead={t('selection.page.lead')} />
      <ErrorSummary ctx={ctx} errors={view.errors} />
      {view.notice ? (
        <div class="ds-alert" data-color="success" role="status">
          <p class="ds-paragraph" safe>{view.notice}</p>
        </div>
      ) : (
        ''
      )}
      {view.conflict ? (
        <div class="ds-alert" data-color="warning" role="alert" id="conflict">
          <p class="ds-paragraph" safe>{tx(ctx, 'selection.conflict.text', view.conflict)}</p>
        </div>
      ) : (
        ''
      )}
      {view.warnings.length > 0 ? (
        <div class="ds-alert" data-color="warning" id="warnings">
          <ul class="ds-list">
            {view.warnings.map((w) => (
              <li safe>{w.message}</li>
            ))}
          </ul>
        </div>
      ) : (
        ''
      )}
      <Frame ctx={ctx} board={board} evaluation={evaluation} />
      <Rules ctx={ctx} />
      {board.awaitingDeadline > 0 ? <p class="ds-paragraph" safe>{tx(ctx, 'selection.page.awaitingDeadline', { count: board.awaitingDeadline })}</p> : ''}
      <p class="ds-paragraph">
        <a class="ds-link" href={decisionsPath(call.id, ctx.locale)} safe>{t('selection.page.toDecisions')}</a>
      </p>
      <section aria-labelledby="ranking-heading">
        <h2 class="ds-heading" data-size="sm" id="ranking-heading" safe>{t('selection.ranking.title')}</h2>
        {board.ranking.ranked.length === 0 ? <p class="ds-paragraph" safe>{t('selection.ranking.none')}</p> : ''}
        <form method="post" action={selectionPath(call.id, ctx.locale)} id="selection-form">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="version" value={String(view.formVersion)} />
          <div class="table-scroll">
            <table class="ds-table" id="ranking">
              <caption safe>{tx(ctx, 'selection.ranking.caption', { criteria: board.criteria.map((c) => `${c.title} (${c.weight} %)`).join(' · '), min: board.scale.min, max: board.scale.max })}</caption>
              <thead>
                <tr>
                  <th scope="col" safe>{t('selection.col.rank')}</th>
                  <th scope="col" safe>{t('selection.col.applicant')}</th>
                  <th scope="col" safe>{t('selection.col.round')}</th>
                  <th scope="col" safe>{t('selection.col.total')}</th>
                  <th scope="col" safe>{t('selection.col.requested')}</th>
                  <th scope="col" safe>{t('selection.col.select')}</th>
                  <th scope="col" safe>{t('selection.col.amount')}</th>
                  <th scope="col" safe>{t('selection.col.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {board.ranking.ranked.map((entry) => (
                  <RankingRow ctx={ctx} view={view} entry={entry} />
                ))}
              </tbody>
            </table>
          </div>
          <div class="button-row">
            <button class="ds-button" data-variant="secondary" type="submit" name="action" value="simulate" safe>{t('selection.action.simulate')}</button>
            <button class="ds-button" type="submit" name="action" value="record" safe>{t('selection.action.record')}</button>
          </div>
          <p class="ds-paragraph" data-size="sm" safe>{t('selection.action.help')}</p>
        </form>
      </section>
      <section aria-labelledby="alternatives-heading" id="alternatives">
        <h2 class="ds-heading" data-size="sm" id="alternatives-heading" safe>{t('selection.alternatives.title')}</h2>
        <p class="ds-paragraph" data-size="sm" safe>{t('selection.alternatives.lead')}</p>
        {evaluation.alternatives.length === 0 ? <p class="ds-paragraph" safe>{t('selection.alternatives.none')}</p> : ''}
        <ol class="ds-list">
          {evaluation.alternatives.map((a) => (
            <li>
              <span safe>{`${a.applicant} (${t('selection.col.rank').toLocaleLowerCase(ctx.locale)} ${a.rank}${a.tied ? '=' : ''}, ${score(ctx, a.total)})`}</span>{' '}
              <span class="ds-tag" data-color={a.fits ? 'success' : 'neutral'} safe>
                {a.fits ? t('selection.alternatives.fits') : a.blockers.map((b) => tx(ctx, `selection.alternatives.blocker.${b}`)).join(', ')}
              </span>
            </li>
          ))}
        </ol>
      </section>
      {board.ranking.unrankable.length > 0 ? (
        <section aria-labelledby="unrankable-heading" id="unrankable">
          <h2 class="ds-heading" data-size="sm" id="unrankable-heading" safe>{t('selection.unrankable.title')}</h2>
          <ul class="ds-list">
            {board.ranking.unrankable.map((u) => (
              <li safe>{tx(ctx, 'selection.unrankable.item', { applicant: u.applicant, missing: u.missing.join(', ') })}</li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}

// Decisions ------------------------------------------------------------------------------------------

export interface DecisionsView {
  board: SelectionBoard;
  formVersion: number;
  /** Typed values kept on a refused post, by field name. */
  values: Record<string, string>;
  errors: FieldError[];
  notice?: string | undefined;
  conflict?: { name: string; version: number } | undefined;
}

function LetterCell({ ctx, call, decision }: { ctx: PageContext; call: StoredCall; decision: StoredDecision }) {
  const state = letterState({ fileId: decision.letterFileId, sentAt: decision.mailSentAt, recipients: decision.letterRecipients });
  return (
    <td>
      <span class="ds-tag letter-state" data-state={state} data-color={state === 'sent' ? 'success' : state === 'queued' ? 'neutral' : 'warning'}>{LETTER_STATES[state][ctx.locale]}</span>
      {decision.letterFileId ? (
        <>
          {' '}
          <a class="ds-link" href={`/eier/utlysninger/${call.id}/vedtak/${decision.applicationId}/brev`} safe>{tx(ctx, 'selection.decisions.letterLink', { language: tx(ctx, `language.${decision.letterLanguage}`) })}</a>
        </>
      ) : (
        ''
      )}
    </td>
  );
}

export function DecisionsPage({ ctx, view }: { ctx: PageContext; view: DecisionsView }) {
  const { t } = ctx;
  const { board } = view;
  const call = board.call;
  const title = tx(ctx, 'selection.decisions.title', { call: call.content.title });
  const decided = new Map(board.decisions.map((d) => [d.applicationId, d]));
  const applicants = new Map(board.applicants.map((a) => [a.applicationId, a]));
  const pending = board.recorded.filter((c) => !decided.has(c.applicationId) && applicants.has(c.applicationId));
  const undecided = board.applicants.filter((a) => !decided.has(a.applicationId) && !board.recorded.some((c) => c.applicationId === a.applicationId));
  const languages = letterLanguagesOf(call.programme.country);
  const value = (name: string, fallback: string) => view.values[name] ?? fallback;
  const error = (name: string) => view.errors.find((e) => e.field === name)?.message;
  const publishable = board.decisions.filter((d) => d.state === 'granted').length;
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(ctx, call, t('selection.decisions.crumb'))}>
      <PageHeading title={title} lead={t('selection.decisions.lead')} />
      <ErrorSummary ctx={ctx} errors={view.errors} />
      {view.notice ? (
        <div class="ds-alert" data-color="success" role="status">
          <p class="ds-paragraph" safe>{view.notice}</p>
        </div>
      ) : (
        ''
      )}
      {view.conflict ? (
        <div class="ds-alert" data-color="warning" role="alert" id="conflict">
          <p class="ds-paragraph" safe>{tx(ctx, 'selection.conflict.text', view.conflict)}</p>
        </div>
      ) : (
        ''
      )}
      <p class="ds-paragraph">
        <a class="ds-link" href={selectionPath(call.id, ctx.locale)} safe>{t('selection.decisions.toSelection')}</a>
      </p>
      <section aria-labelledby="pending-heading">
        <h2 class="ds-heading" data-size="sm" id="pending-heading" safe>{t('selection.decisions.pending')}</h2>
        {pending.length === 0 ? <p class="ds-paragraph" safe>{t('selection.decisions.nonePending')}</p> : ''}
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
                    {`${applicant.applicant}: ${choice.selected ? tx(ctx, 'selection.decisions.willGrant', { amount: money(ctx, choice.amount ?? 0, board.frame.currency) }) : t('selection.decisions.willReject')}`}
                  </legend>
                  {applicant.paused ? <p class="ds-paragraph" safe>{t('selection.decisions.paused')}</p> : ''}
                  <input type="hidden" name={`decide-${id}`} value="on" />
                  <TextArea id={`reason-${id}`} label={tx(ctx, 'selection.decisions.reason', { applicant: applicant.applicant })} value={value(`reason-${id}`, choice.reason)} error={error(`reason-${id}`)} rows={3} />
                  {choice.selected ? (
                    <>
                      <TextArea id={`conditions-${id}`} label={tx(ctx, 'selection.decisions.conditions', { applicant: applicant.applicant })} help={t('selection.decisions.conditionsHelp')} value={value(`conditions-${id}`, '')} error={error(`conditions-${id}`)} rows={2} />
                      <TextArea id={`summary-${id}`} label={tx(ctx, 'selection.decisions.summary', { applicant: applicant.applicant })} help={t('selection.decisions.summaryHelp')} value={value(`summary-${id}`, applicant.summaryDraft)} error={error(`summary-${id}`)} rows={3} />
                    </>
                  ) : (
                    ''
                  )}
                  <fieldset class="ds-fieldset" id={`language-${id}`}>
                    <legend class="ds-label" safe>{tx(ctx, 'selection.decisions.language', { applicant: applicant.applicant })}</legend>
                    {languages.map((language) => (
                      <div class="ds-field">
                        <input class="ds-input" type="radio" id={`language-${id}-${language}`} name={`language-${id}`} value={language} checked={value(`language-${id}`, defaultLetterLanguage(call.programme.country, applicant.callLanguage)) === language} />
                        <label class="ds-label" for={`language-${id}-${language}`} safe>{tx(ctx, `language.${language}`)}</label>
                      </div>
                    ))}
                    {error(`language-${id}`) ? <p class="ds-validation-message" data-color="danger" safe>{error(`language-${id}`)}</p> : ''}
                  </fieldset>
                  <p class="ds-paragraph" data-size="sm" safe>
                    {applicant.recipients.length > 0 ? tx(ctx, 'selection.decisions.recipients', { recipients: applicant.recipients.join(', ') }) : t('selection.decisions.noRecipients')}
                  </p>
                </fieldset>
              );
            })}
            <button class="ds-button" type="submit" safe>{tx(ctx, 'selection.decisions.submit', { count: pending.length })}</button>
          </form>
        ) : (
          ''
        )}
        {undecided.length > 0 ? <p class="ds-paragraph" id="not-in-selection" safe>{tx(ctx, 'selection.decisions.notInSelection', { applicants: undecided.map((a) => a.applicant).join('; ') })}</p> : ''}
      </section>
      <section aria-labelledby="decided-heading">
        <h2 class="ds-heading" data-size="sm" id="decided-heading" safe>{t('selection.decisions.decided')}</h2>
        {board.decisions.length === 0 ? <p class="ds-paragraph" safe>{t('selection.decisions.noneDecided')}</p> : ''}
        {board.decisions.length > 0 ? (
          <table class="ds-table" id="decided">
            <thead>
              <tr>
                <th scope="col" safe>{t('selection.col.applicant')}</th>
                <th scope="col" safe>{t('selection.col.decision')}</th>
                <th scope="col" safe>{t('selection.col.granted')}</th>
                <th scope="col" safe>{t('selection.col.decided')}</th>
                <th scope="col" safe>{t('selection.col.letter')}</th>
              </tr>
            </thead>
            <tbody>
              {board.decisions.map((d) => (
                <tr>
                  <th scope="row" safe>{applicants.get(d.applicationId)?.applicant ?? d.applicationId}</th>
                  <td>
                    <StateTag ctx={ctx} state={d.state} />
                  </td>
                  <td safe>{d.amount === null ? '–' : money(ctx, d.amount, d.currency)}</td>
                  <td safe>{`${formatInstant(ctx.locale, d.decidedAt, call.content.timeZone)}, ${d.decidedByName}`}</td>
                  <LetterCell ctx={ctx} call={call} decision={d} />
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          ''
        )}
      </section>
      <section aria-labelledby="publish-heading" id="publish">
        <h2 class="ds-heading" data-size="sm" id="publish-heading" safe>{t('selection.publish.title')}</h2>
        <p class="ds-paragraph" safe>{t('selection.publish.lead')}</p>
        {publishable > 0 ? (
          <form method="post" action={`/eier/utlysninger/${call.id}/publiser-resultater?lang=${ctx.locale}`}>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="version" value={String(view.formVersion)} />
            <button class="ds-button" type="submit" safe>{tx(ctx, 'selection.publish.submit', { count: publishable })}</button>
          </form>
        ) : (
          <p class="ds-paragraph" safe>{t('selection.publish.nothing')}</p>
        )}
        <p class="ds-paragraph">
          <a class="ds-link" href={`/tildelinger?lang=${ctx.locale}#call-${call.id}`} safe>{t('selection.publish.publicLink')}</a>
        </p>
      </section>
    </Layout>
  );
}

// Public --------------------------------------------------------------------------------------------

export function GrantsPage({ ctx, grants }: { ctx: PageContext; grants: PublishedGrant[] }) {
  const { t } = ctx;
  const calls = [...new Map(grants.map((g) => [g.callId, g])).values()];
  return (
    <Layout ctx={ctx} title={t('selection.public.title')}>
      <PageHeading title={t('selection.public.title')} lead={t('selection.public.lead')} />
      <p class="ds-paragraph">
        <a class="ds-link" href="/open-data/360giving.json" safe>{t('selection.public.json')}</a>
        {' · '}
        <a class="ds-link" href="/open-data/360giving.csv" safe>{t('selection.public.csv')}</a>
      </p>
      <details class="ds-details">
        <summary safe>{t('selection.public.identifiersTitle')}</summary>
        <p class="ds-paragraph" safe>{t('selection.public.identifiers')}</p>
      </details>
      {grants.length === 0 ? <p class="ds-paragraph" safe>{t('selection.public.none')}</p> : ''}
      {calls.map((first) => {
        const ofCall = grants.filter((g) => g.callId === first.callId);
        const total = ofCall.reduce((sum, g) => sum + g.amount, 0);
        return (
          <section aria-labelledby={`call-${first.callId}`} class="grant-call">
            <h2 class="ds-heading" data-size="sm" id={`call-${first.callId}`}>
              <a class="ds-link" href={`/utlysninger/${first.callId}?lang=${ctx.locale}`} safe>{first.callTitle}</a>
            </h2>
            <p class="ds-paragraph" data-size="sm" safe>{`${first.programmeName} – ${first.ownerName}`}</p>
            <table class="ds-table grants">
              <caption safe>{tx(ctx, 'selection.public.caption', { count: ofCall.length, total: money(ctx, total, first.currency) })}</caption>
              <thead>
                <tr>
                  <th scope="col" safe>{t('selection.public.col.recipient')}</th>
                  <th scope="col" safe>{t('selection.public.col.amount')}</th>
                  <th scope="col" safe>{t('selection.public.col.summary')}</th>
                  <th scope="col" safe>{t('selection.public.col.date')}</th>
                </tr>
              </thead>
              <tbody>
                {ofCall.map((g) => (
                  <tr>
                    <th scope="row" safe>{g.members.map((m) => m.name).join(', ')}</th>
                    <td safe>{money(ctx, g.amount, g.currency)}</td>
                    <td safe>{g.summary}</td>
                    <td safe>{g.awardDate}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </Layout>
  );
}

// The applicant's page ---------------------------------------------------------------------------------

/** The decision on the applicant's page: outcome, amount, reasons, conditions and the letter — nothing about reviewers or scores. */
export function ApplicantDecisionSection({ ctx, applicationId, decision }: { ctx: PageContext; applicationId: string; decision: ApplicantDecision | undefined }) {
  const { t } = ctx;
  if (!decision) return '';
  return (
    <section aria-labelledby="decision-heading" id="decision-section">
      <h2 class="ds-heading" data-size="sm" id="decision-heading" safe>{t('selection.applicant.title')}</h2>
      <dl class="facts">
        <dt safe>{t('selection.applicant.outcome')}</dt>
        <dd>
          <span class="ds-tag" data-color={decision.state === 'rejected' ? 'danger' : 'success'} safe>{decisionStateName(decision.state, 'public', ctx.locale)}</span>
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
          <a class="ds-link" href={`/soknader/${applicationId}/vedtaksbrev`} safe>{t('selection.applicant.letter')}</a>
        ) : (
          <span role="status" safe>{t('selection.applicant.letterPreparing')}</span>
        )}
      </p>
    </section>
  );
}
