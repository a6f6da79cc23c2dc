-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.installation_products (
	id uuid default gen_random_uuid() not null,
	org_id uuid not null,
	installation_id uuid not null,
	product_id uuid not null,
	payment_type text not null,
	installments integer default 1 not null,
	price_cents integer not null,
	start_date date,
	created_at timestamp with time zone default now() not null,
	constraint installation_products_pkey PRIMARY KEY (id),
	constraint installation_products_installation_id_fkey FOREIGN KEY (installation_id) REFERENCES public.installations(id) ON DELETE CASCADE,
	constraint installation_products_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE,
	constraint installation_products_product_id_fkey FOREIGN KEY (product_id) REFERENCES public.products(id),
	constraint installation_products_installments_check CHECK ((installments >= 1)),
	constraint installation_products_payment_type_check CHECK ((payment_type = ANY (ARRAY['unico'::text, 'mensualidades'::text]))),
	constraint installation_products_price_cents_check CHECK ((price_cents >= 0))
);
comment on table public.installation_products is 'Products charged to an installation, e.g. "Promoción 3 meses" in 3 mensualidades.';

CREATE INDEX installation_products_installation_idx ON public.installation_products USING btree (org_id, installation_id);
alter table public.installation_products enable row level security;
