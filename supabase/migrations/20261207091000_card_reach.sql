-- Issue 21 (reports): the stages each card ever entered, kept as its moves are written, so the
-- funnel, the sources and the agents reports read one short row per card instead of grouping the
-- card's whole history.

create table public.card_reach (
	installation_id uuid not null,
	org_id uuid not null,
	stages text[] default '{}'::text[] not null,
	constraint card_reach_pkey primary key (installation_id),
	constraint card_reach_installation_id_fkey foreign key (installation_id) references public.installations(id) on delete cascade
);
comment on table public.card_reach is 'The stages a card ever moved into (from stage_history), for the reports; kept by a trigger.';
alter table public.card_reach enable row level security;

insert into public.card_reach (installation_id, org_id, stages)
select installation_id, org_id, array_agg(distinct to_stage order by to_stage) from public.stage_history group by installation_id, org_id;

create or replace function public.stage_history_reach() returns trigger
language plpgsql
as $function$
begin
	insert into public.card_reach as r (installation_id, org_id, stages) values (new.installation_id, new.org_id, array[new.to_stage])
	on conflict (installation_id) do update set stages = r.stages || new.to_stage
		where not (new.to_stage = any (r.stages));
	return null;
end;
$function$;

create trigger stage_history_reach after insert on public.stage_history
	for each row execute function public.stage_history_reach();
