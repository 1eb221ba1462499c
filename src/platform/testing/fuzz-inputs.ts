import fc from 'fast-check';
import { isUuid } from '../db/kit.js';

/**
 * Malformed inputs for the route fuzz test: each value carries the name of its class, so that a
 * failure says which kind of input caused it.
 */
export interface Input {
  kind: string;
  value: string;
}

const input =
  (kind: string) =>
  (value: string): Input => ({ kind, value });

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit));
const control = fc.integer({ min: 0, max: 0x1f }).map((unit) => String.fromCharCode(unit));
const anyUnit = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 6 },
  { arbitrary: loneSurrogate, weight: 2 },
  { arbitrary: control, weight: 2 },
  { arbitrary: fc.constantFrom('\u2028', '\u2029', '\u202e', '\ufeff', '\ufffd', '%', '&', '=', '"', '<', '\\', '/', '..'), weight: 2 },
);

const HEX_OR_DASH_NOT_UUID = [
  'ffffffffffffffffffffffffffffffffffff',
  '------------------------------------',
  '0000000-00000-0000-0000-0000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff-',
  '12345678-1234-1234-1234-1234567890-a',
];

/** 36 characters of hex digits and dashes that are not a UUID: they passed `^[0-9a-fA-F-]{36}$`. */
export const hexOrDashNotUuid: fc.Arbitrary<Input> = fc
  .oneof(fc.constantFrom(...HEX_OR_DASH_NOT_UUID), fc.stringMatching(/^[0-9a-fA-F-]{36}$/))
  .filter((value) => !isUuid(value))
  .map(input('hex36-not-uuid'));

/** A real id changed a little: what a hand-edited or truncated link looks like. */
export function mutatedId(real: string): fc.Arbitrary<Input> {
  return fc
    .oneof(
      fc.constant(real.toUpperCase()),
      fc.constant(real.slice(0, -1)),
      fc.constant(`${real}0`),
      fc.constant(real.replaceAll('-', '')),
      fc.constant(`${real.slice(0, 8)}-${real.slice(9)}-`),
      fc
        .nat({ max: real.length - 1 })
        .chain((at) => fc.constantFrom('g', 'z', '-', ' ', '\0', '%').map((c) => `${real.slice(0, at)}${c}${real.slice(at + 1)}`)),
      fc.constant(`${real}/..`),
      fc.constant(` ${real}`),
    )
    .map(input('mutated-id'));
}

const IMPOSSIBLE_DATES = [
  '2026-02-30',
  '2026-02-29',
  '2025-13-01',
  '2026-00-10',
  '2026-04-31',
  '0000-00-00',
  '9999-12-31',
  '-0001-01-01',
  '2026-02-30T10:00',
  '2026-06-01T25:61',
  '2026-6-1',
  '31.02.2026',
  '+275760-09-13',
  '2026-02-30T10:00:00Z',
];

export const impossibleDate: fc.Arbitrary<Input> = fc
  .oneof(
    fc.constantFrom(...IMPOSSIBLE_DATES),
    fc
      .tuple(fc.integer({ min: -1, max: 99_999 }), fc.integer({ min: 0, max: 19 }), fc.integer({ min: 0, max: 45 }))
      .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  )
  .map(input('impossible-date'));

const WRONG_NUMBERS = [
  '-1',
  '0',
  '1e309',
  'NaN',
  'Infinity',
  '0x10',
  '1.5',
  '99999999999999999999999',
  '١٢',
  '1,5',
  ' 1',
  'true',
  'null',
  '[]',
  '{}',
];

export const wrongType: fc.Arbitrary<Input> = fc
  .oneof(fc.constantFrom(...WRONG_NUMBERS), fc.double().map(String), fc.bigInt().map(String))
  .map(input('wrong-type'));

export const withNul: fc.Arbitrary<Input> = fc
  .tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }))
  .map(([before, after]) => `${before || 'a'}\0${after || 'b'}`)
  .map(input('nul'));

export const withLoneSurrogate: fc.Arbitrary<Input> = fc
  .tuple(fc.string({ maxLength: 8 }), loneSurrogate)
  .map(([text, surrogate]) => `${text}${surrogate}x`)
  .map(input('lone-surrogate'));

