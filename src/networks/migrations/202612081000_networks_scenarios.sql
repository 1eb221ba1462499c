-- Municipal-structure scenarios (kommunestruktur): a named set of today's municipalities of one
-- country viewed as one, saved by a signed-in person who alone may change it; anyone with the link reads it.

create table networks_scenarios (
  id uuid primary key default gen_random_uuid(),
  country text not null check (country in ('NO', 'DK')),
  name text not null check (length(name) between 1 and 200),
  municipality_codes text[] not null check (cardinality(municipality_codes) between 2 and 30),
  owner_id uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index networks_scenarios_owner on networks_scenarios (owner_id, updated_at desc);
