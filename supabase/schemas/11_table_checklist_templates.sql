-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.checklist_templates (
	id uuid default gen_random_uuid() not null,
	org_id uuid not null,
	stage text not null,
	label text not null,
	auto_rule text,
	sort_order integer default 0 not null,
	active boolean default true not null,
	created_at timestamp with time zone default now() not null,
	updated_at timestamp with time zone default now() not null,
	constraint checklist_templates_pkey PRIMARY KEY (id),
	constraint checklist_templates_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE,
	constraint checklist_templates_stage_check CHECK ((stage = ANY (ARRAY['preinstalacion'::text, 'cobertura_confirmada'::text, 'documentos_pendientes'::text, 'agendada'::text, 'asignada'::text, 'firmada'::text, 'activa'::text, 'cancelada'::text])))
);
comment on table public.checklist_templates is 'Per-stage checklist configured by the organization; auto_rule items tick themselves.';

CREATE INDEX checklist_templates_org_idx ON public.checklist_templates USING btree (org_id, stage, sort_order);
CREATE TRIGGER checklist_templates_touch BEFORE UPDATE ON public.checklist_templates FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();
alter table public.checklist_templates enable row level security;
