-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.organizations (
	id uuid default gen_random_uuid() not null,
	name text not null,
	slug text not null,
	time_zone text default 'America/Cancun'::text not null,
	settings jsonb default '{}'::jsonb not null,
	created_at timestamp with time zone default now() not null,
	constraint organizations_pkey PRIMARY KEY (id),
	constraint organizations_slug_key UNIQUE (slug)
);

CREATE TRIGGER organizations_forget_board_events AFTER DELETE ON public.organizations FOR EACH ROW EXECUTE FUNCTION public.organizations_forget_board_events();
alter table public.organizations enable row level security;
