/** The reviewer pool of a programme: who is in it, who leads, who may be added. */
import { CsrfField, ErrorSummary, PageHeading, type FieldError } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { Checkbox, Select } from '../../platform/ui/fields.js';
import { Layout } from '../../platform/ui/layout.js';
import { DataTable } from '../../platform/ui/table.js';
import { translate } from '../../platform/ui/translate.js';
import type { PoolMember } from '../model.js';
import { Notice } from './parts.js';

export function PoolPage({
  ctx,
  programme,
  pool,
  candidates,
  errors = [],
  notice,
}: {
  ctx: PageContext;
  programme: { id: string; name: string };
  pool: PoolMember[];
  candidates: { userId: string; name: string; organisationName: string; kind: 'internal' | 'external' }[];
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
      <Notice text={notice} />
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
