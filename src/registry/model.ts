/**
 * The registry's domain: counties/regions and municipalities (kommuner) of Norway and Denmark,
 * their names in every official form, code changes over time, and the statistics tables the
 * registry keeps. Pure: parsers take file or response text that the caller has already read.
 */
import type { JsonStatDataset } from './jsonstat.js';

export type Country = 'NO' | 'DK';
export type Sex = 'male' | 'female';

/**
 * One form of a name. Languages are ISO 639 codes: no Norwegian (bokmål and nynorsk forms of place
 * names coincide), se Northern Sami, sma Southern Sami, smj Lule Sami, smi Sami (variety not given
 * by the source), fkv Kven, da Danish, en English.
 */
export interface NameForm {
  readonly name: string;
  readonly language: string;
  /** False for exonyms kept only so that search finds them (e.g. "Copenhagen"). */
  readonly official: boolean;
}

export interface Region {
  readonly country: Country;
  readonly code: string;
  readonly names: readonly NameForm[];
  /** ISO date the unit came into being under this code; null when older than the records. */
  readonly validFrom: string | null;
  /** ISO date the code went out of use (exclusive); null while it is current. */
  readonly validTo: string | null;
}

export interface Municipality extends Region {
  /** The county (fylke) or region; null for a former code whose county no longer exists. */
  readonly regionCode: string | null;
}

export interface CodeChange {
  readonly oldCode: string;
  readonly oldName: string;
  readonly newCode: string;
  readonly newName: string;
  readonly changedOn: string;
}

/** A municipality code in use in `year`, mapped to a 2024 code with the share of its population. */
export interface CrosswalkEntry {
  readonly year: number;
  readonly oldCode: string;
  readonly newCode: string;
  readonly weight: number;
}

/** Population by municipality × year × sex × age, one entry per cell, in columns for bulk inserts. */
export interface PopulationColumns {
  readonly municipality: readonly string[];
  readonly year: Int16Array;
  readonly sex: readonly Sex[];
  readonly age: Int16Array;
  readonly persons: Int32Array;
}

export interface PopulationTotal {
  readonly country: Country;
  readonly municipalityCode: string;
  readonly year: number;
  readonly persons: number;
}

export type Alternative = 'MMMM' | 'HHMH' | 'LLML';

export interface NationalProjectionRow {
  readonly tableCode: string;
  readonly baseYear: number;
  readonly alternative: Alternative;
  readonly year: number;
  readonly ageFrom: number;
  readonly ageTo: number;
  readonly persons: number;
}

export const MAX_AGE = 105;
export const NORWAY_MUNICIPALITY_COUNT = 357;
export const DENMARK_MUNICIPALITY_COUNT = 98;

/** Sami and Kven forms in Norwegian official names; any other form is Norwegian. */
const MINORITY_FORMS: Readonly<Record<string, string>> = {
  Oslove: 'sma',
  Aarborte: 'sma',
  Tråante: 'sma',
  Nåavmesjenjaelmie: 'sma',
  Rosse: 'sma',
  Snåase: 'sma',
  Raarvihke: 'sma',
  Trööndelage: 'sma',
  Sisdajven: 'sma',
  Fuossko: 'smj',
  Fuosko: 'smj',
  Hábmer: 'smj',
  Nordlánnda: 'smj',
  Nordlándda: 'smi',
  Evenášši: 'se',
  Suortá: 'se',
  Hárstták: 'se',
  Dielddanuorri: 'se',
  Loabák: 'se',
  Omasvuotna: 'se',
  Gáivuotna: 'se',
  Ráisa: 'se',
  Hámmerfeasta: 'se',
  Kárášjohka: 'se',
  Guovdageaidnu: 'se',
  Porsáŋgu: 'se',
  Deatnu: 'se',
  Unjárga: 'se',
  Romsa: 'se',
  Romssa: 'se',
  Finnmárku: 'se',
  Finnmárkku: 'se',
  Omasvuono: 'fkv',
  Kaivuono: 'fkv',
  Raisi: 'fkv',
  Porsanki: 'fkv',
  Tromssa: 'fkv',
  Finmarkku: 'fkv',
};

