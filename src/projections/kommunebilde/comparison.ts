/**
 * Side by side: a few municipalities' key figures in one table (rows are measures, columns the
 * municipalities), and the map's table of one indicator for all. ChartData, so the table, the
 * CSV and the JSON are the same numbers.
 */
import { formatNumber, type Locale, type Translate } from '../../platform/i18n/index.js';
import type { ChartData, ChartRow } from '../../platform/ui/charts/data.js';
import { AGE_GROUPS, careFte, figuresIn, percentChange, type AreaFigures } from '../engine/figures.js';
import { ageLabel } from './chart-data.js';
import type { DanishMunicipality } from './service.js';
import { INDICATOR_DIGITS, indicatorValue, type Indicator, type IndicatorRow } from '../engine/indicators.js';

export const MAX_COMPARED = 5;

export interface NamedFigures {
  readonly code: string;
  readonly name: string;
  readonly figures: AreaFigures;
}

const round = (value: number, digits: number) => (Number.isFinite(value) ? Math.round(value * 10 ** digits) / 10 ** digits : null);

export function comparisonChart(areas: readonly NamedFigures[], year: number, t: Translate): ChartData {
  const first = areas[0]?.figures;
  const base = first?.baseYear ?? year;
  const measures: { key: string; label: string; digits: number; value: (f: AreaFigures) => number }[] = [
    { key: 'population_base', label: t('kommune.col.population', { year: base }), digits: 0, value: (f) => figuresIn(f, base).total },
    { key: 'population_year', label: t('kommune.col.population', { year }), digits: 0, value: (f) => figuresIn(f, year).total },
    { key: 'growth', label: t('kommune.indicator.growth', { baseYear: base }), digits: 1, value: (f) => indicatorValue(f, 'growth', year) },
    { key: 'per80_base', label: `${t('kommune.ratio.per80')} ${base}`, digits: 1, value: (f) => figuresIn(f, base).workingAgePer80Plus },
    { key: 'per80_year', label: `${t('kommune.ratio.per80')} ${year}`, digits: 1, value: (f) => figuresIn(f, year).workingAgePer80Plus },
    { key: 'per67_year', label: `${t('kommune.ratio.per67')} ${year}`, digits: 1, value: (f) => figuresIn(f, year).workingAgePer67Plus },
    {
      key: 'share80_year',
      label: `${t('kommune.indicator.share80Plus')} ${year}`,
      digits: 1,
      value: (f) => indicatorValue(f, 'share80Plus', year),
    },
    {
      key: 'fte_per_1000_year',
      label: `${t('kommune.staffing.per1000')} ${year}`,
      digits: 0,
      value: (f) => figuresIn(f, year).staffing.ftePer1000WorkingAge,
    },
    {
      key: 'care_fte_change',
      label: `${t('kommune.area.hjemmetjenester')} + ${t('kommune.area.institusjon')}, ${t('kommune.col.change', { from: base, to: year })} (%)`,
      digits: 1,
      value: (f) => percentChange(careFte(figuresIn(f, base)), careFte(figuresIn(f, year))),
    },
  ];
  return {
    title: t('kommune.compare.sideBySide', { year }),
    columns: [
      { key: 'measure', label: t('kommune.col.measure'), rowHeader: true },
      ...areas.map((a) => ({ key: `k${a.code}`, label: a.name, fractionDigits: 1 })),
    ],
    rows: measures.map(
      (m): ChartRow => ({ measure: m.label, ...Object.fromEntries(areas.map((a) => [`k${a.code}`, round(m.value(a.figures), m.digits)])) }),
    ),
  };
}

export interface MapTableLabels {
  title: string;
  indicator: string;
}

