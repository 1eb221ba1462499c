-- Assessment of submitted applications: the reviewer pool per programme, the review of each
-- application (a workflow state with a version), each reviewer's assignment with its conflict
-- declaration, append-only versions of the scores and of the consensus, and flags that pause.

create table assessment_pool_members (
  programme_id uuid not null,
  user_id uuid not null,
  kind text not null check (kind in ('internal', 'external')),
  lead boolean not null default false,
  added_at timestamptz not null default now(),
  added_by_name text,
  primary key (programme_id, user_id)
);

create table assessment_reviews (
  application_id uuid primary key,
  call_id uuid not null,
  state text not null check (state in ('awaiting', 'in_review', 'paused', 'agreed')),
  version integer not null default 1,
  updated_at timestamptz not null default now()
);
create index assessment_reviews_call on assessment_reviews (call_id);

create table assessment_assignments (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null,
  call_id uuid not null,
  reviewer_user_id uuid not null,
  state text not null check (state in ('assigned', 'declared', 'submitted', 'conflicted', 'withdrawn')),
  conflict_kind text check (conflict_kind in ('own-municipality', 'network-member', 'employer', 'personal', 'other')),
  conflict_text text,
  declared_at timestamptz,
  assigned_at timestamptz not null default now(),
  assigned_by_name text,
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
-- One live assignment per reviewer and application; a declared conflict keeps the reviewer out.
create unique index assessment_assignments_live on assessment_assignments (application_id, reviewer_user_id) where state <> 'withdrawn';
create index assessment_assignments_call on assessment_assignments (call_id);
create index assessment_assignments_reviewer on assessment_assignments (reviewer_user_id);

create table assessment_score_versions (
  assignment_id uuid not null references assessment_assignments (id),
  version integer not null,
  scores jsonb not null,
  submitted boolean not null,
  saved_at timestamptz not null default now(),
  saved_by_name text,
  primary key (assignment_id, version)
);

create table assessment_consensus_versions (
  application_id uuid not null,
  version integer not null,
  scores jsonb not null,
  recorded_at timestamptz not null default now(),
  recorded_by_name text,
  primary key (application_id, version)
);

create table assessment_flags (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null,
  call_id uuid not null,
  text text not null,
  raised_by_name text,
  raised_at timestamptz not null default now(),
  resolution text,
  resolved_by_name text,
  resolved_at timestamptz
);
create index assessment_flags_application on assessment_flags (application_id);
