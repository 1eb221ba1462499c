-- The receipt mail of each submitted version: claimed in a transaction before it is sent, with a
-- Message-ID fixed at the first claim, and marked when the relay has taken it. A run that finds it
-- sent does nothing; one that finds a fresh claim leaves it to the claimant; a claim older than the
-- lease (its process died) is taken over and the mail sent again with the same Message-ID, so the
-- receiving systems see one message.
create table application_receipt_mails (
  submission_id uuid primary key references application_submissions (id) on delete cascade,
  message_id text not null unique,
  claimed_at timestamptz not null,
  attempts integer not null check (attempts >= 1),
  sent_at timestamptz
);

-- The projected challenge of each projected-challenge part as it stood when the version was
-- submitted: the figures with their scenario and base year, kept whatever later data says.
create table application_submission_projections (
  submission_id uuid not null references application_submissions (id) on delete cascade,
  part_key text not null,
  challenge jsonb not null,
  primary key (submission_id, part_key)
);
