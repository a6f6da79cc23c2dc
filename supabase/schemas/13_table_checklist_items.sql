-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.checklist_items (
	id uuid default gen_random_uuid() not null,
	org_id uuid not null,
	installation_id uuid not null,
	template_id uuid not null,
	done boolean default false not null,
	done_by uuid,
	done_at timestamp with time zone,
	constraint checklist_items_pkey PRIMARY KEY (id),
	constraint checklist_items_installation_id_template_id_key UNIQUE (installation_id, template_id),
	constraint checklist_items_done_by_fkey FOREIGN KEY (done_by) REFERENCES public.users(id) ON DELETE SET NULL,
	constraint checklist_items_installation_id_fkey FOREIGN KEY (installation_id) REFERENCES public.installations(id) ON DELETE CASCADE,
	constraint checklist_items_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE,
	constraint checklist_items_template_id_fkey FOREIGN KEY (template_id) REFERENCES public.checklist_templates(id) ON DELETE CASCADE
);

CREATE INDEX checklist_items_org_idx ON public.checklist_items USING btree (org_id, installation_id);
alter table public.checklist_items enable row level security;
