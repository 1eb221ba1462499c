-- A continuation (videreføring, seed 004) drafted by a project's members before it ends: why go
-- on, target groups with their value and priority, result goals, main activities, the
-- organisation model and each member's resources; sent to an open call as an application.
create table project_continuations (
  project_id uuid primary key references projects (id) on delete cascade,
  content jsonb not null,
  saved_at timestamptz not null default now(),
  saved_by_name text,
  application_id uuid,
  version integer not null default 1
);
