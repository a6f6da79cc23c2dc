-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.display_tokens (
	id uuid default gen_random_uuid() not null,
	org_id uuid not null,
	name text not null,
	token_hash text not null,
	created_by uuid,
	created_at timestamp with time zone default now() not null,
	revoked_at timestamp with time zone,
	last_seen_at timestamp with time zone,
	constraint display_tokens_pkey PRIMARY KEY (id),
	constraint display_tokens_token_hash_key UNIQUE (token_hash),
	constraint display_tokens_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.users(id) ON DELETE SET NULL,
	constraint display_tokens_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE
);
comment on table public.display_tokens is 'Read-only, revocable credentials for the office wall display (TV). Only the sha256 of the token is stored.';

CREATE INDEX display_tokens_org_idx ON public.display_tokens USING btree (org_id);
alter table public.display_tokens enable row level security;
