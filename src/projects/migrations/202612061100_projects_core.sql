-- Projects: what a granted application becomes, followed from the grant to its results.
-- The programme's follow-up (reporting periods, payment tranches, reminders) is set by its owner;
-- each project has its members, its plan in numbered versions (each approved version kept), change
-- requests, reports in versions, payments released within the grant, gatherings and an evaluation.

create table programme_follow_up (
  programme_id uuid primary key references programmes (id) on delete cascade,
  plan jsonb not null,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  updated_by_name text
);

create table projects (
  id uuid primary key default gen_random_uuid(),
  seed_key text unique,
  application_id uuid unique,
  programme_id uuid not null references programmes (id),
  predecessor_id uuid references projects (id),
  title text not null check (length(title) between 1 and 300),
  case_number text not null,
  country text not null check (country in ('NO', 'DK')),
  currency text not null check (currency in ('NOK', 'DKK')),
  grant_amount bigint not null check (grant_amount >= 0),
  conditions text not null default '',
  state text not null,
  starts_on date,
  ends_on date,
  accepted_at timestamptz,
  accepted_by_name text,
  closed_at timestamptz,
  public_parts jsonb not null default '[]',
  created_at timestamptz not null default now(),
  version integer not null default 1,
  check (ends_on is null or starts_on is null or ends_on >= starts_on)
);
create index projects_programme on projects (programme_id);

create table project_members (
  project_id uuid not null references projects (id) on delete cascade,
  municipality_code text not null,
  name text not null,
  position integer not null,
  primary key (project_id, municipality_code)
);
create index project_members_code on project_members (municipality_code);

-- The plan, version by version: a draft being written, submitted, returned or approved; an
-- approved version is replaced only by an approved change request, which makes the next version.
create table project_plans (
  project_id uuid not null references projects (id) on delete cascade,
  number integer not null check (number >= 1),
  state text not null,
  content jsonb not null,
  saved_at timestamptz not null default now(),
  saved_by_name text,
  submitted_at timestamptz,
  decided_at timestamptz,
  decided_by_name text,
  comment text not null default '',
  primary key (project_id, number)
);

create table project_change_requests (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references projects (id) on delete cascade,
  kind text not null,
  reason text not null,
  proposal jsonb not null,
  state text not null,
  requested_at timestamptz not null default now(),
  requested_by_name text not null,
  decided_at timestamptz,
  decided_by_name text,
  decision_reason text not null default ''
);
create index project_change_requests_project on project_change_requests (project_id);

-- Reports: one per period and part (a member's sub-project, or '' for the whole project), in
-- versions; a returned version stays as it was and the revision is the next version.
create table project_reports (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references projects (id) on delete cascade,
  period_key text not null,
  member_code text not null default '',
  version integer not null check (version >= 1),
  state text not null,
  content jsonb not null,
  saved_at timestamptz not null default now(),
  saved_by_name text,
  submitted_at timestamptz,
  decided_at timestamptz,
  decided_by_name text,
  comment text not null default '',
  unique (project_id, period_key, member_code, version)
);

create table project_payments (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references projects (id) on delete cascade,
  tranche_key text not null,
  amount bigint not null check (amount > 0),
  state text not null,
  requested_at timestamptz not null default now(),
  requested_by_name text,
  released_at timestamptz,
  released_by_name text,
  unique (project_id, tranche_key)
);
