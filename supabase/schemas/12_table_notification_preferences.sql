-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.notification_preferences (
	user_id uuid not null,
	org_id uuid not null,
	kind text not null,
	enabled boolean not null,
	updated_at timestamp with time zone default now() not null,
	constraint notification_preferences_pkey PRIMARY KEY (user_id, kind),
	constraint notification_preferences_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE,
	constraint notification_preferences_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE,
	constraint notification_preferences_kind_check CHECK ((kind = ANY (ARRAY['job_assigned'::text, 'job_rescheduled'::text, 'job_cancelled'::text, 'sla_late'::text, 'customer_signed'::text, 'job_completed'::text, 'callback_due'::text])))
);
comment on table public.notification_preferences is 'Per person: which notification kinds they receive (no row: the kind''s default).';

alter table public.notification_preferences enable row level security;
