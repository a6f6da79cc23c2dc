-- Failed sign-ins of each account, shown to its owner in the user menu until dismissed, so a
-- guessing attack is noticed. Kept in the database (not in memory) so every instance records and
-- shows the same list. `ip` is the key the limits count by: an IPv4 address or an IPv6 /64.
create table login_failures (
	id bigserial primary key,
	user_id uuid not null references users (id) on delete cascade,
	org_id uuid not null references organizations (id) on delete cascade,
	at timestamptz not null default now(),
	ip text not null,
	user_agent text,
	dismissed_at timestamptz
);
create index login_failures_pending_idx on login_failures (user_id, id) where dismissed_at is null;

-- Server-side secrets the app makes for itself on first use (the key that signs device cookies),
-- one row per purpose, so every instance signs and verifies with the same key.
create table app_secrets (
	name text primary key,
	secret text not null,
	created_at timestamptz not null default now()
);

alter table login_failures enable row level security;
alter table app_secrets enable row level security;
