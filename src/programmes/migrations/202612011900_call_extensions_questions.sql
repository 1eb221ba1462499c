-- Late submission by exception (seed 000: "I spesielle tilfeller kan det gis utsettelse"): the
-- owner grants one municipality of a call's round a later deadline, with a reason; revocable
-- until the municipality has submitted under it. At most one unrevoked exception per applicant.
create table programme_call_extensions (
  id uuid primary key default gen_random_uuid(),
  call_id uuid not null references programme_calls (id),
  round_index integer not null check (round_index >= 0),
  municipality_code text not null,
  municipality_name text not null,
  until timestamptz not null,
  reason text not null check (length(reason) between 1 and 2000),
  granted_at timestamptz not null default now(),
  granted_by_name text,
  revoked_at timestamptz,
  revoked_by_name text,
  revoke_reason text,
  used_at timestamptz,
  version integer not null default 1,
  check (revoked_at is null or used_at is null)
);
create unique index programme_call_extensions_one_active on programme_call_extensions (call_id, round_index, municipality_code) where revoked_at is null;

-- Questions and answers on a call: asked by a case worker (the asker is shown to the owner only)
-- or written by the owner; public once published, always without the asker.
create table programme_call_questions (
  id uuid primary key default gen_random_uuid(),
  call_id uuid not null references programme_calls (id),
  status text not null check (status in ('asked', 'published', 'unpublished')),
  question text not null check (length(question) between 1 and 4000),
  answer text not null default '',
  asked_at timestamptz not null default now(),
  asked_by_name text,
  asked_by_municipality text,
  published_at timestamptz,
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check (status <> 'published' or (published_at is not null and length(answer) > 0))
);
create index programme_call_questions_call on programme_call_questions (call_id, status);

-- The public change log also notes published, updated and withdrawn questions and answers.
alter table programme_call_changes drop constraint programme_call_changes_kind_check;
alter table programme_call_changes add constraint programme_call_changes_kind_check check (kind in ('published', 'amended', 'closed', 'qa-published', 'qa-updated', 'qa-unpublished'));

-- Who saved a form template last, for the editor's conflict message.
alter table programme_form_templates add column updated_by_name text;
