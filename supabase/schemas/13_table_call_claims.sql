-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.call_claims (
	installation_id uuid not null,
	org_id uuid not null,
	user_id uuid not null,
	claimed_at timestamp with time zone default now() not null,
	expires_at timestamp with time zone not null,
	constraint call_claims_pkey PRIMARY KEY (installation_id),
	constraint call_claims_installation_id_fkey FOREIGN KEY (installation_id) REFERENCES public.installations(id) ON DELETE CASCADE,
	constraint call_claims_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE,
	constraint call_claims_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE,
	constraint call_claims_expiry_check CHECK ((expires_at > claimed_at))
);
comment on table public.call_claims is 'Who is calling which lead right now (the agents'' queue «Siguiente»), until it expires or is released.';

CREATE INDEX call_claims_user_idx ON public.call_claims USING btree (org_id, user_id);
alter table public.call_claims enable row level security;
