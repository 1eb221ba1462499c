/** The administrator's pages: every organisation, and one organisation's people, roles and history. */
import type { OrganisationKind, OrganisationRole } from '../../platform/auth/model.js';
import type { AuditEvent } from '../../platform/audit/store.js';
import type { PendingMembership } from '../../platform/auth/store.js';
import { formatDateTime } from '../../platform/i18n/index.js';
import { CsrfField, ErrorSummary, PageHeading, type FieldError, SuccessNotice } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { Select, TextField } from '../../platform/ui/fields.js';
import { Layout } from '../../platform/ui/layout.js';
import { DataTable } from '../../platform/ui/table.js';
import { translate } from '../../platform/ui/translate.js';
import { COUNTRIES, ORGANISATION_KINDS, rolesOfKind } from '../model.js';
import type { OrganisationSummary, PersonWithRoles } from '../store.js';

const LIST = '/admin/organisasjoner';
const kindName = (ctx: PageContext, kind: OrganisationKind) => translate(ctx, `administration.kind.${kind}`);
const roleName = (ctx: PageContext, role: string) => translate(ctx, `role.${role as OrganisationRole}`);
const errorOf = (errors: readonly FieldError[], field: string) => errors.find((e) => e.field === field)?.message;

export function OrganisationsPage({
  ctx,
  organisations,
  values,
  errors,
  notice,
}: {
  ctx: PageContext;
  organisations: OrganisationSummary[];
  values: Record<string, string>;
  errors: FieldError[];
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const title = t('administration.list.title');
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ label: t('nav.home'), href: '/' }, { label: title }]}>
      <PageHeading title={title} lead={t('administration.list.lead')} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <SuccessNotice text={notice} />
      <DataTable
        scrollLabel={title}
        id="organisations"
        rows={organisations}
        columns={[
          {
            header: t('administration.col.name'),
            rowHeader: true,
            cell: (o) => (
              <a class="ds-link" href={`${LIST}/${o.id}?lang=${ctx.locale}`} safe>
                {o.name}
              </a>
            ),
          },
          { header: t('administration.col.kind'), text: (o) => kindName(ctx, o.kind) },
          { header: t('administration.col.country'), text: (o) => translate(ctx, `administration.country.${o.country}`) },
          { header: t('administration.col.people'), text: (o) => String(o.people) },
        ]}
      />
      <section aria-labelledby="new-organisation">
        <h2 class="ds-heading" data-size="sm" id="new-organisation" safe>
          {t('administration.new.title')}
        </h2>
        <form method="post" action={`${LIST}?lang=${ctx.locale}`}>
          <CsrfField ctx={ctx} />
          <Select
            id="kind"
            label={t('administration.col.kind')}
            value={values.kind ?? 'municipality'}
            options={ORGANISATION_KINDS.map((kind) => ({ value: kind, label: kindName(ctx, kind) }))}
            error={errorOf(errors, 'kind')}
          />
          <TextField id="name" label={t('administration.col.name')} value={values.name ?? ''} error={errorOf(errors, 'name')} />
          <Select
            id="country"
            label={t('administration.col.country')}
            value={values.country ?? 'NO'}
            options={COUNTRIES.map((c) => ({ value: c, label: translate(ctx, `administration.country.${c}`) }))}
            error={errorOf(errors, 'country')}
          />
          <TextField
            id="municipalityCode"
            label={t('administration.new.municipalityCode')}
            value={values.municipalityCode ?? ''}
            inputmode="numeric"
            error={errorOf(errors, 'municipalityCode')}
          />
          <TextField
            id="countyCode"
            label={t('administration.new.countyCode')}
            value={values.countyCode ?? ''}
            inputmode="numeric"
            error={errorOf(errors, 'countyCode')}
          />
          <TextField
            id="mailAddress"
            type="email"
            label={t('administration.new.mailAddress')}
            value={values.mailAddress ?? ''}
            error={errorOf(errors, 'mailAddress')}
          />
          <button class="ds-button" type="submit" safe>
            {t('administration.new.submit')}
          </button>
        </form>
      </section>
    </Layout>
  );
}

