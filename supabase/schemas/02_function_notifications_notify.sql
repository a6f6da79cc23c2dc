-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

set check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.notifications_notify()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
	perform pg_notify('notifications', json_build_object('org', new.org_id, 'user', new.user_id)::text);
	return null;
end;
$function$;
