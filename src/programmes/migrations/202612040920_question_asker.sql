-- Who asked, so the answer reaches them by mail (never shown publicly).
alter table programme_call_questions add column asked_by_user_id uuid references users (id) on delete set null;
