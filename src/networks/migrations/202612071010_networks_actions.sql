-- Improvement actions (forbedringstiltak): what a member will change, the figure it should move
-- (a key figure or one of the network's own), with the figure's value when the action was recorded.

create table networks_actions (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks_networks (id) on delete cascade,
  municipality_code text not null,
  action text not null check (length(action) between 1 and 2000),
  figure_ref text not null check (length(figure_ref) <= 100),
  owner text not null check (length(owner) between 1 and 200),
  due date not null,
  state text not null default 'planned' check (state in ('planned', 'started', 'completed', 'dropped')),
  baseline_year integer,
  baseline_value double precision,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  version integer not null default 1
);
create index networks_actions_network on networks_actions (network_id, created_at);
