-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.board_events (
	seq bigserial not null,
	org_id uuid not null,
	card_id uuid,
	kind text not null,
	patch jsonb default '{}'::jsonb not null,
	version integer,
	actor_id uuid,
	created_at timestamp with time zone default now() not null,
	constraint board_events_pkey PRIMARY KEY (seq)
);
comment on table public.board_events is 'Append-only log of board changes. seq is monotonic; clients keep lastSeq and ask for what follows after a reconnect. Old rows may be pruned; a gap that is too old means a full snapshot.';

CREATE INDEX board_events_org_seq_idx ON public.board_events USING btree (org_id, seq);
alter table public.board_events enable row level security;
