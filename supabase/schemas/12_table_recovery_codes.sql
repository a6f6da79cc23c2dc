-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.recovery_codes (
	id uuid default gen_random_uuid() not null,
	user_id uuid not null,
	code_hash text not null,
	used_at timestamp with time zone,
	created_at timestamp with time zone default now() not null,
	constraint recovery_codes_pkey PRIMARY KEY (id),
	constraint recovery_codes_user_code_key UNIQUE (user_id, code_hash),
	constraint recovery_codes_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE
);
comment on table public.recovery_codes is 'One-time codes that stand in for the authenticator app (two-factor), kept as SHA-256.';

alter table public.recovery_codes enable row level security;
