-- Row level security on every table in `public` (and on the Supabase CLI's migration ledger), with
-- no policies. The app connects as the tables' owner (the `postgres` role on Supabase), which RLS
-- doesn't restrict; a role that doesn't own them, such as Supabase's `anon` and `authenticated`
-- behind the Data API, reads and writes nothing. A table a later migration creates must enable it
-- too (a test checks every table in `public`).
do $$
declare
	t regclass;
begin
	for t in
		select c.oid::regclass
		from pg_class c
		join pg_namespace n on n.oid = c.relnamespace
		where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relrowsecurity
		order by c.relname
	loop
		execute format('alter table %s enable row level security', t);
	end loop;
	if to_regclass('supabase_migrations.schema_migrations') is not null then
		alter table supabase_migrations.schema_migrations enable row level security;
	end if;
end;
$$;
