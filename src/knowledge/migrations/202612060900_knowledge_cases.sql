-- The knowledge bank's cases: what a municipality tried, what came of it, where it stands on
-- seed 002's three steps (new, useful, put to use), and the facts a search filters on.
create extension if not exists pg_trgm;

create table knowledge_cases (
  id uuid primary key default gen_random_uuid(),
  -- The public address of the case (a readable slug, never the id).
  slug text not null unique,
  -- The language the case is written in: nb, nn, da or en; its text search configuration follows.
  language text not null check (language in ('nb', 'nn', 'da', 'en')),
  title text not null,
  problem text not null,
  done text not null,
  results text not null default '',
  phase text not null check (phase in ('new', 'useful', 'put_to_use')),
  country text not null check (country in ('NO', 'DK')),
  sector text not null,
  themes text[] not null default '{}',
  year_from int,
  year_to int,
  -- Every year from the first to the last, for the year facet.
  years int[] not null default '{}',
  partners text[] not null default '{}',
  contacts text[] not null default '{}',
  links jsonb not null default '[]',
  source text not null,
  recommended boolean not null default false,
  -- The municipalities, each with the facts the registry gave it when the case was saved
  -- ({country, code, name, region, sizeClass}); below them the same facts as arrays for the facets.
  municipalities jsonb not null default '[]',
  municipality_codes text[] not null default '{}',
  regions text[] not null default '{}',
  size_classes text[] not null default '{}',
  -- The words of every field, for the fuzzy (trigram) half of the search.
  search_text text not null default '',
  -- Weighted words: title A, problem and what was done B, results C, places and themes D; stemmed
  -- in the case's own language, and unstemmed ('simple') so another language's reader finds names.
  search_vector tsvector generated always as (
    setweight(to_tsvector(case language when 'da' then 'danish'::regconfig when 'en' then 'english'::regconfig else 'norwegian'::regconfig end, title), 'A')
    || setweight(to_tsvector(case language when 'da' then 'danish'::regconfig when 'en' then 'english'::regconfig else 'norwegian'::regconfig end, problem || ' ' || done), 'B')
    || setweight(to_tsvector(case language when 'da' then 'danish'::regconfig when 'en' then 'english'::regconfig else 'norwegian'::regconfig end, results), 'C')
    || setweight(to_tsvector('simple'::regconfig, title || ' ' || search_text), 'D')
  ) stored,
  created_by_organisation_id uuid references organisations (id),
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_name text
);

create index knowledge_cases_search_vector on knowledge_cases using gin (search_vector);
create index knowledge_cases_search_trgm on knowledge_cases using gin (search_text gin_trgm_ops);
