-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.wisphub_connections (
	org_id uuid not null,
	enabled boolean default false not null,
	base_url text,
	api_key_sealed text,
	api_key_last4 text,
	trigger_stage text default 'asignada'::text not null,
	updated_at timestamp with time zone default now() not null,
	updated_by uuid,
	constraint wisphub_connections_pkey PRIMARY KEY (org_id),
	constraint wisphub_connections_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE,
	constraint wisphub_connections_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES public.users(id) ON DELETE SET NULL
);

alter table public.wisphub_connections enable row level security;
