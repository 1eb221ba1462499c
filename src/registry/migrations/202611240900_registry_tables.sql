-- The registry: counties/regions and municipalities of Norway and Denmark with their names in every
-- official form and their validity periods, how older Norwegian municipality codes map to today's,
-- population statistics and SSB's national projections. Filled by the importers in
-- src/registry/importer.ts; every import replaces what it covers, so re-running one is idempotent.

-- Norway: fylke (county). Denmark: region.
create table registry_regions (
  country text not null check (country in ('NO', 'DK')),
  code text not null,
  name text not null,
  valid_from date,
  valid_to date,
  primary key (country, code),
  check (valid_to is null or valid_from is null or valid_from < valid_to)
);

-- Municipalities (kommuner) with today's and former codes. A code is current while valid_to is null;
-- valid_from is null where the code is older than the change records (1988). Former codes have no
-- region: their county may no longer exist.
create table registry_municipalities (
  country text not null check (country in ('NO', 'DK')),
  code text not null,
  region_code text,
  name text not null,
  valid_from date,
  valid_to date,
  primary key (country, code),
  foreign key (country, region_code) references registry_regions (country, code),
  check (valid_to is null or valid_from is null or valid_from < valid_to),
  check (valid_to is not null or region_code is not null)
);
create index registry_municipalities_current on registry_municipalities (country, code) where valid_to is null;

-- Each form of an official name on its own row (e.g. "Kárášjohka" se, "Karasjok" no), in the order
-- the official name lists them. official = false for exonyms kept only for search (e.g. Copenhagen).
create table registry_names (
  country text not null check (country in ('NO', 'DK')),
  unit text not null check (unit in ('municipality', 'region')),
  code text not null,
  position smallint not null check (position >= 0),
  name text not null,
  language text not null,
  official boolean not null default true,
  primary key (country, unit, code, position)
);
create index registry_names_search on registry_names (lower(name) text_pattern_ops);

-- SSB's record of Norwegian municipality code changes (Klass 131) since 1988.
create table registry_code_changes (
  old_code text not null,
  old_name text not null,
  new_code text not null,
  new_name text not null,
  changed_on date not null,
  primary key (old_code, new_code, changed_on)
);

-- Each year's Norwegian municipality codes (1940–2026) mapped to 2024 codes; weight < 1 where a
-- municipality was split (the share of its population that went to new_code).
create table registry_code_crosswalk (
  year smallint not null,
  old_code text not null,
  new_code text not null,
  weight double precision not null check (weight > 0 and weight <= 1),
  primary key (year, old_code, new_code)
);

-- Population 1 January by municipality (2024 borders), sex, single year of age (105 = 105+), year:
-- SSB table 07459.
create table registry_population (
  municipality_code text not null,
  year smallint not null,
  sex text not null check (sex in ('male', 'female')),
  age smallint not null check (age between 0 and 105),
  persons integer not null check (persons >= 0),
  primary key (municipality_code, year, sex, age)
);

-- Total population by municipality and year where only totals are published (Denmark: FOLK1A,
-- first quarter).
create table registry_population_totals (
  country text not null check (country in ('NO', 'DK')),
  municipality_code text not null,
  year smallint not null,
  persons integer not null check (persons >= 0),
  primary key (country, municipality_code, year)
);

-- SSB's national population projections by age group (tables 14288, 14746), per alternative
-- (MMMM main, HHMH high, LLML low: fertility, life expectancy, internal migration, immigration).
create table registry_national_projections (
  table_code text not null,
  base_year smallint not null,
  alternative text not null,
  year smallint not null,
  age_from smallint not null,
  age_to smallint not null,
  persons integer not null,
  primary key (table_code, alternative, year, age_from),
  check (age_from <= age_to)
);

-- One row per dataset: where its current content came from and when.
create table registry_imports (
  dataset text primary key,
  source text not null,
  row_count integer not null,
  imported_at timestamptz not null default now()
);
