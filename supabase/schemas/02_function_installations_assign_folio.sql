-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

set check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.installations_assign_folio()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
	if tg_op = 'INSERT' and new.folio is null then
		insert into folio_counters as c (org_id, last_folio) values (new.org_id, 1)
		on conflict (org_id) do update set last_folio = c.last_folio + 1
		returning c.last_folio into new.folio;
	elsif new.folio is not null then
		-- A folio written by hand (SQL, an import) moves the counter past it, so the next card
		-- never collides with it.
		insert into folio_counters as c (org_id, last_folio) values (new.org_id, new.folio)
		on conflict (org_id) do update set last_folio = excluded.last_folio
		where c.last_folio < excluded.last_folio;
	end if;
	return new;
end;
$function$;
