-- A second person approves decisions before letters go out (four eyes): the approver role.
alter table memberships drop constraint memberships_role_check;
alter table memberships add constraint memberships_role_check
  check (role in ('admin', 'programme_owner', 'decision_approver', 'case_worker', 'reviewer'));
