-- External experts invited by e-mail to a programme's reviewer pool (fagpanel). The mail carries a
-- single-use link; only its SHA-256 is stored. Accepting it (signed in) gives the person the
-- reviewer role through their employer and a place in the pool, in one transaction.
create table assessment_pool_invitations (
  id uuid primary key default gen_random_uuid(),
  programme_id uuid not null references programmes (id),
  email text not null check (length(email) between 3 and 200),
  name text not null check (length(name) between 1 and 200),
  employer text not null check (length(employer) between 1 and 200),
  token_hash text not null unique,
  invited_at timestamptz not null default now(),
  invited_by_name text,
  expires_at timestamptz not null,
  accepted_at timestamptz,
  accepted_by_user_id uuid,
  withdrawn_at timestamptz,
  check (accepted_at is null or withdrawn_at is null)
);
-- One open invitation per programme and address.
create unique index assessment_pool_invitations_open
  on assessment_pool_invitations (programme_id, lower(email))
  where accepted_at is null and withdrawn_at is null;
