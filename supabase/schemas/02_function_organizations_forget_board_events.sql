-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

set check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.organizations_forget_board_events()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
	delete from board_events where org_id = old.id;
	return null;
end;
$function$;
