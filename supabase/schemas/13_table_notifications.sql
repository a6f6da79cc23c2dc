-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

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
	constraint notifications_pkey PRIMARY KEY (id),
	constraint notifications_user_dedupe_key UNIQUE (user_id, dedupe_key),
	constraint notifications_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES public.users(id) ON DELETE SET NULL,
	constraint notifications_installation_id_fkey FOREIGN KEY (installation_id) REFERENCES public.installations(id) ON DELETE CASCADE,
	constraint notifications_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE,
	constraint notifications_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE,
	constraint notifications_kind_check CHECK ((kind = ANY (ARRAY['job_assigned'::text, 'job_rescheduled'::text, 'job_cancelled'::text, 'sla_late'::text, 'customer_signed'::text, 'job_completed'::text, 'callback_due'::text])))
);
comment on table public.notifications is 'In-app notices for one person (job assigned, rescheduled, cancelled; SLA passed; customer signed; job completed; callback due).';

CREATE INDEX notifications_unread_idx ON public.notifications USING btree (user_id) WHERE (read_at IS NULL);
CREATE INDEX notifications_user_idx ON public.notifications USING btree (user_id, created_at DESC);
CREATE TRIGGER notifications_notify AFTER INSERT OR UPDATE OF read_at ON public.notifications FOR EACH ROW EXECUTE FUNCTION public.notifications_notify();
alter table public.notifications enable row level security;
