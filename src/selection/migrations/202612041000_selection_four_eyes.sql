-- Four eyes before a decision goes out: prepared by one person, approved by another who holds the
-- approver role; or sent back with a reason, to be prepared again. Decisions made before this rule
-- count as approved by the person who made them.
alter table decisions add column approval text not null default 'approved' check (approval in ('awaiting', 'approved', 'returned'));
alter table decisions alter column approval set default 'awaiting';
alter table decisions add column approved_at timestamptz;
alter table decisions add column approved_by_user_id uuid;
alter table decisions add column approved_by_name text;
alter table decisions add column returned_reason text;
update decisions set approved_at = decided_at, approved_by_name = decided_by_name where approval = 'approved';
