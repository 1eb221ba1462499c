-- The registry of inter-municipal cooperations (interkommunalt samarbeid): loaded once from the
-- shipped child-welfare list (import_key names the source row), then kept by the members' case workers.

create table networks_cooperations (
  id uuid primary key default gen_random_uuid(),
  import_key text unique,
  name text not null check (length(name) between 1 and 300),
  legal_form text not null check (legal_form in ('iks', 'vertskommune', 'samkommune', 'politisk_rad', 'avtale_17_1', 'other')),
  service_area text not null check (service_area in ('child_welfare', 'health_care', 'ict', 'other')),
  host_code text,
  start_year integer check (start_year between 1900 and 2100),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);

create table networks_cooperation_members (
  cooperation_id uuid not null references networks_cooperations (id) on delete cascade,
  municipality_code text not null,
  municipality_name text not null,
  position integer not null,
  primary key (cooperation_id, municipality_code)
);
create index networks_cooperation_members_code on networks_cooperation_members (municipality_code);
