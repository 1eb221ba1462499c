/** Pieces several applicant pages share: tags, rule results, the projected-challenge figures and a partner suggestion. */
import { ScrollRegion } from '../../platform/ui/table.js';
import type { Children } from '@kitajs/html';
import { formatNumber } from '../../platform/i18n/index.js';
import type { PageContext } from '../../platform/ui/context.js';
import { translate } from '../../platform/ui/translate.js';
import { explanationText, type DecisionBody, type RuleResult, type StoredCall } from '../../programmes/index.js';
import type { ProjectedChallenge } from '../model.js';
import type { PartnerReason, PartnerSuggestion } from '../partners.js';
import { challengeCaption, challengeRows, challengeSource } from '../projected-challenge.js';
import { invitationWorkflow, type InvitationState } from '../workflows.js';

export const zoneOf = (call: StoredCall) => call.content.timeZone;

export function InvitationTag({ ctx, state }: { ctx: PageContext; state: InvitationState }) {
  const color = state === 'accepted' ? 'success' : state === 'declined' ? 'danger' : 'warning';
  return (
    <span class="ds-tag" data-color={color} safe>
      {invitationWorkflow.name(state, 'staff', ctx.locale)}
    </span>
  );
}

export function bodyName(ctx: PageContext, body: DecisionBody) {
  return translate(ctx, `programmes.body.${body}`);
}

export function RuleResults({ ctx, results, id }: { ctx: PageContext; results: readonly RuleResult[]; id?: string }) {
  return (
    <ul class="ds-list" id={id}>
      {results.map((result) => (
        <li>
          <span class="ds-tag" data-color={result.outcome === 'pass' ? 'success' : result.outcome === 'fail' ? 'danger' : 'warning'} safe>
            {translate(ctx, `applications.eligibility.${result.outcome}`)}
          </span>{' '}
          <span safe>{explanationText(ctx, result.explanation)}</span>
        </li>
      ))}
    </ul>
  );
}

/** The figures of a projected-challenge part as a table: each member, then the network as one. */
export function ChallengeTable({ ctx, challenge, id }: { ctx: PageContext; challenge: ProjectedChallenge; id: string }) {
  const { t } = ctx;
  const rows = challengeRows(ctx.locale, challenge);
  return (
    <div class="challenge" id={id}>
      {rows.length > 0 ? (
        <ScrollRegion label={challengeCaption(ctx.locale, challenge)}>
          <table class="ds-table" data-size="sm">
            <caption safe>{challengeCaption(ctx.locale, challenge)}</caption>
            <thead>
              <tr>
                <th scope="col" safe>
                  {t('applications.challenge.area')}
                </th>
                <th scope="col" safe>
                  {String(challenge.baseYear)}
                </th>
                <th scope="col" safe>
                  {String(challenge.horizonYear)}
                </th>
                <th scope="col" safe>
                  {t('applications.challenge.change')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr>
                  <th scope="row" safe>
                    {row.area}
                  </th>
                  <td safe>{row.base}</td>
                  <td safe>{row.horizon}</td>
                  <td safe>{row.change}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : (
        ''
      )}
      {rows.length > 0 ? (
        <p class="ds-paragraph" data-size="sm" safe>
          {challengeSource(ctx.locale, challenge)}
        </p>
      ) : (
        ''
      )}
      {challenge.missing.length > 0 ? (
        <p class="ds-paragraph" data-size="sm" safe>
          {t('applications.challenge.missing', { names: challenge.missing.join(', ') })}
        </p>
      ) : (
        ''
      )}
    </div>
  );
}

export function reasonText(ctx: PageContext, reason: PartnerReason): string {
  switch (reason.kind) {
    case 'neighbour':
      return translate(ctx, 'applications.partners.reason.neighbour', { names: reason.of.join(', ') });
    case 'region':
      return translate(ctx, 'applications.partners.reason.region', { region: reason.region });
    case 'similar': {
      const m = reason.measure;
      const one = (v: number) => formatNumber(ctx.locale, v, 1);
      const signed = (v: number) => `${v > 0 ? '+' : ''}${one(v)}`;
      return translate(ctx, 'applications.partners.reason.similar', {
        from: one(m.from),
        to: one(m.to),
        year: String(m.year),
        change: signed(m.change),
        own: signed(m.own),
      });
    }
  }
}

const VERDICT_COLOR = { passes: 'success', networkPasses: 'info', fails: 'danger' } as const;

/** One suggestion: why, the verdict with the population rule's numbers, every rule in a details list, and `action` (invite or check). */
export function PartnerItem({ ctx, partner: p, children }: { ctx: PageContext; partner: PartnerSuggestion; children?: Children }) {
  const population = p.eligibility.results.find((r) => r.rule.kind === 'network-population');
  return (
    <>
      <p class="ds-paragraph">
        <strong safe>{p.name}</strong>
        <span safe>{p.persons === null ? '' : ` – ${translate(ctx, 'applications.partners.population', { persons: p.persons })}`}</span>
      </p>
      <ul class="ds-list partner-reasons">
        {p.reasons.map((reason) => (
          <li class="partner-reason" data-reason={reason.kind} safe>
            {reasonText(ctx, reason)}
          </li>
        ))}
        {(p.notes ?? []).map((note) => (
          <li class="partner-reason" data-reason="cooperation" safe>
            {note}
          </li>
        ))}
      </ul>
      <p class="ds-paragraph partner-verdict" data-verdict={p.verdict}>
        <span class="ds-tag" data-color={VERDICT_COLOR[p.verdict]} safe>
          {translate(ctx, `applications.partners.verdict.${p.verdict}`)}
        </span>
        {population ? <span safe>{` ${explanationText(ctx, population.explanation)}`}</span> : ''}
      </p>
      <details class="ds-details">
        <summary safe>{ctx.t('applications.partners.rules', { name: p.name })}</summary>
        <RuleResults ctx={ctx} results={p.eligibility.results} />
      </details>
      {children}
    </>
  );
}
