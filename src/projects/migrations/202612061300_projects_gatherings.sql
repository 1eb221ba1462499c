-- Gatherings (samlinger) of a programme's projects: when and where, the agenda, which projects
-- came and who, and the materials, which stay available to the programme's projects afterwards.

create table programme_gatherings (
  id uuid primary key default gen_random_uuid(),
  programme_id uuid not null references programmes (id) on delete cascade,
  title text not null check (length(title) between 1 and 200),
  held_on date not null,
  place text not null default '',
  agenda text not null default '',
  created_at timestamptz not null default now(),
  version integer not null default 1
);
create index programme_gatherings_programme on programme_gatherings (programme_id, held_on);

create table gathering_attendance (
  gathering_id uuid not null references programme_gatherings (id) on delete cascade,
  project_id uuid not null references projects (id) on delete cascade,
  people text not null default '',
  primary key (gathering_id, project_id)
);

create table gathering_materials (
  gathering_id uuid not null references programme_gatherings (id) on delete cascade,
  file_id uuid not null references files (id),
  name text not null,
  added_at timestamptz not null default now(),
  primary key (gathering_id, file_id)
);
