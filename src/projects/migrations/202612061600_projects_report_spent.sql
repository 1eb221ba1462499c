-- What a report says was spent of the grant (the sum over its cost lines), kept beside the report so
-- the portfolio sums it over thousands of reports without reading each report's content.
alter table project_reports add column spent_grant bigint not null default 0;

update project_reports
   set spent_grant = coalesce((
     select sum((line.value ->> 'grant')::numeric)
       from jsonb_each(content -> 'spent') line
      where line.key in ('own-staff', 'project-management', 'consultants', 'gatherings', 'other')
   ), 0);

-- The approved reports for whole projects, read by project with their money: the portfolio's sum.
create index project_reports_approved_whole on project_reports (project_id) include (spent_grant)
  where member_code = '' and state = 'approved';
