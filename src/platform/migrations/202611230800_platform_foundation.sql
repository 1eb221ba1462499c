-- Organisations, people and their roles; sessions shared by every server process; uploaded files;
-- and the append-only audit trail.

create table organisations (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('ministry', 'state_office', 'municipality', 'external', 'platform')),
  name text not null,
  country text not null check (country in ('NO', 'DK')),
  municipality_code text,
  created_at timestamptz not null default now(),
  version integer not null default 1,
  check ((kind = 'municipality') = (municipality_code is not null))
);
create unique index organisations_municipality on organisations (country, municipality_code)
  where municipality_code is not null;
create unique index organisations_name on organisations (country, name);

create table users (
  id uuid primary key default gen_random_uuid(),
  identity_provider text not null,
  subject text not null,
  name text not null,
  email text,
  home_municipality_code text,
  created_at timestamptz not null default now(),
  last_login_at timestamptz,
  version integer not null default 1,
  unique (identity_provider, subject)
);

create table memberships (
  user_id uuid not null references users (id) on delete cascade,
  organisation_id uuid not null references organisations (id) on delete cascade,
  role text not null check (role in ('admin', 'programme_owner', 'case_worker', 'reviewer')),
  created_at timestamptz not null default now(),
  primary key (user_id, organisation_id, role)
);

create table sessions (
  id text primary key,
  user_id uuid references users (id) on delete cascade,
  data jsonb not null,
  expires_at timestamptz not null
);
create index sessions_user on sessions (user_id);
create index sessions_expiry on sessions (expires_at);

create table files (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  content_type text not null,
  size_bytes integer not null check (size_bytes >= 0),
  sha256 text not null,
  content bytea not null,
  uploaded_by uuid references users (id),
  created_at timestamptz not null default now()
);

create table audit_events (
  id bigint generated always as identity primary key,
  occurred_at timestamptz not null default now(),
  actor_user_id uuid,
  actor_name text,
  record_type text not null,
  record_id text not null,
  action text not null,
  from_state text,
  to_state text,
  reason text,
  request_id text
);
create index audit_events_record on audit_events (record_type, record_id, occurred_at);
create index audit_events_time on audit_events (occurred_at);

create function audit_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_events is append-only: % refused', tg_op;
end;
$$;
create trigger audit_events_no_update before update or delete on audit_events
  for each row execute function audit_events_append_only();
create trigger audit_events_no_truncate before truncate on audit_events
  for each statement execute function audit_events_append_only();
