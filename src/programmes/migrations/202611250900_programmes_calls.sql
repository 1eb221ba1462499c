-- Programmes and their calls: rounds, criteria, chosen rules, form templates, the snapshot a call
-- takes when it is published, every version of a call's content and its public change log.

create table programmes (
  id uuid primary key default gen_random_uuid(),
  seed_key text unique,
  owner_organisation_id uuid not null references organisations (id),
  country text not null check (country in ('NO', 'DK')),
  name text not null check (length(name) between 1 and 200),
  purpose text not null default '',
  languages jsonb not null default '["nb"]',
  period_start date not null,
  period_end date not null check (period_end >= period_start),
  contacts jsonb not null default '[]',
  created_at timestamptz not null default now(),
  version integer not null default 1
);
create index programmes_owner on programmes (owner_organisation_id);

create table programme_form_templates (
  id uuid primary key default gen_random_uuid(),
  seed_key text unique,
  owner_organisation_id uuid not null references organisations (id),
  name text not null check (length(name) between 1 and 200),
  language text not null,
  form jsonb not null,
  updated_at timestamptz not null default now(),
  version integer not null default 1
);

create table programme_calls (
  id uuid primary key default gen_random_uuid(),
  seed_key text unique,
  programme_id uuid not null references programmes (id),
  status text not null check (status in ('draft', 'published', 'closed')),
  title text not null check (length(title) between 1 and 200),
  purpose text not null default '',
  language text not null check (language in ('nb', 'nn', 'da', 'en')),
  time_zone text not null check (time_zone in ('Europe/Oslo', 'Europe/Copenhagen')),
  quota_min integer check (quota_min >= 0),
  quota_max integer check (quota_max >= 0),
  budget_amount bigint check (budget_amount >= 0),
  budget_currency text not null check (budget_currency in ('NOK', 'DKK')),
  themes jsonb not null default '[]',
  rules jsonb not null default '[]',
  template_id uuid references programme_form_templates (id),
  published_at timestamptz,
  closed_at timestamptz,
  close_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check ((status = 'draft') = (published_at is null)),
  check ((status = 'closed') = (closed_at is not null))
);
create index programme_calls_programme on programme_calls (programme_id);

create table programme_call_rounds (
  call_id uuid not null references programme_calls (id) on delete cascade,
  position integer not null,
  opens_at timestamptz not null,
  closes_at timestamptz not null check (closes_at > opens_at),
  expected_selections integer check (expected_selections >= 0),
  primary key (call_id, position)
);

create table programme_call_criteria (
  call_id uuid not null references programme_calls (id) on delete cascade,
  position integer not null,
  title text not null,
  description text not null default '',
  weight integer not null check (weight between 0 and 100),
  primary key (call_id, position)
);

-- What publishing copied in: the form and rules as they were. Never updated afterwards.
create table programme_call_snapshots (
  call_id uuid primary key references programme_calls (id),
  form jsonb not null,
  rules jsonb not null,
  template_id uuid,
  template_version integer,
  taken_at timestamptz not null
);

-- Every version of a call's content, so a conflicting edit can be shown what changed.
create table programme_call_versions (
  call_id uuid not null references programme_calls (id) on delete cascade,
  version integer not null,
  content jsonb not null,
  actor_name text,
  saved_at timestamptz not null default now(),
  primary key (call_id, version)
);

-- The public change log: published, amended (with reason and fields), closed.
create table programme_call_changes (
  id bigint generated always as identity primary key,
  call_id uuid not null references programme_calls (id),
  occurred_at timestamptz not null,
  kind text not null check (kind in ('published', 'amended', 'closed')),
  reason text,
  fields jsonb not null default '[]',
  actor_name text
);
create index programme_call_changes_call on programme_call_changes (call_id, occurred_at);
