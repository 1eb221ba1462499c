/**
 * What a benchmarking network chose to tell everyone: the list of networks with a published summary,
 * and each one's summary (its text, its members, its improvement actions with their status). Public:
 * nothing here comes from the members' own figures unless the coordinator wrote it in the text.
 */
import { formatInstant } from '../../platform/i18n/index.js';
import { PageHeading } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { Layout } from '../../platform/ui/layout.js';
import { DataTable } from '../../platform/ui/table.js';
import { networkTimeZone } from '../model.js';
import type { StoredMember, StoredNetwork } from '../store.js';
import { actionColumns, type ActionView } from './network.js';

const publishedAt = (ctx: PageContext, network: StoredNetwork) =>
  formatInstant(ctx.locale, network.summaryPublishedAt ?? new Date(0), networkTimeZone(network.country));

export function PublishedNetworksPage({ ctx, networks }: { ctx: PageContext; networks: readonly StoredNetwork[] }) {
  const { t, locale } = ctx;
  const title = t('networks.public.title');
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ label: t('nav.home'), href: '/' }, { label: title }]}>
      <PageHeading title={title} lead={t('networks.public.lead')} />
      {networks.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('networks.public.none')}
        </p>
      ) : (
        <ul class="ds-list">
          {networks.map((network) => (
            <li>
              <a class="ds-link" href={`/nettverk/publiserte/${network.id}?lang=${locale}`} safe>
                {network.name}
              </a>
              <br />
              <small safe>
                {t('networks.public.meta', {
                  country: t(`networks.public.country.${network.country}`),
                  time: publishedAt(ctx, network),
                })}
              </small>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export interface PublishedSummaryPageProps {
  ctx: PageContext;
  network: StoredNetwork;
  /** The municipalities that are members now. */
  members: readonly StoredMember[];
  actions: readonly ActionView[];
}

export function PublishedSummaryPage({ ctx, network, members, actions }: PublishedSummaryPageProps) {
  const { t, locale } = ctx;
  const coordinator = members.find((m) => m.code === network.coordinatorCode)?.name ?? '';
  const listTitle = t('networks.public.title');
  return (
    <Layout
      ctx={ctx}
      title={network.name}
      crumbs={[
        { label: t('nav.home'), href: '/' },
        { label: listTitle, href: `/nettverk/publiserte?lang=${locale}` },
        { label: network.name },
      ]}
    >
      <PageHeading title={network.name} lead={t('networks.public.summaryLead', { coordinator, time: publishedAt(ctx, network) })} />
      {(network.summary ?? '').split(/\n{2,}/).map((paragraph) => (
        <p class="ds-paragraph prewrap" safe>
          {paragraph}
        </p>
      ))}
      <section aria-labelledby="public-members-heading">
        <h2 class="ds-heading" data-size="sm" id="public-members-heading" safe>
          {t('networks.public.members', { count: members.length })}
        </h2>
        <ul class="ds-list">
          {members.map((m) => (
            <li safe>{m.name}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="public-actions-heading">
        <h2 class="ds-heading" data-size="sm" id="public-actions-heading" safe>
          {t('networks.public.actions')}
        </h2>
        {actions.length === 0 ? (
          <p class="ds-paragraph" safe>
            {t('networks.public.noActions')}
          </p>
        ) : (
          <DataTable scrollLabel={t('networks.public.actions')} border rows={actions} columns={actionColumns(ctx)} />
        )}
        <p class="ds-paragraph" data-size="sm" safe>
          {t('networks.public.source')}
        </p>
      </section>
    </Layout>
  );
}
