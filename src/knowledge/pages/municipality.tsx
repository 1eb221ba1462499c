/** A municipality in the knowledge bank: the cases it is part of, and what it took from whom. */
import type { PageContext } from '../../platform/ui/context.js';
import { Layout } from '../../platform/ui/layout.js';
import type { Adoption, CaseLinkSummary } from '../store.js';
import { bankPath, casePath } from './search.js';

export function MunicipalityPage({
  ctx,
  name,
  cases,
  adopted,
}: {
  ctx: PageContext;
  name: string;
  cases: readonly CaseLinkSummary[];
  adopted: readonly Adoption[];
}) {
  const { t } = ctx;
  const title = t('knowledge.municipality.title', { municipality: name });
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('knowledge.case.back'), href: `${bankPath(ctx)}?lang=${ctx.locale}` },
        { label: name },
      ]}
    >
      <h1 class="ds-heading" data-size="lg" safe>
        {title}
      </h1>
      <section aria-labelledby="own-cases">
        <h2 class="ds-heading" data-size="sm" id="own-cases" safe>
          {t('knowledge.municipality.cases')}
        </h2>
        {cases.length === 0 ? (
          <p class="ds-paragraph" safe>
            {t('knowledge.municipality.none')}
          </p>
        ) : (
          <ul>
            {cases.map((c) => (
              <li>
                <a class="ds-link" href={casePath(ctx, c.slug)} lang={c.language} safe>
                  {c.title}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="adopted">
        <h2 class="ds-heading" data-size="sm" id="adopted" safe>
          {t('knowledge.municipality.adopted')}
        </h2>
        {adopted.length === 0 ? (
          <p class="ds-paragraph" safe>
            {t('knowledge.municipality.none')}
          </p>
        ) : (
          <ul>
            {adopted.map((a) => {
              const from: string = a.fromNames.length ? ` ${t('knowledge.municipality.from', { names: a.fromNames.join(', ') })}` : '';
              return (
                <li>
                  <a class="ds-link" href={casePath(ctx, a.caseSlug)} lang={a.caseLanguage} safe>
                    {a.caseTitle}
                  </a>
                  <span safe>{from}</span>
                  {a.adoptedYear ? <span> ({a.adoptedYear})</span> : ''}
                  <p class="ds-paragraph prewrap" lang={a.language}>
                    <strong safe>{`${t('knowledge.adopt.changed')}: `}</strong>
                    <span safe>{a.changes}</span>
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </Layout>
  );
}
