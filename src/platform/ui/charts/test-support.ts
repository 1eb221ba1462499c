/** Reading rendered chart markup in tests, without a DOM: the elements of one tag and their attributes. */

export type Attributes = Record<string, string>;

/** Every `<tag …>` in `html`, in document order, with its attributes (entities decoded). */
export function elements(html: string, tag: string): Attributes[] {
  const pattern = new RegExp(`<${tag}((?:\\s+[\\w:-]+(?:="[^"]*")?)*)\\s*/?>`, 'g');
  return [...html.matchAll(pattern)].map((match) => attributes(match[1] ?? ''));
}

function attributes(text: string): Attributes {
  return Object.fromEntries(
    [...text.matchAll(/([\w:-]+)="([^"]*)"/g)].map((m) => [
      m[1]!,
      m[2]!.replaceAll('&#34;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&'),
    ]),
  );
}

/** The text content of every `<tag>…</tag>` in `html`. */
export function texts(html: string, tag: string): string[] {
  return [...html.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
}

/** The markup with every attribute value emptied: what is left is where a hostile string could become markup. */
export function withoutAttributeValues(html: string): string {
  return html.replace(/="[^"]*"/g, '=""');
}
