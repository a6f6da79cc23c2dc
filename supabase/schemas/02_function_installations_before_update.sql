-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

set check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.installations_before_update()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
	if new is distinct from old and new.version = old.version then
		new.version := old.version + 1;
	end if;
	if new.stage <> old.stage and new.stage_changed_at = old.stage_changed_at then
		new.stage_changed_at := now();
	end if;
	new.updated_at := now();
	return new;
end;
$function$;
