-- The competence centre's adviser (issue 14): writes and curates the knowledge bank's cases.
alter table memberships drop constraint memberships_role_check;
alter table memberships add constraint memberships_role_check
  check (role in ('admin', 'programme_owner', 'decision_approver', 'case_worker', 'reviewer', 'adviser'));
