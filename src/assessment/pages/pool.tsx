/** The reviewer pool of a programme: who is in it, who leads, who may be added. */
import { CsrfField, ErrorSummary, PageHeading, type FieldError, SuccessNotice } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { formatInstant } from '../../platform/i18n/index.js';
import { Checkbox, Select, TextField } from '../../platform/ui/fields.js';
import { Layout } from '../../platform/ui/layout.js';
import { DataTable } from '../../platform/ui/table.js';
import { translate } from '../../platform/ui/translate.js';
import type { ExpertInvitation, PoolMember } from '../model.js';
import type { PoolInvitation } from '../store.js';

export function PoolPage({
  ctx,
  programme,
  pool,
  candidates,
  invitations,
  invitation = { email: '', name: '', employer: '' },
  errors = [],
  notice,
}: {
  ctx: PageContext;
  programme: { id: string; name: string; country: 'NO' | 'DK' };
  pool: PoolMember[];
  candidates: { userId: string; name: string; organisationName: string; kind: 'internal' | 'external' }[];
  /** Invitations by e-mail not yet answered. */
  invitations: PoolInvitation[];
  /** What the owner typed in the invitation form, kept when it is refused. */
  invitation?: ExpertInvitation;
  errors?: FieldError[];
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const title = t('assessment.pool.title', { programme: programme.name });
  const base = `/eier/programmer/${programme.id}/fagpanel`;
  const free = candidates.filter((c) => !pool.some((m) => m.userId === c.userId));
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ label: t('programmes.owner.title'), href: `/eier?lang=${ctx.locale}` }, { label: title }]}>
      <PageHeading title={title} lead={t('assessment.pool.lead')} />
      <SuccessNotice text={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      {pool.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('assessment.pool.empty')}
        </p>
      ) : (
        <DataTable
          scrollLabel={title}
          border
          id="pool"
          rows={pool}
          columns={[
            { header: t('assessment.col.reviewer'), rowHeader: true, text: (m) => m.name },
            { header: t('assessment.pool.kind'), text: (m) => translate(ctx, `assessment.pool.kind.${m.kind}`) },
            { header: t('assessment.pool.role'), text: (m) => (m.lead ? t('assessment.pool.lead') : t('assessment.pool.member')) },
            { header: t('assessment.pool.actions'), cell: (m) => <MemberActions ctx={ctx} base={base} member={m} /> },
          ]}
        />
      )}
      <h2 class="ds-heading" data-size="sm" safe>
        {t('assessment.pool.add')}
      </h2>
      {free.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('assessment.pool.noCandidates')}
        </p>
      ) : (
        <form method="post" action={`${base}?lang=${ctx.locale}`}>
          <CsrfField ctx={ctx} />
          <Select
            id="user"
            label={t('assessment.pool.person')}
            value=""
            options={free.map((c) => ({
              value: c.userId,
              label: `${c.name}, ${c.organisationName} (${translate(ctx, `assessment.pool.kind.${c.kind}`)})`,
            }))}
            error={errors.find((e) => e.field === 'user')?.message}
          />
          <Checkbox id="lead" name="lead" value="yes" label={t('assessment.pool.asLead')} checked={false} />
          <button class="ds-button" type="submit" safe>
            {t('assessment.pool.addSubmit')}
          </button>
        </form>
      )}
      <InviteExpert ctx={ctx} base={base} invitation={invitation} errors={errors} />
      <OpenInvitations
        ctx={ctx}
        base={base}
        invitations={invitations}
        timeZone={programme.country === 'DK' ? 'Europe/Copenhagen' : 'Europe/Oslo'}
      />
    </Layout>
  );
}

function MemberActions({ ctx, base, member }: { ctx: PageContext; base: string; member: PoolMember }) {
  const { t } = ctx;
  return (
    <>
      <form method="post" action={`${base}/${member.userId}/leder?lang=${ctx.locale}`} class="inline-form">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="lead" value={member.lead ? 'no' : 'yes'} />
        <button class="ds-button" data-variant="secondary" data-size="sm" type="submit" safe>
          {member.lead ? t('assessment.pool.unmakeLead', { name: member.name }) : t('assessment.pool.makeLead', { name: member.name })}
        </button>
      </form>
      <form method="post" action={`${base}/${member.userId}/fjern?lang=${ctx.locale}`} class="inline-form">
        <CsrfField ctx={ctx} />
        <button class="ds-button" data-variant="tertiary" data-size="sm" type="submit" safe>
          {t('assessment.pool.remove', { name: member.name })}
        </button>
      </form>
    </>
  );
}

/** The owner invites an external expert by e-mail: name, address and employer (for conflicts of interest). */
function InviteExpert({
  ctx,
  base,
  invitation,
  errors,
}: {
  ctx: PageContext;
  base: string;
  invitation: ExpertInvitation;
  errors: FieldError[];
}) {
  const { t } = ctx;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <section aria-labelledby="invite-heading" id="invite">
      <h2 class="ds-heading" data-size="sm" id="invite-heading" safe>
        {t('assessment.invitation.heading')}
      </h2>
      <p class="ds-paragraph" safe>
        {t('assessment.invitation.lead')}
      </p>
      <form method="post" action={`${base}/invitasjoner?lang=${ctx.locale}`}>
        <CsrfField ctx={ctx} />
        <TextField id="name" label={t('assessment.invitation.name')} value={invitation.name} error={error('name')} />
        <TextField id="email" type="email" label={t('assessment.invitation.email')} value={invitation.email} error={error('email')} />
        <TextField
          id="employer"
          label={t('assessment.invitation.employer')}
          help={t('assessment.invitation.employerHelp')}
          value={invitation.employer}
          error={error('employer')}
        />
        <button class="ds-button" type="submit" safe>
          {t('assessment.invitation.submit')}
        </button>
      </form>
    </section>
  );
}

function OpenInvitations({
  ctx,
  base,
  invitations,
  timeZone,
}: {
  ctx: PageContext;
  base: string;
  invitations: PoolInvitation[];
  timeZone: string;
}) {
  const { t } = ctx;
  if (invitations.length === 0) return '';
  return (
    <section aria-labelledby="invitations-heading" id="invitations">
      <h2 class="ds-heading" data-size="sm" id="invitations-heading" safe>
        {t('assessment.invitation.open')}
      </h2>
      <DataTable
        scrollLabel={t('assessment.invitation.open')}
        border
        rows={invitations}
        columns={[
          { header: t('assessment.invitation.col.person'), rowHeader: true, text: (i) => `${i.name}, ${i.employer} (${i.email})` },
          { header: t('assessment.invitation.col.until'), text: (i) => formatInstant(ctx.locale, i.expiresAt, timeZone) },
          {
            header: t('assessment.pool.actions'),
            cell: (i) => (
              <form method="post" action={`${base}/invitasjoner/${i.id}/trekk?lang=${ctx.locale}`} class="inline-form">
                <CsrfField ctx={ctx} />
                <button class="ds-button" data-variant="tertiary" data-size="sm" type="submit" safe>
                  {translate(ctx, 'assessment.invitation.withdraw', { name: i.name })}
                </button>
              </form>
            ),
          },
        ]}
      />
    </section>
  );
}
