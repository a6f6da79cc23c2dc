-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.whatsapp_connections (
	org_id uuid not null,
	enabled boolean default false not null,
	phone_number_id text,
	access_token_sealed text,
	access_token_last4 text,
	app_secret_sealed text,
	verify_token_hash text,
	updated_at timestamp with time zone default now() not null,
	updated_by uuid,
	constraint whatsapp_connections_pkey PRIMARY KEY (org_id),
	constraint whatsapp_connections_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE,
	constraint whatsapp_connections_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES public.users(id) ON DELETE SET NULL,
	constraint whatsapp_connections_phone_number_id_check CHECK (((phone_number_id IS NULL) OR (phone_number_id ~ '^[0-9]{5,30}$'::text)))
);

CREATE UNIQUE INDEX whatsapp_connections_phone_key ON public.whatsapp_connections USING btree (phone_number_id) WHERE (phone_number_id IS NOT NULL);
alter table public.whatsapp_connections enable row level security;
