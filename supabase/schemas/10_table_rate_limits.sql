-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.rate_limits (
	key text not null,
	points integer default 0 not null,
	expire bigint,
	constraint rate_limits_pkey PRIMARY KEY (key)
);

CREATE INDEX rate_limits_expire_idx ON public.rate_limits USING btree (expire);
alter table public.rate_limits enable row level security;
