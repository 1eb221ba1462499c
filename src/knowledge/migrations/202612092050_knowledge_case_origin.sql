-- A case's programme (the facet "programme": the platform programme of the project a case was made
-- from, or a programme the case's source names) and where a case was made from: a project today
-- (origin_kind 'project', origin_id its id), one case per origin. No foreign key to the origin's
-- table: the bank reads other capabilities only through their doors.
alter table knowledge_cases add column programme text;
alter table knowledge_cases add column origin_kind text check (origin_kind in ('project'));
alter table knowledge_cases add column origin_id text;
alter table knowledge_cases add constraint knowledge_cases_origin check ((origin_kind is null) = (origin_id is null));
create unique index knowledge_cases_origin_unique on knowledge_cases (origin_kind, origin_id) where origin_kind is not null;
create index knowledge_cases_programme on knowledge_cases (programme) where programme is not null;

-- Seed 002 names "Saman om ein betre kommune" a development programme (utviklingsprogrammet): its
-- two networks' demo cases, where a database already has them, carry it.
update knowledge_cases set programme = 'Saman om ein betre kommune'
where slug in ('innovasjonsnettverket-i-saman-om-ein-betre-kommune', 'nettverket-for-velferdsinnovasjon-i-saman-om-ein-betre-kommune');

-- A nomination for the innovation prize names a case or a project (seed 002: "the best municipal
-- innovation project"). A project's title and municipalities are kept as they were when nominated,
-- for the jury's exclusions and pages.
alter table knowledge_prize_nominations alter column case_id drop not null;
alter table knowledge_prize_nominations add column project_id uuid;
alter table knowledge_prize_nominations add column project_title text;
alter table knowledge_prize_nominations add column project_language text check (project_language in ('nb', 'nn', 'da', 'en'));
alter table knowledge_prize_nominations add column project_municipalities jsonb;
alter table knowledge_prize_nominations add constraint knowledge_prize_nominee check ((case_id is null) <> (project_id is null));
create unique index knowledge_prize_nominations_project on knowledge_prize_nominations (prize_id, project_id) where project_id is not null;
