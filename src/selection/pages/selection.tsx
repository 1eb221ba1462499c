/**
 * The owner's selection page: the ranking beside quota and budget, the simulation form (simulate
 * writes nothing, record writes), the alternatives and the applications that cannot be ranked.
 */
import { CsrfField, ErrorSummary, PageHeading, type FieldError } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { Layout } from '../../platform/ui/layout.js';
import { translate } from '../../platform/ui/translate.js';
import type { Choice, RankedApplication, SelectionEvaluation } from '../model.js';
import type { SelectionBoard } from '../store.js';
import { crumbs, decisionsPath, money, Notices, score, selectionPath, StateTag } from './parts.js';

function Rules({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <details class="ds-details" id="rules">
      <summary safe>{t('selection.rules.title')}</summary>
      <ol class="ds-list">
        {(['r1', 'r2', 'r3', 'r4', 'r5', 's1', 's2', 's3'] as const).map((rule) => (
          <li safe>{translate(ctx, `selection.rules.${rule}`)}</li>
        ))}
      </ol>
    </details>
  );
}

function Frame({ ctx, board, evaluation }: { ctx: PageContext; board: SelectionBoard; evaluation: SelectionEvaluation }) {
  const { t } = ctx;
  const { frame } = board;
  const quota =
    frame.quota.min === null && frame.quota.max === null
      ? t('selection.frame.noQuota')
      : translate(ctx, 'selection.frame.quota', { min: frame.quota.min ?? 0, max: frame.quota.max ?? '–' });
  return (
    <section aria-labelledby="summary-heading" id="summary">
      <h2 class="ds-heading" data-size="sm" id="summary-heading" safe>
        {t('selection.frame.title')}
      </h2>
      <div role="status" aria-live="polite" id="selection-summary">
        <dl class="facts">
          <dt safe>{t('selection.frame.quotaLabel')}</dt>
          <dd safe>{`${quota} – ${translate(ctx, 'selection.frame.selected', { selected: evaluation.selected })}`}</dd>
          <dt safe>{t('selection.frame.budgetLabel')}</dt>
          <dd id="budget-line" safe>
            {frame.budget === null
              ? `${t('selection.frame.noBudget')} – ${translate(ctx, 'selection.frame.granted', { granted: money(ctx, evaluation.granted, frame.currency) })}`
              : translate(ctx, 'selection.frame.budget', {
                  granted: money(ctx, evaluation.granted, frame.currency),
                  budget: money(ctx, frame.budget, frame.currency),
                  remaining: money(ctx, evaluation.remaining ?? 0, frame.currency),
                })}
          </dd>
          {evaluation.rounds.map((round) => (
            <>
              <dt safe>{translate(ctx, 'selection.frame.round', { round: round.round })}</dt>
              <dd safe>
                {round.expected === null
                  ? translate(ctx, 'selection.frame.roundNoExpected', {
                      selected: round.selected,
                      granted: money(ctx, round.granted, frame.currency),
                    })
                  : translate(ctx, 'selection.frame.roundExpected', {
                      selected: round.selected,
                      expected: round.expected,
                      granted: money(ctx, round.granted, frame.currency),
                    })}
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
  /** The note that someone else changed the selection meanwhile. */
  conflict?: string | undefined;
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
        {entry.paused ? (
          <span class="ds-tag" data-color="warning" safe>
            {t('selection.ranking.paused')}
          </span>
        ) : (
          ''
        )}
        {locked ? <StateTag ctx={ctx} state={decision.state} /> : ''}
      </th>
      <td safe>{String(entry.roundIndex + 1)}</td>
      <td>
        <strong safe>{score(ctx, entry.total)}</strong>
        <br />
        <span class="ds-paragraph" data-size="sm" safe>
          {board.criteria.map((c) => score(ctx, entry.scores[c.key] ?? 0)).join(' · ')}
        </span>
      </td>
      <td safe>
        {entry.requestedAmount === null ? t('selection.ranking.notAsked') : money(ctx, entry.requestedAmount, board.frame.currency)}
      </td>
      <td>
        <div class="ds-field">
          <input
            class="ds-input"
            type="checkbox"
            id={`select-${id}`}
            name={`select-${id}`}
            value="on"
            checked={choice?.selected ?? false}
            disabled={disabled}
            aria-invalid={error('select') ? 'true' : undefined}
          />
          <label class="ds-label" for={`select-${id}`} safe>
            {translate(ctx, 'selection.ranking.selectLabel', { applicant: entry.applicant })}
          </label>
        </div>
        {locked && choice?.selected ? <input type="hidden" name={`select-${id}`} value="on" /> : ''}
      </td>
      <td>
        <div class="ds-field">
          <label class="ds-label" for={`amount-${id}`} safe>
            {translate(ctx, 'selection.ranking.amountLabel', { applicant: entry.applicant, currency: board.frame.currency })}
          </label>
          <input
            class="ds-input"
            id={`amount-${id}`}
            name={`amount-${id}`}
            value={amount}
            inputmode="numeric"
            size="12"
            disabled={disabled}
            aria-invalid={error('amount') ? 'true' : undefined}
            aria-describedby={error('amount') ? `amount-${id}-error` : undefined}
          />
          {locked ? <input type="hidden" name={`amount-${id}`} value={amount} /> : ''}
          {error('amount') ? (
            <p class="ds-validation-message" data-color="danger" id={`amount-${id}-error`} safe>
              {error('amount')}
            </p>
          ) : (
            ''
          )}
        </div>
      </td>
      <td>
        <div class="ds-field">
          <label class="ds-label" for={`reason-${id}`} safe>
            {translate(ctx, 'selection.ranking.reasonLabel', { applicant: entry.applicant })}
          </label>
          <textarea
            class="ds-input"
            id={`reason-${id}`}
            name={`reason-${id}`}
            rows="2"
            disabled={disabled}
            aria-invalid={error('reason') ? 'true' : undefined}
            aria-describedby={error('reason') ? `reason-${id}-error` : undefined}
            safe
          >
            {choice?.reason ?? ''}
          </textarea>
          {locked ? <input type="hidden" name={`reason-${id}`} value={choice?.reason ?? ''} /> : ''}
          {error('reason') ? (
            <p class="ds-validation-message" data-color="danger" id={`reason-${id}-error`} safe>
              {error('reason')}
            </p>
          ) : (
            ''
          )}
        </div>
      </td>
    </tr>
  );
}

export function SelectionPage({ ctx, view }: { ctx: PageContext; view: SelectionView }) {
  const { t } = ctx;
  const { board, evaluation } = view;
  const call = board.call;
  const title = translate(ctx, 'selection.page.title', { call: call.content.title });
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(ctx, call, t('selection.page.crumb'))}>
      <PageHeading title={title} lead={t('selection.page.lead')} />
      <ErrorSummary ctx={ctx} errors={view.errors} />
      <Notices notice={view.notice} conflict={view.conflict} />
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
      {board.awaitingDeadline > 0 ? (
        <p class="ds-paragraph" safe>
          {translate(ctx, 'selection.page.awaitingDeadline', { count: board.awaitingDeadline })}
        </p>
      ) : (
        ''
      )}
      <p class="ds-paragraph">
        <a class="ds-link" href={decisionsPath(call.id, ctx.locale)} safe>
          {t('selection.page.toDecisions')}
        </a>
      </p>
      <section aria-labelledby="ranking-heading">
        <h2 class="ds-heading" data-size="sm" id="ranking-heading" safe>
          {t('selection.ranking.title')}
        </h2>
        {board.ranking.ranked.length === 0 ? (
          <p class="ds-paragraph" safe>
            {t('selection.ranking.none')}
          </p>
        ) : (
          ''
        )}
        <form method="post" action={selectionPath(call.id, ctx.locale)} id="selection-form">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="version" value={String(view.formVersion)} />
          <div class="table-scroll">
            <table class="ds-table" id="ranking">
              <caption safe>
                {translate(ctx, 'selection.ranking.caption', {
                  criteria: board.criteria.map((c) => `${c.title} (${c.weight} %)`).join(' · '),
                  min: board.scale.min,
                  max: board.scale.max,
                })}
              </caption>
              <thead>
                <tr>
                  <th scope="col" safe>
                    {t('selection.col.rank')}
                  </th>
                  <th scope="col" safe>
                    {t('selection.col.applicant')}
                  </th>
                  <th scope="col" safe>
                    {t('selection.col.round')}
                  </th>
                  <th scope="col" safe>
                    {t('selection.col.total')}
                  </th>
                  <th scope="col" safe>
                    {t('selection.col.requested')}
                  </th>
                  <th scope="col" safe>
                    {t('selection.col.select')}
                  </th>
                  <th scope="col" safe>
                    {t('selection.col.amount')}
                  </th>
                  <th scope="col" safe>
                    {t('selection.col.reason')}
                  </th>
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
            <button class="ds-button" data-variant="secondary" type="submit" name="action" value="simulate" safe>
              {t('selection.action.simulate')}
            </button>
            <button class="ds-button" type="submit" name="action" value="record" safe>
              {t('selection.action.record')}
            </button>
          </div>
          <p class="ds-paragraph" data-size="sm" safe>
            {t('selection.action.help')}
          </p>
        </form>
      </section>
      <section aria-labelledby="alternatives-heading" id="alternatives">
        <h2 class="ds-heading" data-size="sm" id="alternatives-heading" safe>
          {t('selection.alternatives.title')}
        </h2>
        <p class="ds-paragraph" data-size="sm" safe>
          {t('selection.alternatives.lead')}
        </p>
        {evaluation.alternatives.length === 0 ? (
          <p class="ds-paragraph" safe>
            {t('selection.alternatives.none')}
          </p>
        ) : (
          ''
        )}
        <ol class="ds-list">
          {evaluation.alternatives.map((a) => (
            <li>
              <span
                safe
              >{`${a.applicant} (${t('selection.col.rank').toLocaleLowerCase(ctx.locale)} ${a.rank}${a.tied ? '=' : ''}, ${score(ctx, a.total)})`}</span>{' '}
              <span class="ds-tag" data-color={a.fits ? 'success' : 'neutral'} safe>
                {a.fits
                  ? t('selection.alternatives.fits')
                  : a.blockers.map((b) => translate(ctx, `selection.alternatives.blocker.${b}`)).join(', ')}
              </span>
            </li>
          ))}
        </ol>
      </section>
      {board.ranking.unrankable.length > 0 ? (
        <section aria-labelledby="unrankable-heading" id="unrankable">
          <h2 class="ds-heading" data-size="sm" id="unrankable-heading" safe>
            {t('selection.unrankable.title')}
          </h2>
          <ul class="ds-list">
            {board.ranking.unrankable.map((u) => (
              <li safe>{translate(ctx, 'selection.unrankable.item', { applicant: u.applicant, missing: u.missing.join(', ') })}</li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}
