-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.socket_io_attachments (
	id bigserial not null,
	created_at timestamp with time zone default now(),
	payload bytea,
	constraint socket_io_attachments_id_key UNIQUE (id)
);

alter table public.socket_io_attachments enable row level security;
