import { describe, expect, it } from 'vitest';
import { renderArchivalPdf } from './document.js';

const receipt = {
  title: 'Kvittering for søknad',
  language: 'nb-NO',
  author: 'Stifinner',
  sections: [
    { heading: 'Søker', paragraphs: ['Porsgrunn kommune med Skien og Notodden', 'Sámi: Guovdageaidnu – Kautokeino'] },
    { heading: 'Mottatt', paragraphs: ['23.11.2026 kl. 09.00 (Europe/Oslo)'] },
  ],
};

describe('archivable PDF', () => {
  it('declares PDF/A-2b in its metadata and embeds its fonts', async () => {
    const pdf = (await renderArchivalPdf(receipt, { compress: false })).toString('latin1');
    expect(pdf.startsWith('%PDF-1.7')).toBe(true);
    expect(pdf).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(pdf).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(pdf).toContain('/FontFile2');
    expect(pdf).not.toMatch(/\/BaseFont \/Helvetica/);
    expect(pdf).toContain('/Lang (nb-NO)');
    expect(pdf).toContain('/MarkInfo');
  });

  it('carries the title, and is smaller compressed', async () => {
    const compressed = await renderArchivalPdf(receipt);
    const plain = await renderArchivalPdf(receipt, { compress: false });
    expect(compressed.length).toBeLessThan(plain.length);
    expect(plain.toString('latin1')).toContain('Kvittering for s');
  });
});
