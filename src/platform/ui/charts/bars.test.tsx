import { describe, expect, it } from 'vitest';
import { BarChart, barChartData, barChartGeometry, type BarChartProps } from './bars.js';
import { chartDataToCsv } from './data.js';
import { elements, texts } from './test-support.js';

const props: BarChartProps = {
  id: 'staff',
  title: 'Årsverk etter sektor',
  description: 'Behov for årsverk i barnehage, skole og omsorg i 2030, 2040 og 2050.',
  locale: 'da',
  categories: [
    { key: 'kindergarten', label: 'Barnehage' },
    { key: 'school', label: 'Grunnskole' },
    { key: 'care', label: 'Pleie og omsorg i og utenfor institusjon' },
  ],
  series: [
    { key: '2030', label: '2030', values: [120.5, 300, 1450] },
    { key: '2040', label: '2040', values: [110, 280, 1800] },
    { key: '2050', label: '2050', values: [100, null, 2100] },
  ],
  valueLabel: 'årsverk',
  categoryLabel: 'Sektor',
  fractionDigits: 1,
};

describe.each(['horizontal', 'vertical'] as const)('grouped %s bar chart', (orientation) => {
  const geometry = barChartGeometry({ ...props, orientation });
  const length = (bar: (typeof geometry.bars)[number]) => (orientation === 'horizontal' ? bar.width : bar.height);

  it('draws a bar per value, as long as the value on the scale, and none for a missing value', () => {
    expect(geometry.bars).toHaveLength(8);
    for (const bar of geometry.bars) expect(length(bar)).toBeCloseTo(Math.abs(geometry.position(bar.value) - geometry.position(0)), 6);
    const care = geometry.bars.filter((b) => b.category === 'care').map(length);
    expect(care[2]! / care[0]!).toBeCloseTo(2100 / 1450, 6);
    expect(geometry.bars.some((b) => b.category === 'school' && b.series === '2050')).toBe(false);
  });

  it('labels every bar with its value in the language’s format and fills each series with its own pattern', () => {
    const html = String(<BarChart {...props} orientation={orientation} />);
    expect(texts(html.slice(html.indexOf('chart__values')), 'text').slice(0, 8)).toEqual([
      '120,5',
      '110',
      '100',
      '300',
      '280',
      '1.450',
      '1.800',
      '2.100',
    ]);
    const fills = new Set(
      elements(html, 'rect')
        .map((r) => r.fill)
        .filter((f) => f?.startsWith('url(')),
    );
    expect(fills).toEqual(new Set(['url(#staff-hatch)', 'url(#staff-dots)']));
    expect(html).toContain('<pattern id="staff-hatch"');
  });
});

describe('bar chart data', () => {
  it('tables and exports exactly the bars’ values', () => {
    const data = barChartData(props);
    const geometry = barChartGeometry(props);
    for (const bar of geometry.bars) {
      const row = data.rows[props.categories.findIndex((c) => c.key === bar.category)]!;
      expect(row[bar.series]).toBe(bar.value);
    }
    expect(chartDataToCsv(data)).toBe(
      'category,2030,2040,2050\r\nBarnehage,120.5,110,100\r\nGrunnskole,300,280,\r\nPleie og omsorg i og utenfor institusjon,1450,1800,2100\r\n',
    );
  });

  it('escapes hostile category names', () => {
    const html = String(
      <BarChart {...props} categories={[{ key: 'x', label: '<img src=x onerror=alert(1)>' }, ...props.categories.slice(1)]} />,
    );
    expect(html).not.toContain('<img');
  });
});
