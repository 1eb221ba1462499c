/** Starting an application on a call, for one of the person's municipalities. */
import { CsrfField, ErrorSummary, PageHeading, type FieldError } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { Select, TextField } from '../../platform/ui/fields.js';
import { Layout } from '../../platform/ui/layout.js';
import type { StoredCall } from '../../programmes/index.js';

export function StartPage({
  ctx,
  call,
  municipalities,
  values,
  problems,
}: {
  ctx: PageContext;
  call: StoredCall;
  municipalities: { code: string; name: string }[];
  values: Record<string, string>;
  problems: FieldError[];
}) {
  const { t } = ctx;
  const error = (field: string) => problems.find((p) => p.field === field)?.message;
  return (
    <Layout
      ctx={ctx}
      title={t('applications.start.title')}
      crumbs={[{ label: call.content.title, href: `/utlysninger/${call.id}?lang=${ctx.locale}` }, { label: t('applications.start.title') }]}
    >
      <PageHeading title={t('applications.start.title')} lead={t('applications.start.lead')} />
      <p class="ds-paragraph" lang={call.content.language} safe>
        {call.content.title}
      </p>
      <ErrorSummary ctx={ctx} errors={problems} />
      {municipalities.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('applications.start.noMunicipality')}
        </p>
      ) : (
        <form method="post" action={`/soknader?lang=${ctx.locale}`}>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="call" value={call.id} />
          <Select
            id="municipality"
            label={t('applications.start.municipality')}
            value={values.municipality ?? ''}
            options={municipalities.map((m) => ({ value: m.code, label: m.name }))}
            error={error('municipality')}
          />
          <TextField id="email" label={t('applications.start.email')} value={values.email ?? ''} type="email" error={error('email')} />
          <button class="ds-button" type="submit" safe>
            {t('applications.start.submit')}
          </button>
        </form>
      )}
    </Layout>
  );
}
