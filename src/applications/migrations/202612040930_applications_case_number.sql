-- The application's case number (saksnummer) as people read and quote it: year/sequence, e.g. 2026/0042.
create table application_case_numbers (
  year integer primary key,
  last integer not null
);
alter table applications add column case_number text;
with numbered as (
  select id,
         extract(year from created_at at time zone 'Europe/Oslo')::integer as year,
         row_number() over (partition by extract(year from created_at at time zone 'Europe/Oslo') order by created_at, id)::integer as n
  from applications
)
update applications a set case_number = numbered.year || '/' || lpad(numbered.n::text, 4, '0') from numbered where a.id = numbered.id;
insert into application_case_numbers (year, last)
  select extract(year from created_at at time zone 'Europe/Oslo')::integer, count(*) from applications group by 1;
alter table applications alter column case_number set not null;
create unique index applications_case_number on applications (case_number);
