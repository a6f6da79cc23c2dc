-- Issue 21 (reports): a stay in a stage is one row. `entered_at` is when the card entered the
-- row's `from_stage` (the previous move's time, or the card's creation for its first move), so the
-- time in a stage, the SLA of a period and the cumulative flow read the moves of the period through
-- an index instead of pairing every card's whole history with a window function.

alter table public.stage_history add column entered_at timestamp with time zone;
comment on column public.stage_history.entered_at is 'When the card entered from_stage: the previous move''s time, or the card''s creation for its first move; null on a creation row (from_stage null). Kept by a trigger.';

-- The previous and next move of a card, in the order the reports use (time, then id).
create index stage_history_card_time_idx on public.stage_history using btree (installation_id, created_at, id);
-- Stays that began in a period, and (replacing the plain index on the moves' time) stays that ended
-- in it: both carry what a stay is, so a report reads the index alone.
create index stage_history_entered_idx on public.stage_history using btree (org_id, entered_at)
	include (installation_id, from_stage, created_at) where from_stage is not null;
drop index public.stage_history_created_idx;
create index stage_history_created_idx on public.stage_history using btree (org_id, created_at)
	include (installation_id, from_stage, to_stage, entered_at);

update public.stage_history sh set entered_at = x.prev
from (
	select h.id, coalesce(lag(h.created_at) over (partition by h.installation_id order by h.created_at, h.id), i.created_at) as prev
	from public.stage_history h join public.installations i on i.id = h.installation_id
) x
where x.id = sh.id and sh.from_stage is not null;

-- Fills the new row's entered_at from the card's previous move and, when a move is recorded out of
-- order (an import or a backfill writing older moves), corrects the next move's, so the column holds
-- whatever order rows arrive in.
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
	end if;
	update public.stage_history n set entered_at = new.created_at
	where n.id = (select x.id from public.stage_history x
			where x.installation_id = new.installation_id and (x.created_at, x.id) > (new.created_at, new.id)
			order by x.created_at, x.id limit 1)
		and n.from_stage is not null;
	return new;
end;
$function$;

create trigger stage_history_entered before insert on public.stage_history
	for each row execute function public.stage_history_entered();
