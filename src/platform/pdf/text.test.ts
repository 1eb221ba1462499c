import { describe, expect, it } from 'vitest';
import { renderArchivalPdf } from './document.js';
import { pdfText } from './text.js';

describe('the text of a rendered PDF', () => {
  it('reads back headings and paragraphs with Norwegian, Sami and typographic characters', async () => {
    const pdf = await renderArchivalPdf({
      title: 'Kvittering',
      language: 'nb-NO',
      author: 'Stifinner',
      sections: [
        {
          heading: 'Framskrevet utvikling',
          paragraphs: ['Porsgrunn: 4,9 i 2026, 3,1 i 2040 (−37,2 %)', 'Guovdageaidnu – Kautokeino, Ærø', 'Stifinners flyt'],
        },
      ],
    });
    const text = pdfText(pdf);
    expect(text).toContain('Framskrevet utvikling');
    expect(text).toContain('Porsgrunn: 4,9 i 2026, 3,1 i 2040 (−37,2 %)');
    expect(text).toContain('Guovdageaidnu – Kautokeino, Ærø');
    expect(text).toContain('Stifinners flyt'); // ligatures fi and fl read back as their letters
  });
});
