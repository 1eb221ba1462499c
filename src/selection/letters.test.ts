import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type DocumentPart, renderArchivalPdf } from '../platform/pdf/document.js';
import { fill, LETTER_TEMPLATES, letterMail, mergeLetter, UnknownPlaceholder, type LetterData } from './letters.js';
import { LETTER_LANGUAGES } from './model.js';

const DATA: LetterData = {
  members: ['Porsgrunn', 'Skien', 'Notodden'],
  call: 'Nettverk for bærekraftige tjenester 2027',
  programme: 'Kommuner i nettverk for bærekraftige tjenester',
  owner: 'Kommunal- og distriktsdepartementet',
  outcome: 'granted',
  amount: 3_500_000,
  currency: 'NOK',
  conditions: 'Sluttrapport innen 1. juni 2028.',
  reason: 'Søknaden er best rangert.\n\nNettverket dekker tre kommuner.',
  decidedAt: new Date('2026-12-01T09:00:00Z'),
  decidedBy: 'Ingrid Haugen',
  approvedBy: 'Kari Nilsen',
  reference: '2026/0042',
  timeZone: 'Europe/Oslo',
};

const text = (document: DocumentPart) =>
  [
    ...(document.letterhead ? [document.letterhead.sender, ...document.letterhead.lines] : []),
    document.title,
    ...document.sections.flatMap((s) => [s.heading, ...s.paragraphs]),
  ].join('\n');

/** Poppler's tools (Debian's poppler-utils), which .ci/run installs; without them the layout test is skipped. */
const hasPoppler = spawnSync('pdftoppm', ['-v']).status === 0;

