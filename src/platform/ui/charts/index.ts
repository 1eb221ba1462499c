/** Server-rendered SVG charts: pure functions from typed data to JSX, each with its data table and downloads. */
export {
  chartDataToCsv,
  chartDataToJson,
  chartDownload,
  formatCell,
  type ChartCell,
  type ChartColumn,
  type ChartData,
  type ChartDownload,
  type ChartRow,
  type DownloadFormat,
} from './data.js';
export { ChartFigure, DownloadLinks, downloadHref, type ChartFigureProps, type DownloadLink } from './figure.js';
export { Legend, SwatchGraphic, type LegendItem, type Swatch } from './legend.js';
export {
  PopulationPyramid,
  pyramidData,
  pyramidGeometry,
  pyramidLegend,
  type PopulationPyramidProps,
  type PyramidSeries,
} from './pyramid.js';
export type { ChartBaseProps } from './svg.js';
export { ChartTable, type ChartTableProps } from './table.js';
export {
  LineChart,
  displayedSeries,
  lineChartData,
  lineChartGeometry,
  lineLegend,
  type BandLabels,
  type LineChartProps,
  type LineSeries,
} from './lines.js';
export { BarChart, barChartData, barChartGeometry, barLegend, type BarCategory, type BarChartProps, type BarSeries } from './bars.js';
export {
  ChoroplethMap,
  choroplethData,
  choroplethGeometry,
  choroplethLegend,
  classify,
  classRange,
  type ChoroplethProps,
  type Classification,
  type MapClass,
  type MapClasses,
  type MapFeature,
} from './choropleth.js';
