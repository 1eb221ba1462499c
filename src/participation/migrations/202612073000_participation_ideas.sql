-- The ideas box (idékassen): ideas to a municipality, county or ministry, the support they get
-- (one per person: the primary key decides), and the receiver's comments.

create table participation_ideas (
  id uuid primary key default gen_random_uuid(),
  country text not null check (country in ('NO', 'DK')),
  receiver_kind text not null check (receiver_kind in ('municipality', 'county', 'ministry')),
  -- The municipality or county number, or the ministry's organisation id.
  receiver_code text not null,
  receiver_name text not null,
  theme text not null,
  title text not null check (length(title) <= 200),
  description text not null check (length(description) <= 4000),
  anonymous boolean not null default false,
  author_id uuid not null references users (id),
  -- A one-way hash of the network address it was sent from: the per-address limit without keeping the address.
  sent_from text,
  same_key text not null,
  state text not null default 'submitted'
    check (state in ('submitted', 'refused', 'received', 'considering', 'taken_up', 'not_taken_up', 'hidden')),
  answer text check (length(answer) <= 2000),
  outcome_url text check (length(outcome_url) <= 500),
  outcome_title text check (length(outcome_title) <= 200),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  search tsvector generated always as (
    to_tsvector(case when country = 'DK' then 'danish'::regconfig else 'norwegian'::regconfig end, title || ' ' || description)
  ) stored
);
create index participation_ideas_receiver on participation_ideas (receiver_kind, receiver_code, state);
create index participation_ideas_author on participation_ideas (author_id, created_at);
create index participation_ideas_sent_from on participation_ideas (sent_from, created_at);
create index participation_ideas_search on participation_ideas using gin (search);

create table participation_idea_supports (
  idea_id uuid not null references participation_ideas (id) on delete cascade,
  user_id uuid not null references users (id),
  supported_at timestamptz not null default now(),
  primary key (idea_id, user_id)
);

create table participation_idea_comments (
  id uuid primary key default gen_random_uuid(),
  idea_id uuid not null references participation_ideas (id) on delete cascade,
  author_id uuid not null references users (id),
  organisation_name text not null,
  body text not null check (length(body) <= 2000),
  created_at timestamptz not null default now()
);
create index participation_idea_comments_idea on participation_idea_comments (idea_id, created_at);
