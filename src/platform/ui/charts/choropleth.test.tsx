import { describe, expect, it } from 'vitest';
import {
  ChoroplethMap,
  choroplethData,
  choroplethGeometry,
  choroplethLegend,
  classify,
  type ChoroplethProps,
  type MapFeature,
} from './choropleth.js';
import { chartDataToCsv } from './data.js';
import { SEQUENTIAL } from './style.js';
import { ChartTable } from './table.js';
import { elements, texts } from './test-support.js';

const square = (code: string, name: string, x: number, y: number): MapFeature => ({
  id: code,
  properties: { name },
  // Anticlockwise, as RFC 7946 writes exterior rings.
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + 1, y],
        [x + 1, y + 1],
        [x, y + 1],
        [x, y],
      ],
    ],
  },
});

const HOSTILE = '"><script>alert(1)</script>';
const features = [
  square('0301', 'Oslo', 10, 59),
  square('4601', 'Bergen', 5, 60),
  square('5001', HOSTILE, 10, 63),
  square('1806', 'Narvik', 17, 68),
];
const props: ChoroplethProps = {
  id: 'map',
  title: 'Personer 20–66 per person 80+, 2040',
  description: 'Kommunekart, mørkere betyr flere.',
  locale: 'nb',
  features,
  values: new Map([
    ['0301', 6.25],
    ['4601', 4.5],
    ['5001', 2.1],
  ]),
  href: (code) => `/kommune/${code}`,
  classes: { kind: 'threshold', breaks: [3, 5] },
  valueLabel: 'Personer 20–66 per person 80+',
  nameLabel: 'Kommune',
  codeLabel: 'Kommunenummer',
  classLabels: { from: 'Klasse fra', to: 'Klasse til' },
  noDataLabel: 'Ingen data',
  fractionDigits: 1,
};

describe('classes', () => {
  it('splits at the breaks, a value on a break going to the class above, and states each range from the lowest to the highest value', () => {
    const c = classify([1, 3, 4, 9], { kind: 'threshold', breaks: [3, 5] }, 'm');
    expect([1, 2.99, 3, 4.9, 5, 9].map(c.classOf)).toEqual([0, 0, 1, 1, 2, 2]);
    expect(c.classOf(null)).toBe(-1);
    expect(c.classes.map(({ from, to }) => [from, to])).toEqual([
      [1, 3],
      [3, 5],
      [5, 9],
    ]);
  });

  it('makes quantile classes of about equal size, darker for higher, without empty duplicates', () => {
    const values = Array.from({ length: 100 }, (_, i) => i);
    const c = classify(values, { kind: 'quantile', count: 5 }, 'm');
    const sizes = c.classes.map((_, k) => values.filter((v) => c.classOf(v) === k).length);
    expect(sizes.every((n) => n >= 19 && n <= 21)).toBe(true);
    expect(c.classes.map((k) => SEQUENTIAL.indexOf(k.colour as (typeof SEQUENTIAL)[number]))).toEqual([0, 2, 3, 5, 6]);
    expect(classify([1, 1, 1, 2, 2], { kind: 'quantile', count: 4 }, 'm').classes).toHaveLength(2);
  });
});

describe('choropleth map', () => {
  it('has one link per municipality, to its page, named by its name and value in the language’s format', () => {
    const html = String(<ChoroplethMap {...props} />);
    const links = elements(html, 'a');
    expect(links.map((a) => a.href)).toEqual(['/kommune/0301', '/kommune/4601', '/kommune/5001', '/kommune/1806']);
    expect(links.map((a) => a['aria-label'])).toEqual(['Oslo: 6,3', 'Bergen: 4,5', `${HOSTILE}: 2,1`, 'Narvik: Ingen data']);
    expect(html).not.toContain('"><script>');
    expect(html).toContain('aria-label="&#34;><script>alert(1)</script>: 2,1"');
    expect(elements(html, 'svg')[0]).toMatchObject({ role: 'group', 'aria-labelledby': 'map-title', 'aria-describedby': 'map-desc' });
  });

  it('fills each municipality by its class, hatching every other class and "no data"', () => {
    const html = String(<ChoroplethMap {...props} />);
    const fills = elements(html.slice(html.indexOf('<a ')), 'path').map((p) => p.fill);
    const palette = classify([2.1, 4.5, 6.25], props.classes, 'map').classes;
    expect(fills).toEqual([palette[2]!.colour, 'url(#map-class-1)', palette[0]!.colour, 'url(#map-nodata)']);
    expect(texts(html, 'span')).toEqual(['2,1–3', '3–5', '5–6,3', 'Ingen data']);
  });

  it('projects into the viewBox, turning wrongly wound rings the right way, with coordinates to a tenth', () => {
    const geometry = choroplethGeometry(props);
    const clockwise = choroplethGeometry({
      ...props,
      features: features.map(
        (f) => ({ ...f, geometry: { type: 'Polygon', coordinates: [[...f.geometry.coordinates[0]!].reverse()] } }) as MapFeature,
      ),
    });
    expect(clockwise.areas.map((a) => a.path)).toEqual(geometry.areas.map((a) => a.path));
    for (const area of geometry.areas) {
      const [, x, y] = /^M(-?[\d.]+),(-?[\d.]+)/.exec(area.path)!;
      expect(Number(x)).toBeGreaterThanOrEqual(0);
      expect(Number(x)).toBeLessThanOrEqual(480);
      expect(Number(y)).toBeGreaterThanOrEqual(0);
      expect(Number(y)).toBeLessThanOrEqual(geometry.height);
      expect(area.path).not.toMatch(/\d\.\d\d/);
    }
    // Narvik lies north of Oslo: smaller y.
    const y = (code: string) => Number(/^M[^,]+,([\d.]+)/.exec(geometry.areas.find((a) => a.code === code)!.path)![1]);
    expect(y('1806')).toBeLessThan(y('0301'));
  });

  it('tables and exports exactly each municipality’s value and class, by name', () => {
    const data = choroplethData(props);
    expect(chartDataToCsv(data)).toBe(
      'name,code,value,class_from,class_to\r\n"""><script>alert(1)</script>",5001,2.1,2.1,3\r\nBergen,4601,4.5,3,5\r\nNarvik,1806,,,\r\nOslo,0301,6.25,5,6.25\r\n',
    );
    const table = String(<ChartTable data={data} locale="nb" rowHref={(row) => props.href(String(row.code))} />);
    expect(elements(table, 'a').map((a) => a.href)).toEqual(['/kommune/5001', '/kommune/4601', '/kommune/1806', '/kommune/0301']);
    expect(table).not.toContain('<script>');
    expect(table).toContain('&lt;script>alert(1)&lt;/script>');
    expect(choroplethLegend(props)).toHaveLength(4);
  });
});
