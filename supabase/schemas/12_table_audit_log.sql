-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.audit_log (
	id bigserial not null,
	org_id uuid not null,
	user_id uuid,
	user_name text,
	kind text not null,
	target text,
	details jsonb default '{}'::jsonb not null,
	ip text,
	created_at timestamp with time zone default now() not null,
	constraint audit_log_pkey PRIMARY KEY (id),
	constraint audit_log_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE,
	constraint audit_log_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE SET NULL
);
comment on table public.audit_log is 'Append-only audit log of an organisation: sign-ins, users, settings, tokens, exports and document downloads.';

CREATE INDEX audit_log_org_idx ON public.audit_log USING btree (org_id, id DESC);
alter table public.audit_log enable row level security;
