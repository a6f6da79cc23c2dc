-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.zone_technicians (
	org_id uuid not null,
	zone_id uuid not null,
	user_id uuid not null,
	constraint zone_technicians_pkey PRIMARY KEY (zone_id, user_id),
	constraint zone_technicians_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE,
	constraint zone_technicians_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE,
	constraint zone_technicians_zone_id_fkey FOREIGN KEY (zone_id) REFERENCES public.zones(id) ON DELETE CASCADE
);

CREATE INDEX zone_technicians_org_idx ON public.zone_technicians USING btree (org_id, user_id);
alter table public.zone_technicians enable row level security;
