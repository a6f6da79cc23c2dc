-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.login_failures (
	id bigserial not null,
	user_id uuid not null,
	org_id uuid not null,
	at timestamp with time zone default now() not null,
	ip text not null,
	user_agent text,
	dismissed_at timestamp with time zone,
	constraint login_failures_pkey PRIMARY KEY (id),
	constraint login_failures_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE,
	constraint login_failures_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE
);

CREATE INDEX login_failures_pending_idx ON public.login_failures USING btree (user_id, id) WHERE (dismissed_at IS NULL);
alter table public.login_failures enable row level security;
