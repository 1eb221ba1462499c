import type { MessageKey, Translate } from './catalogue.js';
import { da } from './messages/da.js';
import { en } from './messages/en.js';
import { nb } from './messages/nb.js';
import { nn } from './messages/nn.js';

export type { MessageKey, MessageRegistry, PlainMessageKey, Translate } from './catalogue.js';

export const LOCALES = ['nb', 'nn', 'da', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'nb';

type Texts = Record<string, string>;

/** Every registered catalogue, per language; the platform's own first, then each capability's at composition. */
const CATALOGUES: Record<Locale, Texts> = { nb: { ...nb }, nn: { ...nn }, da: { ...da }, en: { ...en } };

/**
 * Adds a capability's catalogue (keys prefixed with its name, so catalogues never overwrite each
 * other). Called at composition; registering the same catalogue again changes nothing.
 */
export function registerMessages(messages: Record<Locale, Texts>): void {
  for (const locale of LOCALES) Object.assign(CATALOGUES[locale], messages[locale]);
}

/** The texts of one language as registered so far (for the catalogue tests). */
export function registeredMessages(locale: Locale): Readonly<Texts> {
  return CATALOGUES[locale];
}
const INTL_TAGS: Record<Locale, string> = { nb: 'nb-NO', nn: 'nn-NO', da: 'da-DK', en: 'en-GB' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function translator(locale: Locale): Translate {
  const catalogue = CATALOGUES[locale];
  return ((key: MessageKey, params?: Record<string, string | number>) => {
    const text = catalogue[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g, (whole, name: string, one?: string, other?: string) => {
      if (!(name in params)) return whole;
      if (one === undefined) return String(params[name]);
      return pluralRules(locale).select(countOf(params[name]!)) === 'one' ? one : other!;
    });
  }) as Translate;
}

const plurals = new Map<Locale, Intl.PluralRules>();
const pluralRules = (locale: Locale) => {
  if (!plurals.has(locale)) plurals.set(locale, new Intl.PluralRules(INTL_TAGS[locale]));
  return plurals.get(locale)!;
};

/** The number behind a count, also when it is already formatted for the language ("1 000", "2,5"). */
const countOf = (value: string | number): number =>
  typeof value === 'number' ? value : Number(value.replace(/[\s\u00a0\u202f.]/g, '').replace(',', '.'));

/** BCP 47 tag for Intl formatting and the `lang` attribute. */
export function intlTag(locale: Locale): string {
  return INTL_TAGS[locale];
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** Formatters are costly to create and pages format thousands of numbers: one per language and precision. */
export function formatNumber(locale: Locale, value: number, maximumFractionDigits = 0): string {
  const key = `${locale}:${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_TAGS[locale], { maximumFractionDigits });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

export function formatDateTime(locale: Locale, value: Date, timeZone = 'Europe/Oslo'): string {
  return new Intl.DateTimeFormat(INTL_TAGS[locale], { dateStyle: 'medium', timeStyle: 'medium', timeZone }).format(value);
}

export function formatBytes(locale: Locale, bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  return megabytes >= 1 ? `${formatNumber(locale, megabytes, 1)} MB` : `${formatNumber(locale, bytes / 1024, 0)} kB`;
}

const ACCEPT_LANGUAGE_MAP: Record<string, Locale> = { nb: 'nb', no: 'nb', nn: 'nn', da: 'da', en: 'en' };

/** Picks the best supported language from an Accept-Language header, honouring q-values. */
export function localeFromAcceptLanguage(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...parameters] = part.trim().split(';');
      const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), quality: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.quality > 0 && !Number.isNaN(entry.quality))
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranked) {
    const locale = ACCEPT_LANGUAGE_MAP[tag.split('-')[0] ?? ''];
    if (locale) return locale;
  }
  return undefined;
}

/** The language of a request: from the URL first, then the remembered choice, then the browser. */
export function chooseLocale(fromUrl: unknown, fromCookie: unknown, acceptLanguage: string | undefined): Locale {
  if (isLocale(fromUrl)) return fromUrl;
  if (isLocale(fromCookie)) return fromCookie;
  return localeFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE;
}

/** An instant as people read it in a time zone (a call's, Europe/Oslo or Europe/Copenhagen). */
export function formatInstant(locale: Locale, iso: string | Date, zone: string): string {
  return new Intl.DateTimeFormat(INTL_TAGS[locale], { dateStyle: 'long', timeStyle: 'short', timeZone: zone }).format(new Date(iso));
}

/** A calendar day (`YYYY-MM-DD`) as people read it. */
const dayFormats = new Map<Locale, Intl.DateTimeFormat>();

export function formatDay(locale: Locale, isoDate: string): string {
  let format = dayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_TAGS[locale], { dateStyle: 'long', timeZone: 'UTC' });
    dayFormats.set(locale, format);
  }
  return format.format(new Date(`${isoDate}T00:00:00Z`));
}
