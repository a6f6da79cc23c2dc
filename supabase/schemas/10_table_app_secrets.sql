-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.app_secrets (
	name text not null,
	secret text not null,
	created_at timestamp with time zone default now() not null,
	constraint app_secrets_pkey PRIMARY KEY (name)
);

alter table public.app_secrets enable row level security;
