import { describe, expect, it } from 'vitest';
import { hasControlCharacters, parseSearch, readCaseForm, searchQueryString, searchWords, sizeClassOf, slugOf, yearsOf } from './model.js';

describe('a case', () => {
  it('gets a readable address from its title', () => {
    expect(slugOf('Længst muligt i eget liv')).toBe('laengst-muligt-i-eget-liv');
    expect(slugOf('SMS før snøbrøyting i Kristiansand')).toBe('sms-for-snobroyting-i-kristiansand');
    expect(slugOf('«»')).toBe('sak');
    expect(slugOf('a'.repeat(200)).length).toBeLessThanOrEqual(80);
  });

  it('is sized by the KOSTRA bands and covers its years', () => {
    expect([4_999, 5_000, 19_999, 20_000].map(sizeClassOf)).toEqual(['small', 'medium', 'medium', 'large']);
    expect(yearsOf(2010, null)).toEqual([2010]);
    expect(yearsOf(2010, 2012)).toEqual([2010, 2011, 2012]);
    expect(yearsOf(null, null)).toEqual([]);
    expect(yearsOf(1900, 2100)).toHaveLength(50);
  });

  const form = {
    language: 'nn',
    title: ' Tittel ',
    problem: 'P',
    done: 'D',
    results: '',
    phase: 'put_to_use',
    country: 'NO',
    sector: 'health_care',
    themes: ['rehabilitation', 'rehabilitation'],
    yearFrom: '2012',
    yearTo: '',
    municipalities: '4018 Nome\r\n\r\n0301  Oslo',
    partners: 'Veidekke\n',
    contacts: '',
    links: 'Rapport | https://example.no/r\nhttps://example.no/s',
    source: 'Seed 002',
  };

  it('is read from the editor form, one municipality and link per line', () => {
    expect(readCaseForm(form)).toMatchObject({
      title: 'Tittel',
      themes: ['rehabilitation'],
      yearFrom: 2012,
      yearTo: null,
      municipalities: [
        { country: 'NO', code: '4018', name: 'Nome' },
        { country: 'NO', code: '0301', name: 'Oslo' },
      ],
      partners: ['Veidekke'],
      links: [
        { title: 'Rapport', url: 'https://example.no/r' },
        { title: 'https://example.no/s', url: 'https://example.no/s' },
      ],
    });
  });

  it.each([
    [{ title: '' }, 'title', 'titleMissing'],
    [{ source: ' ' }, 'source', 'sourceMissing'],
    [{ language: 'sv' }, 'language', 'badLanguage'],
    [{ phase: 'done' }, 'phase', 'badPhase'],
    [{ themes: ['x'] }, 'themes', 'badTheme'],
    [{ yearFrom: '12' }, 'yearFrom', 'badYears'],
    [{ yearFrom: '2012', yearTo: '2011' }, 'yearTo', 'badYears'],
    [{ municipalities: 'Nome' }, 'municipalities', 'badMunicipality'],
    [{ links: 'Rapport | javascript:alert(1)' }, 'links', 'badLink'],
    [{ title: 'x'.repeat(201) }, 'title', 'tooLong'],
  ])('refuses %o at its field', (change, field, problem) => {
    expect(readCaseForm({ ...form, ...change })).toEqual({ field, problem });
  });

  it('knows control characters from text', () => {
    expect(hasControlCharacters('linje\nlinje\ttab')).toBe(false);
    expect(hasControlCharacters(`a${String.fromCharCode(2)}b`)).toBe(true);
  });
});

describe('a search in the URL', () => {
  it('keeps known facet values, drops the rest, and writes itself back', () => {
    const search = parseSearch({ q: '  kvardag  ', country: ['NO', 'SE'], sector: 'health_care', year: ['2010', '20x'], side: '2' });
    expect(search).toMatchObject({ q: 'kvardag', country: ['NO'], sector: ['health_care'], year: [2010], page: 2 });
    expect(searchQueryString(search)).toBe('q=kvardag&country=NO&sector=health_care&year=2010&side=2');
    expect(searchQueryString(search, { facet: 'country', value: 'NO', on: false })).toBe('q=kvardag&sector=health_care&year=2010');
    expect(parseSearch({ side: '-1' }).page).toBe(1);
  });

  it('splits a query into at most twelve distinct words', () => {
    expect(searchWords('Rehabilitering i heimen, rehabilitering!')).toEqual(['rehabilitering', 'i', 'heimen']);
    expect(searchWords(Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '))).toHaveLength(12);
    expect(searchWords("'; drop --")).toEqual(['drop']);
  });
});
