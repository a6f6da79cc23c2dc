-- Issue 20, item 7: in-app notifications. Each row is one notice for one person (the bell in the
-- header); the kinds are domain/notification-kinds.ts NOTIFICATION_KINDS. `dedupe_key` makes each
-- notice unique per person, so the periodic scanner (SLA passed, callback due) run twice, by two
-- instances or after a restart, never notifies twice.
create table public.notifications (
	id uuid default gen_random_uuid() not null,
	org_id uuid not null,
	user_id uuid not null,
	kind text not null,
	installation_id uuid not null,
	actor_id uuid,
	data jsonb default '{}'::jsonb not null,
	dedupe_key text not null,
	created_at timestamp with time zone default now() not null,
	read_at timestamp with time zone,
	constraint notifications_pkey primary key (id),
	constraint notifications_org_id_fkey foreign key (org_id) references public.organizations(id) on delete cascade,
	constraint notifications_user_id_fkey foreign key (user_id) references public.users(id) on delete cascade,
	constraint notifications_installation_id_fkey foreign key (installation_id) references public.installations(id) on delete cascade,
	constraint notifications_actor_id_fkey foreign key (actor_id) references public.users(id) on delete set null,
	constraint notifications_kind_check check (kind = any (array['job_assigned'::text, 'job_rescheduled'::text, 'job_cancelled'::text, 'sla_late'::text, 'customer_signed'::text, 'job_completed'::text, 'callback_due'::text])),
	constraint notifications_user_dedupe_key unique (user_id, dedupe_key)
);
comment on table public.notifications is 'In-app notices for one person (job assigned, rescheduled, cancelled; SLA passed; customer signed; job completed; callback due).';
create index notifications_user_idx on public.notifications using btree (user_id, created_at desc);
create index notifications_unread_idx on public.notifications using btree (user_id) where read_at is null;
alter table public.notifications enable row level security;

-- Which kinds each person receives; a kind without a row follows the registry's default.
create table public.notification_preferences (
	user_id uuid not null,
	org_id uuid not null,
	kind text not null,
	enabled boolean not null,
	updated_at timestamp with time zone default now() not null,
	constraint notification_preferences_pkey primary key (user_id, kind),
	constraint notification_preferences_user_id_fkey foreign key (user_id) references public.users(id) on delete cascade,
	constraint notification_preferences_org_id_fkey foreign key (org_id) references public.organizations(id) on delete cascade,
	constraint notification_preferences_kind_check check (kind = any (array['job_assigned'::text, 'job_rescheduled'::text, 'job_cancelled'::text, 'sla_late'::text, 'customer_signed'::text, 'job_completed'::text, 'callback_due'::text]))
);
comment on table public.notification_preferences is 'Per person: which notification kinds they receive (no row: the kind''s default).';
alter table public.notification_preferences enable row level security;

-- The bell updates live: every instance LISTENs on «notifications» and tells that person's sockets.
-- Sent at commit (a rolled back notice tells nobody); identical payloads of one transaction collapse.
create function public.notifications_notify() returns trigger
	language plpgsql
	as $$
begin
	perform pg_notify('notifications', json_build_object('org', new.org_id, 'user', new.user_id)::text);
	return null;
end;
$$;

create trigger notifications_notify after insert or update of read_at on public.notifications
	for each row execute function public.notifications_notify();
