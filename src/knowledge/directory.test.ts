import { describe, expect, it } from 'vitest';
import {
  deadlinePassed,
  directoryQueryString,
  facetAndPage,
  parseDirectorySearch,
  readDeadline,
  readDirectoryForm,
  WHOLE_COUNTRY,
  type DirectoryEntry,
} from './directory.js';

/** A stand-in for the Oslo clock: winter time (UTC+1), and 02:30 on the last Sunday of March does not exist. */
const toInstant = (local: string) => (local === '2027-03-28T02:30' ? undefined : new Date(`${local}:00+01:00`));

const form = {
  entry: 'scheme',
  kind: '',
  language: 'nn',
  name: '  Skjønnsmidlar  ',
  description: 'Tilskot til innovasjonsprosjekt.',
  country: 'NO',
  region: '',
  themes: ['innovation_method', 'innovation_method'],
  web: '',
  email: '',
  phone: '',
  runner: 'Fylkesmennene',
  deadline: '2027-03-01T12:00',
  eligible: 'Kommunane.',
  source: 'Seed 002',
};

describe('reading an entry from the form', () => {
  it('reads a scheme: trimmed, themes once, the deadline on the Oslo clock, an empty region is the whole country', () => {
    expect(readDirectoryForm(form, toInstant)).toEqual({
      entry: 'scheme',
      kind: null,
      language: 'nn',
      name: 'Skjønnsmidlar',
      description: 'Tilskot til innovasjonsprosjekt.',
      country: 'NO',
      region: null,
      themes: ['innovation_method'],
      web: null,
      email: null,
      phone: null,
      runner: 'Fylkesmennene',
      deadline: new Date('2027-03-01T11:00:00Z'),
      eligible: 'Kommunane.',
      source: 'Seed 002',
    });
  });

  it('reads an actor: a kind, no deadline, runner or eligibility even when posted', () => {
    const actor = readDirectoryForm({ ...form, entry: 'actor', kind: 'university', web: 'https://www.example.no/' }, toInstant);
    expect(actor).toMatchObject({
      entry: 'actor',
      kind: 'university',
      deadline: null,
      runner: null,
      eligible: '',
      web: 'https://www.example.no/',
    });
  });

  it.each([
    [{ name: ' ' }, 'name', 'nameMissing'],
    [{ entry: 'person' }, 'entry', 'badEntry'],
    [{ entry: 'actor', kind: '' }, 'kind', 'badKind'],
    [{ language: 'sv' }, 'language', 'badLanguage'],
    [{ country: 'SE' }, 'country', 'badCountry'],
    [{ themes: ['weather'] }, 'themes', 'badTheme'],
    [{ web: 'www.example.no' }, 'web', 'badWeb'],
    [{ email: 'post.example.no' }, 'email', 'badEmail'],
    [{ phone: 'ring meg' }, 'phone', 'badPhone'],
    [{ deadline: '1. mars 2027' }, 'deadline', 'badDeadline'],
    [{ deadline: '2027-02-30T12:00' }, 'deadline', 'badDeadline'],
    [{ deadline: '2027-03-28T02:30' }, 'deadline', 'badDeadline'],
    [{ runner: '' }, 'runner', 'runnerMissing'],
    [{ eligible: '' }, 'eligible', 'eligibleMissing'],
    [{ source: '' }, 'source', 'sourceMissing'],
    [{ name: 'x'.repeat(201) }, 'name', 'tooLong'],
    [{ description: 'a\u0002b' }, 'description', 'badText'],
  ])('refuses %j at %s (%s)', (change, field, problem) => {
    expect(readDirectoryForm({ ...form, ...change }, toInstant)).toEqual({ field, problem });
  });

  it('reads an empty deadline as ongoing and a date alone as the end of that day', () => {
    expect(readDeadline('', toInstant)).toEqual({ deadline: null });
    expect(readDeadline('2027-03-01', toInstant)).toEqual({ deadline: new Date('2027-03-01T22:59:00Z') });
    expect(deadlinePassed({ deadline: null }, new Date())).toBe(false);
    expect(deadlinePassed({ deadline: new Date('2020-01-01') }, new Date())).toBe(true);
  });
});

const entry = (name: string, change: Partial<DirectoryEntry>): DirectoryEntry => ({
  slug: name,
  href: `/x/${name}`,
  own: false,
  version: 1,
  entry: 'actor',
  kind: 'university',
  language: 'nb',
  name,
  description: '',
  country: 'NO',
  region: null,
  themes: [],
  web: null,
  email: null,
  phone: null,
  runner: null,
  deadline: null,
  eligible: '',
  source: 'test',
  ...change,
});

describe('the facets of a directory search', () => {
  const matches = [
    entry('a', { themes: ['collaboration', 'innovation_method'] }),
    entry('b', { kind: 'public_agency', region: 'Oslo' }),
    entry('c', { entry: 'scheme', kind: null, country: 'DK', themes: ['collaboration'] }),
  ];

  it('filters by every chosen facet, keeps the rank order, and counts each facet under the others', () => {
    const result = facetAndPage(matches, parseDirectorySearch({ type: 'actor', theme: 'collaboration' }));
    expect(result.entries.map((e) => e.name)).toEqual(['a']);
    expect(result.total).toBe(1);
    expect(result.facets.type).toEqual([
      { value: 'actor', count: 1 },
      { value: 'scheme', count: 1 },
    ]);
    expect(result.facets.theme).toEqual([
      { value: 'collaboration', count: 1 },
      { value: 'innovation_method', count: 1 },
    ]);
    expect(facetAndPage(matches, parseDirectorySearch({})).facets.region).toEqual([
      { value: WHOLE_COUNTRY, count: 2 },
      { value: 'Oslo', count: 1 },
    ]);
  });

  it('reads a search from the URL, drops unknown values, and writes it back with one value added or removed', () => {
    const search = parseDirectorySearch({ q: ' fond ', type: ['scheme', 'person'], kind: 'zzz', country: ['DK'], side: '-1' });
    expect(search).toEqual({ q: 'fond', type: ['scheme'], kind: [], region: [], theme: [], country: ['DK'], page: 1 });
    expect(directoryQueryString(search)).toBe('q=fond&type=scheme&country=DK');
    expect(directoryQueryString(search, { facet: 'country', value: 'DK', on: false })).toBe('q=fond&type=scheme');
    expect(directoryQueryString(search, { facet: 'region', value: '*', on: true })).toBe('q=fond&type=scheme&region=*&country=DK');
  });
});
