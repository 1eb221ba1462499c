/**
 * The live threshold of a municipality or county, read from the registry's latest population
 * (only through the registry's door): a Norwegian county is the sum of its municipalities.
 */
import type { Queryable } from '../platform/db/database.js';
import { findMunicipality, listMunicipalities, listRegions, populationTotals } from '../registry/index.js';
import { findLocalRule } from './store.js';
import { thresholdOf, type AreaKind, type Country, type Population, type Threshold } from './model.js';

/** Where the population figures come from. */
export const POPULATION_SOURCES: Record<Country, string> = {
  NO: 'Statistisk sentralbyrå (SSB), statistikkbanken tabell 07459: folkemengde 1. januar',
  DK: 'Danmarks Statistik, Statistikbanken FOLK1A: befolkningen 1. januar',
};

export interface Area {
  country: Country;
  kind: AreaKind;
  code: string;
  name: string;
}

/** A municipality by its number: four digits in Norway, three in Denmark (also written with a leading zero). */
export async function findMunicipalityArea(db: Queryable, code: string): Promise<Area | undefined> {
  const candidates: [Country, string][] = code.length === 4 ? [['NO', code]] : [];
  const danish = code.replace(/^0+/, '');
  if (/^[0-9]{3}$/.test(danish)) candidates.push(['DK', danish]);
  for (const [country, candidate] of candidates) {
    const found = await findMunicipality(db, country, candidate);
    if (found && found.validTo === null) return { country, kind: 'municipality', code: found.code, name: found.name };
  }
  return undefined;
}

/** A Norwegian county by its two-digit number. */
export async function findCountyArea(db: Queryable, code: string): Promise<Area | undefined> {
  const region = (await listRegions(db, 'NO')).find((r) => r.code === code);
  return region ? { country: 'NO', kind: 'county', code: region.code, name: region.name } : undefined;
}

/** The latest 1 January population of the area; for a county, the latest year every municipality in it has. */
export async function latestPopulation(db: Queryable, area: Area): Promise<Population | null> {
  const codes =
    area.kind === 'municipality'
      ? [area.code]
      : (await listMunicipalities(db, area.country)).filter((m) => m.regionCode === area.code).map((m) => m.code);
  if (codes.length === 0) return null;
  const series = await Promise.all(codes.map((code) => populationTotals(db, area.country, code)));
  if (series.some((s) => s.length === 0)) return null;
  const year = Math.min(...series.map((s) => s[s.length - 1]!.year));
  let persons = 0;
  for (const s of series) persons += s.find((p) => p.year === year)?.persons ?? 0;
  return { persons, year, source: POPULATION_SOURCES[area.country] };
}

/** The threshold in the area: by the law, or in a Danish municipality by its own rule while switched on. */
export async function thresholdFor(db: Queryable, area: Area): Promise<Threshold> {
  const local = area.country === 'DK' && area.kind === 'municipality' ? await findLocalRule(db, area.code) : undefined;
  return thresholdOf(area, await latestPopulation(db, area), local);
}

/** Whether a resident may draft an initiative for the area: always in Norway, in Denmark while the municipality has switched it on. */
export async function draftingOpen(db: Queryable, area: Area): Promise<boolean> {
  return area.country === 'NO' || (area.kind === 'municipality' && (await findLocalRule(db, area.code))?.enabled === true);
}

/** The municipalities and counties an initiative can be for, to choose from. */
export async function listAreas(db: Queryable): Promise<{ municipalities: Area[]; counties: Area[] }> {
  const [no, dk, counties] = await Promise.all([listMunicipalities(db, 'NO'), listMunicipalities(db, 'DK'), listRegions(db, 'NO')]);
  const municipality = (country: Country) => (m: { code: string; name: string }) => ({
    country,
    kind: 'municipality' as const,
    code: m.code,
    name: m.name,
  });
  return {
    municipalities: [...no.map(municipality('NO')), ...dk.map(municipality('DK'))],
    counties: counties.map((c) => ({ country: 'NO' as const, kind: 'county' as const, code: c.code, name: c.name })),
  };
}

/** The municipality and (in Norway) the county a resident of `homeCode` belongs to. */
export async function homeAreas(db: Queryable, homeCode: string | null): Promise<{ municipality?: Area; county?: Area }> {
  if (!homeCode) return {};
  const municipality = await findMunicipalityArea(db, homeCode);
  if (!municipality) return {};
  if (municipality.country !== 'NO') return { municipality };
  const regionCode = (await findMunicipality(db, 'NO', municipality.code))?.regionCode;
  const county = regionCode ? await findCountyArea(db, regionCode) : undefined;
  return county ? { municipality, county } : { municipality };
}
