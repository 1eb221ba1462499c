-- The competence centre's questions and answers (issue 14 point 6): a municipal case worker asks,
-- an adviser answers (linking cases of the bank), and, with the asker's consent, the question and
-- answer are published without the asker's name.
create table knowledge_questions (
  id uuid primary key default gen_random_uuid(),
  title text not null,
  question text not null,
  sector text,
  theme text,
  may_publish boolean not null,
  asked_by_user_id uuid not null references users (id),
  asked_by_name text not null,
  organisation_name text not null,
  -- The language the asker wrote in: the answer's notice is sent in it.
  locale text not null check (locale in ('nb', 'nn', 'da', 'en')),
  asked_at timestamptz not null default now(),
  state text not null check (state in ('asked', 'answered', 'published')),
  answer text not null default '',
  -- The slugs of the bank's cases the adviser linked.
  case_slugs jsonb not null default '[]',
  answered_by_name text,
  answered_at timestamptz,
  version int not null default 1
);
create index knowledge_questions_asker on knowledge_questions (asked_by_user_id);
create index knowledge_questions_state on knowledge_questions (state);
