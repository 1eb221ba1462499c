/** A case worker's networks: those of their municipality, invitations to answer, and the form to start one. */
import { CsrfField, ErrorSummary, PageHeading, SuccessNotice, type FieldError } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { TextField } from '../../platform/ui/fields.js';
import { Layout } from '../../platform/ui/layout.js';
import type { StoredNetwork } from '../store.js';
import type { MembershipState } from '../workflows.js';

export interface NetworksPageProps {
  ctx: PageContext;
  /** The case worker's municipality, when they work for one. */
  municipality: { code: string; name: string } | undefined;
  networks: readonly (StoredNetwork & { state: MembershipState })[];
  name?: string;
  errors?: readonly FieldError[];
  notice?: string | undefined;
}

export function NetworksPage({ ctx, municipality, networks, name = '', errors = [], notice }: NetworksPageProps) {
  const { t } = ctx;
  const title = t('networks.networks.nav');
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ label: t('nav.home'), href: '/' }, { label: title }]}>
      <PageHeading title={title} lead={t('networks.networks.lead')} />
      <SuccessNotice text={notice} />
      <p class="ds-paragraph">
        <a class="ds-link" href={`/nettverk/publiserte?lang=${ctx.locale}`} safe>
          {t('networks.public.link')}
        </a>
      </p>
      {municipality ? (
        <>
          <section aria-labelledby="mine-heading">
            <h2 class="ds-heading" data-size="sm" id="mine-heading" safe>
              {t('networks.networks.mine', { municipality: municipality.name })}
            </h2>
            {networks.length === 0 ? (
              <p class="ds-paragraph" safe>
                {t('networks.networks.none', { municipality: municipality.name })}
              </p>
            ) : (
              <ul class="ds-list">
                {networks.map((n) => (
                  <li>
                    <a class="ds-link" href={`/nettverk/${n.id}?lang=${ctx.locale}`} safe>
                      {n.state === 'invited' ? t('networks.networks.invitedTo', { name: n.name }) : n.name}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="start-heading">
            <h2 class="ds-heading" data-size="sm" id="start-heading" safe>
              {t('networks.start.heading')}
            </h2>
            <ErrorSummary ctx={ctx} errors={[...errors]} />
            <form method="post" action={`/nettverk?lang=${ctx.locale}`}>
              <CsrfField ctx={ctx} />
              <TextField
                id="name"
                label={t('networks.start.name')}
                value={name}
                help={t('networks.start.coordinates', { municipality: municipality.name })}
                error={errors.find((e) => e.field === 'name')?.message}
              />
              <button class="ds-button" type="submit" safe>
                {t('networks.start.submit')}
              </button>
            </form>
          </section>
        </>
      ) : (
        <p class="ds-paragraph" safe>
          {t('networks.networks.noMunicipality')}
        </p>
      )}
    </Layout>
  );
}
