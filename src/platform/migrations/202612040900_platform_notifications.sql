-- What the product told a person by mail, kept so that each notice is sent once (a notice is
-- unique per occasion and address) and so that people can read what was sent to them.
create table notifications (
  id uuid primary key default gen_random_uuid(),
  occasion text not null,
  recipient_user_id uuid references users (id) on delete set null,
  recipient_email text not null,
  locale text not null,
  subject text not null,
  body text not null,
  link text,
  created_at timestamptz not null default now(),
  claimed_until timestamptz,
  sent_at timestamptz,
  unique (occasion, recipient_email)
);
create index notifications_user on notifications (recipient_user_id, created_at desc);
create index notifications_email on notifications (lower(recipient_email), created_at desc);

-- A municipality's or organisation's official mailbox (postmottak), told of invitations and letters.
alter table organisations add column mail_address text;
