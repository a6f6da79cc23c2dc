-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.files (
	id uuid default gen_random_uuid() not null,
	org_id uuid not null,
	installation_id uuid not null,
	category text not null,
	name text not null,
	mime text not null,
	size_bytes bigint not null,
	sha256 text not null,
	storage_key text not null,
	thumbnail_key text,
	uploaded_by uuid,
	created_at timestamp with time zone default now() not null,
	superseded_at timestamp with time zone,
	superseded_by uuid,
	constraint files_pkey PRIMARY KEY (id),
	constraint files_installation_id_fkey FOREIGN KEY (installation_id) REFERENCES public.installations(id) ON DELETE CASCADE,
	constraint files_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE,
	constraint files_superseded_by_fkey FOREIGN KEY (superseded_by) REFERENCES public.files(id) ON DELETE SET NULL,
	constraint files_uploaded_by_fkey FOREIGN KEY (uploaded_by) REFERENCES public.users(id) ON DELETE SET NULL,
	constraint files_category_check CHECK ((category = ANY (ARRAY['ine_frontal'::text, 'ine_atras'::text, 'comprobante_domicilio'::text, 'confirmacion_12_meses'::text, 'otro'::text, 'foto_instalacion'::text, 'contrato_pdf'::text, 'hoja_instalacion_pdf'::text]))),
	constraint files_size_bytes_check CHECK ((size_bytes >= 0))
);
comment on table public.files is 'Customer documents, photos and generated PDFs. A replaced file is kept, marked superseded.';

CREATE INDEX files_installation_idx ON public.files USING btree (org_id, installation_id, category);
CREATE TRIGGER files_touch_cards AFTER INSERT OR DELETE OR UPDATE OF superseded_at, category, installation_id ON public.files FOR EACH ROW EXECUTE FUNCTION public.installations_touch_joined();
alter table public.files enable row level security;
