-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

set check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.board_move(p_org uuid, p_card uuid, p_expected_version integer, p_stage text, p_before uuid, p_after uuid, p_actor uuid, p_override_reason text, p_cancel_reason text, p_cancel_note text, p_gap double precision, p_min_gap double precision)
 RETURNS TABLE(outcome text, new_position double precision, new_version integer, event_seq bigint, changed_at text, cancelled text)
 LANGUAGE plpgsql
AS $function$
declare
	v_from text;
	v_version int;
	v_org uuid;
	v_anchor_id uuid;
	v_anchor double precision;
	v_anchor_org uuid;
	v_anchor_stage text;
	v_try int;
	v_lo double precision;
	v_hi double precision;
	v_position double precision;
	v_changed_at text;
	v_cancelled_at text;
begin
	select i.stage, i.version, i.org_id into v_from, v_version, v_org
	  from installations i where i.id = p_card for update;
	if not found or v_org <> p_org then
		return query select 'gone'::text, null::double precision, null::int, null::bigint, null::text, null::text;
		return;
	end if;
	if v_version <> p_expected_version then
		return query select 'stale'::text, null::double precision, v_version, null::bigint, null::text, null::text;
		return;
	end if;
	-- The actor for the board event; then a lock that serialises drops into one column so two
	-- cards never get the same position, always taken after the card's row lock, by every move.
	perform set_config('app.actor_id', p_actor::text, true), set_config('app.board_move', p_card::text, true),
		pg_advisory_xact_lock(hashtext(p_org::text || ':' || p_stage));

	-- The neighbours of the drop spot: right before `p_before`, right after `p_after`, or the
	-- column's end when the anchor is missing or has left the column meanwhile. When the gap there
	-- has run out (or two positions tie), renumber the column once and look again.
	v_anchor_id := coalesce(p_before, p_after);
	for v_try in 1..2 loop
		v_anchor := null;
		v_lo := null;
		v_hi := null;
		if v_anchor_id is not null and v_anchor_id <> p_card then
			select i.position, i.org_id, i.stage into v_anchor, v_anchor_org, v_anchor_stage
			  from installations i where i.id = v_anchor_id;
			if v_anchor_org is distinct from p_org or v_anchor_stage is distinct from p_stage then
				v_anchor := null;
			end if;
		end if;
		if v_anchor is not null and p_before is not null then
			v_hi := v_anchor;
			select i.position into v_lo from installations i
			 where i.org_id = p_org and i.stage = p_stage and i.id <> p_card and i.position < v_anchor
			 order by i.position desc limit 1;
		elsif v_anchor is not null then
			v_lo := v_anchor;
			select i.position into v_hi from installations i
			 where i.org_id = p_org and i.stage = p_stage and i.id <> p_card and i.position > v_anchor
			 order by i.position asc limit 1;
		else
			select i.position into v_lo from installations i
			 where i.org_id = p_org and i.stage = p_stage and i.id <> p_card
			 order by i.position desc limit 1;
		end if;
		v_position := board_position_between(v_lo, v_hi, p_gap, p_min_gap);
		exit when v_position is not null or v_try = 2;
		update installations i set position = r.rn * p_gap
		  from (select x.id, row_number() over (order by x.position, x.id) as rn from installations x
		         where x.org_id = p_org and x.stage = p_stage and x.id <> p_card) r
		 where i.id = r.id;
	end loop;
	if v_position is null then
		return query select 'no_room'::text, null::double precision, null::int, null::bigint, null::text, null::text;
		return;
	end if;

	update installations set stage = p_stage, position = v_position,
		cancel_reason = case when p_stage = 'cancelada' then p_cancel_reason else null end,
		cancel_note = case when p_stage = 'cancelada' then p_cancel_note else null end,
		cancelled_at = case when p_stage = 'cancelada' then coalesce(cancelled_at, now()) else null end,
		ip = case when p_stage = 'cancelada' then null else ip end
	 where id = p_card
	returning version, to_char(installations.stage_changed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
		installations.cancelled_at::text
	into v_version, v_changed_at, v_cancelled_at;
	perform set_config('app.board_move', '', true);

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
$function$;