/** The map's table: one row per municipality, in the order given (sorted by the caller). */
export function indicatorChart(
  rows: readonly (IndicatorRow & { countyName: string })[],
  indicator: Indicator,
  labels: MapTableLabels,
  t: Translate,
): ChartData {
  const digits = INDICATOR_DIGITS[indicator];
  return {
    title: labels.title,
    columns: [
      { key: 'name', label: t('kommune.col.municipality'), rowHeader: true },
      { key: 'code', label: t('kommune.col.code') },
      { key: 'county', label: t('kommune.col.county') },
      { key: 'value', label: labels.indicator, fractionDigits: digits },
    ],
    rows: rows.map((r) => ({ name: r.name, code: r.code, county: r.countyName, value: round(r.value, digits) })),
  };
}

/** Denmark's municipalities: population in the first and last year there is, and the change. */
export function danishChart(municipalities: readonly DanishMunicipality[], t: Translate): ChartData {
  const years = municipalities.flatMap((m) => m.totals.map((p) => p.year));
  const first = Math.min(...years);
  const last = Math.max(...years);
  const persons = (m: DanishMunicipality, year: number) => m.totals.find((p) => p.year === year)?.persons ?? Number.NaN;
  return {
    title: t('kommune.denmark.map', { year: last }),
    columns: [
      { key: 'name', label: t('kommune.col.municipality'), rowHeader: true },
      { key: 'code', label: t('kommune.col.code') },
      { key: 'region', label: 'Region' },
      { key: `population_${first}`, label: t('kommune.col.population', { year: first }) },
      { key: `population_${last}`, label: t('kommune.col.population', { year: last }) },
      { key: 'change', label: `${t('kommune.col.change', { from: first, to: last })} (%)`, fractionDigits: 1 },
    ],
    rows: municipalities.map((m) => ({
      name: m.name,
      code: m.code,
      region: m.regionName,
      [`population_${first}`]: round(persons(m, first), 0),
      [`population_${last}`]: round(persons(m, last), 0),
      change: round(percentChange(persons(m, first), persons(m, last)), 1),
    })),
  };
}

/** One Danish municipality's population 1 January of each year there is. */
export function danishPopulationChart(municipality: DanishMunicipality, t: Translate): ChartData {
  return {
    title: t('kommune.danish.population', { name: municipality.name }),
    columns: [
      { key: 'year', label: t('kommune.col.year'), rowHeader: true },
      { key: 'population', label: t('kommune.danish.persons') },
    ],
    rows: municipality.totals.map((p) => ({ year: String(p.year), population: p.persons })),
  };
}

/** The change from the first year to the last, as a sentence. */
export function danishPopulationSummary(municipality: DanishMunicipality, t: Translate, locale: Locale): string {
  const first = municipality.totals[0];
  const last = municipality.totals.at(-1);
  if (!first || !last) return t('kommune.danish.noPopulation');
  const change = percentChange(first.persons, last.persons);
  return t('kommune.danish.summary', {
    name: municipality.name,
    from: first.year,
    to: last.year,
    first: formatNumber(locale, first.persons, 0),
    last: formatNumber(locale, last.persons, 0),
    percent: `${change > 0 ? '+' : change < 0 ? '−' : ''}${formatNumber(locale, Math.abs(change), 1)}`,
  });
}

/** A municipality's population in the age groups of the Norwegian pages, men and women, on 1 January of its latest year. */
export interface AgeProfile {
  readonly year: number;
  readonly male: readonly number[];
  readonly female: readonly number[];
}

export function danishAgeChart(name: string, profile: AgeProfile, t: Translate): ChartData {
  const inGroup = (cells: readonly number[], [from, to]: readonly [number, number]) => cells.slice(from, to + 1).reduce((a, b) => a + b, 0);
  return {
    title: t('kommune.danish.ages', { name, year: profile.year }),
    columns: [
      { key: 'age_group', label: t('kommune.col.group'), rowHeader: true },
      { key: 'men', label: t('kommune.col.men', { year: profile.year }) },
      { key: 'women', label: t('kommune.col.women', { year: profile.year }) },
    ],
    rows: AGE_GROUPS.map((group) => ({
      age_group: ageLabel(group),
      men: inGroup(profile.male, group),
      women: inGroup(profile.female, group),
    })),
  };
}
