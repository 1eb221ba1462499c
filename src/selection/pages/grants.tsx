/** The public list of granted projects, by call, with the open data links. */
import { PageHeading } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { Layout } from '../../platform/ui/layout.js';
import { DataTable } from '../../platform/ui/table.js';
import { translate } from '../../platform/ui/translate.js';
import type { PublishedGrant } from '../open-data.js';
import { money } from './parts.js';

export function GrantsPage({ ctx, grants }: { ctx: PageContext; grants: PublishedGrant[] }) {
  const { t } = ctx;
  const calls = [...new Map(grants.map((g) => [g.callId, g])).values()];
  return (
    <Layout ctx={ctx} title={t('selection.public.title')}>
      <PageHeading title={t('selection.public.title')} lead={t('selection.public.lead')} />
      <p class="ds-paragraph">
        <a class="ds-link" href="/open-data/360giving.json" safe>
          {t('selection.public.json')}
        </a>
        {' · '}
        <a class="ds-link" href="/open-data/360giving.csv" safe>
          {t('selection.public.csv')}
        </a>
      </p>
      <details class="ds-details">
        <summary safe>{t('selection.public.identifiersTitle')}</summary>
        <p class="ds-paragraph" safe>
          {t('selection.public.identifiers')}
        </p>
      </details>
      {grants.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('selection.public.none')}
        </p>
      ) : (
        ''
      )}
      {calls.map((first) => {
        const ofCall = grants.filter((g) => g.callId === first.callId);
        const total = ofCall.reduce((sum, g) => sum + g.amount, 0);
        return (
          <section aria-labelledby={`call-${first.callId}`} class="grant-call">
            <h2 class="ds-heading" data-size="sm" id={`call-${first.callId}`}>
              <a class="ds-link" href={`/utlysninger/${first.callId}?lang=${ctx.locale}`} safe>
                {first.callTitle}
              </a>
            </h2>
            <p class="ds-paragraph" data-size="sm" safe>{`${first.programmeName} – ${first.ownerName}`}</p>
            <DataTable
              class="grants"
              caption={translate(ctx, 'selection.public.caption', { count: ofCall.length, total: money(ctx, total, first.currency) })}
              rows={ofCall}
              columns={[
                { header: t('selection.public.col.recipient'), rowHeader: true, text: (g) => g.members.map((m) => m.name).join(', ') },
                {
                  header: t('selection.public.col.amount'),
                  text: (g) => `${money(ctx, g.amount, g.currency)}${appealNote(ctx, g)}`,
                },
                { header: t('selection.public.col.summary'), text: (g) => g.summary },
                { header: t('selection.public.col.date'), text: (g) => g.awardDate },
              ]}
            />
          </section>
        );
      })}
    </Layout>
  );
}

/** The mark of a decision changed after an appeal, with the amount first decided where the change set a new one. */
function appealNote(ctx: PageContext, grant: PublishedGrant): string {
  if (!grant.changedAfterAppeal) return '';
  const note =
    grant.amountBeforeAppeal === undefined
      ? ctx.t('selection.public.changedAfterAppeal')
      : translate(ctx, 'selection.public.changedFrom', { amount: money(ctx, grant.amountBeforeAppeal, grant.currency) });
  return ` (${note})`;
}
