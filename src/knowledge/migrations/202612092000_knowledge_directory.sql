-- The competence centre's directory (issue 14 point 7; seed 002: a centre that "knows the relevant
-- research actors and possible grant schemes"): research and innovation actors and grant schemes
-- outside the platform, kept by the centre's advisers. The platform's own open calls are not stored
-- here: the directory reads them from the programmes when it is shown.
create table knowledge_directory (
  id uuid primary key default gen_random_uuid(),
  -- The public address of the entry (a readable slug, never the id).
  slug text not null unique,
  -- An actor (a research institute, a university, an agency …) or a grant scheme.
  entry text not null check (entry in ('actor', 'scheme')),
  -- The actor's kind; null for a scheme.
  kind text check (kind in ('research_institute', 'university', 'public_agency', 'business_cluster', 'regional_research_fund', 'municipal_organisation', 'interest_organisation')),
  check ((entry = 'actor') = (kind is not null)),
  -- The language the entry is written in: nb, nn, da or en; its text search configuration follows.
  language text not null check (language in ('nb', 'nn', 'da', 'en')),
  name text not null,
  description text not null default '',
  country text not null check (country in ('NO', 'DK')),
  -- The county (Norway) or region (Denmark) the entry serves; null: the whole country.
  region text,
  themes text[] not null default '{}',
  web text,
  email text,
  phone text,
  -- A scheme: who runs it, its deadline (an instant; null: ongoing or no fixed deadline), who may apply.
  runner text,
  deadline timestamptz,
  eligible text not null default '',
  source text not null,
  -- Weighted words: the name A, the description B, who runs and who may apply C, stemmed in the
  -- entry's own language, and unstemmed ('simple') so another language's reader finds names.
  search_vector tsvector generated always as (
    setweight(to_tsvector(case language when 'da' then 'danish'::regconfig when 'en' then 'english'::regconfig else 'norwegian'::regconfig end, name), 'A')
    || setweight(to_tsvector(case language when 'da' then 'danish'::regconfig when 'en' then 'english'::regconfig else 'norwegian'::regconfig end, description), 'B')
    || setweight(to_tsvector(case language when 'da' then 'danish'::regconfig when 'en' then 'english'::regconfig else 'norwegian'::regconfig end, coalesce(runner, '') || ' ' || eligible), 'C')
    || setweight(to_tsvector('simple'::regconfig, name || ' ' || description || ' ' || coalesce(runner, '') || ' ' || eligible || ' ' || coalesce(region, '')), 'D')
  ) stored,
  version int not null default 1,
  updated_at timestamptz not null default now(),
  updated_by_name text
);

create index knowledge_directory_search_vector on knowledge_directory using gin (search_vector);
