-- Files on a case (reports, photos), uploaded by whoever may edit it (an adviser, or for a case made
-- from a project a case worker of the municipality that made it); the content lives in the
-- platform's files table, this row says which case it belongs to and what the page lists.
create table knowledge_case_files (
  case_id uuid not null references knowledge_cases (id) on delete cascade,
  file_id uuid not null references files (id),
  name text not null,
  content_type text not null,
  size_bytes int not null,
  added_at timestamptz not null default now(),
  added_by_name text,
  primary key (case_id, file_id)
);
