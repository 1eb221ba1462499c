import { ScrollRegion } from '../ui/table.js';
import { ROLES } from '../auth/model.js';
import { PageHeading } from '../ui/components.js';
import type { PageContext } from '../ui/context.js';
import { Layout } from '../ui/layout.js';

export function HomePage({ ctx }: { ctx: PageContext }) {
  const { t, principal } = ctx;
  const audiences = [
    ['home.forMunicipalities', 'home.forMunicipalities.text'],
    ['home.forOwners', 'home.forOwners.text'],
    ['home.forCitizens', 'home.forCitizens.text'],
  ] as const;
  return (
    <Layout ctx={ctx} title={t('nav.home')}>
      <PageHeading title={t('site.tagline')} lead={t('home.lead')} />
      {principal ? <YourRoles ctx={ctx} /> : ''}
      <div class="card-grid">
        {audiences.map(([heading, text]) => (
          <section class="ds-card" aria-labelledby={heading.replaceAll('.', '-')}>
            <h2 class="ds-heading" data-size="sm" id={heading.replaceAll('.', '-')} safe>
              {t(heading)}
            </h2>
            <p class="ds-paragraph" safe>
              {t(text)}
            </p>
          </section>
        ))}
      </div>
    </Layout>
  );
}

function YourRoles({ ctx }: { ctx: PageContext }) {
  const { t, principal } = ctx;
  if (!principal) return '';
  const roles = ROLES.filter((role) => principal.roles.has(role));
  return (
    <section aria-labelledby="your-roles">
      <h2 class="ds-heading" data-size="sm" id="your-roles" safe>
        {t('home.yourRoles')}
      </h2>
      {roles.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('home.noRoles')}
        </p>
      ) : (
        <ul class="ds-list">
          {principal.memberships.map((membership) => (
            <li safe>
              {t(`role.${membership.role}`)} – {membership.organisationName}
            </li>
          ))}
          {principal.roles.has('citizen') ? <li safe>{t('role.citizen')}</li> : ''}
        </ul>
      )}
    </section>
  );
}

export function AccessibilityPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('accessibility.title')} crumbs={[{ label: t('nav.home'), href: '/' }, { label: t('accessibility.title') }]}>
      <PageHeading title={t('accessibility.title')} />
      <p class="ds-paragraph" safe>
        {t('accessibility.text')}
      </p>
    </Layout>
  );
}

export interface ApiOperation {
  method: string;
  path: string;
  summary: string;
}

export function ApiDocsPage({ ctx, operations }: { ctx: PageContext; operations: ApiOperation[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('api.title')} crumbs={[{ label: t('nav.home'), href: '/' }, { label: t('api.title') }]}>
      <PageHeading title={t('api.title')} lead={t('api.lead')} />
      <p class="ds-paragraph">
        <a class="ds-link" href="/api/docs/openapi.json" safe>
          {t('api.document')}
        </a>
      </p>
      <ScrollRegion label={t('api.title')}>
        <table class="ds-table">
          <thead>
            <tr>
              <th scope="col" safe>
                {t('api.method')}
              </th>
              <th scope="col" safe>
                {t('api.path')}
              </th>
              <th scope="col" safe>
                {t('api.summary')}
              </th>
            </tr>
          </thead>
          <tbody>
            {operations.map((operation) => (
              <tr>
                <td safe>{operation.method}</td>
                <td>
                  <code safe>{operation.path}</code>
                </td>
                <td safe>{operation.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </Layout>
  );
}
