/**
 * The text of a PDF this platform rendered (pdfkit: Type0 fonts with a ToUnicode map each, text
 * drawn with TJ/Tj), one line per text object, so tests can read what a receipt says. Not a
 * general PDF reader.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const found = new Map<number, PdfObject>();
  for (const match of text.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = match[2]!;
    const at = body.indexOf('stream');
    if (at === -1) {
      found.set(Number(match[1]), { dict: body });
      continue;
    }
    const dict = body.slice(0, at);
    const raw = Buffer.from(
      body
        .slice(at + 'stream'.length)
        .replace(/^\r?\n/, '')
        .replace(/\r?\nendstream\s*$/, ''),
      'latin1',
    );
    found.set(Number(match[1]), { dict, stream: dict.includes('/FlateDecode') ? inflateSync(raw) : raw });
  }
  return found;
}

/** Glyph id → text, from a ToUnicode CMap's bfrange (with arrays or a start value) and bfchar entries. */
function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  // A ligature's glyph maps to several characters: <0066 0069> is "fi".
  const decode = (hex: string) => String.fromCodePoint(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const entry of block[1]!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(\[[^\]]*\]|<[0-9a-f]+>)/gi)) {
      const from = parseInt(entry[1]!, 16);
      const to = parseInt(entry[2]!, 16);
      const targets = [...entry[3]!.matchAll(/<([0-9a-f\s]+)>/gi)].map((m) => m[1]!.replace(/\s/g, ''));
      for (let code = from; code <= to; code++) {
        map.set(
          code,
          entry[3]!.startsWith('[') ? decode(targets[code - from] ?? '') : String.fromCodePoint(parseInt(targets[0]!, 16) + code - from),
        );
      }
    }
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const entry of block[1]!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>/gi)) map.set(parseInt(entry[1]!, 16), decode(entry[2]!));
  }
  return map;
}

export function pdfText(pdf: Buffer): string {
  const all = objects(pdf);
  const fonts = new Map<string, Map<number, string>>();
  for (const { dict } of all.values()) {
    const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(dict)?.[1];
    for (const entry of fontDict?.matchAll(/\/(\w+)\s+(\d+) 0 R/g) ?? []) {
      const ref = /\/ToUnicode (\d+) 0 R/.exec(all.get(Number(entry[2]))?.dict ?? '')?.[1];
      const cmap = ref ? all.get(Number(ref))?.stream : undefined;
      if (cmap) fonts.set(entry[1]!, toUnicode(cmap.toString('latin1')));
    }
  }
  const lines: string[] = [];
  for (const { stream } of all.values()) {
    const content = stream?.toString('latin1') ?? '';
    if (!/\bBT\b/.test(content)) continue;
    for (const block of content.matchAll(/\bBT\b([\s\S]*?)\bET\b/g)) {
      let font: Map<number, string> | undefined;
      let line = '';
      for (const op of block[1]!.matchAll(/\/(\w+)\s+[\d.]+\s+Tf|(\[[^\]]*\])\s*TJ|<([0-9a-f]*)>\s*Tj/gi)) {
        if (op[1]) font = fonts.get(op[1]);
        const hex = op[2] ? [...op[2].matchAll(/<([0-9a-f]*)>/gi)].map((m) => m[1]!).join('') : (op[3] ?? '');
        line += (hex.match(/.{4}/g) ?? []).map((h) => font?.get(parseInt(h, 16)) ?? '').join('');
      }
      lines.push(line);
    }
  }
  return lines.join('\n');
}
