-- "We adopted this": a municipality took a case into use in its own way (seed 002: copying a good
-- solution and putting it to use in one's own way is innovation too), saying what it changed.
create table knowledge_adoptions (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references knowledge_cases (id) on delete cascade,
  organisation_id uuid not null references organisations (id),
  country text not null check (country in ('NO', 'DK')),
  municipality_code text not null,
  municipality_name text not null,
  -- What the municipality changed for its local conditions, in the language it was written in.
  changes text not null,
  language text not null check (language in ('nb', 'nn', 'da', 'en')),
  adopted_year int,
  recorded_at timestamptz not null default now(),
  recorded_by_name text,
  unique (case_id, country, municipality_code)
);
create index knowledge_adoptions_municipality on knowledge_adoptions (country, municipality_code);
