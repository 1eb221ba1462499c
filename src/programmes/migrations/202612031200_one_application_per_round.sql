-- A rule of the call: a municipality may be in at most one application per round (on by default).
alter table programme_calls add column one_application_per_round boolean not null default true;
