-- Benchmarking networks (effektiviseringsnettverk): a network of 4–8 municipalities of one country,
-- coordinated by one of them; its members (invited, accepted, declined) with a contact each; the
-- figures the network defines for what no public table has, and each member's values per year.

create table networks_networks (
  id uuid primary key default gen_random_uuid(),
  country text not null check (country in ('NO', 'DK')),
  name text not null check (length(name) between 1 and 200),
  coordinator_code text not null,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  version integer not null default 1
);

create table networks_members (
  network_id uuid not null references networks_networks (id) on delete cascade,
  municipality_code text not null,
  municipality_name text not null,
  state text not null check (state in ('invited', 'member', 'declined', 'left')),
  contact_name text,
  contact_user_id uuid references users (id),
  invited_at timestamptz not null default now(),
  answered_at timestamptz,
  version integer not null default 1,
  primary key (network_id, municipality_code)
);
create index networks_members_municipality on networks_members (municipality_code, state);

create table networks_own_figures (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks_networks (id) on delete cascade,
  name text not null check (length(name) between 1 and 200),
  unit text not null check (length(unit) between 1 and 100),
  definition text not null check (length(definition) between 1 and 2000),
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  unique (network_id, name)
);

-- One value per member, figure and year; who entered it last and the version it was entered from.
create table networks_own_values (
  figure_id uuid not null references networks_own_figures (id) on delete cascade,
  municipality_code text not null,
  year integer not null check (year between 1990 and 2100),
  value double precision not null,
  entered_by uuid not null references users (id),
  entered_by_name text not null,
  entered_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (figure_id, municipality_code, year)
);
