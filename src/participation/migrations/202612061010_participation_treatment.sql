-- The council's treatment of a handed-in initiative, as the municipality records it.
alter table participation_initiatives
  add column treated_meeting_date date,
  add column treated_case_number text check (length(treated_case_number) <= 50),
  add column treated_decision text check (length(treated_decision) <= 4000),
  add column treated_minutes_url text check (length(treated_minutes_url) <= 500);
