/**
 * Typed inputs of the projection engine, as the loaders in sources.ts (or a database store)
 * deliver them. Arrays are laid out [row][cell] with a cell being sex × single year of age
 * (see model.ts: cellIndex).
 */

/** Population on 1 January by municipality, year, sex and age (SSB 07459). */
export interface PopulationHistory {
  /** Four-digit municipality codes. */
  readonly codes: readonly string[];
  /** Consecutive calendar years. */
  readonly years: readonly number[];
  /** [municipality][year][cell] persons. */
  readonly persons: Float64Array;
}

/** National period death rates (HMD Mx 1x1), [year][cell] with the last age the open group 105+. */
export interface MortalityHistory {
  readonly years: readonly number[];
  readonly rates: Float64Array;
}

/** National period fertility rates by age in completed years (HFD), [year][age 0..105]. */
export interface FertilityHistory {
  readonly years: readonly number[];
  readonly rates: Float64Array;
}

/** National live births by sex (HMD). */
export interface BirthHistory {
  readonly years: readonly number[];
  readonly male: Float64Array;
  readonly female: Float64Array;
}

/** A yearly national path with a median and an 80 % interval (UN WPP 2024 estimates + projection). */
export interface YearlyPath {
  readonly years: readonly number[];
  readonly median: Float64Array;
  /** Lower and upper 80 % bound; equal to the median in estimated (past) years. */
  readonly lower: Float64Array;
  readonly upper: Float64Array;
}

export interface LifeExpectancyPaths {
  readonly male: YearlyPath;
  readonly female: YearlyPath;
}

/** SSB's national projection by age group (tables 14288, 14746). */
export interface NationalProjection {
  /** The year the projection starts from (its first row is the observed population). */
  readonly baseYear: number;
  readonly years: readonly number[];
  /** Age groups as [from, to] inclusive, in table order; 105 closes the open group. */
  readonly ageGroups: readonly (readonly [number, number])[];
  /** Persons [year][group] per alternative. */
  readonly alternatives: Readonly<Record<'main' | 'high' | 'low', Float64Array>>;
}

/** Total population on 1 January by municipality (2024 codes) and year, for long-run trends. */
export interface TotalPopulationHistory {
  readonly codes: readonly string[];
  readonly years: readonly number[];
  /** [municipality][year] persons, NaN where unknown. */
  readonly persons: Float64Array;
}

/** Users of pleie og omsorg by municipality, year and SSB's age bands 0–66, 67–79, 80+. */
export interface CareUsersPanel {
  readonly codes: readonly string[];
  readonly years: readonly number[];
  /** [municipality][year][band] users of home-based care (hjemmetjenester); NaN = not published. */
  readonly homeCare: Float64Array;
  /** [municipality][year][band] residents on long-term institution stays; NaN = not published. */
  readonly institution: Float64Array;
  /** [municipality][year][band] population in the band as the panel reports it. */
  readonly population: Float64Array;
}

/** Everything the engine reads, national and municipal. */
export interface ProjectionInputs {
  readonly population: PopulationHistory;
  readonly mortality: MortalityHistory;
  readonly fertility: FertilityHistory;
  readonly births: BirthHistory;
  readonly lifeExpectancy: LifeExpectancyPaths;
  readonly totalFertility: YearlyPath;
  /** UN WPP 2024 projected national net migration, persons per year. */
  readonly netMigration: YearlyPath;
  /** UN WPP net migration by sex and age, persons per cell; used as the standard age profile. */
  readonly migrationAgeProfile: Float64Array;
  readonly nationalProjections: readonly NationalProjection[];
  readonly totalPopulation: TotalPopulationHistory;
  readonly careUsers: CareUsersPanel;
  /** Municipality names (SSB form) by code. */
  readonly names: ReadonlyMap<string, string>;
}
