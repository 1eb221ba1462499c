/** A page with every chart of the kit in the real layout, for the browser test of the chart kit. */
import type { Locale } from '../src/platform/i18n/index.js';
import {
  BarChart,
  barChartData,
  ChartFigure,
  ChoroplethMap,
  choroplethData,
  downloadHref,
  LineChart,
  lineChartData,
  PopulationPyramid,
  pyramidData,
  type BarChartProps,
  type ChartData,
  type ChoroplethProps,
  type LineChartProps,
  type PopulationPyramidProps,
} from '../src/platform/ui/charts/index.js';
import type { PageContext } from '../src/platform/ui/context.js';
import { Layout } from '../src/platform/ui/layout.js';
import { readNorwegianMunicipalityBoundaries } from '../src/registry/index.js';

const ages = Array.from({ length: 106 }, (_, age) => (age === 105 ? '105+' : String(age)));
const years = Array.from({ length: 27 }, (_, i) => 2024 + i);
const groups = ['0', '1–5', '6–12', '13–15', '16–19', '20–44', '45–66', '67–79', '80–89', '90+'];
const boundaries = readNorwegianMunicipalityBoundaries();

/** Every chart of the kit, with made-up numbers, in the given language (the labels stay Norwegian: the kit does not translate). */
export function charts(locale: Locale): Record<string, { data: ChartData; chart: JSX.Element }> {
  const bell = (age: number, peak: number, spread: number) => Math.round(800 * Math.exp(-((age - peak) ** 2) / spread));
  const pyramid: PopulationPyramidProps = {
    id: 'pyramid',
    title: 'Befolkning etter kjønn og alder, 2024 og 2040',
    description: 'Menn til venstre, kvinner til høyre; 2024 som søyler, 2040 som strek.',
    locale,
    ages,
    series: [
      { key: '2024', label: '2024', male: ages.map((_, a) => bell(a, 40, 1200)), female: ages.map((_, a) => bell(a, 45, 1500)) },
      { key: '2040', label: '2040', male: ages.map((_, a) => bell(a, 55, 1400)), female: ages.map((_, a) => bell(a, 60, 1600)) },
    ],
    maleLabel: 'Menn',
    femaleLabel: 'Kvinner',
    ageLabel: 'Alder',
    valueLabel: 'personer',
  };
  const lines: LineChartProps = {
    id: 'lines',
    title: 'Aldersgrupper 2024–2050, indeks',
    description: 'Ti aldersgrupper med lav og høy framskriving som bånd.',
    locale,
    years,
    indexed: true,
    series: groups.map((label, g) => {
      const values = years.map((_, i) => 1000 * (1 + (g - 4) * 0.01 * i));
      return {
        key: `group_${g}`,
        label,
        values,
        low: values.map((v, i) => v * (1 - 0.004 * i)),
        high: values.map((v, i) => v * (1 + 0.005 * i)),
      };
    }),
    valueLabel: 'indeks, 2024 = 100',
    yearLabel: 'År',
    band: { label: 'Lav–høy', low: 'lav', high: 'høy' },
  };
  const bars: BarChartProps = {
    id: 'bars',
    title: 'Årsverk etter sektor',
    description: 'Behov for årsverk i 2030, 2040 og 2050.',
    locale,
    valueLabel: 'årsverk',
    categoryLabel: 'Sektor',
    fractionDigits: 1,
    categories: [
      { key: 'kindergarten', label: 'Barnehage' },
      { key: 'school', label: 'Grunnskole' },
      { key: 'care', label: 'Pleie og omsorg' },
    ],
    series: [
      { key: '2030', label: '2030', values: [120.5, 300, 1450] },
      { key: '2040', label: '2040', values: [110, 280, 1800] },
      { key: '2050', label: '2050', values: [100, 250, 2100] },
    ],
  };
  const map: ChoroplethProps = {
    id: 'map',
    title: 'Personer 20–66 per person 80+, 2040',
    description: 'Kommunene fargelagt etter forholdstallet; mørkere betyr flere i arbeidsfør alder.',
    locale,
    features: boundaries.features,
    values: new Map([...boundaries.features.keys()].map((code, i) => [code, i % 40 === 0 ? null : 2 + (Number(code) % 89) / 10])),
    href: (code) => `/kommune/${code}`,
    classes: { kind: 'quantile', count: 5 },
    valueLabel: 'Personer 20–66 per person 80+',
    nameLabel: 'Kommune',
    codeLabel: 'Kommunenummer',
    classLabels: { from: 'Klasse fra', to: 'Klasse til' },
    noDataLabel: 'Ingen data',
    fractionDigits: 1,
  };
  return {
    pyramid: { data: pyramidData(pyramid), chart: <PopulationPyramid {...pyramid} /> },
    lines: { data: lineChartData(lines), chart: <LineChart {...lines} /> },
    bars: { data: barChartData(bars), chart: <BarChart {...bars} /> },
    vertical: {
      data: barChartData({ ...bars, title: 'Årsverk etter sektor, stående' }),
      chart: <BarChart {...bars} id="vertical" title="Årsverk etter sektor, stående" orientation="vertical" />,
    },
    map: { data: choroplethData(map), chart: <ChoroplethMap {...map} /> },
  };
}

export function ChartsPage({ ctx }: { ctx: PageContext }) {
  const all = charts(ctx.locale);
  return (
    <Layout ctx={ctx} title="Diagrammer">
      <h1 class="ds-heading" data-size="lg">
        Diagrammer
      </h1>
      {Object.entries(all).map(([name, { data, chart }]) => (
        <ChartFigure
          data={data}
          locale={ctx.locale}
          tableSummary={name === 'pyramid' || name === 'map' ? 'Vis tabell' : undefined}
          rowHref={name === 'map' ? (row) => `/kommune/${String(row.code)}` : undefined}
          downloads={[
            { format: 'csv', href: downloadHref(ctx.url, 'csv', name), label: `${data.title}: CSV` },
            { format: 'json', href: downloadHref(ctx.url, 'json', name), label: `${data.title}: JSON` },
          ]}
        >
          {chart}
        </ChartFigure>
      ))}
    </Layout>
  );
}
