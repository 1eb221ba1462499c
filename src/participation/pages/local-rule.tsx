/** A Danish municipality's case worker switches citizens' proposals on or off, with its own threshold and deadline. */
import { formatDay } from '../../platform/i18n/index.js';
import { CsrfField, ErrorSummary, type FieldError, PageHeading, SuccessNotice } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { Checkbox, TextField } from '../../platform/ui/fields.js';
import { Layout } from '../../platform/ui/layout.js';
import { OVERVIEW } from './overview.js';

export const LOCAL_RULE_PATH = `${OVERVIEW}/kommunens-regel`;

export function LocalRulePage({
  ctx,
  name,
  values,
  version,
  changedAt,
  errors,
  notice,
}: {
  ctx: PageContext;
  name: string;
  values: { enabled: boolean; signatures: string; decisionMonths: string };
  version: number;
  changedAt: Date | undefined;
  errors: FieldError[];
  notice: string | undefined;
}) {
  const { t } = ctx;
  const title = t('participation.local.title', { name });
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('participation.title'), href: `${OVERVIEW}?lang=${ctx.locale}` },
        { label: title },
      ]}
    >
      <PageHeading title={title} lead={t('participation.local.lead')} />
      <SuccessNotice text={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="ds-paragraph" data-size="sm" safe>
        {changedAt
          ? t('participation.local.changed', { day: formatDay(ctx.locale, changedAt.toISOString().slice(0, 10)) })
          : t('participation.local.never')}
      </p>
      <form method="post" action={`${LOCAL_RULE_PATH}?lang=${ctx.locale}`} id="actions">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="version" value={String(version)} />
        <Checkbox id="enabled" name="enabled" value="yes" label={t('participation.local.enabled', { name })} checked={values.enabled} />
        <TextField
          id="signatures"
          label={t('participation.local.signatures')}
          help={t('participation.local.signaturesHelp')}
          value={values.signatures}
          inputmode="numeric"
          size={8}
          error={error('signatures')}
        />
        <TextField
          id="decisionMonths"
          label={t('participation.local.decisionMonths')}
          value={values.decisionMonths}
          inputmode="numeric"
          size={4}
          error={error('decisionMonths')}
        />
        <button class="ds-button" type="submit" safe>
          {t('participation.local.save')}
        </button>
      </form>
    </Layout>
  );
}
