-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.addon_services (
	id uuid default gen_random_uuid() not null,
	org_id uuid not null,
	installation_id uuid not null,
	kind text not null,
	plan_id uuid,
	ip inet,
	external_id text,
	username text,
	password text,
	phone_number text default '0000000000'::text,
	number_assigned_at timestamp with time zone,
	sip_server text,
	onu_serial text,
	tv_type text,
	cut_service boolean default true not null,
	router text,
	created_at timestamp with time zone default now() not null,
	updated_at timestamp with time zone default now() not null,
	constraint addon_services_pkey PRIMARY KEY (id),
	constraint addon_services_installation_id_fkey FOREIGN KEY (installation_id) REFERENCES public.installations(id) ON DELETE CASCADE,
	constraint addon_services_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE,
	constraint addon_services_plan_id_fkey FOREIGN KEY (plan_id) REFERENCES public.plans(id),
	constraint addon_services_ip_check CHECK ((masklen(ip) =
CASE family(ip)
    WHEN 4 THEN 32
    ELSE 128
END)),
	constraint addon_services_kind_check CHECK ((kind = ANY (ARRAY['telefonia'::text, 'television'::text]))),
	constraint addon_services_tv_type_check CHECK ((tv_type = ANY (ARRAY['CATV'::text, 'IPTV'::text]))),
	constraint addon_services_tv_type_kind_check CHECK (((kind = 'television'::text) OR (tv_type IS NULL)))
);
comment on table public.addon_services is 'Telephony and TV services attached to an installation (process 4, steps 6–7).';

CREATE INDEX addon_services_installation_idx ON public.addon_services USING btree (org_id, installation_id);
CREATE TRIGGER addon_services_touch BEFORE UPDATE ON public.addon_services FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();
alter table public.addon_services enable row level security;
