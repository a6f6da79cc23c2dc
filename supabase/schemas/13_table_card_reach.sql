-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.card_reach (
	installation_id uuid not null,
	org_id uuid not null,
	stages text[] default '{}'::text[] not null,
	first_preinstalacion_at timestamp with time zone,
	first_activa_at timestamp with time zone,
	constraint card_reach_pkey PRIMARY KEY (installation_id),
	constraint card_reach_installation_id_fkey FOREIGN KEY (installation_id) REFERENCES public.installations(id) ON DELETE CASCADE
);
comment on table public.card_reach is 'The stages a card ever moved into (from stage_history), for the reports; kept by a trigger.';
comment on column public.card_reach.first_preinstalacion_at is 'When the card first moved into preinstalacion (its lead time starts there, or at its creation if earlier). Kept by a trigger.';
comment on column public.card_reach.first_activa_at is 'When the card first moved into activa (the period it counts as activated in). Kept by a trigger.';

CREATE INDEX card_reach_activated_idx ON public.card_reach USING btree (org_id, first_activa_at) INCLUDE (first_preinstalacion_at) WHERE (first_activa_at IS NOT NULL);
alter table public.card_reach enable row level security;
