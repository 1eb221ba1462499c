-- A county authority (fylkeskommune) as an organisation kind, with its county number from the
-- registry (Vestfold 39, Telemark 40): its case workers moderate and treat the county's citizens'
-- initiatives. Norway only: Danish regions own no citizens' initiatives.
alter table organisations add column county_code text check (county_code ~ '^[0-9]{2}$');
alter table organisations drop constraint organisations_kind_check;
alter table organisations add constraint organisations_kind_check
  check (kind in ('ministry', 'state_office', 'municipality', 'county', 'external', 'platform'));
alter table organisations add constraint organisations_county_check
  check ((kind = 'county') = (county_code is not null) and (kind <> 'county' or country = 'NO'));
create unique index organisations_county on organisations (country, county_code) where county_code is not null;
