-- Used by @socket.io/postgres-adapter (several app instances on one PostgreSQL) for payloads too
-- large for NOTIFY. Created here rather than at runtime so the app needs no DDL rights.
create table if not exists socket_io_attachments (
	id bigserial unique,
	created_at timestamptz default now(),
	payload bytea
);
alter table socket_io_attachments enable row level security;