/** The language of one form of a Norwegian official name. */
export function norwegianFormLanguage(form: string): string {
  return MINORITY_FORMS[form] ?? 'no';
}

/**
 * Splits an official name written the way Kartverket writes it ("Kárášjohka - Karasjok",
 * "Storfjord - Omasvuotna - Omasvuono") into its forms. Hyphens inside a form ("Aurskog-Høland")
 * are kept.
 */
export function norwegianNameForms(officialName: string): NameForm[] {
  return officialName
    .split(/\s+[-–]\s+/)
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .map((name) => ({ name, language: norwegianFormLanguage(name), official: true }));
}

/**
 * SSB writes names with bare hyphens ("Oslo-Oslove", "Fauske-Fuosko") and sometimes has a form that
 * Kartverket's name lacks. Adds SSB's forms that are known Sami or Kven forms.
 */
export function withSsbForms(forms: readonly NameForm[], ssbName: string): NameForm[] {
  const known = new Set(forms.map((f) => f.name));
  const extra = ssbName
    .split('-')
    .map((part) => part.trim())
    .filter((part) => part in MINORITY_FORMS && !known.has(part))
    .map((name) => ({ name, language: norwegianFormLanguage(name), official: true }));
  return [...forms, ...extra];
}

/** The display name: official forms in order, joined by an en dash ("Kárášjohka – Karasjok"). */
export function officialName(forms: readonly NameForm[]): string {
  return forms
    .filter((f) => f.official)
    .map((f) => f.name)
    .join(' – ');
}

/** Case- and accent-insensitive key for matching a search against name forms. */
export function searchKey(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/ŋ/g, 'n').toLowerCase().trim();
}

type Record_ = ReadonlyMap<string, string>;

/**
 * Minimal CSV reader for the shipped files: optional BOM, a header line, quoted fields with ""
 * escapes. Not for multi-line fields (none of the registry's files have them).
 */
export function parseCsvRecords(text: string, delimiter = ','): Record_[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  const [header, ...rows] = lines.map((line) => splitCsvLine(line, delimiter));
  if (!header) return [];
  return rows.map((values) => new Map(header.map((h, i) => [h, values[i] ?? ''])));
}

