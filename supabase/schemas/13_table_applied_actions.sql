-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.applied_actions (
	user_id uuid not null,
	key uuid not null,
	org_id uuid not null,
	installation_id uuid not null,
	kind text not null,
	result jsonb not null,
	created_at timestamp with time zone default now() not null,
	constraint applied_actions_pkey PRIMARY KEY (user_id, key),
	constraint applied_actions_installation_id_fkey FOREIGN KEY (installation_id) REFERENCES public.installations(id) ON DELETE CASCADE,
	constraint applied_actions_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE,
	constraint applied_actions_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE,
	constraint applied_actions_kind_check CHECK ((kind = ANY (ARRAY['campos'::text, 'llegada'::text, 'completar'::text, 'foto'::text])))
);
comment on table public.applied_actions is 'Actions queued on a technician''s phone offline, applied once: the key of each and the answer it got.';

CREATE INDEX applied_actions_created_idx ON public.applied_actions USING btree (created_at);
alter table public.applied_actions enable row level security;
