-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.ip_allocations (
	id uuid default gen_random_uuid() not null,
	org_id uuid not null,
	zone_id uuid not null,
	installation_id uuid not null,
	ip inet not null,
	created_at timestamp with time zone default now() not null,
	constraint ip_allocations_pkey PRIMARY KEY (id),
	constraint ip_allocations_installation_key UNIQUE (installation_id),
	constraint ip_allocations_org_ip_key UNIQUE (org_id, ip),
	constraint ip_allocations_installation_id_fkey FOREIGN KEY (installation_id) REFERENCES public.installations(id) ON DELETE CASCADE,
	constraint ip_allocations_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE,
	constraint ip_allocations_zone_id_fkey FOREIGN KEY (zone_id) REFERENCES public.zones(id),
	constraint ip_allocations_ip_check CHECK ((masklen(ip) =
CASE family(ip)
    WHEN 4 THEN 32
    ELSE 128
END))
);
comment on table public.ip_allocations is 'The authority on addresses: one IP per card and never the same IP twice in a provider, even under concurrent clicks. Deleting the row releases the IP (cancellation); installations.ip mirrors it.';

CREATE INDEX ip_allocations_zone_idx ON public.ip_allocations USING btree (zone_id);
alter table public.ip_allocations enable row level security;
