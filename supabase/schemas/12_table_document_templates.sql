-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.document_templates (
	id uuid default gen_random_uuid() not null,
	org_id uuid not null,
	kind text not null,
	contract_type text,
	title text not null,
	body text,
	created_at timestamp with time zone default now() not null,
	updated_at timestamp with time zone default now() not null,
	updated_by uuid,
	clauses jsonb,
	penalty_cents integer,
	constraint document_templates_pkey PRIMARY KEY (id),
	constraint document_templates_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE,
	constraint document_templates_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES public.users(id) ON DELETE SET NULL,
	constraint document_templates_clauses_check CHECK (((clauses IS NULL) OR (jsonb_typeof(clauses) = 'array'::text))),
	constraint document_templates_contract_type_check CHECK ((contract_type = ANY (ARRAY['12_meses'::text, 'indefinido'::text]))),
	constraint document_templates_kind_check CHECK ((kind = ANY (ARRAY['contrato'::text, 'hoja_instalacion'::text]))),
	constraint document_templates_penalty_cents_check CHECK (((penalty_cents IS NULL) OR (penalty_cents >= 0))),
	constraint document_templates_text_check CHECK (((clauses IS NOT NULL) OR (body IS NOT NULL)))
);
comment on table public.document_templates is 'Editable text of the contract and the installation sheet, per contract type.';

CREATE INDEX document_templates_org_idx ON public.document_templates USING btree (org_id, kind);
CREATE TRIGGER document_templates_touch BEFORE UPDATE ON public.document_templates FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();
alter table public.document_templates enable row level security;
