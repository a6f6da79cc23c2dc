-- A board move in one statement. The service evaluates the stage guard in TypeScript on a copy of
-- the card it holds at `p_expected_version`; this function applies the move only if the card is
-- still at that version (otherwise it answers 'stale' and the service re-reads and re-checks), so
-- a move costs one round trip instead of a dozen while guards stay in one place.

-- Mirrors positionBetween() in src/lib/domain/positions.ts (a test keeps the two in step).
create function board_position_between(
	p_before double precision, p_after double precision, p_gap double precision, p_min_gap double precision
) returns double precision
language plpgsql immutable as $$
declare
	v_low double precision;
	v_high double precision;
	v_mid double precision;
begin
	if p_before = 'Infinity' or p_before = '-Infinity' or p_before = 'NaN'
		or p_after = 'Infinity' or p_after = '-Infinity' or p_after = 'NaN' then
		return null;
	end if;
	if p_before is null then
		if p_after is null then
			return p_gap;
		end if;
		-- Halving towards zero keeps positions positive, with zero as the floor.
		if p_after > 0 then
			v_low := 0;
		else
			v_low := p_after - 2 * p_gap;
		end if;
		v_high := p_after;
	elsif p_after is null then
		if p_before + p_gap > p_before then
			return p_before + p_gap;
		end if;
		return null;
	else
		v_low := p_before;
		v_high := p_after;
	end if;
	if not (v_high - v_low >= p_min_gap) then
		return null;
	end if;
	v_mid := v_low + (v_high - v_low) / 2;
	if v_low < v_mid and v_mid < v_high then
		return v_mid;
	end if;
	return null;
end;
$$;

-- Neighbours of the drop spot: right before `p_before`, right after `p_after`, or the column's end
-- when the anchor is missing or has left the column meanwhile (same rules as the service had).
create function board_neighbours(
	p_org uuid, p_stage text, p_card uuid, p_before uuid, p_after uuid,
	out lo double precision, out hi double precision
)
language plpgsql stable as $$
declare
	v_anchor double precision;
begin
	if coalesce(p_before, p_after) is not null then
		select i.position into v_anchor from installations i
		 where i.id = coalesce(p_before, p_after) and i.org_id = p_org and i.stage = p_stage and i.id <> p_card;
	end if;
	if v_anchor is not null and p_before is not null then
		hi := v_anchor;
		select i.position into lo from installations i
		 where i.org_id = p_org and i.stage = p_stage and i.id <> p_card and i.position < v_anchor
		 order by i.position desc limit 1;
	elsif v_anchor is not null then
		lo := v_anchor;
		select i.position into hi from installations i
		 where i.org_id = p_org and i.stage = p_stage and i.id <> p_card and i.position > v_anchor
		 order by i.position asc limit 1;
	else
		select i.position into lo from installations i
		 where i.org_id = p_org and i.stage = p_stage and i.id <> p_card
		 order by i.position desc limit 1;
	end if;
end;
$$;

create function board_move(
	p_org uuid,
	p_card uuid,
	p_expected_version int,
	p_stage text,
	p_before uuid,
	p_after uuid,
	p_actor uuid,
	p_override_reason text,
	p_cancel_reason text,
	p_cancel_note text,
	p_gap double precision,
	p_min_gap double precision
) returns table (
	outcome text, new_position double precision, new_version int, event_seq bigint,
	changed_at text, cancelled text -- stage_changed_at and cancelled_at as the card query formats them
)
language plpgsql as $$
declare
	v_from text;
	v_version int;
	v_lo double precision;
	v_hi double precision;
	v_position double precision;
	v_changed_at text;
	v_cancelled_at text;
