-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

set check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.installations_before_write()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
declare
	v_all boolean := tg_op = 'INSERT';
	v_column text;
	v_check text;
begin
	if tg_op = 'UPDATE' then
		-- A real change bumps version unless the writer already changed it; a no-op UPDATE keeps it.
		if new is distinct from old and new.version = old.version then
			new.version := old.version + 1;
		end if;
		if new.stage <> old.stage and new.stage_changed_at = old.stage_changed_at then
			new.stage_changed_at := now();
		end if;
		new.updated_at := now();
	end if;

	-- Each rule passes on NULL, as a CHECK does (NOT NULL is the columns' own business).
	if (v_all or new.stage is distinct from old.stage) and new.stage not in (
		'preinstalacion', 'cobertura_confirmada', 'documentos_pendientes', 'agendada',
		'asignada', 'firmada', 'activa', 'cancelada') then
		v_column := 'stage';
	elsif (v_all or new.phone is distinct from old.phone) and new.phone !~ '^[0-9]{10}$' then
		v_column := 'phone';
	elsif (v_all or new.phone_alt is distinct from old.phone_alt) and new.phone_alt !~ '^[0-9]{10}$' then
		v_column := 'phone_alt';
	elsif (v_all or new.source is distinct from old.source)
		and new.source not in ('ventas', 'web', 'cambaceo', 'solicitud', 'otro') then
		v_column := 'source';
	elsif (v_all or new.house_ownership is distinct from old.house_ownership)
		and new.house_ownership not in ('propia', 'rentada') then
		v_column := 'house_ownership';
	elsif (v_all or new.lat is distinct from old.lat) and not (new.lat between -90 and 90) then
		v_column := 'lat';
	elsif (v_all or new.lng is distinct from old.lng) and not (new.lng between -180 and 180) then
		v_column := 'lng';
	elsif (v_all or new.service_type is distinct from old.service_type)
		and new.service_type not in ('inalambrico', 'fibra') then
		v_column := 'service_type';
	elsif (v_all or new.contract_type is distinct from old.contract_type)
		and new.contract_type not in ('12_meses', 'indefinido') then
		v_column := 'contract_type';
	elsif (v_all or new.installation_cost_cents is distinct from old.installation_cost_cents)
		and new.installation_cost_cents < 0 then
		v_column := 'installation_cost_cents';
	elsif (v_all or new.ip is distinct from old.ip)
		and masklen(new.ip) <> (case family(new.ip) when 4 then 32 else 128 end) then
		v_column := 'ip'; -- one address, not a network (mirrors ip_allocations)
	elsif (v_all or new.cancel_reason is distinct from old.cancel_reason)
		and new.cancel_reason not in ('sin_cobertura', 'declino', 'no_localizable', 'duplicado', 'otro') then
		v_column := 'cancel_reason';
	end if;
	if v_column is not null then
		v_check := 'installations_' || v_column || '_check';
		raise exception using
			errcode = 'check_violation',
			message = format('new row for relation "installations" violates check constraint "%s"', v_check),
			constraint = v_check, table = 'installations', column = v_column, schema = tg_table_schema;
	end if;
	return new;
end;
$function$;
