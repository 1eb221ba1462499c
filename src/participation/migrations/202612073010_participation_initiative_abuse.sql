-- Abuse (issue 15 point 10): the per-address limit on drafting counts a one-way hash of the
-- network address, and a case worker may hide a published initiative, keeping its record.
alter table participation_initiatives add column sent_from text;
create index participation_initiatives_sent_from on participation_initiatives (sent_from, created_at);
alter table participation_initiatives drop constraint participation_initiatives_state_check;
alter table participation_initiatives add constraint participation_initiatives_state_check
  check (state in ('draft', 'submitted', 'published', 'refused', 'handed_in', 'treated', 'withdrawn', 'hidden'));
