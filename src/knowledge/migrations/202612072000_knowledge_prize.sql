-- The innovation prize (seed 002: a prize for the best municipal innovation project, as Denmark has
-- had for years): a yearly call for nominations with criteria and a deadline, the nominated cases,
-- the jury, and each juror's work on each nomination as the assessment capability defines it
-- (declaration before content, automatic exclusion where the platform knows a conflict, scores
-- with a rationale per criterion, then the jury's agreed scores).
create table knowledge_prizes (
  id uuid primary key default gen_random_uuid(),
  country text not null check (country in ('NO', 'DK')),
  year int not null check (year between 1990 and 2100),
  title text not null,
  -- [{title, description, weight}], weights summing to 100, as the assessment reads a call's criteria.
  criteria jsonb not null,
  deadline timestamptz not null,
  time_zone text not null check (time_zone in ('Europe/Oslo', 'Europe/Copenhagen')),
  state text not null check (state in ('open', 'judging', 'decided', 'published')),
  jury_statement text not null default '',
  -- Where an earlier year's result comes from when the platform did not run it.
  source text,
  owner_organisation_id uuid references organisations (id),
  version int not null default 1,
  updated_at timestamptz not null default now(),
  updated_by_name text,
  unique (country, year)
);

create table knowledge_prize_jurors (
  prize_id uuid not null references knowledge_prizes (id) on delete cascade,
  user_id uuid not null references users (id),
  name text not null,
  primary key (prize_id, user_id)
);

create table knowledge_prize_nominations (
  id uuid primary key default gen_random_uuid(),
  prize_id uuid not null references knowledge_prizes (id) on delete cascade,
  case_id uuid not null references knowledge_cases (id),
  reason text not null,
  nominated_by_name text,
  nominated_at timestamptz not null default now(),
  -- The assessment's review workflow: awaiting, in_review, agreed.
  review_state text not null default 'awaiting' check (review_state in ('awaiting', 'in_review', 'paused', 'agreed')),
  agreed_scores jsonb,
  agreed_by_name text,
  award text check (award in ('winner', 'mention')),
  unique (prize_id, case_id)
);
create index knowledge_prize_nominations_case on knowledge_prize_nominations (case_id);

create table knowledge_prize_assignments (
  id uuid primary key default gen_random_uuid(),
  nomination_id uuid not null references knowledge_prize_nominations (id) on delete cascade,
  juror_user_id uuid not null references users (id),
  juror_name text not null,
  -- The assessment's assignment workflow: assigned, declared, submitted, conflicted.
  state text not null check (state in ('assigned', 'declared', 'submitted', 'conflicted', 'withdrawn')),
  -- Set when the platform excluded the juror itself: employed by or living in a nominated municipality.
  excluded_reason text check (excluded_reason in ('employer', 'own-municipality')),
  excluded_municipality jsonb,
  conflict_kind text check (conflict_kind in ('own-municipality', 'network-member', 'employer', 'personal', 'other')),
  conflict_text text,
  scores jsonb,
  version int not null default 1,
  updated_at timestamptz not null default now(),
  unique (nomination_id, juror_user_id)
);
create index knowledge_prize_assignments_juror on knowledge_prize_assignments (juror_user_id);
