-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

set check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.installations_touch_joined()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
	-- Setting the version (not updated_at, which may already be now() in this transaction) makes
	-- the before-update trigger keep it and the board event trigger report it.
	if tg_table_name = 'zones' then
		update installations set version = version + 1 where zone_id = new.id;
	elsif tg_table_name = 'plans' then
		update installations set version = version + 1 where plan_id = new.id;
	elsif tg_table_name = 'users' then
		update installations set version = version + 1 where technician_id = new.id;
	else
		update installations set version = version + 1 where id = coalesce(new.installation_id, old.installation_id);
	end if;
	return null;
end;
$function$;
