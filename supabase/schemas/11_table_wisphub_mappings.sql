-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.wisphub_mappings (
	org_id uuid not null,
	kind text not null,
	remote_id text not null,
	remote_name text not null,
	local_id uuid,
	confirmed boolean default false not null,
	imported_at timestamp with time zone default now() not null,
	constraint wisphub_mappings_pkey PRIMARY KEY (org_id, kind, remote_id),
	constraint wisphub_mappings_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE,
	constraint wisphub_mappings_kind_check CHECK ((kind = ANY (ARRAY['zona'::text, 'plan'::text, 'tecnico'::text])))
);

alter table public.wisphub_mappings enable row level security;
