-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

set check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.installations_wisphub_enqueue()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
	if new.stage is distinct from old.stage and exists (
		select 1 from wisphub_connections c where c.org_id = new.org_id and c.enabled and c.trigger_stage = new.stage
	) then
		insert into wisphub_jobs (org_id, installation_id) values (new.org_id, new.id)
		on conflict on constraint wisphub_jobs_once do nothing;
		if found then
			new.wisphub_state := 'pendiente';
			new.wisphub_error := null;
			perform pg_notify('wisphub_jobs', new.org_id::text);
		end if;
	end if;
	return new;
end;
$function$;
