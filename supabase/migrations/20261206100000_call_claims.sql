-- Issue 20, «Mis llamadas»: the agents' shared call queue. A claim says «this agent is calling this
-- lead» for a while (expires_at): «Siguiente» takes the next unclaimed lead with one statement under
-- a row lock, so two agents pressing at once get different leads; recording a call, «Soltar» or the
-- expiry frees it. At most one live claim per card (the primary key); an expired one is taken over.
create table public.call_claims (
	installation_id uuid not null,
	org_id uuid not null,
	user_id uuid not null,
	claimed_at timestamp with time zone default now() not null,
	expires_at timestamp with time zone not null,
	constraint call_claims_pkey primary key (installation_id),
	constraint call_claims_installation_id_fkey foreign key (installation_id) references public.installations(id) on delete cascade,
	constraint call_claims_org_id_fkey foreign key (org_id) references public.organizations(id) on delete cascade,
	constraint call_claims_user_id_fkey foreign key (user_id) references public.users(id) on delete cascade,
	constraint call_claims_expiry_check check (expires_at > claimed_at)
);
comment on table public.call_claims is 'Who is calling which lead right now (the agents'' queue «Siguiente»), until it expires or is released.';
create index call_claims_user_idx on public.call_claims using btree (org_id, user_id);
alter table public.call_claims enable row level security;
