-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.signing_links (
	id uuid default gen_random_uuid() not null,
	org_id uuid not null,
	installation_id uuid not null,
	document_kind text not null,
	token_hash text not null,
	expires_at timestamp with time zone not null,
	used_at timestamp with time zone,
	revoked_at timestamp with time zone,
	created_by uuid,
	created_at timestamp with time zone default now() not null,
	constraint signing_links_pkey PRIMARY KEY (id),
	constraint signing_links_token_hash_key UNIQUE (token_hash),
	constraint signing_links_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.users(id) ON DELETE SET NULL,
	constraint signing_links_installation_id_fkey FOREIGN KEY (installation_id) REFERENCES public.installations(id) ON DELETE CASCADE,
	constraint signing_links_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE,
	constraint signing_links_document_kind_check CHECK ((document_kind = ANY (ARRAY['contrato'::text, 'hoja_instalacion'::text])))
);
comment on table public.signing_links is 'Single-use links for remote signing (sent by WhatsApp or opened on the technician''s phone).';

CREATE INDEX signing_links_installation_idx ON public.signing_links USING btree (org_id, installation_id);
alter table public.signing_links enable row level security;
