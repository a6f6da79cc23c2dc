-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.zone_ip_pools (
	id uuid default gen_random_uuid() not null,
	org_id uuid not null,
	zone_id uuid not null,
	cidr cidr not null,
	reserved inet[] default '{}'::inet[] not null,
	created_at timestamp with time zone default now() not null,
	constraint zone_ip_pools_pkey PRIMARY KEY (id),
	constraint zone_ip_pools_org_id_cidr_key UNIQUE (org_id, cidr),
	constraint zone_ip_pools_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE,
	constraint zone_ip_pools_zone_id_fkey FOREIGN KEY (zone_id) REFERENCES public.zones(id) ON DELETE CASCADE
);
comment on table public.zone_ip_pools is 'Address ranges a zone hands out to installations, minus the reserved addresses.';

CREATE INDEX zone_ip_pools_zone_idx ON public.zone_ip_pools USING btree (org_id, zone_id);
alter table public.zone_ip_pools enable row level security;
