/** The entrance: search by any official name form or number, and every municipality by county. */
import { PageHeading } from '../../../platform/ui/components.js';
import type { PageContext } from '../../../platform/ui/context.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { Directory, MunicipalityEntry } from '../service.js';
import { OverviewLinks, SearchForm } from './sections.js';

export interface IndexPageProps {
  ctx: PageContext;
  directory: Directory;
  query?: string;
  /** Search results, when a query was given. */
  found?: readonly MunicipalityEntry[];
}

export function IndexPage({ ctx, directory, query, found }: IndexPageProps) {
  const { t } = ctx;
  const href = (code: string) => `/kommune/${code}?lang=${ctx.locale}`;
  return (
    <Layout ctx={ctx} title={t('kommune.index.title')} crumbs={[{ label: t('nav.home'), href: '/' }, { label: t('kommune.index.title') }]}>
      <PageHeading title={t('kommune.index.title')} lead={t('kommune.index.lead')} />
      <SearchForm ctx={ctx} query={query} />
      {query !== undefined && found ? (
        <section aria-labelledby="results-heading">
          <h2 class="ds-heading" data-size="sm" id="results-heading" safe>
            {t('kommune.search.results', { query })}
          </h2>
          {found.length === 0 ? (
            <p class="ds-paragraph" safe>
              {t('kommune.search.none', { query })}
            </p>
          ) : (
            <ul class="ds-list">
              {found.map((m) => (
                <li>
                  <a class="ds-link" href={href(m.code)} safe>
                    {`${m.name} (${m.code})`}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : (
        ''
      )}
      <OverviewLinks ctx={ctx} />
      <section aria-labelledby="all-heading">
        <h2 class="ds-heading" data-size="sm" id="all-heading" safe>
          {t('kommune.list.heading')}
        </h2>
        {directory.counties.map((county) => (
          <details class="ds-details">
            <summary safe>{`${county.name} (${directory.municipalitiesIn(county.code).length})`}</summary>
            <div>
              <p class="ds-paragraph">
                <a class="ds-link" href={`/fylke/${county.code}?lang=${ctx.locale}`} safe>
                  {county.name}
                </a>
              </p>
              <ul class="ds-list">
                {directory.municipalitiesIn(county.code).map((m) => (
                  <li>
                    <a class="ds-link" href={href(m.code)} safe>
                      {m.name}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          </details>
        ))}
      </section>
    </Layout>
  );
}
