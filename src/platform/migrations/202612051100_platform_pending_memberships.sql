-- Roles given by e-mail to a person who has not signed in yet: taken up, in the sign-in's own
-- transaction, the first time an employee signs in with that address; until then listed (and
-- cancellable) on the organisation's page.
create table pending_memberships (
  organisation_id uuid not null references organisations (id) on delete cascade,
  email text not null check (length(email) between 3 and 200),
  role text not null,
  granted_at timestamptz not null default now(),
  granted_by_name text
);
create unique index pending_memberships_once on pending_memberships (lower(email), organisation_id, role);
