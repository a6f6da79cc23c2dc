-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.plans (
	id uuid default gen_random_uuid() not null,
	org_id uuid not null,
	kind text not null,
	name text not null,
	speed_mbps integer,
	price_cents integer not null,
	routeros_profile text,
	usage_tier text,
	description text,
	active boolean default true not null,
	sort_order integer default 0 not null,
	created_at timestamp with time zone default now() not null,
	updated_at timestamp with time zone default now() not null,
	constraint plans_pkey PRIMARY KEY (id),
	constraint plans_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE,
	constraint plans_kind_check CHECK ((kind = ANY (ARRAY['internet'::text, 'television'::text, 'telefonia'::text]))),
	constraint plans_price_cents_check CHECK ((price_cents >= 0)),
	constraint plans_speed_mbps_check CHECK ((speed_mbps > 0)),
	constraint plans_usage_tier_check CHECK ((usage_tier = ANY (ARRAY['basico'::text, 'intermedio'::text, 'alto'::text])))
);
comment on table public.plans is 'Monthly service plans: internet (by speed), television and telephony. Prices in centavos.';

CREATE INDEX plans_org_idx ON public.plans USING btree (org_id, kind, sort_order);
CREATE TRIGGER plans_touch BEFORE UPDATE ON public.plans FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();
CREATE TRIGGER plans_touch_cards AFTER UPDATE OF name ON public.plans FOR EACH ROW WHEN ((old.name IS DISTINCT FROM new.name)) EXECUTE FUNCTION public.installations_touch_joined();
alter table public.plans enable row level security;
