-- Optional files on an initiative (issue 15 point 2): attached by the initiator while it is a
-- draft, public with the initiative once published. The bytes live in the platform's files table.
create table participation_initiative_files (
  initiative_id uuid not null references participation_initiatives (id) on delete cascade,
  file_id uuid not null references files (id),
  added_at timestamptz not null default now(),
  primary key (initiative_id, file_id)
);