export const withControls: fc.Arbitrary<Input> = fc
  .array(fc.oneof(control, fc.constantFrom('\u2028', '\u2029', '\u0085', '\u007f', '\r\n')), { minLength: 1, maxLength: 4 })
  .map((units) => `/x${units.join('')}y`)
  .map(input('control-chars'));

export const emptyString: fc.Arbitrary<Input> = fc.constantFrom('', ' ', '\t', '\u00a0').map(input('empty'));

export const hugeString: fc.Arbitrary<Input> = fc
  .tuple(fc.constantFrom('a', 'æ', '😀', '<', '%', '\0'), fc.constantFrom(1_000, 20_001))
  .map(([unit, times]) => unit.repeat(times))
  .map(input('huge'));

export const garbage: fc.Arbitrary<Input> = fc.string({ unit: anyUnit, maxLength: 40 }).map(input('garbage'));

const INJECTION = [
  "' or 1=1 --",
  '"; drop table users; --',
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally
  '${7*7}',
  '{{7*7}}',
  '../../../../etc/passwd',
  '%00',
  '%zz',
  'javascript:alert(1)',
  '//evil.example/',
];
export const injection: fc.Arbitrary<Input> = fc.constantFrom(...INJECTION).map(input('injection'));

/** Any malformed text, weighted towards the classes that have broken things before. */
export const malformedText: fc.Arbitrary<Input> = fc.oneof(
  { arbitrary: withNul, weight: 3 },
  { arbitrary: withLoneSurrogate, weight: 3 },
  { arbitrary: withControls, weight: 2 },
  { arbitrary: impossibleDate, weight: 2 },
  { arbitrary: wrongType, weight: 2 },
  { arbitrary: emptyString, weight: 2 },
  { arbitrary: hugeString, weight: 1 },
  { arbitrary: hexOrDashNotUuid, weight: 1 },
  { arbitrary: injection, weight: 1 },
  { arbitrary: garbage, weight: 3 },
);

/** A value for a route parameter: real ids of the right and of other records, mutated ones and malformed ones. */
export function routeParameter(real: readonly string[], others: readonly string[]): fc.Arbitrary<Input> {
  const choices: fc.WeightedArbitrary<Input>[] = [
    { arbitrary: hexOrDashNotUuid, weight: 4 },
    { arbitrary: fc.uuid().map(input('unknown-uuid')), weight: 2 },
    { arbitrary: malformedText, weight: 3 },
  ];
  if (real.length > 0) {
    choices.push({ arbitrary: fc.constantFrom(...real).map(input('real-id')), weight: 6 });
    choices.push({ arbitrary: fc.constantFrom(...real).chain(mutatedId), weight: 2 });
  }
  if (others.length > 0) choices.push({ arbitrary: fc.constantFrom(...others).map(input('other-record-id')), weight: 2 });
  return fc.oneof(...choices);
}

/** No lone surrogate (in a `u` pattern a surrogate pair is one code point, so only lone halves match). */
const wellFormed = (value: string) => !/[\ud800-\udfff]/u.test(value);

