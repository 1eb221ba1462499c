/**
 * The numbers behind a chart, as one table: what the chart draws, what its data table shows and
 * what its CSV and JSON downloads hold are all made from the same `ChartData`.
 */
import { formatNumber, type Locale } from '../../i18n/index.js';

export type ChartCell = string | number | null;

export interface ChartColumn {
  /** Machine name: the CSV header and the JSON property. Letters, digits, `_` and `-`. */
  key: string;
  /** Heading in the data table, already translated. */
  label: string;
  /** Unit shown after the heading, already translated, e.g. "persons" or "%". */
  unit?: string;
  /** Decimals shown in the table (CSV and JSON keep the full value). Default 0. */
  fractionDigits?: number;
  /** Numbers shown as they are, without grouping or rounding: years, codes. */
  plain?: boolean;
  /** A heading for its row (`<th scope="row">`), e.g. the age or the municipality. */
  rowHeader?: boolean;
}

export type ChartRow = Readonly<Record<string, ChartCell>>;

export interface ChartData {
  title: string;
  columns: readonly ChartColumn[];
  rows: readonly ChartRow[];
}

export type DownloadFormat = 'csv' | 'json';

export interface ChartDownload {
  contentType: string;
  /** A file name made from `name` and the format, for Content-Disposition. */
  filename: string;
  body: string;
}

/** A cell as the data table shows it: numbers in the language's format, missing values empty. */
export function formatCell(locale: Locale, column: ChartColumn, value: ChartCell | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return column.plain ? String(value) : formatNumber(locale, value, column.fractionDigits ?? 0);
  return value;
}

/**
 * RFC 4180 CSV: a header row of the column keys, then one line per row; numbers as plain
 * machine numbers (`.` decimals, no thousand separators), so any language's spreadsheet reads them.
 */
export function chartDataToCsv(data: ChartData): string {
  const header = data.columns.map((column) => csvField(column.key));
  const lines = data.rows.map((row) => data.columns.map((column) => csvField(row[column.key] ?? null)));
  return [header, ...lines].map((fields) => `${fields.join(',')}\r\n`).join('');
}

function csvField(value: ChartCell): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? numberForMachines(value) : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function numberForMachines(value: number): string {
  return Number.isFinite(value) ? String(value) : '';
}

/** The same table as JSON: title, columns (key, label, unit) and rows keyed by column key. */
export function chartDataToJson(data: ChartData): string {
  const columns = data.columns.map(({ key, label, unit }) => (unit === undefined ? { key, label } : { key, label, unit }));
  const rows = data.rows.map((row) => Object.fromEntries(data.columns.map(({ key }) => [key, jsonCell(row[key] ?? null)])));
  return JSON.stringify({ title: data.title, columns, rows });
}

function jsonCell(value: ChartCell): ChartCell {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

/** What a route sends for `?format=csv|json`: `reply.type(d.contentType).header('content-disposition', …).send(d.body)`. */
export function chartDownload(data: ChartData, format: DownloadFormat, name: string): ChartDownload {
  const base = name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'chart';
  return format === 'csv'
    ? { contentType: 'text/csv; charset=utf-8', filename: `${base}.csv`, body: chartDataToCsv(data) }
    : { contentType: 'application/json; charset=utf-8', filename: `${base}.json`, body: chartDataToJson(data) };
}
