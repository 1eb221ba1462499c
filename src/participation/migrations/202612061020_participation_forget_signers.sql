-- Signers' identities are kept only as long as needed: six months after an initiative is closed,
-- its signature rows are deleted and only their number is kept here.
alter table participation_initiatives
  add column forgotten_signatures integer not null default 0 check (forgotten_signatures >= 0),
  add column closed_at timestamptz;
