import { describe, expect, it } from 'vitest';
import { renderArchivalPdf } from '../platform/pdf/document.js';
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
  reference: '2026/0042',
  timeZone: 'Europe/Oslo',
};

const text = (document: ReturnType<typeof mergeLetter>) =>
  [document.title, ...document.sections.flatMap((s) => [s.heading, ...s.paragraphs])].join('\n');

describe('decision letters', () => {
  it('merges a grant in bokmål with amount, reason paragraphs, conditions, appeal and facts', () => {
    const letter = mergeLetter('nb', DATA);
    expect(letter.title).toBe('Vedtak om tilskudd – Nettverk for bærekraftige tjenester 2027');
    expect(letter.language).toBe('nb-NO');
    const all = text(letter);
    expect(all).toContain('Til: Porsgrunn, Skien, Notodden');
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
    expect(letter.sections.map((s) => s.heading)).toEqual(['Afgørelse', 'Begrundelse', 'Spørgsmål til afgørelsen', 'Oplysninger om sagen']);
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
});
