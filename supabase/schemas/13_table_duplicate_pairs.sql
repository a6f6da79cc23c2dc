-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.duplicate_pairs (
	id uuid default gen_random_uuid() not null,
	org_id uuid not null,
	older_id uuid not null,
	newer_id uuid not null,
	matched_on text[] not null,
	status text default 'open'::text not null,
	created_at timestamp with time zone default now() not null,
	resolved_at timestamp with time zone,
	resolved_by uuid,
	constraint duplicate_pairs_pkey PRIMARY KEY (id),
	constraint duplicate_pairs_org_pair_key UNIQUE (org_id, older_id, newer_id),
	constraint duplicate_pairs_newer_id_fkey FOREIGN KEY (newer_id) REFERENCES public.installations(id) ON DELETE CASCADE,
	constraint duplicate_pairs_older_id_fkey FOREIGN KEY (older_id) REFERENCES public.installations(id) ON DELETE CASCADE,
	constraint duplicate_pairs_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE,
	constraint duplicate_pairs_resolved_by_fkey FOREIGN KEY (resolved_by) REFERENCES public.users(id) ON DELETE SET NULL,
	constraint duplicate_pairs_distinct CHECK ((older_id <> newer_id)),
	constraint duplicate_pairs_matched_on_check CHECK (((cardinality(matched_on) > 0) AND (matched_on <@ ARRAY['phone'::text, 'email'::text]))),
	constraint duplicate_pairs_status_check CHECK ((status = ANY (ARRAY['open'::text, 'dismissed'::text, 'merged'::text])))
);
comment on table public.duplicate_pairs is 'Possible duplicate cards (same phone or email), flagged when a lead is created; resolved by a merge or a dismissal.';

CREATE INDEX duplicate_pairs_newer_idx ON public.duplicate_pairs USING btree (org_id, newer_id);
CREATE INDEX duplicate_pairs_newer_open_idx ON public.duplicate_pairs USING btree (newer_id) WHERE (status = 'open'::text);
CREATE INDEX duplicate_pairs_older_open_idx ON public.duplicate_pairs USING btree (older_id) WHERE (status = 'open'::text);
CREATE TRIGGER duplicate_pairs_touch_cards AFTER INSERT OR DELETE OR UPDATE OF status, older_id, newer_id ON public.duplicate_pairs FOR EACH ROW EXECUTE FUNCTION public.duplicate_pairs_touch_cards();
alter table public.duplicate_pairs enable row level security;