begin
	select i.stage, i.version into v_from, v_version
	  from installations i where i.id = p_card and i.org_id = p_org for update;
	if not found then
		return query select 'gone'::text, null::double precision, null::int, null::bigint, null::text, null::text;
		return;
	end if;
	if v_version <> p_expected_version then
		return query select 'stale'::text, null::double precision, v_version, null::bigint, null::text, null::text;
		return;
	end if;
	-- The actor for the board event; then a lock that serialises drops into one column so two
	-- cards never get the same position, always taken after the card's row lock, by every move.
	perform set_config('app.actor_id', p_actor::text, true), pg_advisory_xact_lock(hashtext(p_org::text || ':' || p_stage));

	select n.lo, n.hi into v_lo, v_hi from board_neighbours(p_org, p_stage, p_card, p_before, p_after) n;
	v_position := board_position_between(v_lo, v_hi, p_gap, p_min_gap);
	if v_position is null then
		-- The gap ran out (or two positions tie): renumber the column, then place again.
		update installations i set position = r.rn * p_gap
		  from (select x.id, row_number() over (order by x.position, x.id) as rn from installations x
		         where x.org_id = p_org and x.stage = p_stage and x.id <> p_card) r
		 where i.id = r.id;
		select n.lo, n.hi into v_lo, v_hi from board_neighbours(p_org, p_stage, p_card, p_before, p_after) n;
		v_position := board_position_between(v_lo, v_hi, p_gap, p_min_gap);
		if v_position is null then
			return query select 'no_room'::text, null::double precision, null::int, null::bigint, null::text, null::text;
			return;
		end if;
	end if;

	update installations set stage = p_stage, position = v_position,
		cancel_reason = case when p_stage = 'cancelada' then p_cancel_reason else null end,
		cancel_note = case when p_stage = 'cancelada' then p_cancel_note else null end,
		cancelled_at = case when p_stage = 'cancelada' then coalesce(cancelled_at, now()) else null end,
		ip = case when p_stage = 'cancelada' then null else ip end
	 where id = p_card and org_id = p_org
	returning version, to_char(installations.stage_changed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
		installations.cancelled_at::text
	into v_version, v_changed_at, v_cancelled_at;

	if p_stage = 'cancelada' then
		-- A cancelled installation gives its IP back to the pool.
		delete from ip_allocations where installation_id = p_card and org_id = p_org;
	end if;
	if v_from <> p_stage then
		insert into stage_history (org_id, installation_id, from_stage, to_stage, user_id, override_reason)
		values (p_org, p_card, v_from, p_stage, p_actor, p_override_reason);
	end if;

	-- A changed card got its board event from the installations trigger, in this session just now;
	-- a drop that changed nothing answers with the card's last event.
	return query select 'ok'::text, v_position, v_version,
		case when v_version <> p_expected_version then currval('board_events_seq_seq'::regclass)
			else (select e.seq from board_events e where e.org_id = p_org and e.card_id = p_card order by e.seq desc limit 1) end,
		v_changed_at, v_cancelled_at;
end;
$$;

-- Listeners used to read every event back by seq. The notification now carries the actor and,
-- when small (a move is ~100 bytes), the patch itself, so a listener holding the card's previous
-- version applies it without a query. NOTIFY caps payloads at 8000 bytes; big patches still go
-- by seq.
create or replace function board_events_notify() returns trigger
language plpgsql as $$
begin
	perform pg_notify('board_events', json_build_object(
		'seq', new.seq,
		'org', new.org_id,
		'card', new.card_id,
		'kind', new.kind,
		'version', new.version,
		'actor', new.actor_id,
		'patch', case when octet_length(new.patch::text) <= 4000 then new.patch end
	)::text);
	return null;
end;
$$;

-- The board shows open cards plus the active/cancelled ones of the last days; this finds the
-- latter without walking years of closed cards, and counts them from the index.
create index installations_recent_closed_idx on installations (org_id, stage, stage_changed_at)
	where stage in ('activa', 'cancelada');

-- The board event trigger runs on every card change, so it is on the path of every move. Same
-- events as before, cheaper: the organization check only where it matters (a cascade from a
-- deleted organization), a move's patch built from the few columns a move changes once the rest
-- of the row compares equal, and the big-column markers without a query.
create or replace function installations_board_event() returns trigger
language plpgsql as $$
declare
	v_row installations;
	v_kind text;
	v_patch jsonb;
	v_new jsonb;
	v_old jsonb;
	v_key text;
	-- What a move (or a cancellation) changes; anything else goes through the general diff.
	c_move text[] := array['stage', 'position', 'version', 'stage_changed_at', 'cancel_reason', 'cancel_note', 'cancelled_at', 'ip'];
begin
	v_row := case when tg_op = 'DELETE' then old else new end;

	if tg_op = 'INSERT' then
		v_kind := 'card:created';
		v_patch := to_jsonb(new) - 'updated_at';
	elsif tg_op = 'UPDATE' then
		v_new := to_jsonb(new) - 'updated_at';
		v_old := to_jsonb(old) - 'updated_at';
		if (v_new - c_move) = (v_old - c_move) then
			v_patch := '{}'::jsonb;
			foreach v_key in array c_move loop
				if (v_new -> v_key) is distinct from (v_old -> v_key) then
					v_patch := v_patch || jsonb_build_object(v_key, v_new -> v_key);
				end if;
			end loop;
		else
			select coalesce(jsonb_object_agg(n.key, n.value), '{}'::jsonb)
			  into v_patch
			  from jsonb_each(v_new) as n
			 where n.value is distinct from v_old -> n.key;
		end if;
		if v_patch - 'version' = '{}'::jsonb then
			return null; -- nothing a viewer can see changed
		end if;
		v_kind := case
			when new.stage <> old.stage or new.position <> old.position then 'card:moved'
			else 'card:updated'
		end;
	else
		-- Deleting an organization cascades here after the organization row is gone; nobody is
		-- left to receive an event for it.
		if not exists (select 1 from organizations where id = v_row.org_id) then
			return null;
		end if;
		v_kind := 'card:deleted';
		v_patch := jsonb_build_object('stage', old.stage);
	end if;

	-- The big jsonb columns appear only as "<key>": true; listeners load them when they need them.
	if v_patch ? 'billing' then v_patch := v_patch || '{"billing": true}'; end if;
	if v_patch ? 'call_script' then v_patch := v_patch || '{"call_script": true}'; end if;
	if v_patch ? 'extra' then v_patch := v_patch || '{"extra": true}'; end if;

	insert into board_events (org_id, card_id, kind, patch, version, actor_id)
	values (v_row.org_id, v_row.id, v_kind, v_patch, v_row.version,
		nullif(current_setting('app.actor_id', true), '')::uuid);
	return null;
end;
$$;

-- board_events is a delivery buffer written on every move: a foreign key to the organization made
-- every move lock that one row, which concurrent moves then queue on. The organization's events
-- go with it through this trigger instead.
alter table board_events drop constraint if exists board_events_org_id_fkey;

create function organizations_forget_board_events() returns trigger
language plpgsql as $$
begin
	delete from board_events where org_id = old.id;
	return null;
end;
$$;

create trigger organizations_forget_board_events after delete on organizations
	for each row execute function organizations_forget_board_events();
