-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.lead_calls (
	id uuid default gen_random_uuid() not null,
	org_id uuid not null,
	installation_id uuid not null,
	user_id uuid,
	outcome text not null,
	note text,
	next_contact_at timestamp with time zone,
	created_at timestamp with time zone default now() not null,
	constraint lead_calls_pkey PRIMARY KEY (id),
	constraint lead_calls_installation_id_fkey FOREIGN KEY (installation_id) REFERENCES public.installations(id) ON DELETE CASCADE,
	constraint lead_calls_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE,
	constraint lead_calls_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE SET NULL,
	constraint lead_calls_note_check CHECK (((note IS NULL) OR (length(note) <= 1000))),
	constraint lead_calls_outcome_check CHECK ((outcome = ANY (ARRAY['contesto'::text, 'no_contesto'::text, 'buzon'::text, 'numero_equivocado'::text, 'llamar_despues'::text, 'no_interesado'::text])))
);
comment on table public.lead_calls is 'Call attempts recorded on a card (outcome, note, next contact), append-only.';

CREATE INDEX lead_calls_created_idx ON public.lead_calls USING btree (org_id, created_at);
CREATE INDEX lead_calls_installation_idx ON public.lead_calls USING btree (org_id, installation_id, created_at);
CREATE INDEX lead_calls_user_idx ON public.lead_calls USING btree (org_id, user_id, created_at);
alter table public.lead_calls enable row level security;
