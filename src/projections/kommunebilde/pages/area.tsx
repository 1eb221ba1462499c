/** The overview of one municipality, or of an area summed from several (county, country, a set). */
import { PageHeading } from '../../../platform/ui/components.js';
import type { Crumb } from '../../../platform/ui/components.js';
import type { PageContext } from '../../../platform/ui/context.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { Rank } from '../../engine/indicators.js';
import type { ScenarioParams } from '../scenario-query.js';
import type { Outlook, ScenarioChoice } from '../service.js';
import { ChartSections, Headlines, OverviewLinks, Ranks, ScenarioPanel, type OverviewCharts, type ScenarioPanelProps } from './sections.js';

export interface AreaPageProps {
  ctx: PageContext;
  title: string;
  lead: string;
  crumbs: Crumb[];
  /** The page's own path, the scenario form's action. */
  path: string;
  outlook: Outlook;
  charts: OverviewCharts;
  sentences: readonly string[];
  choice: ScenarioChoice;
  params: ScenarioParams;
  year: number;
  ranks?: { all: Rank; county: Rank; indicatorLabel: string };
  hidden?: readonly (readonly [string, string])[];
  migration: ScenarioPanelProps['migration'];
}

export function AreaPage(props: AreaPageProps) {
  const { ctx, title, lead, crumbs, outlook, charts } = props;
  const years = outlook.selected.years.slice(1).map((y) => y.year);
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs}>
      <PageHeading title={title} lead={lead} />
      <Headlines ctx={ctx} sentences={props.sentences} />
      {props.ranks ? <Ranks ctx={ctx} {...props.ranks} /> : ''}
      <ScenarioPanel
        ctx={ctx}
        action={props.path}
        choice={props.choice}
        params={props.params}
        year={props.year}
        years={years}
        hidden={props.hidden}
        migration={props.migration}
      />
      <ChartSections ctx={ctx} charts={charts} />
      <OverviewLinks ctx={ctx} />
    </Layout>
  );
}
