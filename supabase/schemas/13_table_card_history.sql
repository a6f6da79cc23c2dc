-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.card_history (
	id bigserial not null,
	org_id uuid not null,
	installation_id uuid not null,
	user_id uuid,
	kind text not null,
	field text,
	old_value jsonb,
	new_value jsonb,
	source text,
	created_at timestamp with time zone default now() not null,
	constraint card_history_pkey PRIMARY KEY (id),
	constraint card_history_installation_id_fkey FOREIGN KEY (installation_id) REFERENCES public.installations(id) ON DELETE CASCADE,
	constraint card_history_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE,
	constraint card_history_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE SET NULL,
	constraint card_history_kind_check CHECK ((kind = ANY (ARRAY['field'::text, 'stage'::text, 'file'::text, 'signature'::text, 'checklist'::text, 'document'::text, 'service'::text, 'call'::text, 'message'::text])))
);
comment on table public.card_history is 'Human-readable activity log of a card (who changed what, from where), written by services.';

CREATE INDEX card_history_installation_idx ON public.card_history USING btree (org_id, installation_id, id);
alter table public.card_history enable row level security;
