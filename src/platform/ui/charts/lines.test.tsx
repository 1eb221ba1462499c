import { describe, expect, it } from 'vitest';
import { chartDataToJson } from './data.js';
import { LineChart, lineChartData, lineChartGeometry, type LineChartProps } from './lines.js';
import { DASHES } from './style.js';
import { elements, texts } from './test-support.js';

const years = Array.from({ length: 27 }, (_, i) => 2024 + i);
const groups = ['0', '1–5', '6–12', '13–15', '16–19', '20–44', '45–66', '67–79', '80–89', '90+'];
const props: LineChartProps = {
  id: 'lines',
  title: 'Folketal etter aldersgruppe',
  description: 'Ti aldersgrupper frå 2024 til 2050, med låg og høg framskriving som band.',
  locale: 'nn',
  years,
  series: groups.map((label, g) => {
    const values = years.map((_, i) => 1000 + g * 50 + i * (g - 4) * 3);
    return { key: `g${g}`, label, values, low: values.map((v, i) => v - i * 4), high: values.map((v, i) => v + i * 5) };
  }),
  valueLabel: 'personar',
  yearLabel: 'År',
  band: { label: 'Låg–høg', low: 'låg', high: 'høg' },
};

describe('line chart with a band', () => {
  const geometry = lineChartGeometry(props);

  it('puts each point at its value on the scale, and each band between its low and high', () => {
    for (const [index, s] of geometry.series.entries()) {
      const source = props.series[index]!;
      expect(s.points.map((p) => p.value)).toEqual(source.values);
      for (const point of s.points) expect(point.y).toBeCloseTo(geometry.y(point.value), 6);
      expect(s.band).toHaveLength(years.length);
      s.band.forEach((band, i) => {
        expect(band.yLow).toBeCloseTo(geometry.y(source.low![i]!), 6);
        expect(band.yHigh).toBeCloseTo(geometry.y(source.high![i]!), 6);
        // SVG y grows downwards: low below the line, high above it.
        expect(band.yLow).toBeGreaterThanOrEqual(s.points[i]!.y);
        expect(band.yHigh).toBeLessThanOrEqual(s.points[i]!.y);
      });
    }
  });

  it('gives every series its own pair of dash pattern and marker, and a direct label at its end, apart from the others', () => {
    const pairs = new Set(geometry.series.map((s) => `${s.style.dash}|${s.style.marker}`));
    expect(pairs.size).toBe(groups.length);
    const ys = geometry.series.map((s) => s.endLabel!.y).sort((a, b) => a - b);
    ys.slice(1).forEach((y, i) => expect(y - ys[i]!).toBeGreaterThanOrEqual(15.9));
    const html = String(<LineChart {...props} />);
    expect(texts(html.slice(html.indexOf('<g class="chart__series">')), 'text')).toEqual(groups);
    expect(
      new Set(
        elements(html, 'path')
          .map((p) => p['stroke-dasharray'])
          .filter(Boolean),
      ),
    ).toEqual(new Set(DASHES.filter(Boolean)));
  });

  it('indexes each series and its band to its first year = 100', () => {
    const indexed = lineChartGeometry({ ...props, indexed: true });
    for (const s of indexed.series) expect(s.points[0]!.value).toBeCloseTo(100, 9);
    const data = lineChartData({ ...props, indexed: true });
    expect(data.rows[0]!.g9).toBe(100);
    expect(data.rows[26]!.g9_high).toBeCloseTo(((1450 + 26 * 15 + 26 * 5) / 1450) * 100, 9);
  });

  it('leaves the bands out when not asked for them', () => {
    const plain = lineChartGeometry({ ...props, band: undefined });
    expect(plain.series.every((s) => s.band.length === 0 && s.bandPath === '')).toBe(true);
    expect(lineChartData({ ...props, band: undefined }).columns).toHaveLength(1 + groups.length);
  });

  it('tables exactly the drawn values, years as they are', () => {
    const data = lineChartData(props);
    expect(data.columns.slice(0, 4).map((c) => [c.key, c.label])).toEqual([
      ['year', 'År'],
      ['g0', '0'],
      ['g0_low', '0, låg'],
      ['g0_high', '0, høg'],
    ]);
    geometry.series.forEach((s) => s.points.forEach((p, i) => expect(data.rows[i]![s.key]).toBe(p.value)));
    expect(JSON.parse(chartDataToJson(data)).rows[0].year).toBe(2024);
  });

  it('skips missing values instead of drawing them as zero', () => {
    const gappy = lineChartGeometry({ years: [2024, 2025, 2026], series: [{ key: 'a', label: 'a', values: [1, null, 3] }] });
    expect(gappy.series[0]!.points.map((p) => p.year)).toEqual([2024, 2026]);
  });

  it('escapes hostile series labels', () => {
    const html = String(<LineChart {...props} series={[{ key: 'x', label: '<script>x</script>', values: years.map(() => 1) }]} />);
    expect(html).not.toContain('<script>');
  });
});