describe('decision letters', () => {
  it('merges a grant in bokmål with amount, reason paragraphs, conditions, appeal and facts', () => {
    const letter = mergeLetter('nb', DATA);
    expect(letter.title).toBe('Vedtak om tilskudd – Nettverk for bærekraftige tjenester 2027');
    expect(letter.language).toBe('nb-NO');
    const all = text(letter);
    // Letterhead: the deciding organisation, date, case number, case officer; the lead addressed, the others in copy.
    expect(letter.letterhead).toEqual({
      sender: 'Kommunal- og distriktsdepartementet',
      lines: [
        'Dato: 1. desember 2026',
        'Vår referanse: 2026/0042',
        'Saksbehandler: Ingrid Haugen',
        'Til: Porsgrunn',
        'Kopi: Skien, Notodden',
      ],
    });
    // Each other member gets the same letter addressed to it, the rest in copy.
    expect(letter.following?.map((part) => part.letterhead?.lines.slice(3))).toEqual([
      ['Til: Skien', 'Kopi: Porsgrunn, Notodden'],
      ['Til: Notodden', 'Kopi: Porsgrunn, Skien'],
    ]);
    expect(letter.following?.map((part) => part.sections)).toEqual([letter.sections, letter.sections]);
    expect(all).toContain('Dere aksepterer tilskuddet og vilkårene på prosjektets side i Stifinner');
    expect(all).toContain('Utbetalingsplanen og rapporteringspliktene for prosjektet fastsettes');
    expect(all).toContain('godkjent av Kari Nilsen. Dokumentet er godkjent elektronisk og har derfor ingen håndskrevne signaturer.');
    expect(text(mergeLetter('nb', { ...DATA, approvedBy: null }))).toContain('Utkast: vedtaket er ennå ikke godkjent');
    expect(all).toContain('innvilger et tilskudd på 3\u00a0500\u00a0000 NOK.');
    expect(letter.sections.find((s) => s.heading === 'Begrunnelse')?.paragraphs).toEqual([
      'Søknaden er best rangert.',
      'Nettverket dekker tre kommuner.',
    ]);
    expect(all).toContain('Sluttrapport innen 1. juni 2028.');
    expect(all).toContain('forvaltningsloven §§ 28 og 29');
    expect(all).toContain('Vedtatt 1. desember 2026 av Ingrid Haugen, Kommunal- og distriktsdepartementet.');
  });

  it('writes nynorsk for a municipality that writes nynorsk', () => {
    const letter = mergeLetter('nn', DATA);
    expect(letter.title).toBe('Vedtak om tilskot – Nettverk for bærekraftige tjenester 2027');
    expect(text(letter)).toContain('har handsama søknaden frå Porsgrunn, Skien, Notodden');
    expect(text(letter)).toContain('Grunngjeving');
    expect(letter.language).toBe('nn-NO');
  });

  it('gives a rejection its reason too, without conditions, in Danish for Denmark', () => {
    const letter = mergeLetter('da', {
      ...DATA,
      outcome: 'rejected',
      amount: null,
      currency: 'DKK',
      members: ['Fredericia'],
      timeZone: 'Europe/Copenhagen',
    });
    expect(letter.title).toBe('Afgørelse om afslag – Nettverk for bærekraftige tjenester 2027');
    expect(text(letter)).toContain('Ansøgningen er ikke imødekommet.');
    expect(letter.following).toBeUndefined();
    expect(letter.sections.map((s) => s.heading)).toEqual(['Afgørelse', 'Begrundelse', 'Klagevejledning', 'Oplysninger om sagen']);
    expect(text(letter)).toContain('inden fire uger');
    expect(text(letter)).not.toContain('Kopi:');
    expect(letter.language).toBe('da-DK');
  });

  it('says so when a grant has no conditions of its own', () => {
    expect(text(mergeLetter('nb', { ...DATA, conditions: '  ' }))).toContain(
      'Det er ikke satt andre vilkår enn dem som står i utlysningen.',
    );
  });

  it('leaves no placeholder unfilled in any template, and refuses an unknown one', () => {
    for (const language of LETTER_LANGUAGES) {
      for (const outcome of ['granted', 'rejected'] as const) {
        expect(text(mergeLetter(language, { ...DATA, outcome }))).not.toMatch(/\{\w+\}/);
        const mail = letterMail(language, { ...DATA, outcome });
        expect(`${mail.subject}\n${mail.text}`).not.toMatch(/\{\w+\}/);
      }
      expect(LETTER_TEMPLATES[language].country).toBe(language === 'da' ? 'DK' : 'NO');
    }
    expect(() => fill('Hei {nobody}', {})).toThrow(UnknownPlaceholder);
  });

  it('renders as an archivable PDF/A with the text in it', async () => {
    const pdf = await renderArchivalPdf(mergeLetter('nn', DATA), { compress: false });
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(raw).toContain('pdfaid:part');
    expect(raw).toContain('/Lang (nn-NO)');
  });

  it.skipIf(!hasPoppler)(
    'lays a network grant out as one A4 page per member, letterhead above the title (rendered with Poppler)',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'letter-'));
      const file = join(dir, 'vedtak.pdf');
      writeFileSync(file, await renderArchivalPdf(mergeLetter('nb', DATA)));
      expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+3\n/);
      const pageText = (page: number) =>
        execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-'], { encoding: 'utf8' });
      for (const [page, addressee] of [
        [1, 'Porsgrunn'],
        [2, 'Skien'],
        [3, 'Notodden'],
      ] as const) {
        const lines = pageText(page)
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean);
        expect(lines[0]).toBe('Kommunal- og distriktsdepartementet');
        const title = lines.findIndex((line) => line.startsWith('Vedtak om tilskudd –'));
        expect(lines.indexOf(`Til: ${addressee}`)).toBeGreaterThan(0);
        expect(lines.indexOf(`Til: ${addressee}`)).toBeLessThan(title);
        expect(lines.slice(-2).join(' ')).toContain('ingen håndskrevne signaturer');
      }
      execFileSync('pdftoppm', ['-png', '-r', '50', file, join(dir, 'page')]);
      for (const page of [1, 2, 3]) {
        const png = readFileSync(join(dir, `page-${page}.png`));
        // PNG header: width and height (A4 at 50 dpi: 414 × 585 as Poppler rounds it).
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([414, 585]);
      }
      rmSync(dir, { recursive: true });
    },
  );
});
