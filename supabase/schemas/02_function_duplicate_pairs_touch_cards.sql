-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

set check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.duplicate_pairs_touch_cards()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
	update installations set version = version + 1
	 where id in (coalesce(new.older_id, old.older_id), coalesce(new.newer_id, old.newer_id),
		old.older_id, old.newer_id);
	return null;
end;
$function$;
