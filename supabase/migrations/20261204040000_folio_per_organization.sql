-- Folios are numbered per provider (1, 2, 3… in each organization) instead of one sequence for all:
-- the folio is printed on contracts, and a shared sequence let one provider estimate another's
-- volume from the gaps between its own folios.
--
-- The next folio comes from a counter row per organization, taken by an upsert in the inserting
-- transaction: concurrent inserts in one organization wait on that row lock and get consecutive
-- numbers, and a rolled-back insert gives its number back (no gaps). Other organizations never wait.

create table folio_counters (
	org_id uuid primary key references organizations (id) on delete cascade,
	last_folio bigint not null default 0 check (last_folio >= 0)
);
comment on table folio_counters is
	'Last folio handed out in each organization; the installations_assign_folio trigger takes the next one.';
alter table folio_counters enable row level security;

alter table installations drop constraint installations_folio_key;
alter table installations alter column folio drop identity;

-- A card without its own external ID shows one made from its folio; where an add-on service already
-- carries that ID, the card keeps it instead of taking one from its new folio.
update installations i
set external_id = a.external_id
from addon_services a
where a.installation_id = i.id and i.external_id is null
	and a.external_id = case when length(i.folio::text) >= 6 then i.folio::text else lpad(i.folio::text, 6, '0') end;

-- Existing cards keep their order: the oldest folio of each provider becomes 1. A folio already
-- printed (PDFs, exports) stays findable through the card's history, which records old → new.
insert into card_history (org_id, installation_id, kind, field, old_value, new_value, source)
select org_id, id, 'field', 'folio', to_jsonb(folio), to_jsonb(new_folio), 'migracion'
from (
	select id, org_id, folio, row_number() over (partition by org_id order by folio) as new_folio
	from installations
) renumbered
where folio <> new_folio;

update installations i
set folio = r.new_folio
from (
	select id, row_number() over (partition by org_id order by folio) as new_folio
	from installations
) r
where i.id = r.id and i.folio <> r.new_folio;

insert into folio_counters (org_id, last_folio)
select o.id, coalesce(max(i.folio), 0)
from organizations o
left join installations i on i.org_id = o.id
group by o.id;

alter table installations add constraint installations_org_folio_key unique (org_id, folio);

create function installations_assign_folio() returns trigger
language plpgsql as $$
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
$$;

create trigger installations_assign_folio before insert or update of folio, org_id on installations
	for each row execute function installations_assign_folio();
