/**
 * The numbers each chart of the overview shows, as the chart kit's ChartData: the same table is
 * drawn, shown as a data table and downloaded as CSV or JSON.
 */
import type { ChartData, ChartRow } from '../../platform/ui/charts/data.js';
import type { Locale, Translate } from '../../platform/i18n/index.js';
import type { LineChartProps } from '../../platform/ui/charts/lines.js';
import { AGE_GROUPS, PYRAMID_BANDS, STAFFING_YEARS, figuresIn, type AgeRange, type AreaFigures } from '../engine/figures.js';
import { LEGAL_MINIMUM_AREAS, SERVICE_AREAS } from '../engine/staffing.js';
import type { Outlook } from './service.js';

export const CHARTS = ['pyramid', 'age-groups', 'staffing', 'ratios'] as const;
export type ChartName = (typeof CHARTS)[number];

export function ageLabel([from, to]: AgeRange): string {
  if (to >= 105) return `${from}+`;
  return from === to ? String(from) : `${from}–${to}`;
}

export function ageKey([from, to]: AgeRange): string {
  return to >= 105 ? `${from}plus` : from === to ? `${from}` : `${from}_${to}`;
}

/** Years of the staffing and ratio tables: the base year and 2030/2040/2050. */
export function reportYears(figures: AreaFigures): number[] {
  return [figures.baseYear, ...STAFFING_YEARS.filter((y) => y > figures.baseYear && y <= figures.endYear)];
}

export interface PyramidSeriesData {
  key: string;
  label: string;
  male: number[];
  female: number[];
}

/** The pyramid's series: the base year (bars) and the chosen year (outline). */
export function pyramidSeries(figures: AreaFigures, year: number): PyramidSeriesData[] {
  return [figures.baseYear, year].map((y) => {
    const f = figuresIn(figures, y);
    return { key: String(y), label: String(y), male: [...f.male], female: [...f.female] };
  });
}

export const PYRAMID_AGES: readonly string[] = PYRAMID_BANDS.map(ageLabel);

/** The age groups' lines from the base year to the end year, indexed to the base year, with the low–high band. */
export function ageGroupsChart(outlook: Outlook, t: Translate, locale: Locale): LineChartProps {
  const { selected, low, high } = outlook;
  const base = selected.baseYear;
  return {
    id: 'age-groups',
    title: t('kommune.ageGroups.heading', { from: base, to: selected.endYear }),
    description: t('kommune.ageGroups.description', { base, end: selected.endYear }),
    locale,
    years: selected.years.map((y) => y.year),
    series: AGE_GROUPS.map((group, g) => ({
      key: `age_${ageKey(group)}`,
      label: ageLabel(group),
      values: selected.years.map((y) => Math.round(y.ageGroups[g]!)),
      low: low.years.map((y) => Math.round(y.ageGroups[g]!)),
      high: high.years.map((y) => Math.round(y.ageGroups[g]!)),
    })),
    valueLabel: t('kommune.ageGroups.index', { base }),
    yearLabel: t('kommune.col.year'),
    indexed: true,
    band: { label: t('kommune.band.label'), low: t('kommune.col.low'), high: t('kommune.col.high') },
  };
}

export function staffingChart(figures: AreaFigures, t: Translate): ChartData {
  const years = reportYears(figures);
  const columns = [
    { key: 'area', label: t('kommune.col.area'), rowHeader: true },
    ...years.flatMap((year) => [
      { key: `users_${year}`, label: t('kommune.col.users', { year }) },
      { key: `fte_${year}`, label: t('kommune.col.fte', { year }) },
    ]),
  ];
  const areaRow = (label: string, users: (y: number) => number | null, fte: (y: number) => number): ChartRow => {
    const row: Record<string, number | string | null> = { area: label };
    for (const year of years) {
      const u = users(year);
      row[`users_${year}`] = u === null ? null : Math.round(u);
      row[`fte_${year}`] = Math.round(fte(year));
    }
    return row;
  };
  const rows = [
    ...SERVICE_AREAS.map((area) =>
      areaRow(
        t(`kommune.area.${area}`),
        (y) => figuresIn(figures, y).staffing.users[area],
        (y) => figuresIn(figures, y).staffing.fte[area],
      ),
    ),
    ...LEGAL_MINIMUM_AREAS.map((area) =>
      areaRow(
        t('kommune.staffing.legalMinimum', { area: t(`kommune.area.${area}`) }),
        () => null,
        (y) => figuresIn(figures, y).staffing.legalMinimum[area],
      ),
    ),
    areaRow(
      t('kommune.staffing.total'),
      () => null,
      (y) => figuresIn(figures, y).staffing.fteTotal,
    ),
  ];
  return { title: t('kommune.staffing.heading'), columns, rows };
}

export function ratiosChart(figures: AreaFigures, t: Translate): ChartData {
  const round1 = (v: number) => Math.round(v * 10) / 10;
  const rows = reportYears(figures).map((year) => {
    const f = figuresIn(figures, year);
    return {
      year: String(year),
      per80: round1(f.workingAgePer80Plus),
      per67: round1(f.workingAgePer67Plus),
      fte_per_1000: Math.round(f.staffing.ftePer1000WorkingAge),
    };
  });
  return {
    title: t('kommune.ratios.heading'),
    columns: [
      { key: 'year', label: t('kommune.col.year'), rowHeader: true },
      { key: 'per80', label: t('kommune.ratio.per80'), fractionDigits: 1 },
      { key: 'per67', label: t('kommune.ratio.per67'), fractionDigits: 1 },
      { key: 'fte_per_1000', label: t('kommune.staffing.per1000') },
    ],
    rows,
  };
}
