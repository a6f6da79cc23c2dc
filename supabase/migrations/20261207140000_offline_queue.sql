-- Issue 22, the technician's app offline. «Llegué»: when the technician reached the customer's home,
-- and where, only when they agreed to share their location (both coordinates or neither).
alter table public.installations
	add column arrived_at timestamptz,
	add column arrived_lat double precision constraint installations_arrived_lat_check check (arrived_lat between -90 and 90),
	add column arrived_lng double precision constraint installations_arrived_lng_check check (arrived_lng between -180 and 180);

-- The phone queues what the technician does without signal and replays it when the connection
-- returns; each queued action carries a key made on the phone. A replay after a lost answer finds
-- its key here and gets the first answer back instead of being applied twice.
create table public.applied_actions (
	user_id uuid not null references public.users(id) on delete cascade,
	key uuid not null,
	org_id uuid not null references public.organizations(id) on delete cascade,
	installation_id uuid not null references public.installations(id) on delete cascade,
	kind text not null constraint applied_actions_kind_check check (kind in ('campos', 'llegada', 'completar', 'foto')),
	result jsonb not null,
	created_at timestamptz not null default now(),
	constraint applied_actions_pkey primary key (user_id, key)
);
comment on table public.applied_actions is 'Actions queued on a technician''s phone offline, applied once: the key of each and the answer it got.';
create index applied_actions_created_idx on public.applied_actions (created_at);
alter table public.applied_actions enable row level security;
