-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.user_invitations (
	id uuid default gen_random_uuid() not null,
	org_id uuid not null,
	name text not null,
	role text not null,
	email text,
	phone text,
	token_hash text not null,
	expires_at timestamp with time zone not null,
	created_by uuid,
	created_at timestamp with time zone default now() not null,
	accepted_at timestamp with time zone,
	accepted_user_id uuid,
	revoked_at timestamp with time zone,
	constraint user_invitations_pkey PRIMARY KEY (id),
	constraint user_invitations_token_hash_key UNIQUE (token_hash),
	constraint user_invitations_accepted_user_id_fkey FOREIGN KEY (accepted_user_id) REFERENCES public.users(id) ON DELETE SET NULL,
	constraint user_invitations_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.users(id) ON DELETE SET NULL,
	constraint user_invitations_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE,
	constraint user_invitations_role_check CHECK ((role = ANY (ARRAY['admin'::text, 'coordinator'::text, 'agent'::text, 'technician'::text])))
);
comment on table public.user_invitations is 'Single-use, expiring links an admin sends so a new user sets their own name and password.';

CREATE INDEX user_invitations_org_idx ON public.user_invitations USING btree (org_id, created_at DESC);
alter table public.user_invitations enable row level security;
