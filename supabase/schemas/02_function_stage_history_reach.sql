-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

set check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.stage_history_reach()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
	insert into public.card_reach as r (installation_id, org_id, stages, first_preinstalacion_at, first_activa_at)
	values (new.installation_id, new.org_id, array[new.to_stage],
		case when new.to_stage = 'preinstalacion' then new.created_at end,
		case when new.to_stage = 'activa' then new.created_at end)
	on conflict (installation_id) do update set
		stages = case when new.to_stage = any (r.stages) then r.stages else r.stages || new.to_stage end,
		first_preinstalacion_at = least(r.first_preinstalacion_at, excluded.first_preinstalacion_at),
		first_activa_at = least(r.first_activa_at, excluded.first_activa_at)
		where not (new.to_stage = any (r.stages)) or excluded.first_preinstalacion_at is not null or excluded.first_activa_at is not null;
	return null;
end;
$function$;
