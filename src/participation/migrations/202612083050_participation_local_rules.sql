-- Denmark has no statutory citizens' proposals: a Danish municipality may switch them on with its
-- own threshold (a fixed number of signatures) and its own deadline for the council, in months.
create table participation_local_rules (
  municipality_code text primary key check (municipality_code ~ '^[0-9]{3}$'),
  enabled boolean not null,
  signatures integer not null check (signatures between 1 and 100000),
  decision_months integer not null check (decision_months between 1 and 12),
  version integer not null default 1,
  changed_by uuid,
  changed_at timestamptz not null default now()
);
