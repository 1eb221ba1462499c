/** The public page of citizens' initiatives: the rule with its source, Denmark's position, and the threshold of any area. */
import type { Children } from '@kitajs/html';
import { formatNumber } from '../../platform/i18n/index.js';
import { PageHeading } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { Select } from '../../platform/ui/fields.js';
import { Layout } from '../../platform/ui/layout.js';
import { type LocalRule, NORWEGIAN_RULE, type Threshold } from '../model.js';
import type { Area } from '../thresholds.js';

export const OVERVIEW = '/innbyggerforslag';
export const areaKey = (area: Pick<Area, 'kind' | 'code'>) => `${area.kind === 'county' ? 'fylke' : 'kommune'}-${area.code}`;

/** What a Danish municipality's own rule says to a reader, in whole words. */
const localRuleSummary = (ctx: PageContext, name: string, rule: Pick<LocalRule, 'signatures' | 'decisionMonths'>) =>
  ctx.t('participation.local.summary', {
    name,
    signatures: formatNumber(ctx.locale, rule.signatures),
    months: rule.decisionMonths,
  });

export function ThresholdText({ ctx, threshold }: { ctx: PageContext; threshold: Threshold }) {
  const { t } = ctx;
  const n = (v: number) => formatNumber(ctx.locale, v);
  if (!threshold.rule.statutory && threshold.rule.local)
    return (
      <>
        <p class="ds-paragraph" data-size="lg" safe>
          {localRuleSummary(ctx, threshold.name, threshold.rule.local)}
        </p>
        <p class="ds-paragraph" data-size="sm" safe>
          {t('participation.local.source', { name: threshold.name })}
        </p>
      </>
    );
  if (!threshold.rule.statutory)
    return (
      <p class="ds-paragraph" safe>
        {t('participation.threshold.danish', { name: threshold.name })}
      </p>
    );
  if (threshold.population === null || threshold.signatures === null)
    return (
      <p class="ds-paragraph" safe>
        {t('participation.threshold.noPopulation', { name: threshold.name })}
      </p>
    );
  const persons = n(threshold.population.persons);
  return (
    <>
      <p class="ds-paragraph" data-size="lg" safe>
        {t('participation.threshold.result', { name: threshold.name, signatures: n(threshold.signatures) })}
      </p>
      <p class="ds-paragraph" safe>
        {threshold.capped
          ? t('participation.threshold.capped', { persons, cap: n(NORWEGIAN_RULE.cap[threshold.kind]) })
          : t('participation.threshold.share', { persons })}
      </p>
      <p class="ds-paragraph" data-size="sm" safe>
        {t('participation.threshold.population', { year: threshold.population.year, source: threshold.population.source })}
      </p>
    </>
  );
}

export function OverviewPage({
  ctx,
  areas,
  chosen,
  threshold,
  unknown,
  children,
}: {
  ctx: PageContext;
  areas: { municipalities: Area[]; counties: Area[] };
  chosen: string;
  threshold: Threshold | undefined;
  unknown: boolean;
  children?: Children;
}) {
  const { t } = ctx;
  const title = t('participation.title');
  const rule = NORWEGIAN_RULE.source;
  const byName = (a: Area, b: Area) => a.name.localeCompare(b.name, ctx.locale === 'da' ? 'da' : 'nb');
  const options = [
    { value: '', label: t('participation.lookup.choose') },
    ...[...areas.municipalities].sort(byName).map((a) => ({ value: areaKey(a), label: a.name })),
    ...[...areas.counties].sort(byName).map((a) => ({ value: areaKey(a), label: `${a.name} (${t('participation.lookup.counties')})` })),
  ];
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ label: t('nav.home'), href: '/' }, { label: title }]}>
      <PageHeading title={title} lead={t('participation.lead')} />
      {children ?? ''}
      <section aria-labelledby="threshold">
        <h2 class="ds-heading" data-size="sm" id="threshold" safe>
          {t('participation.lookup.title')}
        </h2>
        <form method="get" action={OVERVIEW}>
          <input type="hidden" name="lang" value={ctx.locale} />
          <Select
            id="omrade"
            label={t('participation.lookup.area')}
            value={chosen}
            options={options}
            error={unknown ? t('participation.lookup.unknown') : undefined}
          />
          <button class="ds-button" type="submit" safe>
            {t('participation.lookup.submit')}
          </button>
        </form>
        <div aria-live="polite">{threshold ? <ThresholdText ctx={ctx} threshold={threshold} /> : ''}</div>
      </section>
      <section aria-labelledby="rule">
        <h2 class="ds-heading" data-size="sm" id="rule" safe>
          {t('participation.rule.title')}
        </h2>
        <p class="ds-paragraph" safe>
          {t('participation.rule.text')}
        </p>
        <p class="ds-paragraph" data-size="sm">
          <span safe>{t('participation.rule.source')}</span>{' '}
          <a class="ds-link" href={rule.url} lang="nb" safe>
            {`${rule.title} ${rule.section}`}
          </a>
        </p>
      </section>
      <section aria-labelledby="privacy">
        <h2 class="ds-heading" data-size="sm" id="privacy" safe>
          {t('participation.privacy.title')}
        </h2>
        <p class="ds-paragraph" safe>
          {t('participation.privacy.text')}
        </p>
      </section>
      <section aria-labelledby="denmark">
        <h2 class="ds-heading" data-size="sm" id="denmark" safe>
          {t('participation.denmark.title')}
        </h2>
        <p class="ds-paragraph" safe>
          {t('participation.denmark.text')}
        </p>
      </section>
    </Layout>
  );
}
