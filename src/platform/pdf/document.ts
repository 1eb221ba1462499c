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

/** The sender's block at the top of a letter, above its title: the organisation, then date, reference, addressees. */
export interface Letterhead {
  sender: string;
  lines: string[];
}

/** One piece that starts on a page of its own: a receipt, or one addressee's letter. */
export interface DocumentPart {
  letterhead?: Letterhead;
  title: string;
  sections: DocumentSection[];
}

/** A document that leaves the platform: a receipt, a decision letter. */
export interface ArchivalDocument extends DocumentPart {
  /** BCP 47 tag of the text, e.g. nb-NO, da-DK. */
  language: string;
  author: string;
  subject?: string;
  /** Further parts, each from a new page: the same letter to each of the other addressees. */
  following?: DocumentPart[];
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

  writePart(document, content);
  for (const part of content.following ?? []) writePart(document.addPage(), part);
  document.end();
  return finished;
}

function writePart(document: PDFKit.PDFDocument, part: DocumentPart): void {
  if (part.letterhead) {
    document.font('bold').fontSize(13).text(part.letterhead.sender);
    for (const line of part.letterhead.lines) document.font('regular').fontSize(10).text(line);
    document.moveDown(1.5);
  }
  document.font('bold').fontSize(18).text(part.title);
  for (const section of part.sections) {
    document.moveDown().font('bold').fontSize(13).text(section.heading);
    for (const paragraph of section.paragraphs) document.moveDown(0.5).font('regular').fontSize(11).text(paragraph);
  }
}
