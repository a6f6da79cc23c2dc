-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

set check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.stage_history_entered()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
	if new.from_stage is not null then
		new.entered_at := coalesce(
			(select p.created_at from public.stage_history p
				where p.installation_id = new.installation_id and (p.created_at, p.id) < (new.created_at, new.id)
				order by p.created_at desc, p.id desc limit 1),
			(select i.created_at from public.installations i where i.id = new.installation_id));
		new.stay_hours := (extract(epoch from new.created_at - new.entered_at) / 3600.0)::float8;
	end if;
	update public.stage_history n set entered_at = new.created_at,
		stay_hours = (extract(epoch from n.created_at - new.created_at) / 3600.0)::float8
	where n.id = (select x.id from public.stage_history x
			where x.installation_id = new.installation_id and (x.created_at, x.id) > (new.created_at, new.id)
			order by x.created_at, x.id limit 1)
		and n.from_stage is not null;
	return new;
end;
$function$;
