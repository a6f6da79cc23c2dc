-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.sessions (
	id text not null,
	user_id uuid not null,
	org_id uuid not null,
	expires_at timestamp with time zone not null,
	created_at timestamp with time zone default now() not null,
	ip text,
	user_agent text,
	constraint sessions_pkey PRIMARY KEY (id),
	constraint sessions_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE,
	constraint sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE
);

CREATE INDEX sessions_org_idx ON public.sessions USING btree (org_id, expires_at);
CREATE INDEX sessions_user_idx ON public.sessions USING btree (user_id);
alter table public.sessions enable row level security;
