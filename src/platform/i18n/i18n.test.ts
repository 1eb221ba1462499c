import { describe, expect, it } from 'vitest';
import { chooseLocale, formatNumber, localeFromAcceptLanguage, registeredMessages, translator } from './index.js';

const [nb, nn, da, en] = (['nb', 'nn', 'da', 'en'] as const).map(registeredMessages) as [
  Record<string, string>,
  Record<string, string>,
  Record<string, string>,
  Record<string, string>,
];

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('message catalogues', () => {
  it.each([
    ['nn', nn],
    ['da', da],
    ['en', en],
  ])('%s has every key of bokmål and no other', (_name, catalogue) => {
    expect(Object.keys(catalogue).sort()).toEqual(Object.keys(nb).sort());
  });

  it.each([
    ['nn', nn],
    ['da', da],
    ['en', en],
  ])('%s uses the same placeholders as bokmål in every message', (_name, catalogue) => {
    for (const [key, text] of Object.entries(nb)) {
      expect(placeholders(catalogue[key]!), key).toEqual(placeholders(text));
    }
  });

  it('has no empty message', () => {
    for (const catalogue of [nb, nn, da, en]) {
      for (const [key, text] of Object.entries(catalogue)) expect(text.trim(), key).not.toBe('');
    }
  });
});

describe('translator', () => {
  it('fills placeholders', () => {
    expect(translator('en')('layout.signedInAs', { name: 'Kari' })).toBe('Signed in as Kari');
    expect(translator('nn')('error.reference', { id: 'abc' })).toBe('Referanse: abc');
  });

  it("chooses the word for a count by the language's plural rules: {count|one|other}", () => {
    // A text that is not in the catalogue is its own message, so the rule is seen without one.
    const say = (locale: 'nb' | 'en', text: string, count: string | number) =>
      (translator(locale) as unknown as (key: string, params: Record<string, string | number>) => string)(text, { count });
    expect(say('nb', '{count} {count|prosjekt|prosjekter}', 1)).toBe('1 prosjekt');
    expect(say('nb', '{count} {count|prosjekt|prosjekter}', 2)).toBe('2 prosjekter');
    expect(say('nb', '{count} {count|prosjekt|prosjekter}', 0)).toBe('0 prosjekter');
    expect(say('en', '{count} {count|project|projects}', '1')).toBe('1 project');
    expect(say('en', '{count} {count|project|projects}', '1 000')).toBe('1 000 projects');
    expect(say('en', '{count} {count|project|projects}', '2,5')).toBe('2,5 projects');
  });
});

describe('choosing the language', () => {
  it('prefers the URL, then the cookie, then the browser, then bokmål', () => {
    expect(chooseLocale('da', 'nn', 'en')).toBe('da');
    expect(chooseLocale(undefined, 'nn', 'en')).toBe('nn');
    expect(chooseLocale('xx', undefined, 'en-GB,en;q=0.9')).toBe('en');
    expect(chooseLocale(undefined, undefined, 'fr-FR')).toBe('nb');
  });

  it('honours q-values and maps no/nb/nn', () => {
    expect(localeFromAcceptLanguage('en;q=0.5, nn;q=0.8')).toBe('nn');
    expect(localeFromAcceptLanguage('no')).toBe('nb');
    expect(localeFromAcceptLanguage('da-DK')).toBe('da');
    expect(localeFromAcceptLanguage('fr, de;q=0')).toBeUndefined();
  });
});

describe('number formatting', () => {
  it('uses the language’s separators', () => {
    expect(formatNumber('nb', 60000)).toBe('60\u00a0000');
    expect(formatNumber('da', 60000)).toBe('60.000');
    expect(formatNumber('en', 60000)).toBe('60,000');
    expect(formatNumber('nn', 1.5, 1)).toBe('1,5');
  });
});
