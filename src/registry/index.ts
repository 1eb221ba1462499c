/**
 * What other capabilities may use of the registry (municipalities, regions, population and their
 * outlines): its store queries, its model types, the shipped import and the shipped boundaries.
 */
export type { ParsedCommand } from './commands.js';
export type { Boundaries } from './geo.js';
export { importFolk1aByAge, importShippedRegistry } from './importer.js';
export { JsonStatDataset } from './jsonstat.js';
export { statBankDataset } from './statbank.js';
export type { Country, NameForm } from './model.js';
export { readDanishMunicipalityBoundaries, readNorwegianMunicipalityBoundaries } from './sources.js';
export {
  danishPopulationTotals,
  findMunicipality,
  importedAt,
  insertPopulation,
  latestPopulationByAge,
  listMunicipalities,
  listRegions,
  populationByAgeForAll,
  populationTotals,
  registryIsEmpty,
  replacePopulationTotals,
  replaceUnits,
  searchMunicipalities,
  type MunicipalitySummary,
  type PopulationByAgeRow,
  type RegionSummary,
} from './store.js';
