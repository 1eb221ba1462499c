-- Mail captured by the in-process SMTP server of development and tests, read on the outbox page.
create table captured_mail (
  id uuid primary key default gen_random_uuid(),
  received_at timestamptz not null default now(),
  sender text not null,
  recipients text[] not null,
  subject text not null,
  text_body text not null,
  attachments jsonb not null default '[]',
  raw bytea not null
);
create index captured_mail_received on captured_mail (received_at desc);
