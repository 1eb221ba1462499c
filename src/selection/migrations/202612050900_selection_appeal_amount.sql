-- A decision changed after an appeal records its new amount (the original stays on the decision).
alter table decision_appeals add column changed_amount bigint check (changed_amount >= 0);
alter table decision_appeals add constraint decision_appeals_amount_only_when_changed
  check (changed_amount is null or state = 'changed');
