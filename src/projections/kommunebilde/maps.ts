/**
 * The choropleth maps' props: Norway's municipalities for one indicator and year, Denmark's by
 * population. The outlines are read once per process and the same features object is passed on
 * every render, so the chart kit projects them once.
 */
import type { Translate, Locale } from '../../platform/i18n/index.js';
import type { ChartData } from '../../platform/ui/charts/data.js';
import { choroplethGeometry, type ChoroplethProps, type MapFeature } from '../../platform/ui/charts/choropleth.js';
import { readDanishMunicipalityBoundaries, readNorwegianMunicipalityBoundaries, type Boundaries } from '../../registry/index.js';
import { INDICATOR_DIGITS, type Indicator } from '../engine/indicators.js';

let norway: Boundaries | undefined;
let denmark: Boundaries | undefined;

export function norwegianBoundaries(): Boundaries {
  return (norway ??= readNorwegianMunicipalityBoundaries());
}

export function danishBoundaries(): Boundaries {
  return (denmark ??= readDanishMunicipalityBoundaries());
}

interface Named {
  signature: string;
  features: ReadonlyMap<string, MapFeature>;
}
const named = new Map<Boundaries, Named>();

/**
 * The outlines with the names the pages use (the registry's official form, e.g. "Nordreisa – Ráisa
 * – Raisi", where the boundary file writes hyphens), so that the map's links are named as the
 * table's rows. The same object is returned while the names stay the same, so the projection is
 * computed once.
 */
export function namedFeatures(boundaries: Boundaries, names: ReadonlyMap<string, string>): ReadonlyMap<string, MapFeature> {
  const signature = [...names].map(([code, name]) => `${code}=${name}`).join('\n');
  const known = named.get(boundaries);
  if (known?.signature === signature) return known.features;
  const features = new Map(
    [...boundaries.features].map(([code, f]) => [
      code,
      { ...f, properties: { ...f.properties, name: names.get(code) ?? f.properties.name } },
    ]),
  );
  named.set(boundaries, { signature, features });
  return features;
}

/** A value as the table shows it: rounded to the indicator's decimals, `null` when there is none. */
function shown(value: number | null | undefined, digits: number): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return Math.round(value * 10 ** digits) / 10 ** digits;
}

export interface NorwayMapInput {
  indicator: Indicator;
  year: number;
  /** The indicator's label with its unit. */
  label: string;
  values: ReadonlyMap<string, number>;
  /** The municipalities' names by code, as the table writes them. */
  names: ReadonlyMap<string, string>;
}

export function norwayMapProps(input: NorwayMapInput, t: Translate, locale: Locale): ChoroplethProps {
  const digits = INDICATOR_DIGITS[input.indicator];
  return {
    id: 'map',
    title: `${input.label}, ${input.year}`,
    description: t('kommune.map.description', { indicator: input.label, year: input.year }),
    locale,
    features: namedFeatures(norwegianBoundaries(), input.names),
    values: new Map([...input.values].map(([code, value]) => [code, shown(value, digits)])),
    href: (code) => `/kommune/${code}?lang=${locale}`,
    classes: { kind: 'quantile', count: 5 },
    valueLabel: input.label,
    nameLabel: t('kommune.col.municipality'),
    codeLabel: t('kommune.col.code'),
    classLabels: { from: t('kommune.map.classFrom'), to: t('kommune.map.classTo') },
    noDataLabel: t('kommune.map.noData'),
    fractionDigits: digits,
  };
}

/** The id of a Danish municipality's row in the table, which its area on the map links to. */
export const danishRowId = (code: string) => `dk-${code}`;

/** Denmark's map of the population in the table's last year (the same numbers as its column). */
export function denmarkMapProps(table: ChartData, t: Translate, locale: Locale): ChoroplethProps {
  const column = table.columns.filter((c) => c.key.startsWith('population_')).at(-1)!;
  const year = column.key.slice('population_'.length);
  const values = new Map(
    table.rows.map((row) => [String(row.code), typeof row[column.key] === 'number' ? (row[column.key] as number) : null]),
  );
  return {
    id: 'denmark-map',
    title: table.title,
    description: t('kommune.denmark.mapDescription', { year }),
    locale,
    features: namedFeatures(danishBoundaries(), new Map(table.rows.map((row) => [String(row.code), String(row.name)]))),
    values,
    href: (code) => `/danmark?lang=${locale}#${danishRowId(code)}`,
    classes: { kind: 'quantile', count: 5 },
    valueLabel: column.label,
    nameLabel: t('kommune.col.municipality'),
    codeLabel: t('kommune.col.code'),
    classLabels: { from: t('kommune.map.classFrom'), to: t('kommune.map.classTo') },
    noDataLabel: t('kommune.map.noData'),
  };
}

/**
 * Reads and projects both countries' outlines (about 0.3 s each), so that the first visitor of
 * /kart or /danmark does not wait for it: the names are those the pages will pass.
 */
export function warmUpMaps(norwegianNames: ReadonlyMap<string, string>, danishNames: ReadonlyMap<string, string>): void {
  for (const [boundaries, names] of [
    [norwegianBoundaries(), norwegianNames],
    [danishBoundaries(), danishNames],
  ] as const) {
    choroplethGeometry({
      id: 'warm-up',
      features: namedFeatures(boundaries, names),
      values: new Map(),
      classes: { kind: 'quantile', count: 5 },
    });
  }
}
