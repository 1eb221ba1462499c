/** What the selection's pages share: amounts and scores as read, the owner's paths and crumbs, a decision's state. */
import { SuccessNotice } from '../../platform/ui/components.js';
import { formatNumber } from '../../platform/i18n/index.js';
import { translate } from '../../platform/ui/translate.js';
import type { StoredAppeal } from '../store.js';
import type { PageContext } from '../../platform/ui/context.js';
import type { Currency, StoredCall } from '../../programmes/index.js';
import { decisionWorkflow, type DecisionState } from '../model.js';

export const money = (ctx: Pick<PageContext, 'locale'>, amount: number, currency: Currency | string) =>
  `${formatNumber(ctx.locale, amount)} ${currency}`;
export const score = (ctx: PageContext, value: number) => formatNumber(ctx.locale, value, 2);

export function selectionPath(callId: string, locale: string) {
  return `/eier/utlysninger/${callId}/utvelgelse?lang=${locale}`;
}
export function decisionsPath(callId: string, locale: string) {
  return `/eier/utlysninger/${callId}/vedtak?lang=${locale}`;
}

export function crumbs(ctx: PageContext, call: StoredCall, last: string) {
  return [
    { label: ctx.t('programmes.owner.title'), href: `/eier?lang=${ctx.locale}` },
    { label: call.content.title, href: `/eier/utlysninger/${call.id}?lang=${ctx.locale}` },
    { label: last },
  ];
}

export function StateTag({ ctx, state }: { ctx: PageContext; state: DecisionState }) {
  const color = state === 'rejected' ? 'danger' : state === 'pending' ? 'neutral' : 'success';
  return (
    <span class="ds-tag" data-color={color} safe>
      {decisionWorkflow.name(state, 'staff', ctx.locale)}
    </span>
  );
}

/** A success notice and the note that someone else changed the selection meanwhile, above a form. */
export function Notices({ notice, conflict }: { notice?: string | undefined; conflict?: string | undefined }) {
  return (
    <>
      <SuccessNotice text={notice} />
      {conflict ? (
        <div class="ds-alert" data-color="warning" role="alert" id="conflict">
          <p class="ds-paragraph" safe>
            {conflict}
          </p>
        </div>
      ) : (
        ''
      )}
    </>
  );
}

/** The owner's assessment of an appeal as both sides read it: the reasons, and a changed decision's new amount. */
export function AppealAssessmentText({ ctx, appeal, currency }: { ctx: PageContext; appeal: StoredAppeal; currency: Currency }) {
  return (
    <>
      {appeal.changedAmount === null ? (
        ''
      ) : (
        <p class="ds-paragraph" safe>
          {translate(ctx, 'selection.appeal.changedAmount', { amount: money(ctx, appeal.changedAmount, currency) })}
        </p>
      )}
      <p class="ds-paragraph prewrap" safe>
        {translate(ctx, 'selection.appeal.assessment', { reason: appeal.assessment ?? '' })}
      </p>
    </>
  );
}
