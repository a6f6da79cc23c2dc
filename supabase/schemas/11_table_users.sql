-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.users (
	id uuid default gen_random_uuid() not null,
	org_id uuid not null,
	email text not null,
	name text not null,
	role text not null,
	password_hash text not null,
	active boolean default true not null,
	locale text default 'es'::text not null,
	color text,
	daily_capacity integer,
	created_at timestamp with time zone default now() not null,
	updated_at timestamp with time zone default now() not null,
	must_change_password boolean default false not null,
	totp_secret text,
	totp_enabled_at timestamp with time zone,
	totp_last_step bigint,
	constraint users_pkey PRIMARY KEY (id),
	constraint users_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE,
	constraint users_daily_capacity_check CHECK ((daily_capacity >= 0)),
	constraint users_role_check CHECK ((role = ANY (ARRAY['admin'::text, 'coordinator'::text, 'agent'::text, 'technician'::text])))
);

CREATE UNIQUE INDEX users_email_key ON public.users USING btree (lower(email));
CREATE INDEX users_org_idx ON public.users USING btree (org_id, role);
CREATE TRIGGER users_touch BEFORE UPDATE ON public.users FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();
CREATE TRIGGER users_touch_cards AFTER UPDATE OF name, color ON public.users FOR EACH ROW WHEN (((old.name IS DISTINCT FROM new.name) OR (old.color IS DISTINCT FROM new.color))) EXECUTE FUNCTION public.installations_touch_joined();
alter table public.users enable row level security;
