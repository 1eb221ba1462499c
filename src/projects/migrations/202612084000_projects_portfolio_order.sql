-- The portfolio's page of a programme's projects in the order it lists them (newest first, then by
-- title), read from the index rather than sorting every project of the programme for each page.
create index projects_programme_listed on projects (programme_id, created_at desc, title, id);
