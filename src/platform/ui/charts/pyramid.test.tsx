import { describe, expect, it } from 'vitest';
import { chartDataToCsv } from './data.js';
import { PopulationPyramid, pyramidData, pyramidGeometry, type PopulationPyramidProps } from './pyramid.js';
import { ChartTable } from './table.js';
import { elements, texts, withoutAttributeValues } from './test-support.js';

const ages = Array.from({ length: 106 }, (_, age) => (age === 105 ? '105+' : String(age)));
const props: PopulationPyramidProps = {
  id: 'pyr',
  title: 'Befolkning etter alder',
  description: 'Menn til venstre, kvinner til høyre, 2024 som søyler og 2040 som strek.',
  locale: 'nb',
  ages,
  series: [
    { key: '2024', label: '2024', male: ages.map((_, a) => 1000 - a * 9), female: ages.map((_, a) => 980 - a * 8) },
    { key: '2040', label: '2040', male: ages.map((_, a) => 900 - a * 7), female: ages.map((_, a) => 1200 - a * 10) },
  ],
  maleLabel: 'Menn',
  femaleLabel: 'Kvinner',
  ageLabel: 'Alder',
  valueLabel: 'personer',
};

describe('population pyramid', () => {
  const geometry = pyramidGeometry(props);

  it('makes each bar as long as its value on the shared scale, men leftwards from the centre and women rightwards', () => {
    expect(geometry.bars).toHaveLength(2 * ages.length);
    for (const bar of geometry.bars) {
      expect(bar.width).toBeCloseTo(geometry.length(bar.value), 6);
      if (bar.sex === 'male') expect(bar.x + bar.width).toBeCloseTo(geometry.centreLeft, 6);
      else expect(bar.x).toBeCloseTo(geometry.centreRight, 6);
    }
    const [age0, age50] = [
      geometry.bars.find((b) => b.age === '0' && b.sex === 'male')!,
      geometry.bars.find((b) => b.age === '50' && b.sex === 'male')!,
    ];
    expect(age0.width / age50.width).toBeCloseTo(1000 / 550, 6);
  });

  it('puts the youngest at the bottom', () => {
    const y = (age: string) => geometry.bars.find((b) => b.age === age)!.y;
    expect(y('0')).toBeGreaterThan(y('50'));
    expect(y('50')).toBeGreaterThan(y('105+'));
  });

  it('draws the bars it computed, and the second year as a stroked outline per sex', () => {
    const html = String(<PopulationPyramid {...props} />);
    const rects = elements(html.slice(html.indexOf('<g class="chart__bars"'), html.indexOf('</svg>')), 'rect');
    expect(rects.map((r) => Number(r.width))).toEqual(geometry.bars.map((b) => Math.round(b.width * 10) / 10));
    expect(elements(html, 'path').filter((p) => p.stroke === '#292c30')).toHaveLength(2);
    expect(texts(html, 'span')).toEqual(['Menn 2024', 'Kvinner 2024', '2040']);
  });

  it('is an image named by its title and described by its desc', () => {
    const html = String(<PopulationPyramid {...props} />);
    const [svg] = elements(html, 'svg');
    expect(svg).toMatchObject({
      role: 'img',
      'aria-labelledby': 'pyr-title',
      'aria-describedby': 'pyr-desc',
      viewBox: expect.stringMatching(/^0 0 640 \d+/),
      width: '100%',
    });
    expect(html).toContain('<title id="pyr-title">Befolkning etter alder</title>');
    expect(html).not.toContain('style=');
  });

  it('has a table and downloads with exactly the values drawn', () => {
    const data = pyramidData(props);
    expect(data.columns.map((c) => c.key)).toEqual(['age', 'male_2024', 'female_2024', 'male_2040', 'female_2040']);
    expect(data.rows[50]).toEqual({ age: '50', male_2024: 550, female_2024: 580, male_2040: 550, female_2040: 700 });
    for (const bar of geometry.bars) expect(data.rows[ages.indexOf(bar.age)]![`${bar.sex}_2024`]).toBe(bar.value);
    expect(chartDataToCsv(data).split('\r\n')[1]).toBe('0,1000,980,900,1200');
    const table = String(<ChartTable data={data} locale="nb" />);
    expect(elements(table, 'th').filter((th) => th.scope === 'row')).toHaveLength(106);
    expect(texts(table, 'th')[1]).toBe('Menn 2024 (personer)');
    expect(table).toContain('<td class="numeric">1\u00a0200</td>');
  });

  it('escapes hostile labels everywhere', () => {
    const hostile = '"><script>alert(1)</script>';
    const evil = { ...props, title: hostile, maleLabel: hostile, ages: ages.map((a) => (a === '0' ? hostile : a)) };
    const html = String(<PopulationPyramid {...evil} />) + String(<ChartTable data={pyramidData(evil)} locale="nb" />);
    expect(withoutAttributeValues(html)).not.toContain('<script>');
    expect(html).toContain('&lt;script>');
    expect(html).toContain('aria-label="&#34;><script>');
  });

  it('refuses series that do not match the age groups', () => {
    expect(() => pyramidGeometry({ ages, series: [{ key: 'x', label: 'x', male: [1], female: [1] }] })).toThrow(RangeError);
  });
});
