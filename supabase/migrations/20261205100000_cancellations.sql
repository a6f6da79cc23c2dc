-- Issue 18: cancel with the provider's own reasons, and reopen.
-- The reasons are a list the admin edits (organizations.settings.cancelReasons), so a card's
-- reason is any short key of that list now, not one of five fixed ones.
alter table public.installations drop constraint installations_cancel_reason_check;
alter table public.installations add constraint installations_cancel_reason_check check (cancel_reason ~ '^[a-z0-9_]{1,40}$');

-- One row per cancellation: what the dialog recorded (the reason's words at that moment, the
-- deposit-refund checklist of a signed or active customer), what reopening needs (the stage the
-- card left and the IP it gave back) and, once reopened, who did it, where to and why.
create table public.cancellations (
	id bigserial primary key,
	org_id uuid not null references public.organizations (id) on delete cascade,
	installation_id uuid not null references public.installations (id) on delete cascade,
	from_stage text not null check (
		from_stage in ('preinstalacion', 'cobertura_confirmada', 'documentos_pendientes', 'agendada', 'asignada', 'firmada', 'activa', 'cancelada')
	),
	reason text not null,
	reason_label text not null,
	note text,
	refund_checklist jsonb,
	released_ip inet,
	released_zone_id uuid references public.zones (id) on delete set null,
	cancelled_by uuid references public.users (id) on delete set null,
	cancelled_at timestamptz not null default now(),
	reopened_to text check (
		reopened_to in ('preinstalacion', 'cobertura_confirmada', 'documentos_pendientes', 'agendada', 'asignada', 'firmada', 'activa', 'cancelada')
	),
	reopen_reason text,
	reopened_by uuid references public.users (id) on delete set null,
	reopened_at timestamptz
);
comment on table public.cancellations is 'Each cancellation of a card with its reason, refund checklist and released IP; reopening fills the reopen columns.';
create index cancellations_installation_idx on public.cancellations (org_id, installation_id, id);
alter table public.cancellations enable row level security;
