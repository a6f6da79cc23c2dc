-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.documents (
	id uuid default gen_random_uuid() not null,
	org_id uuid not null,
	installation_id uuid not null,
	kind text not null,
	status text default 'borrador'::text not null,
	start_date date,
	end_date date,
	data jsonb default '{}'::jsonb not null,
	content_sha256 text,
	signed_at timestamp with time zone,
	file_id uuid,
	version integer default 1 not null,
	created_at timestamp with time zone default now() not null,
	superseded_at timestamp with time zone,
	constraint documents_pkey PRIMARY KEY (id),
	constraint documents_file_id_fkey FOREIGN KEY (file_id) REFERENCES public.files(id) ON DELETE SET NULL,
	constraint documents_installation_id_fkey FOREIGN KEY (installation_id) REFERENCES public.installations(id) ON DELETE CASCADE,
	constraint documents_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE,
	constraint documents_dates_check CHECK (((end_date IS NULL) OR (start_date IS NULL) OR (end_date >= start_date))),
	constraint documents_kind_check CHECK ((kind = ANY (ARRAY['contrato'::text, 'hoja_instalacion'::text]))),
	constraint documents_status_check CHECK ((status = ANY (ARRAY['borrador'::text, 'firmado'::text])))
);
comment on table public.documents is 'Contract and installation sheet of a card: a draft until signed; the PDF exists only once signed.';

CREATE UNIQUE INDEX documents_current_key ON public.documents USING btree (installation_id, kind) WHERE (superseded_at IS NULL);
CREATE INDEX documents_installation_idx ON public.documents USING btree (org_id, installation_id, kind);
alter table public.documents enable row level security;
