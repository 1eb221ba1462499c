/** Up to five municipalities side by side, and the same set summed as one. */
import { ChartFigure } from '../../../platform/ui/charts/figure.js';
import type { ChartData } from '../../../platform/ui/charts/data.js';
import { PageHeading } from '../../../platform/ui/components.js';
import type { PageContext } from '../../../platform/ui/context.js';
import { Layout } from '../../../platform/ui/layout.js';
import { MAX_COMPARED } from '../comparison.js';
import { SCENARIOS, type ScenarioName } from '../../engine/model.js';
import type { MunicipalityEntry } from '../service.js';
import { chartDownloads, ChartSections, Headlines, OverviewLinks, type OverviewCharts } from './sections.js';

export interface ComparePageProps {
  ctx: PageContext;
  municipalities: readonly MunicipalityEntry[];
  chosen: readonly string[];
  summed: boolean;
  scenario: ScenarioName;
  sideBySide?: ChartData;
  sum?: { title: string; sentences: readonly string[]; charts: OverviewCharts };
}

export function ComparePage({ ctx, municipalities, chosen, summed, scenario, sideBySide, sum }: ComparePageProps) {
  const { t } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={t('kommune.compare.title')}
      crumbs={[{ label: t('kommune.index.title'), href: `/kommune?lang=${ctx.locale}` }, { label: t('kommune.compare.title') }]}
    >
      <PageHeading title={t('kommune.compare.title')} lead={t('kommune.compare.lead')} />
      <form method="get" action="/kommune/sammenlign" class="ds-card">
        <input type="hidden" name="lang" value={ctx.locale} />
        {Array.from({ length: MAX_COMPARED }, (_, i) => (
          <div class="ds-field">
            <label class="ds-label" for={`compare-${i + 1}`} safe>
              {t('kommune.compare.field', { n: i + 1 })}
            </label>
            <select class="ds-input" id={`compare-${i + 1}`} name="k">
              <option value="" safe>
                {t('kommune.compare.choose')}
              </option>
              {municipalities.map((m) => (
                <option value={m.code} selected={chosen[i] === m.code} safe>
                  {`${m.name} (${m.code})`}
                </option>
              ))}
            </select>
          </div>
        ))}
        <div class="ds-field">
          <label class="ds-label" for="compare-scenario" safe>
            {t('kommune.scenario.alternative')}
          </label>
          <select class="ds-input" id="compare-scenario" name="scenario">
            {SCENARIOS.map((s) => (
              <option value={s} selected={s === scenario} safe>
                {t(`kommune.scenario.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="ds-field">
          <input class="ds-input" type="checkbox" id="compare-summed" name="summed" value="1" checked={summed} />
          <label class="ds-label" for="compare-summed" safe>
            {t('kommune.compare.summed')}
          </label>
        </div>
        <p>
          <button class="ds-button" type="submit" safe>
            {t('kommune.compare.submit')}
          </button>
        </p>
      </form>
      {sideBySide ? (
        <section aria-labelledby="side-heading">
          <h2 class="ds-heading" data-size="sm" id="side-heading" safe>
            {sideBySide.title}
          </h2>
          <ChartFigure data={sideBySide} locale={ctx.locale} downloads={chartDownloads(ctx, sideBySide.title, 'compare')} />
        </section>
      ) : (
        <p class="ds-paragraph" safe>
          {t('kommune.compare.none')}
        </p>
      )}
      {sum ? (
        <section aria-labelledby="sum-heading">
          <h2 class="ds-heading" data-size="md" id="sum-heading" safe>
            {sum.title}
          </h2>
          <Headlines ctx={ctx} sentences={sum.sentences} />
          <ChartSections ctx={ctx} charts={sum.charts} />
        </section>
      ) : (
        ''
      )}
      <OverviewLinks ctx={ctx} />
    </Layout>
  );
}
