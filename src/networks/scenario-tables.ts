/**
 * Scenarios in words and tables, the same for the page, the side-by-side comparison and the PDF:
 * a set's name, its figures as rows (one column per set, each row with its source), and what
 * happened to seed 001's sets since.
 */
import { formatNumber, type Locale, type Translate } from '../platform/i18n/index.js';
import type { ChartData, ChartRow } from '../platform/ui/charts/data.js';
import { figureLabel, sourceLabel, unitLabel } from './key-figure-view.js';
import type { ScenarioSet, ScenarioSummary } from './scenario-view.js';
import { SEED_YEAR, type SinceNote } from './scenarios.js';

/** Names as a list in the language: "A, B og C". */
export function nameList(locale: Locale, names: readonly string[]): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(names);
}

export function setLabel(t: Translate, locale: Locale, set: ScenarioSet): string {
  const names = nameList(
    locale,
    set.members.map((m) => m.name),
  );
  if (set.origin.kind === 'saved') return set.name;
  if (set.origin.kind === 'demo')
    return t('networks.scenario.demoName', {
      names: nameList(
        locale,
        set.origin.thenAndNow.before.map((m) => m.name),
      ),
      year: SEED_YEAR,
    });
  return t('networks.scenario.alternativeName', { names });
}

export function sinceNote(t: Translate, locale: Locale, note: SinceNote): string {
  return note.kind === 'mergedTogether'
    ? t('networks.scenario.note.mergedTogether', { names: nameList(locale, note.names), into: note.into, year: note.year })
    : t('networks.scenario.note.tookIn', { member: note.member, others: nameList(locale, note.others), year: note.year });
}

export function boundarySource(t: Translate, country: 'NO' | 'DK'): string {
  return t(country === 'DK' ? 'networks.scenario.source.boundariesDk' : 'networks.scenario.source.boundaries');
}

const regionsText = (t: Translate, locale: Locale, s: ScenarioSummary) =>
  s.regions.length === 1
    ? t('networks.scenario.geo.sameRegion', { region: s.regions[0]! })
    : t('networks.scenario.geo.regions', { regions: nameList(locale, s.regions) });

/**
 * The sets side by side: one row per measure, one column per set, and the row's source. A figure a
 * set lacks is empty; the year of each key figure is in its row's label when all sets share it.
 */
export function comparisonTable(t: Translate, locale: Locale, summaries: readonly ScenarioSummary[]): ChartData {
  const first = summaries[0]!;
  const rows: ChartRow[] = [];
  const row = (measure: string, source: string, value: (s: ScenarioSummary) => number | string | null) =>
    rows.push({ measure, ...Object.fromEntries(summaries.map((s, i) => [`set${i}`, value(s)])), source });
  const populationSource = t(first.country === 'DK' ? 'networks.source.populationDk' : 'networks.source.population');
  row(t('networks.scenario.row.members'), t('networks.scenario.source.registry'), (s) => s.set.members.length);
  row(
    t('networks.scenario.row.population', { year: first.population?.year ?? '' }),
    populationSource,
    (s) => s.population?.persons ?? null,
  );
  const projection = t('networks.source.projection');
  for (const [i, p] of first.projection.entries()) {
    const at = (s: ScenarioSummary) => s.projection[i];
    if (i > 0) row(t('networks.scenario.row.projected', { year: p.year }), projection, (s) => round(at(s)?.population, 0));
    row(t('networks.scenario.row.fte', { year: p.year }), projection, (s) => round(at(s)?.fteTotal, 0));
    row(t('networks.scenario.row.ftePer1000', { year: p.year }), projection, (s) => round(at(s)?.ftePer1000WorkingAge, 0));
    row(t('networks.scenario.row.per80', { year: p.year }), projection, (s) => round(at(s)?.workingAgePer80Plus, 1));
  }
  for (const f of first.figures) {
    if (f.figure.source === 'projection' && first.projection.length > 0) continue;
    const of = (s: ScenarioSummary) =>
      s.figures.find((g) => g.figure === f.figure && (f.figure.source !== 'projection' || g.year === f.year));
    const years = [...new Set(summaries.map((s) => of(s)?.year).filter((y) => y !== undefined))];
    row(
      t('networks.scenario.row.figure', { figure: figureLabel(t, f.figure), unit: unitLabel(t, f.figure), years: years.join(', ') }),
      sourceLabel(t, f.figure, first.country),
      (s) => round(of(s)?.value, f.figure.fractionDigits),
    );
  }
  row(t('networks.scenario.row.cooperations'), t('networks.cooperations.source'), (s) => s.cooperations.length);
  row(t('networks.scenario.row.boundaries'), boundarySource(t, first.country), (s) => s.boundaryPairs.length);
  row(t('networks.scenario.row.contiguous'), boundarySource(t, first.country), (s) =>
    t(s.geography.contiguous ? 'networks.scenario.yes' : 'networks.scenario.no'),
  );
  row(t('networks.scenario.row.regions'), t('networks.scenario.source.registry'), (s) => regionsText(t, locale, s));
  return {
    title: summaries.length === 1 ? t('networks.scenario.figuresHeading') : t('networks.scenario.compare.tableTitle'),
    columns: [
      { key: 'measure', label: t('networks.col.figure'), rowHeader: true },
      ...summaries.map((s, i) => ({ key: `set${i}`, label: setLabel(t, locale, s.set), fractionDigits: 3 })),
      { key: 'source', label: t('networks.col.source') },
    ],
    rows,
  };
}

function round(value: number | undefined, digits: number): number | null {
  return value === undefined || !Number.isFinite(value) ? null : Math.round(value * 10 ** digits) / 10 ** digits;
}

/** A cell as words for the PDF: numbers in the language's format with their decimals. */
export function cellText(locale: Locale, value: ChartRow[string] | undefined): string {
  if (value === null || value === undefined) return '–';
  return typeof value === 'number' ? formatNumber(locale, value, 3) : value;
}

export function cooperationText(t: Translate, locale: Locale, cooperation: { members: readonly { name: string }[] }): string {
  return t('networks.scenario.cooperations.childWelfare', {
    members: nameList(
      locale,
      cooperation.members.map((m) => m.name),
    ),
  });
}
