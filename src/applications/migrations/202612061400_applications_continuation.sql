-- An application may continue an earlier project (seed 004's videreføring): the project it
-- continues is kept with it, so that the grant becomes a project linked to its predecessor.
alter table applications add column continues_project_id uuid;