export function OrganisationPage({
  ctx,
  organisation,
  people,
  pending,
  history,
  values,
  errors,
  notice,
}: {
  ctx: PageContext;
  organisation: OrganisationSummary;
  people: PersonWithRoles[];
  /** Roles given to addresses that have not signed in yet. */
  pending: PendingMembership[];
  history: AuditEvent[];
  values: Record<string, string>;
  errors: FieldError[];
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const path = `${LIST}/${organisation.id}`;
  const roles = rolesOfKind(organisation.kind);
  return (
    <Layout
      ctx={ctx}
      title={organisation.name}
      crumbs={[
        { label: t('nav.home'), href: '/' },
        // The list of every organisation is the administrator's; an owner comes straight to their own.
        ...(ctx.principal?.roles.has('admin') ? [{ label: t('administration.list.title'), href: `${LIST}?lang=${ctx.locale}` }] : []),
        { label: organisation.name },
      ]}
    >
      <PageHeading
        title={organisation.name}
        lead={`${kindName(ctx, organisation.kind)}, ${translate(ctx, `administration.country.${organisation.country}`)}${organisation.mailAddress ? ` – ${organisation.mailAddress}` : ''}`}
      />
      <ErrorSummary ctx={ctx} errors={errors} />
      <SuccessNotice text={notice} />
      <section aria-labelledby="people">
        <h2 class="ds-heading" data-size="sm" id="people" safe>
          {t('administration.org.people')}
        </h2>
        {people.length === 0 ? (
          <p class="ds-paragraph" safe>
            {t('administration.org.none')}
          </p>
        ) : (
          <DataTable
            scrollLabel={t('administration.org.people')}
            id="people-table"
            rows={people}
            columns={[
              { header: t('administration.col.person'), rowHeader: true, text: (p) => p.name },
              { header: t('administration.col.email'), text: (p) => p.email ?? '' },
              {
                header: t('administration.col.roles'),
                cell: (p) => (
                  <ul class="ds-list">
                    {p.roles.map((role) => (
                      <li>
                        <form method="post" action={`${path}/roller/fjern?lang=${ctx.locale}`} class="inline-form">
                          <CsrfField ctx={ctx} />
                          <input type="hidden" name="user" value={p.userId} />
                          <input type="hidden" name="role" value={role} />
                          <span safe>{roleName(ctx, role)}</span>{' '}
                          <button class="ds-button" data-variant="tertiary" data-size="sm" type="submit" safe>
                            {translate(ctx, 'administration.org.remove', { role: roleName(ctx, role), name: p.name })}
                          </button>
                        </form>
                      </li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
        )}
      </section>
      <PendingRoles ctx={ctx} path={path} pending={pending} />
      <section aria-labelledby="grant">
        <h2 class="ds-heading" data-size="sm" id="grant" safe>
          {t('administration.org.grant')}
        </h2>
        <form method="post" action={`${path}/roller?lang=${ctx.locale}`}>
          <CsrfField ctx={ctx} />
          <TextField
            id="email"
            type="email"
            label={t('administration.org.email')}
            help={t('administration.org.grantHelp')}
            value={values.email ?? ''}
            error={errorOf(errors, 'email')}
          />
          <Select
            id="role"
            label={t('administration.org.role')}
            value={values.role ?? roles[0] ?? ''}
            options={roles.map((role) => ({ value: role, label: roleName(ctx, role) }))}
            error={errorOf(errors, 'role')}
          />
          <button class="ds-button" type="submit" safe>
            {t('administration.org.grantSubmit')}
          </button>
        </form>
      </section>
      <section aria-labelledby="history">
        <h2 class="ds-heading" data-size="sm" id="history" safe>
          {t('administration.org.history')}
        </h2>
        {history.length === 0 ? (
          <p class="ds-paragraph" safe>
            {t('administration.org.noHistory')}
          </p>
        ) : (
          <DataTable
            scrollLabel={t('administration.org.history')}
            id="history-table"
            rows={history}
            columns={[
              { header: t('administration.col.when'), text: (e) => formatDateTime(ctx.locale, e.occurred_at) },
              { header: t('administration.col.who'), text: (e) => e.actor_name ?? '' },
              {
                header: t('administration.col.what'),
                text: (e) =>
                  translate(ctx, `administration.action.${e.action as HistoryAction}`, {
                    reason: e.reason ?? '',
                    role: e.to_state ? roleName(ctx, e.to_state) : '',
                  }),
              },
            ]}
          />
        )}
      </section>
    </Layout>
  );
}

type HistoryAction = 'create' | 'grant-role' | 'revoke-role' | 'grant-role-pending' | 'cancel-pending-role';

/** Roles waiting for a first sign-in, each with the way to take it back. */
function PendingRoles({ ctx, path, pending }: { ctx: PageContext; path: string; pending: PendingMembership[] }) {
  const { t } = ctx;
  if (pending.length === 0) return '';
  return (
    <section aria-labelledby="pending">
      <h2 class="ds-heading" data-size="sm" id="pending" safe>
        {t('administration.org.pending')}
      </h2>
      <DataTable
        scrollLabel={t('administration.org.pending')}
        rows={pending}
        columns={[
          { header: t('administration.col.email'), rowHeader: true, text: (p) => p.email },
          { header: t('administration.col.roles'), text: (p) => roleName(ctx, p.role) },
          { header: t('administration.col.when'), text: (p) => formatDateTime(ctx.locale, p.grantedAt) },
          {
            header: t('administration.col.change'),
            cell: (p) => (
              <form method="post" action={`${path}/roller/ventende/fjern?lang=${ctx.locale}`} class="inline-form">
                <CsrfField ctx={ctx} />
                <input type="hidden" name="email" value={p.email} />
                <input type="hidden" name="role" value={p.role} />
                <button class="ds-button" data-variant="tertiary" data-size="sm" type="submit" safe>
                  {translate(ctx, 'administration.org.cancelPending', { role: roleName(ctx, p.role), email: p.email })}
                </button>
              </form>
            ),
          },
        ]}
      />
    </section>
  );
}
