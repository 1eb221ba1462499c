import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONTS = { regular: join(FONT_DIR, 'DejaVuSans.ttf'), bold: join(FONT_DIR, 'DejaVuSans-Bold.ttf') };

export interface DocumentSection {
  heading: string;
  paragraphs: string[];
}

/** A document that leaves the platform: a receipt, a decision letter. */
export interface ArchivalDocument {
  title: string;
  /** BCP 47 tag of the text, e.g. nb-NO, da-DK. */
  language: string;
  author: string;
  subject?: string;
  sections: DocumentSection[];
}

/**
 * Renders an archivable PDF (PDF/A-2b, tagged, fonts embedded: DejaVu covers Norwegian, Sami and
 * Danish letters), never a screenshot of a page. `compress: false` only for inspecting in tests.
 */
export function renderArchivalPdf(content: ArchivalDocument, { compress = true } = {}): Promise<Buffer> {
  const document = new PDFDocument({
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    tagged: true,
    displayTitle: true,
    lang: content.language,
    compress,
    size: 'A4',
    margin: 56,
    info: { Title: content.title, Author: content.author, Subject: content.subject ?? content.title },
  });
  document.registerFont('regular', FONTS.regular);
  document.registerFont('bold', FONTS.bold);
  const chunks: Buffer[] = [];
  document.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
  });

  document.font('bold').fontSize(18).text(content.title);
  for (const section of content.sections) {
    document.moveDown().font('bold').fontSize(13).text(section.heading);
    for (const paragraph of section.paragraphs) document.moveDown(0.5).font('regular').fontSize(11).text(paragraph);
  }
  document.end();
  return finished;
}