/** Percent-encodes any JavaScript string, lone surrogates included (as the bytes WTF-8 gives them). */
export function percentEncode(value: string): string {
  if (wellFormed(value)) return encodeURIComponent(value);
  let out = '';
  for (const char of value) {
    const unit = char.codePointAt(0)!;
    if (unit >= 0xd800 && unit <= 0xdfff) {
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else out += encodeURIComponent(char);
  }
  return out;
}

/** The bytes of a string, lone surrogates kept as WTF-8 rather than replaced. */
export function wtf8(value: string): Buffer {
  if (wellFormed(value)) return Buffer.from(value);
  return Buffer.from(
    percentEncode(value).replace(/%([0-9A-F]{2})|([^%]+)/g, (_m, hex: string | undefined, plain: string | undefined) =>
      hex ? String.fromCharCode(Number.parseInt(hex, 16)) : plain!,
    ),
    'latin1',
  );
}

export function formEncode(fields: readonly (readonly [string, string])[]): string {
  return fields.map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`).join('&');
}

export interface FilePart {
  field: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
}

export function multipart(boundary: string, fields: readonly (readonly [string, string])[], files: readonly FilePart[] = []): Buffer {
  const parts = [
    ...fields.map(([name, value]) =>
      Buffer.concat([wtf8(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`), wtf8(value), Buffer.from('\r\n')]),
    ),
    ...files.map((file) =>
      Buffer.concat([
        wtf8(
          `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
        ),
        file.bytes,
        Buffer.from('\r\n'),
      ]),
    ),
  ];
  return Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]);
}

/** Text in a response that only an unhandled failure would show: stack frames and database errors. */
const LEAKS = [
  'at async',
  'node_modules',
  'syntax error at',
  'invalid input syntax',
  'violates',
  'PGlite',
  'relation "',
  'at Object.',
  '.ts:',
];

export function leakIn(body: string): string | undefined {
  return LEAKS.find((leak) => body.includes(leak));
}

/** Route patterns (`/a/:id/b`) matched against concrete paths, to learn real parameter values from links. */
export function matcherOf(pattern: string): (path: string) => Record<string, string> | undefined {
  const names: string[] = [];
  const source = pattern
    .split('/')
    .map((segment) => {
      if (segment.startsWith(':')) {
        names.push(segment.slice(1));
        return '([^/]+)';
      }
      if (segment === '*') return '.*';
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  const regex = new RegExp(`^${source}$`);
  return (path) => {
    const match = regex.exec(path);
    if (!match) return undefined;
    return Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(match[index + 1]!)]));
  };
}

export function parametersOf(pattern: string): string[] {
  return pattern.split('/').flatMap((segment) => (segment.startsWith(':') ? [segment.slice(1)] : segment === '*' ? ['*'] : []));
}

export function fillRoute(pattern: string, values: Record<string, string>): string {
  return pattern
    .split('/')
    .map((segment) => {
      if (segment.startsWith(':')) return percentEncode(values[segment.slice(1)] ?? '');
      if (segment === '*') return values['*'] ?? '';
      return segment;
    })
    .join('/');
}

const unescapeHtml = (text: string) =>
  text.replace(
    /&(amp|lt|gt|quot|#39|#x27);/g,
    (_m, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[name]!,
  );

const attribute = (tag: string, name: string) => {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? unescapeHtml(match[1]!) : undefined;
};

export interface HarvestedForm {
  action: string;
  multipart: boolean;
  fields: [string, string][];
  files: string[];
}

/** The POST forms of a page with the values they would send as they stand. */
export function formsIn(html: string): HarvestedForm[] {
  const forms: HarvestedForm[] = [];
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const [, tag = '', inner = ''] = match;
    if (attribute(tag, 'method')?.toLowerCase() !== 'post') continue;
    const fields: [string, string][] = [];
    const files: string[] = [];
    for (const [input] of inner.matchAll(/<input\b[^>]*>/g)) {
      const name = attribute(input, 'name');
      const type = attribute(input, 'type') ?? 'text';
      if (!name) continue;
      if (type === 'file') files.push(name);
      else if ((type !== 'checkbox' && type !== 'radio') || /\schecked/.test(input)) fields.push([name, attribute(input, 'value') ?? '']);
    }
    for (const [, tagText = '', content = ''] of inner.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
      const name = attribute(tagText, 'name');
      if (name) fields.push([name, unescapeHtml(content)]);
    }
    for (const [, tagText = '', options = ''] of inner.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
      const name = attribute(tagText, 'name');
      const chosen = /<option\b[^>]*\sselected[^>]*>/.exec(options)?.[0] ?? /<option\b[^>]*>/.exec(options)?.[0];
      if (name && chosen) fields.push([name, attribute(chosen, 'value') ?? '']);
    }
    for (const [button] of inner.matchAll(/<button\b[^>]*>/g)) {
      const name = attribute(button, 'name');
      if (name) fields.push([name, attribute(button, 'value') ?? '']);
    }
    forms.push({
      action: (attribute(tag, 'action') ?? '').replace(/#.*/, ''),
      multipart: attribute(tag, 'enctype') === 'multipart/form-data',
      fields,
      files,
    });
  }
  return forms;
}

/** Same-site link targets (href and form action) of a page. */
export function linksIn(html: string): string[] {
  return [...html.matchAll(/\s(?:href|action)="(\/[^"#]*)/g)]
    .map((match) => unescapeHtml(match[1]!))
    .filter((link) => !link.startsWith('//'));
}
