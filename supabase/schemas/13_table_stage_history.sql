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
	entered_at timestamp with time zone,
	stay_hours double precision,
	constraint stage_history_pkey PRIMARY KEY (id),
	constraint stage_history_installation_id_fkey FOREIGN KEY (installation_id) REFERENCES public.installations(id) ON DELETE CASCADE,
	constraint stage_history_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE SET NULL,
	constraint stage_history_from_stage_check CHECK ((from_stage = ANY (ARRAY['preinstalacion'::text, 'cobertura_confirmada'::text, 'documentos_pendientes'::text, 'agendada'::text, 'asignada'::text, 'firmada'::text, 'activa'::text, 'cancelada'::text]))),
	constraint stage_history_to_stage_check CHECK ((to_stage = ANY (ARRAY['preinstalacion'::text, 'cobertura_confirmada'::text, 'documentos_pendientes'::text, 'agendada'::text, 'asignada'::text, 'firmada'::text, 'activa'::text, 'cancelada'::text])))
);
comment on table public.stage_history is 'Every stage transition of a card, with the override reason when a guard was skipped.';
comment on column public.stage_history.entered_at is 'When the card entered from_stage: the previous move''s time, or the card''s creation for its first move; null on a creation row (from_stage null). Kept by a trigger.';
comment on column public.stage_history.stay_hours is 'Hours from entered_at to created_at (the stay in from_stage this move ended), as the reports compute them; null on a creation row. Kept by a trigger.';

CREATE INDEX stage_history_card_time_idx ON public.stage_history USING btree (installation_id, created_at, id);
CREATE INDEX stage_history_created_idx ON public.stage_history USING btree (org_id, created_at) INCLUDE (installation_id, from_stage, to_stage, entered_at, stay_hours);
CREATE INDEX stage_history_creation_idx ON public.stage_history USING btree (installation_id) WHERE (from_stage IS NULL);
CREATE INDEX stage_history_entered_idx ON public.stage_history USING btree (org_id, entered_at) INCLUDE (installation_id, from_stage, created_at, stay_hours) WHERE (from_stage IS NOT NULL);
CREATE INDEX stage_history_installation_idx ON public.stage_history USING btree (org_id, installation_id, id);
CREATE INDEX stage_history_to_stage_idx ON public.stage_history USING btree (org_id, to_stage, created_at, installation_id);
CREATE TRIGGER stage_history_entered BEFORE INSERT ON public.stage_history FOR EACH ROW EXECUTE FUNCTION public.stage_history_entered();
CREATE TRIGGER stage_history_reach AFTER INSERT ON public.stage_history FOR EACH ROW EXECUTE FUNCTION public.stage_history_reach();
alter table public.stage_history enable row level security;
