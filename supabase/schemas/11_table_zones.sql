-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.zones (
	id uuid default gen_random_uuid() not null,
	org_id uuid not null,
	name text not null,
	router_name text,
	router_host text,
	payment_day integer not null,
	cutoff_day integer,
	grace_days integer,
	invoice_day integer,
	billing_mode text default 'prepago'::text not null,
	active boolean default true not null,
	created_at timestamp with time zone default now() not null,
	updated_at timestamp with time zone default now() not null,
	constraint zones_pkey PRIMARY KEY (id),
	constraint zones_org_id_name_key UNIQUE (org_id, name),
	constraint zones_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE,
	constraint zones_billing_mode_check CHECK ((billing_mode = ANY (ARRAY['prepago'::text, 'pospago'::text]))),
	constraint zones_cutoff_day_check CHECK (((cutoff_day >= 1) AND (cutoff_day <= 31))),
	constraint zones_grace_days_check CHECK ((grace_days >= 0)),
	constraint zones_invoice_day_check CHECK (((invoice_day >= 1) AND (invoice_day <= 31))),
	constraint zones_payment_day_check CHECK (((payment_day >= 1) AND (payment_day <= 31)))
);
comment on table public.zones is 'Service zone = area + base router (RB) + billing calendar. The zone defines the customer''s payment day.';

CREATE TRIGGER zones_touch BEFORE UPDATE ON public.zones FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();
CREATE TRIGGER zones_touch_cards AFTER UPDATE OF name ON public.zones FOR EACH ROW WHEN ((old.name IS DISTINCT FROM new.name)) EXECUTE FUNCTION public.installations_touch_joined();
alter table public.zones enable row level security;
