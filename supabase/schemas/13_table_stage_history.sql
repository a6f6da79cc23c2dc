-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.stage_history (
	id bigserial not null,
	org_id uuid not null,
	installation_id uuid not null,
	from_stage text,
	to_stage text not null,
	user_id uuid,
	override_reason text,
	created_at timestamp with time zone default now() not null,
	constraint stage_history_pkey PRIMARY KEY (id),
	constraint stage_history_installation_id_fkey FOREIGN KEY (installation_id) REFERENCES public.installations(id) ON DELETE CASCADE,
	constraint stage_history_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE SET NULL,
	constraint stage_history_from_stage_check CHECK ((from_stage = ANY (ARRAY['preinstalacion'::text, 'cobertura_confirmada'::text, 'documentos_pendientes'::text, 'agendada'::text, 'asignada'::text, 'firmada'::text, 'activa'::text, 'cancelada'::text]))),
	constraint stage_history_to_stage_check CHECK ((to_stage = ANY (ARRAY['preinstalacion'::text, 'cobertura_confirmada'::text, 'documentos_pendientes'::text, 'agendada'::text, 'asignada'::text, 'firmada'::text, 'activa'::text, 'cancelada'::text])))
);
comment on table public.stage_history is 'Every stage transition of a card, with the override reason when a guard was skipped.';

CREATE INDEX stage_history_created_idx ON public.stage_history USING btree (org_id, created_at);
CREATE INDEX stage_history_creation_idx ON public.stage_history USING btree (installation_id) WHERE (from_stage IS NULL);
CREATE INDEX stage_history_installation_idx ON public.stage_history USING btree (org_id, installation_id, id);
CREATE INDEX stage_history_to_stage_idx ON public.stage_history USING btree (org_id, to_stage, created_at, installation_id);
alter table public.stage_history enable row level security;
