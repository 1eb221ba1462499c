-- Population by age for Denmark too (Statistics Denmark, FOLK1A by sex and age): each row says its
-- country, so a Danish import never touches Norwegian rows and the Norwegian projections read only
-- Norway's. Municipality codes do not collide (Norway four digits, Denmark three).
alter table registry_population add column country text not null default 'NO' check (country in ('NO', 'DK'));
