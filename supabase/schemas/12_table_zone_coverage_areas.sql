-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.zone_coverage_areas (
	id uuid default gen_random_uuid() not null,
	org_id uuid not null,
	zone_id uuid not null,
	name text not null,
	service_type text not null,
	geojson jsonb not null,
	created_at timestamp with time zone default now() not null,
	updated_at timestamp with time zone default now() not null,
	constraint zone_coverage_areas_pkey PRIMARY KEY (id),
	constraint zone_coverage_areas_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE,
	constraint zone_coverage_areas_zone_id_fkey FOREIGN KEY (zone_id) REFERENCES public.zones(id) ON DELETE CASCADE,
	constraint zone_coverage_areas_service_type_check CHECK ((service_type = ANY (ARRAY['inalambrico'::text, 'fibra'::text])))
);
comment on table public.zone_coverage_areas is 'Coverage polygons of a zone, each wireless or fiber; used to suggest the zone from coordinates.';

CREATE INDEX zone_coverage_areas_zone_idx ON public.zone_coverage_areas USING btree (org_id, zone_id);
CREATE TRIGGER zone_coverage_areas_touch BEFORE UPDATE ON public.zone_coverage_areas FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();
alter table public.zone_coverage_areas enable row level security;
