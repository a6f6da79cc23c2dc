-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.folio_counters (
	org_id uuid not null,
	last_folio bigint default 0 not null,
	constraint folio_counters_pkey PRIMARY KEY (org_id),
	constraint folio_counters_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE,
	constraint folio_counters_last_folio_check CHECK ((last_folio >= 0))
);
comment on table public.folio_counters is 'Last folio handed out in each organization; the installations_assign_folio trigger takes the next one.';

alter table public.folio_counters enable row level security;
