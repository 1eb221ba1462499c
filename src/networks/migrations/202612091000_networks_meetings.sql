-- Meetings of a benchmarking network, planned by its coordinator: when (an instant, entered and read
-- in the network's time zone), where (a place or a video link), the agenda's items in order, the
-- notes written afterwards, and the files (minutes, presentations) kept in the platform's file store.
-- And the summary a network may publish for everyone: a text, with its members and actions beside it.

create table networks_meetings (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks_networks (id) on delete cascade,
  title text not null check (length(title) between 1 and 200),
  starts_at timestamptz not null,
  place text not null check (length(place) between 1 and 500),
  agenda text[] not null default '{}',
  notes text check (length(notes) <= 20000),
  notes_written_at timestamptz,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  version integer not null default 1
);
create index networks_meetings_network on networks_meetings (network_id, starts_at);

create table networks_meeting_files (
  meeting_id uuid not null references networks_meetings (id) on delete cascade,
  file_id uuid not null references files (id),
  name text not null,
  added_at timestamptz not null default now(),
  primary key (meeting_id, file_id)
);

alter table networks_networks add column summary text check (length(summary) <= 10000);
alter table networks_networks add column summary_published_at timestamptz;
