-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.products (
	id uuid default gen_random_uuid() not null,
	org_id uuid not null,
	name text not null,
	kind text not null,
	price_cents integer not null,
	payment_type text default 'unico'::text not null,
	installments integer default 1 not null,
	active boolean default true not null,
	created_at timestamp with time zone default now() not null,
	updated_at timestamp with time zone default now() not null,
	constraint products_pkey PRIMARY KEY (id),
	constraint products_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE,
	constraint products_installments_check CHECK ((installments >= 1)),
	constraint products_kind_check CHECK ((kind = ANY (ARRAY['promocion'::text, 'deposito'::text, 'equipo'::text, 'otro'::text]))),
	constraint products_payment_type_check CHECK ((payment_type = ANY (ARRAY['unico'::text, 'mensualidades'::text]))),
	constraint products_price_cents_check CHECK ((price_cents >= 0))
);
comment on table public.products is 'One-off or instalment items attached to an installation: promotions, guarantee deposit, equipment.';

CREATE INDEX products_org_idx ON public.products USING btree (org_id, kind);
CREATE TRIGGER products_touch BEFORE UPDATE ON public.products FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();
alter table public.products enable row level security;
