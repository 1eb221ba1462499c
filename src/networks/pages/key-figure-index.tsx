/** The way in: every Norwegian municipality by county and every Danish one by region, each to its key figures. */
import { PageHeading } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { Layout } from '../../platform/ui/layout.js';
import type { CountryData } from '../key-figure-service.js';

export function KeyFigureIndexPage({ ctx, countries }: { ctx: PageContext; countries: readonly CountryData[] }) {
  const { t } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={t('networks.index.title')}
      crumbs={[{ label: t('nav.home'), href: '/' }, { label: t('networks.index.title') }]}
    >
      <PageHeading title={t('networks.index.title')} lead={t('networks.index.lead')} />
      <p class="ds-paragraph">
        <a class="ds-link" href={`/nettverk/publiserte?lang=${ctx.locale}`} safe>
          {t('networks.public.link')}
        </a>
      </p>
      {countries.map((data) => (
        <section aria-labelledby={`${data.country}-heading`}>
          <h2 class="ds-heading" data-size="sm" id={`${data.country}-heading`} safe>
            {t(data.country === 'DK' ? 'networks.index.denmark' : 'networks.index.norway')}
          </h2>
          {[...data.regions].map(([code, name]) => {
            const members = data.municipalities.filter((m) => m.regionCode === code);
            return members.length === 0 ? (
              ''
            ) : (
              <details class="ds-details">
                <summary safe>{`${name} (${members.length})`}</summary>
                <div>
                  <ul class="ds-list">
                    {members.map((m) => (
                      <li>
                        <a class="ds-link" href={`/nokkeltall/${m.code}?lang=${ctx.locale}`} safe>
                          {m.name}
                        </a>
                      </li>
                    ))}
                  </ul>
                </div>
              </details>
            );
          })}
        </section>
      ))}
    </Layout>
  );
}