function splitCsvLine(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted && ch === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

function column(row: Record_, name: string): string {
  const value = row.get(name);
  if (value === undefined) throw new Error(`CSV has no column "${name}"`);
  return value;
}

/**
 * When today's Norwegian counties took their codes: Trøndelag 2018; Innlandet, Agder, Vestland
 * 2020; the 2024 split of Viken, Vestfold og Telemark, Troms og Finnmark. The others are older than
 * the records.
 */
const NORWEGIAN_COUNTY_VALID_FROM: Readonly<Record<string, string>> = {
  '50': '2018-01-01',
  '34': '2020-01-01',
  '42': '2020-01-01',
  '46': '2020-01-01',
  '31': '2024-01-01',
  '32': '2024-01-01',
  '33': '2024-01-01',
  '39': '2024-01-01',
  '40': '2024-01-01',
  '55': '2024-01-01',
  '56': '2024-01-01',
};

export interface RegistryUnits {
  readonly regions: readonly Region[];
  readonly municipalities: readonly Municipality[];
}

/**
 * Norway's 2024 counties and municipalities from ssb/municipalities_2024.csv (Kartverket's names
 * split into forms, SSB's extra forms added), with the date each code came into use from SSB's
 * change records.
 */
export function norwegianUnits(municipalitiesCsv: string, changes: readonly CodeChange[]): RegistryUnits {
  const rows = parseCsvRecords(municipalitiesCsv);
  const started = codeStartDates(changes);
  const regions = new Map<string, Region>();
  const municipalities = rows.map((row): Municipality => {
    const regionCode = column(row, 'fylkesnummer');
    if (!regions.has(regionCode)) {
      regions.set(regionCode, {
        country: 'NO',
        code: regionCode,
        names: withSsbForms(norwegianNameForms(column(row, 'fylkesnavn_kartverket')), column(row, 'fylkesnavn_ssb')),
        validFrom: NORWEGIAN_COUNTY_VALID_FROM[regionCode] ?? null,
        validTo: null,
      });
    }
    const code = column(row, 'kommunenummer');
    return {
      country: 'NO',
      code,
      regionCode,
      names: withSsbForms(norwegianNameForms(column(row, 'kommunenavn_kartverket')), column(row, 'kommunenavn_ssb')),
      validFrom: started.get(code) ?? null,
      validTo: null,
    };
  });
  return { regions: [...regions.values()], municipalities };
}

/**
 * The first date on which each code replaced another code: when it came into use. (Later changes
 * where a code absorbed a neighbour, like Klæbu into 5001 Trondheim in 2020, keep the code.)
 */
function codeStartDates(changes: readonly CodeChange[]): Map<string, string> {
  const started = new Map<string, string>();
  for (const c of changes) {
    if (c.oldCode === c.newCode) continue;
    const known = started.get(c.newCode);
    if (known === undefined || c.changedOn < known) started.set(c.newCode, c.changedOn);
  }
  return started;
}

/**
 * Norwegian codes that went out of use since 1988, with their last name and validity period, from
 * SSB's change records. Codes still current are left out.
 */
export function formerNorwegianMunicipalities(changes: readonly CodeChange[], current: ReadonlySet<string>): Municipality[] {
  const started = codeStartDates(changes);
  const former = new Map<string, Municipality>();
  const ordered = [...changes].sort((a, b) => (a.changedOn < b.changedOn ? -1 : a.changedOn > b.changedOn ? 1 : 0));
  for (const c of ordered) {
    if (c.oldCode === c.newCode || current.has(c.oldCode) || former.has(c.oldCode)) continue;
    former.set(c.oldCode, {
      country: 'NO',
      code: c.oldCode,
      regionCode: null,
      names: norwegianNameForms(c.oldName),
      validFrom: started.get(c.oldCode) ?? null,
      validTo: c.changedOn,
    });
  }
  return [...former.values()];
}

export function parseCodeChanges(json: unknown): CodeChange[] {
  const list = (json as { codeChanges?: unknown }).codeChanges;
  if (!Array.isArray(list)) throw new Error('code changes: expected {"codeChanges": [...]}');
  return list.map((entry: Record<string, unknown>) => ({
    oldCode: String(entry.oldCode),
    oldName: String(entry.oldName),
    newCode: String(entry.newCode),
    newName: String(entry.newName),
    changedOn: String(entry.changeOccurred),
  }));
}

export function parseCrosswalk(csv: string): CrosswalkEntry[] {
  return parseCsvRecords(csv).map((row) => ({
    year: Number(column(row, 'year')),
    oldCode: column(row, 'kommunenummer_original'),
    newCode: column(row, 'kommunenummer_2024'),
    weight: Number(column(row, 'weighting')),
  }));
}

/** Denmark's regions since the 2007 reform (kommunalreformen): FOLK1A codes 81–85, ISO DK-81…85. */
const DANISH_REGIONS: readonly (readonly [string, string])[] = [
  ['81', 'Region Nordjylland'],
  ['82', 'Region Midtjylland'],
  ['83', 'Region Syddanmark'],
  ['84', 'Region Hovedstaden'],
  ['85', 'Region Sjælland'],
];
const DANISH_REFORM = '2007-01-01';
/** 411 Christiansø is administered by the state, not a municipality. */
const NOT_A_MUNICIPALITY = new Set(['411']);

/** Denmark's 5 regions and 98 municipalities from dk/dk_municipalities_dagi2014_properties.csv. */
export function danishUnits(propertiesCsv: string): RegistryUnits {
  const regions = DANISH_REGIONS.map(
    ([code, name]): Region => ({
      country: 'DK',
      code,
      names: [{ name, language: 'da', official: true }],
      validFrom: DANISH_REFORM,
      validTo: null,
    }),
  );
  const municipalities = parseCsvRecords(propertiesCsv)
    .filter((row) => !NOT_A_MUNICIPALITY.has(column(row, 'lau_1')))
    .map((row): Municipality => {
      const danish = column(row, 'label_dk');
      const english = column(row, 'label_en');
      const names: NameForm[] = [{ name: danish, language: 'da', official: true }];
      if (english !== danish) names.push({ name: english, language: 'en', official: false });
      return {
        country: 'DK',
        code: column(row, 'lau_1'),
        regionCode: column(row, 'iso_3166_2').replace(/^DK-/, ''),
        names,
        validFrom: DANISH_REFORM,
        validTo: null,
      };
    });
  return { regions, municipalities };
}

/** FOLK1A rows for the given municipalities (the file also has regions 81–85 and the country, 0). */
export function parseFolk1aTotals(csv: string, municipalityCodes: ReadonlySet<string>): PopulationTotal[] {
  return parseCsvRecords(csv)
    .filter((row) => municipalityCodes.has(column(row, 'code')))
    .map((row) => ({
      country: 'DK',
      municipalityCode: column(row, 'code'),
      year: Number(column(row, 'year')),
      persons: Number(column(row, 'population')),
    }));
}

const ALTERNATIVE_PATTERN = /\((MMMM|HHMH|LLML)\)/;

/**
 * SSB national projection CSV (region,statistikkvariabel,år,alder,value,Framskriving,Tabell) into
 * rows per alternative, year and age group; other alternatives in the file are skipped.
 */
export function parseNationalProjectionCsv(csv: string): NationalProjectionRow[] {
  return parseCsvRecords(csv).flatMap((row) => {
    const alternative = ALTERNATIVE_PATTERN.exec(column(row, 'statistikkvariabel'))?.[1] as Alternative | undefined;
    if (!alternative) return [];
    const [ageFrom, ageTo] = ageGroup(column(row, 'alder'));
    return [
      {
        tableCode: column(row, 'Tabell'),
        baseYear: Number(column(row, 'Framskriving')),
        alternative,
        year: Number(column(row, 'år')),
        ageFrom,
        ageTo,
        persons: Number(column(row, 'value')),
      },
    ];
  });
}

/** "0 år", "1-5 år", "90 år eller eldre" → inclusive [from, to], open groups ending at 105. */
export function ageGroup(label: string): [number, number] {
  const numbers = (label.match(/\d+/g) ?? []).map(Number);
  const from = numbers[0];
  if (from === undefined) throw new Error(`age group without an age: "${label}"`);
  if (/\+|eldre|older/.test(label)) return [from, MAX_AGE];
  return [from, numbers[1] ?? from];
}

export type PopulationResult = { ok: true; population: PopulationColumns } | { ok: false; error: string };

/** SSB's sex codes in 07459 (Kjonn): 1 men, 2 women. */
const SEX_BY_CODE: Readonly<Record<string, Sex>> = { '1': 'male', '2': 'female' };

/**
 * A 07459 dataset (Region × Kjonn × Alder × ContentsCode × Tid) as one entry per cell with a value.
 * Cells without a value (a code not in use that year) are left out. Ages "105+" count as 105.
 */
export function populationColumns(ds: JsonStatDataset): PopulationResult {
  const needed = ['Region', 'Kjonn', 'Alder', 'Tid'];
  const missing = needed.filter((id) => !ds.dimensions.some((d) => d.id === id));
  if (missing.length > 0) return { ok: false, error: `the dataset has no ${missing.join(', ')} dimension` };
  const extra = ds.dimensions.filter((d) => !needed.includes(d.id) && d.categories.length !== 1);
  if (extra.length > 0) return { ok: false, error: `dimension ${extra[0]!.id} must have a single category` };
  const [regions, sexes, ages, years] = needed.map((id) => ds.dimension(id).categories);
  const strides = needed.map((id) => ds.stride(id));
  const municipality: string[] = [];
  const sex: Sex[] = [];
  const yearColumn: number[] = [];
  const ageColumn: number[] = [];
  const persons: number[] = [];
  const sexValues = sexes!.map((c) => SEX_BY_CODE[c.code]);
  const unknownSex = sexes!.find((c) => !SEX_BY_CODE[c.code]);
  if (unknownSex) return { ok: false, error: `unknown sex code "${unknownSex.code}"` };
  const ageValues = ages!.map((c) => parseInt(c.code, 10));
  const badAge = ages!.find((_, a) => !(ageValues[a]! >= 0 && ageValues[a]! <= MAX_AGE));
  if (badAge) return { ok: false, error: `age "${badAge.code}" is outside 0–105+` };
  // In primary-key order (municipality, year, sex, age), which keeps index inserts cheap.
  for (let r = 0; r < regions!.length; r++) {
    for (let y = 0; y < years!.length; y++) {
      for (let k = 0; k < sexes!.length; k++) {
        for (let a = 0; a < ages!.length; a++) {
          const v = ds.values[r * strides[0]! + k * strides[1]! + a * strides[2]! + y * strides[3]!]!;
          if (Number.isNaN(v)) continue;
          if (!Number.isInteger(v) || v < 0) return { ok: false, error: `population ${v} is not a count` };
          municipality.push(regions![r]!.code);
          sex.push(sexValues[k]!);
          ageColumn.push(ageValues[a]!);
          yearColumn.push(Number(years![y]!.code));
          persons.push(v);
        }
      }
    }
  }
  return {
    ok: true,
    population: {
      municipality,
      sex,
      year: Int16Array.from(yearColumn),
      age: Int16Array.from(ageColumn),
      persons: Int32Array.from(persons),
    },
  };
}

/** Entries [from, to) of a population in columns, for inserting in chunks. */
export function populationSlice(p: PopulationColumns, from: number, to: number): PopulationColumns {
  return {
    municipality: p.municipality.slice(from, to),
    sex: p.sex.slice(from, to),
    year: p.year.subarray(from, to),
    age: p.age.subarray(from, to),
    persons: p.persons.subarray(from, to),
  };
}

/** Codes in the data that the registry does not know: such a dataset is refused. */
export function unknownCodes(codes: Iterable<string>, known: ReadonlySet<string>): string[] {
  return [...new Set(codes)].filter((code) => !known.has(code)).sort();
}

export type NationalProjectionResult = { ok: true; rows: NationalProjectionRow[] } | { ok: false; error: string };

/**
 * A national projection table (14288, 14746) as PxWebApi returns it in JSON-stat2: alternatives
 * are the categories whose code or label carries MMMM, HHMH or LLML (other alternatives are
 * skipped), ages in `Alder` (single years or groups), years in `Tid`. Every other dimension must
 * have a single category (ask for the national total).
 */
export function nationalProjectionFromJsonStat(ds: JsonStatDataset, tableCode: string, baseYear: number): NationalProjectionResult {
  const alternativeOf = (c: { code: string; label: string }) =>
    (/\b(MMMM|HHMH|LLML)\b/.exec(c.code)?.[1] ?? ALTERNATIVE_PATTERN.exec(c.label)?.[1]) as Alternative | undefined;
  const alternativeDimension = ds.dimensions.find((d) => d.categories.some((c) => alternativeOf(c)));
  if (!alternativeDimension) return { ok: false, error: 'the dataset has no MMMM, HHMH or LLML alternative' };
  const needed = [alternativeDimension.id, 'Alder', 'Tid'];
  const missing = needed.filter((id) => !ds.dimensions.some((d) => d.id === id));
  if (missing.length > 0) return { ok: false, error: `the dataset has no ${missing.join(', ')} dimension` };
  const extra = ds.dimensions.find((d) => !needed.includes(d.id) && d.categories.length !== 1);
  if (extra) return { ok: false, error: `dimension ${extra.id} must have a single category` };
  const rows: NationalProjectionRow[] = [];
  const [alternatives, ages, years] = needed.map((id) => ds.dimension(id).categories);
  const [sa, sg, sy] = needed.map((id) => ds.stride(id));
  for (const [i, alternative] of alternatives!.entries()) {
    const code = alternativeOf(alternative);
    if (!code) continue;
    for (const [g, age] of ages!.entries()) {
      const [ageFrom, ageTo] = ageGroup(age.label === age.code ? age.code : age.label);
      for (const [y, year] of years!.entries()) {
        const persons = ds.values[i * sa! + g * sg! + y * sy!]!;
        if (Number.isNaN(persons)) continue;
        rows.push({ tableCode, baseYear, alternative: code, year: Number(year.code), ageFrom, ageTo, persons });
      }
    }
  }
  return { ok: true, rows };
}

/** Statistics Denmark's sex codes in FOLK1A (KØN): 1 men, 2 women. */
const DST_SEX_BY_CODE: Readonly<Record<string, Sex>> = { '1': 'male', '2': 'female' };

/**
 * A FOLK1A dataset (OMRÅDE × KØN × ALDER × Tid, other variables eliminated) as one entry per cell:
 * the first quarter of a year is the population on 1 January of that year; other quarters are left
 * out. Ages above 105 are added to 105 (105+), as SSB publishes Norway's; totals (IALT, TOT) are
 * refused, since they would count people twice.
 */
export function folk1aColumns(ds: JsonStatDataset): PopulationResult {
  const needed = ['OMRÅDE', 'KØN', 'ALDER', 'Tid'];
  const missing = needed.filter((id) => !ds.dimensions.some((d) => d.id === id));
  if (missing.length > 0) return { ok: false, error: `the dataset has no ${missing.join(', ')} variable` };
  const extra = ds.dimensions.filter((d) => !needed.includes(d.id) && d.categories.length !== 1);
  if (extra.length > 0) return { ok: false, error: `variable ${extra[0]!.id} must have a single value` };
  const [areas, sexes, ages, times] = needed.map((id) => ds.dimension(id).categories);
  const [areaStride, sexStride, ageStride, timeStride] = needed.map((id) => ds.stride(id));
  const unknownSex = sexes!.find((c) => !DST_SEX_BY_CODE[c.code]);
  if (unknownSex) return { ok: false, error: `sex "${unknownSex.code}" is not 1 (men) or 2 (women)` };
  const ageValues = ages!.map((c) => (/^\d{1,3}$/.test(c.code) ? Math.min(Number(c.code), MAX_AGE) : Number.NaN));
  const badAge = ages!.find((_, a) => Number.isNaN(ageValues[a]!));
  if (badAge) return { ok: false, error: `age "${badAge.code}" is not a single year of age` };
  const years = times!.map((c) => /^(\d{4})K1$/.exec(c.code)?.[1]);
  const cells = new Map<string, number>();
  for (let r = 0; r < areas!.length; r++)
    for (let t = 0; t < times!.length; t++) {
      if (years[t] === undefined) continue;
      for (let k = 0; k < sexes!.length; k++)
        for (let a = 0; a < ages!.length; a++) {
          const v = ds.values[r * areaStride! + k * sexStride! + a * ageStride! + t * timeStride!]!;
          if (Number.isNaN(v)) continue;
          if (!Number.isInteger(v) || v < 0) return { ok: false, error: `population ${v} is not a count` };
          const key = [areas![r]!.code, years[t], DST_SEX_BY_CODE[sexes![k]!.code], ageValues[a]].join('|');
          cells.set(key, (cells.get(key) ?? 0) + v);
        }
    }
  if (cells.size === 0) return { ok: false, error: 'the dataset has no first quarter (1 January) with values' };
  // In primary-key order (municipality, year, sex, age), which keeps index inserts cheap.
  const keys = [...cells.keys()]
    .map((key) => key.split('|'))
    .sort((x, y) => x[0]!.localeCompare(y[0]!) || Number(x[1]) - Number(y[1]) || x[2]!.localeCompare(y[2]!) || Number(x[3]) - Number(y[3]));
  return {
    ok: true,
    population: {
      municipality: keys.map((k) => k[0]!),
      year: Int16Array.from(keys, (k) => Number(k[1])),
      sex: keys.map((k) => k[2] as Sex),
      age: Int16Array.from(keys, (k) => Number(k[3])),
      persons: Int32Array.from(keys, (k) => cells.get(k.join('|'))!),
    },
  };
}
