-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.wisphub_jobs (
	id uuid default gen_random_uuid() not null,
	org_id uuid not null,
	installation_id uuid not null,
	kind text default 'crear'::text not null,
	state text default 'pendiente'::text not null,
	attempts integer default 0 not null,
	next_attempt_at timestamp with time zone default now() not null,
	locked_until timestamp with time zone,
	sent_at timestamp with time zone,
	task_id text,
	remote_id text,
	payload jsonb,
	response jsonb,
	last_error text,
	created_at timestamp with time zone default now() not null,
	updated_at timestamp with time zone default now() not null,
	constraint wisphub_jobs_pkey PRIMARY KEY (id),
	constraint wisphub_jobs_once UNIQUE (installation_id, kind),
	constraint wisphub_jobs_installation_id_fkey FOREIGN KEY (installation_id) REFERENCES public.installations(id) ON DELETE CASCADE,
	constraint wisphub_jobs_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE,
	constraint wisphub_jobs_kind_check CHECK ((kind = 'crear'::text)),
	constraint wisphub_jobs_state_check CHECK ((state = ANY (ARRAY['pendiente'::text, 'enviando'::text, 'esperando'::text, 'sincronizado'::text, 'error'::text])))
);

CREATE INDEX wisphub_jobs_due_idx ON public.wisphub_jobs USING btree (next_attempt_at) WHERE (state = ANY (ARRAY['pendiente'::text, 'enviando'::text, 'esperando'::text]));
CREATE INDEX wisphub_jobs_org_idx ON public.wisphub_jobs USING btree (org_id, created_at DESC);
alter table public.wisphub_jobs enable row level security;
