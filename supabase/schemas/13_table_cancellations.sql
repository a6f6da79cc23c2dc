-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.cancellations (
	id bigserial not null,
	org_id uuid not null,
	installation_id uuid not null,
	from_stage text not null,
	reason text not null,
	reason_label text not null,
	note text,
	refund_checklist jsonb,
	released_ip inet,
	released_zone_id uuid,
	cancelled_by uuid,
	cancelled_at timestamp with time zone default now() not null,
	reopened_to text,
	reopen_reason text,
	reopened_by uuid,
	reopened_at timestamp with time zone,
	constraint cancellations_pkey PRIMARY KEY (id),
	constraint cancellations_cancelled_by_fkey FOREIGN KEY (cancelled_by) REFERENCES public.users(id) ON DELETE SET NULL,
	constraint cancellations_installation_id_fkey FOREIGN KEY (installation_id) REFERENCES public.installations(id) ON DELETE CASCADE,
	constraint cancellations_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE,
	constraint cancellations_released_zone_id_fkey FOREIGN KEY (released_zone_id) REFERENCES public.zones(id) ON DELETE SET NULL,
	constraint cancellations_reopened_by_fkey FOREIGN KEY (reopened_by) REFERENCES public.users(id) ON DELETE SET NULL,
	constraint cancellations_from_stage_check CHECK ((from_stage = ANY (ARRAY['preinstalacion'::text, 'cobertura_confirmada'::text, 'documentos_pendientes'::text, 'agendada'::text, 'asignada'::text, 'firmada'::text, 'activa'::text, 'cancelada'::text]))),
	constraint cancellations_reopened_to_check CHECK ((reopened_to = ANY (ARRAY['preinstalacion'::text, 'cobertura_confirmada'::text, 'documentos_pendientes'::text, 'agendada'::text, 'asignada'::text, 'firmada'::text, 'activa'::text, 'cancelada'::text])))
);
comment on table public.cancellations is 'Each cancellation of a card with its reason, refund checklist and released IP; reopening fills the reopen columns.';

CREATE INDEX cancellations_cancelled_idx ON public.cancellations USING btree (org_id, cancelled_at);
CREATE INDEX cancellations_installation_idx ON public.cancellations USING btree (org_id, installation_id, id);
alter table public.cancellations enable row level security;
