-- The lead may withdraw an unanswered invitation or remove a member before submitting.
alter table application_members drop constraint application_members_invitation_check;
alter table application_members add constraint application_members_invitation_check
  check (invitation in ('pending', 'accepted', 'declined', 'withdrawn', 'removed'));
