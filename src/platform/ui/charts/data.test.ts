import { describe, expect, it } from 'vitest';
import { chartDataToCsv, chartDataToJson, chartDownload, formatCell, type ChartData } from './data.js';

const data: ChartData = {
  title: 'Folketal',
  columns: [
    { key: 'name', label: 'Kommune', rowHeader: true },
    { key: 'persons', label: 'Personar', unit: 'personar' },
    { key: 'ratio', label: 'Forhold', fractionDigits: 1 },
  ],
  rows: [
    { name: 'Oslo', persons: 717710, ratio: 4.25 },
    { name: 'Aurskog-Høland, "gamle"', persons: 17900, ratio: null },
    { name: 'Linje\nskift', persons: -3, ratio: 0.5 },
  ],
};

describe('CSV', () => {
  it('has a header of keys, plain numbers with point decimals and RFC 4180 quoting, CRLF line ends', () => {
    expect(chartDataToCsv(data)).toBe(
      'name,persons,ratio\r\nOslo,717710,4.25\r\n"Aurskog-Høland, ""gamle""",17900,\r\n"Linje\nskift",-3,0.5\r\n',
    );
  });

  it('writes no thousand separators or locale decimals whatever the value', () => {
    const csv = chartDataToCsv({ title: '', columns: [{ key: 'v', label: 'v' }], rows: [{ v: 1234567.891 }, { v: Number.NaN }] });
    expect(csv).toBe('v\r\n1234567.891\r\n\r\n');
  });
});

describe('JSON', () => {
  it('holds the title, the columns and the rows by key, exactly as given', () => {
    const parsed = JSON.parse(chartDataToJson(data));
    expect(parsed.title).toBe('Folketal');
    expect(parsed.columns).toEqual([
      { key: 'name', label: 'Kommune' },
      { key: 'persons', label: 'Personar', unit: 'personar' },
      { key: 'ratio', label: 'Forhold' },
    ]);
    expect(parsed.rows).toEqual(data.rows);
  });
});

describe('downloads', () => {
  it('gives content type, a safe file name and the body per format', () => {
    const csv = chartDownload(data, 'csv', 'Folketal 2040/«Oslo»');
    expect(csv).toEqual({ contentType: 'text/csv; charset=utf-8', filename: 'Folketal-2040-Oslo.csv', body: chartDataToCsv(data) });
    const json = chartDownload(data, 'json', '');
    expect(json.filename).toBe('chart.json');
    expect(json.body).toBe(chartDataToJson(data));
  });
});

describe('table cells', () => {
  it('formats numbers for the language with the column’s decimals', () => {
    const [, persons, ratio] = data.columns;
    expect(formatCell('nb', persons!, 717710)).toBe('717\u00a0710');
    expect(formatCell('da', persons!, 717710)).toBe('717.710');
    expect(formatCell('nn', ratio!, 4.25)).toMatch(/^4,[23]$/);
    expect(formatCell('en', ratio!, 4.25)).toMatch(/^4\.[23]$/);
    expect(formatCell('nb', ratio!, null)).toBe('');
  });
});
