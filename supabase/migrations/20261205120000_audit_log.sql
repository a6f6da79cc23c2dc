-- The organisation's audit log: who signed in (or failed to), changed users, settings, display
-- tokens and signing links, exported data, and downloaded or viewed a customer's documents (the
-- INE is sensitive personal data under the LFPDPPP). Append-only: the app has no UPDATE or
-- DELETE path for it. The actor's name is copied so the row still reads after a rename.
create table audit_log (
	id bigserial primary key,
	org_id uuid not null references organizations (id) on delete cascade,
	user_id uuid references users (id) on delete set null,
	user_name text,
	kind text not null,
	target text,
	details jsonb not null default '{}'::jsonb,
	ip text,
	created_at timestamptz not null default now()
);
create index audit_log_org_idx on audit_log (org_id, id desc);
comment on table audit_log is 'Append-only audit log of an organisation: sign-ins, users, settings, tokens, exports and document downloads.';

alter table audit_log enable row level security;
