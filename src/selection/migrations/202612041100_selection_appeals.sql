-- Appeals (klage) on a decision: lodged by the applicant within the deadline, assessed by the
-- owner (upheld, changed, or sent on to the appeal body) with reasons. One appeal per decision.
create table decision_appeals (
  application_id uuid primary key references decisions (application_id),
  state text not null check (state in ('lodged', 'upheld', 'changed', 'forwarded')),
  grounds text not null check (length(grounds) between 1 and 10000),
  lodged_at timestamptz not null default now(),
  lodged_by_user_id uuid,
  lodged_by_name text not null,
  assessment text,
  assessed_at timestamptz,
  assessed_by_name text,
  version integer not null default 1,
  check ((state = 'lodged') = (assessed_at is null))
);
