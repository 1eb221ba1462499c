-- Applications to calls: the working copy (one row, version-checked), the network's members with
-- their invitations and political decisions, uploaded attachments, every saved draft version (for
-- the conflict page), and each submitted version with the call's form and rules copied in.

create table applications (
  id uuid primary key default gen_random_uuid(),
  call_id uuid not null,
  round_index integer not null check (round_index >= 0),
  deadline timestamptz not null,
  country text not null check (country in ('NO', 'DK')),
  lead_code text not null,
  status text not null check (status in ('draft', 'submitted', 'withdrawn')),
  answers jsonb not null default '{}',
  submissions integer not null default 0,
  contact_email text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_name text,
  version integer not null default 1
);
create index applications_call on applications (call_id);

create table application_members (
  application_id uuid not null references applications (id) on delete cascade,
  municipality_code text not null,
  municipality_name text not null,
  role text not null check (role in ('lead', 'co')),
  invitation text not null check (invitation in ('pending', 'accepted', 'declined')),
  contact_email text,
  decision_body text,
  decision_date date,
  decision_file_id uuid,
  decision_file_name text,
  invited_at timestamptz not null default now(),
  responded_at timestamptz,
  responded_by_name text,
  primary key (application_id, municipality_code)
);
create index application_members_code on application_members (municipality_code);

create table application_files (
  file_id uuid primary key,
  application_id uuid not null references applications (id) on delete cascade,
  part_key text not null,
  name text not null,
  content_type text not null,
  size_bytes integer not null,
  uploaded_at timestamptz not null default now()
);
create index application_files_application on application_files (application_id);

create table application_draft_versions (
  application_id uuid not null references applications (id) on delete cascade,
  version integer not null,
  answers jsonb not null,
  actor_name text,
  saved_at timestamptz not null default now(),
  primary key (application_id, version)
);

create table application_submissions (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null references applications (id) on delete cascade,
  number integer not null check (number >= 1),
  submitted_at timestamptz not null,
  submitted_by_name text,
  call_title text not null,
  call_language text not null,
  deadline timestamptz not null,
  answers jsonb not null,
  members jsonb not null,
  form jsonb not null,
  rules jsonb not null,
  eligibility jsonb not null,
  recipients jsonb not null default '[]',
  pdf_file_id uuid,
  pdf_ready_at timestamptz,
  mail_sent_at timestamptz,
  unique (application_id, number)
);
