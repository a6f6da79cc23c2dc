-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.signatures (
	id uuid default gen_random_uuid() not null,
	org_id uuid not null,
	document_id uuid,
	installation_id uuid not null,
	document_kind text not null,
	signer_name text not null,
	image_png text not null,
	signed_at timestamp with time zone default now() not null,
	ip text,
	user_agent text,
	content_sha256 text not null,
	method text not null,
	constraint signatures_pkey PRIMARY KEY (id),
	constraint signatures_document_id_fkey FOREIGN KEY (document_id) REFERENCES public.documents(id) ON DELETE SET NULL,
	constraint signatures_installation_id_fkey FOREIGN KEY (installation_id) REFERENCES public.installations(id) ON DELETE CASCADE,
	constraint signatures_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE,
	constraint signatures_document_kind_check CHECK ((document_kind = ANY (ARRAY['contrato'::text, 'hoja_instalacion'::text]))),
	constraint signatures_method_check CHECK ((method = ANY (ARRAY['en_persona'::text, 'link'::text, 'telefono_tecnico'::text])))
);
comment on table public.signatures is 'Signature evidence: image, signer, when, where from, how, and the hash of the signed content.';

CREATE INDEX signatures_installation_idx ON public.signatures USING btree (org_id, installation_id);
alter table public.signatures enable row level security;
