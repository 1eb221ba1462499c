-- Citizens' initiatives (kommuneloven § 12-1): the initiative with its area and the threshold it
-- was published with, its co-initiators, and its signatures (one per person per initiative).

create table participation_initiatives (
  id uuid primary key default gen_random_uuid(),
  country text not null check (country in ('NO', 'DK')),
  scope text not null check (scope in ('municipality', 'county')),
  area_code text not null,
  area_name text not null,
  title text not null check (length(title) <= 200),
  proposal text not null check (length(proposal) <= 4000),
  reason text not null check (length(reason) <= 8000),
  state text not null default 'draft'
    check (state in ('draft', 'submitted', 'published', 'refused', 'handed_in', 'treated', 'withdrawn')),
  initiator_id uuid not null references users (id),
  -- The threshold when published, from the population of that year (null where the law sets none).
  threshold integer check (threshold >= 0),
  population integer,
  population_year integer,
  refusal_reason text check (refusal_reason in ('outsideActivity', 'sameContent', 'unlawfulOrOffensive')),
  refusal_note text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  published_at timestamptz,
  handed_in_at timestamptz,
  deadline date,
  version integer not null default 1,
  search tsvector generated always as (to_tsvector('norwegian', title || ' ' || proposal)) stored
);
create index participation_initiatives_area on participation_initiatives (country, scope, area_code, state);
create index participation_initiatives_initiator on participation_initiatives (initiator_id);
create index participation_initiatives_search on participation_initiatives using gin (search);

create table participation_co_initiators (
  initiative_id uuid not null references participation_initiatives (id) on delete cascade,
  email text not null,
  user_id uuid references users (id),
  confirmed_at timestamptz,
  primary key (initiative_id, email),
  check ((confirmed_at is null) = (user_id is null))
);

-- One row per person and initiative: the primary key makes a second signature impossible, also
-- when two arrive at the same instant. A withdrawn signature keeps its row (withdrawn_at) until
-- the person signs again.
create table participation_signatures (
  initiative_id uuid not null references participation_initiatives (id) on delete cascade,
  user_id uuid not null references users (id),
  show_name boolean not null default false,
  signed_at timestamptz not null default now(),
  withdrawn_at timestamptz,
  primary key (initiative_id, user_id)
);
create index participation_signatures_user on participation_signatures (user_id);
