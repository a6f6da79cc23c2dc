-- Issue 21 (reports, two years in under 300 ms): a stay's length and a card's first entries are
-- stored as the moves are written, so the time-in-stage and SLA reports read a narrow index of
-- numbers instead of computing every stay's hours, and the lead time and productivity reports find
-- the cards first activated in a period in one index range instead of grouping their moves.

alter table public.stage_history add column stay_hours double precision;
comment on column public.stage_history.stay_hours is 'Hours from entered_at to created_at (the stay in from_stage this move ended), as the reports compute them; null on a creation row. Kept by a trigger.';

update public.stage_history set stay_hours = (extract(epoch from created_at - entered_at) / 3600.0)::float8 where from_stage is not null;

-- The stays that ended / began in a period, with their length: both indexes carry what the reports read.
drop index public.stage_history_created_idx;
create index stage_history_created_idx on public.stage_history using btree (org_id, created_at)
	include (installation_id, from_stage, to_stage, entered_at, stay_hours);
drop index public.stage_history_entered_idx;
create index stage_history_entered_idx on public.stage_history using btree (org_id, entered_at)
	include (installation_id, from_stage, created_at, stay_hours) where from_stage is not null;

-- The stays the cards are in now, begun before or in a period (the flow's and the SLA's open stays).
create index installations_stage_changed_idx on public.installations using btree (org_id, stage_changed_at) include (stage);

-- The same as 20261207090000's function, plus the stay's hours on the new row and on the next move
-- it corrects when it arrives out of order.
create or replace function public.stage_history_entered() returns trigger
language plpgsql
as $function$
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

alter table public.card_reach add column first_preinstalacion_at timestamp with time zone;
alter table public.card_reach add column first_activa_at timestamp with time zone;
comment on column public.card_reach.first_preinstalacion_at is 'When the card first moved into preinstalacion (its lead time starts there, or at its creation if earlier). Kept by a trigger.';
comment on column public.card_reach.first_activa_at is 'When the card first moved into activa (the period it counts as activated in). Kept by a trigger.';

update public.card_reach r set first_preinstalacion_at = x.pre, first_activa_at = x.act
from (
	select installation_id, min(created_at) filter (where to_stage = 'preinstalacion') as pre,
		min(created_at) filter (where to_stage = 'activa') as act
	from public.stage_history group by installation_id
) x
where x.installation_id = r.installation_id;

-- Cards first activated in a period, with when they entered.
create index card_reach_activated_idx on public.card_reach using btree (org_id, first_activa_at)
	include (first_preinstalacion_at) where first_activa_at is not null;

-- least() keeps the earliest whatever order the moves arrive in (an import writing older ones).
create or replace function public.stage_history_reach() returns trigger
language plpgsql
as $function$
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
