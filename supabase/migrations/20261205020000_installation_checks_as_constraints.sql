-- The value rules of installations are plain CHECK constraints again, as the initial schema wrote
-- them, with the same names: the trigger that imitated their error (20261122010000) saved too
-- little per move to be worth a second copy of each rule (docs/benchmarks.md, issue 17).
-- Version, stage_changed_at and updated_at go back to their own BEFORE UPDATE trigger.

drop trigger installations_before_write on installations;
drop function installations_before_write();

create function installations_before_update() returns trigger
language plpgsql as $$
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
$$;

create trigger installations_before_update before update on installations
	for each row execute function installations_before_update();

alter table installations
	add constraint installations_stage_check check (stage in (
		'preinstalacion', 'cobertura_confirmada', 'documentos_pendientes', 'agendada',
		'asignada', 'firmada', 'activa', 'cancelada')),
	add constraint installations_phone_check check (phone ~ '^[0-9]{10}$'),
	add constraint installations_phone_alt_check check (phone_alt ~ '^[0-9]{10}$'),
	add constraint installations_source_check check (source in ('ventas', 'web', 'cambaceo', 'solicitud', 'otro')),
	add constraint installations_house_ownership_check check (house_ownership in ('propia', 'rentada')),
	add constraint installations_lat_check check (lat between -90 and 90),
	add constraint installations_lng_check check (lng between -180 and 180),
	add constraint installations_service_type_check check (service_type in ('inalambrico', 'fibra')),
	add constraint installations_contract_type_check check (contract_type in ('12_meses', 'indefinido')),
	add constraint installations_installation_cost_cents_check check (installation_cost_cents >= 0),
	-- one address, not a network (mirrors ip_allocations)
	add constraint installations_ip_check check (masklen(ip) = case family(ip) when 4 then 32 else 128 end),
	add constraint installations_cancel_reason_check check (
		cancel_reason in ('sin_cobertura', 'declino', 'no_localizable', 'duplicado', 'otro'));
