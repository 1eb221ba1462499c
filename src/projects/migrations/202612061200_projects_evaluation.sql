-- Evaluation: the owner appoints external evaluators to a programme; an evaluator writes an
-- evaluation per project and one for the programme, which the owner publishes. The owner closes a
-- project and chooses which of its parts are public.

create table programme_evaluators (
  programme_id uuid not null references programmes (id) on delete cascade,
  user_id uuid not null references users (id),
  appointed_at timestamptz not null default now(),
  appointed_by_name text not null,
  primary key (programme_id, user_id)
);

create table project_evaluations (
  id uuid primary key default gen_random_uuid(),
  programme_id uuid not null references programmes (id) on delete cascade,
  -- None for the evaluation of the programme as a whole.
  project_id uuid references projects (id) on delete cascade,
  text text not null default '',
  written_by_name text,
  saved_at timestamptz not null default now(),
  published_at timestamptz,
  version integer not null default 1
);
create unique index project_evaluations_one on project_evaluations (programme_id, coalesce(project_id, '00000000-0000-0000-0000-000000000000'));
