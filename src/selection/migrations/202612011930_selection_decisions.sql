-- Selection and decisions on a call's applications: the owner's recorded selection (one version per
-- call that every selection, decision and publication names), the choice and reason per
-- application, and the decision per application with its letter's progress (PDF stored, mail
-- claimed before sending so a retry never sends twice) and its publication.

create table selections (
  call_id uuid primary key,
  version integer not null default 1,
  recorded_at timestamptz,
  recorded_by_name text
);

create table selection_entries (
  application_id uuid primary key,
  call_id uuid not null references selections (call_id) on delete cascade,
  selected boolean not null,
  amount bigint check (amount is null or amount >= 0),
  reason text not null,
  recorded_at timestamptz not null default now()
);
create index selection_entries_call on selection_entries (call_id);

create table decisions (
  application_id uuid primary key references selection_entries (application_id),
  call_id uuid not null,
  state text not null check (state in ('granted', 'rejected', 'published')),
  amount bigint,
  currency text not null check (currency in ('NOK', 'DKK')),
  conditions text not null default '',
  reason text not null,
  public_summary text not null default '',
  letter_language text not null check (letter_language in ('nb', 'nn', 'da')),
  decided_at timestamptz not null default now(),
  decided_by_user_id uuid,
  decided_by_name text not null,
  published_at timestamptz,
  letter_file_id uuid,
  letter_made_at timestamptz,
  letter_recipients jsonb not null default '[]',
  mail_claimed_at timestamptz,
  mail_sent_at timestamptz,
  check ((state = 'rejected') = (amount is null)),
  check ((state = 'published') = (published_at is not null))
);
create index decisions_call on decisions (call_id);
create index decisions_published on decisions (published_at) where state = 'published';
