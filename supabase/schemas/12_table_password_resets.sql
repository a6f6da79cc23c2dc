-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.password_resets (
	id uuid default gen_random_uuid() not null,
	org_id uuid not null,
	user_id uuid not null,
	token_hash text not null,
	expires_at timestamp with time zone not null,
	used_at timestamp with time zone,
	created_at timestamp with time zone default now() not null,
	constraint password_resets_pkey PRIMARY KEY (id),
	constraint password_resets_token_hash_key UNIQUE (token_hash),
	constraint password_resets_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE,
	constraint password_resets_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE
);
comment on table public.password_resets is 'Single-use, expiring links «¿Olvidaste tu contraseña?» mails.';

CREATE INDEX password_resets_user_idx ON public.password_resets USING btree (user_id);
alter table public.password_resets enable row level security;
