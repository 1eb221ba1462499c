/**
 * A scenario's summary, or several side by side, as an archivable PDF made by the platform's
 * document kit (the same as decision letters): each set's members, what happened since, its
 * geography and shared cooperations, then every figure with each set's value and its source.
 */
import type { Locale, Translate } from '../platform/i18n/index.js';
import { renderArchivalPdf, type DocumentSection } from '../platform/pdf/document.js';
import { boundarySource, cooperationText, cellText, comparisonTable, nameList, setLabel, sinceNote } from './scenario-tables.js';
import type { ScenarioSummary } from './scenario-view.js';
import { SEED_YEAR } from './scenarios.js';

const LANGUAGE: Record<Locale, string> = { nb: 'nb-NO', nn: 'nn-NO', da: 'da-DK', en: 'en-GB' };

function setSection(t: Translate, locale: Locale, s: ScenarioSummary): DocumentSection {
  const { origin } = s.set;
  const paragraphs = [
    t('networks.scenario.membersLine', {
      names: nameList(
        locale,
        s.set.members.map((m) => m.name),
      ),
    }),
  ];
  if (origin.kind === 'demo') {
    paragraphs.push(
      t('networks.scenario.then', {
        year: SEED_YEAR,
        names: nameList(
          locale,
          origin.thenAndNow.before.map((m) => m.name),
        ),
      }),
    );
    paragraphs.push(
      ...(origin.thenAndNow.notes.length > 0
        ? origin.thenAndNow.notes.map((n) => sinceNote(t, locale, n))
        : [t('networks.scenario.note.none')]),
    );
    paragraphs.push(t('networks.source.label', { source: t('networks.scenario.source.codeChanges') }));
  }
  paragraphs.push(
    s.boundaryPairs.length > 0
      ? t('networks.scenario.geo.shared', { pairs: s.boundaryPairs.map(([a, b]) => `${a} – ${b}`).join('; ') })
      : t('networks.scenario.geo.noneShared'),
    t(s.geography.contiguous ? 'networks.scenario.geo.contiguous' : 'networks.scenario.geo.notContiguous'),
    t('networks.source.label', { source: boundarySource(t, s.country) }),
    s.cooperations.length > 0
      ? t('networks.scenario.cooperations.some', {
          list: s.cooperations.map((c) => cooperationText(t, locale, c)).join('; '),
        })
      : t('networks.scenario.cooperations.none'),
    t('networks.cooperations.source'),
  );
  return { heading: setLabel(t, locale, s.set), paragraphs };
}

export function scenarioPdf(t: Translate, locale: Locale, summaries: readonly ScenarioSummary[]): Promise<Buffer> {
  const table = comparisonTable(t, locale, summaries);
  const sets = table.columns.filter((c) => c.key.startsWith('set'));
  const title = summaries.length === 1 ? setLabel(t, locale, summaries[0]!.set) : t('networks.scenario.compare.title');
  return renderArchivalPdf({
    language: LANGUAGE[locale],
    author: 'Stifinner',
    title,
    subject: t('networks.scenario.pdf.subject'),
    sections: [
      { heading: t('networks.scenario.pdf.about'), paragraphs: [t('networks.scenario.weighted'), t('networks.scenario.pdf.projection')] },
      ...summaries.map((s) => setSection(t, locale, s)),
      {
        heading: table.title,
        paragraphs: table.rows.map(
          (row) =>
            `${row.measure}: ${sets.map((c) => (sets.length > 1 ? `${c.label} ${cellText(locale, row[c.key])}` : cellText(locale, row[c.key]))).join('; ')}. ${t('networks.source.label', { source: String(row.source) })}`,
        ),
      },
    ],
  });
}
