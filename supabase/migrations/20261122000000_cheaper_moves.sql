-- Cheaper board moves (a move's statements are most of what it costs):
-- * Every lookup of one card goes by its id alone and the provider is compared afterwards. With
--   "id = $1 and org_id = $2", a plan made before the table had statistics (a fresh database; PGlite
--   has no autovacuum) walked the provider's cards on another (org_id, …) index instead of the
--   primary key: 27 million index entries read in one 15 s move benchmark on PostgreSQL.
-- * board_move tells the board-event trigger which card its UPDATE moves (app.board_move), so the
--   trigger builds that event's patch from the few columns a move writes instead of turning the
--   whole old and new rows into jsonb and comparing them.
-- * board_move finds the drop spot's neighbours itself instead of through board_neighbours (one
--   function call and statement fewer per move; the function had no other caller).
-- * The card trigger sends the board event's notification itself, right after inserting it,
--   instead of a second trigger on board_events doing it (nothing else writes board_events).
-- * stage_history no longer references organizations directly: with many coordinators moving
--   cards of one provider at once, every move's foreign-key check locked that one organization
--   row (a multixact once several hold it). Its rows still go with the organization, through
--   the installation they belong to (on delete cascade), and only board_move and the services,
--   with the card's own provider, write them.

create or replace function board_move(
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
$$;

drop function board_neighbours(uuid, text, uuid, uuid, uuid);

create or replace function installations_board_event() returns trigger
language plpgsql as $$
declare
	v_row installations;
	v_event board_events;
	v_kind text;
	v_patch jsonb;
	v_new jsonb;
	v_old jsonb;
	v_key text;
	-- What a move (or a cancellation) changes; anything else goes through the general diff.
	c_move text[] := array['stage', 'position', 'version', 'stage_changed_at', 'cancel_reason', 'cancel_note', 'cancelled_at', 'ip'];
begin
	v_row := case when tg_op = 'DELETE' then old else new end;

	if tg_op = 'UPDATE' and current_setting('app.board_move', true) = new.id::text then
		-- board_move's own UPDATE: it writes only these columns (the before-update trigger adds
		-- version, updated_at and stage_changed_at), so they are the whole diff.
		v_patch := '{}'::jsonb;
		if new.stage is distinct from old.stage then v_patch := v_patch || jsonb_build_object('stage', new.stage); end if;
		if new.position is distinct from old.position then v_patch := v_patch || jsonb_build_object('position', new.position); end if;
		if new.version is distinct from old.version then v_patch := v_patch || jsonb_build_object('version', new.version); end if;
		if new.stage_changed_at is distinct from old.stage_changed_at then
			v_patch := v_patch || jsonb_build_object('stage_changed_at', new.stage_changed_at);
		end if;
		if new.cancel_reason is distinct from old.cancel_reason then
			v_patch := v_patch || jsonb_build_object('cancel_reason', new.cancel_reason);
		end if;
		if new.cancel_note is distinct from old.cancel_note then v_patch := v_patch || jsonb_build_object('cancel_note', new.cancel_note); end if;
		if new.cancelled_at is distinct from old.cancelled_at then
			v_patch := v_patch || jsonb_build_object('cancelled_at', new.cancelled_at);
		end if;
		if new.ip is distinct from old.ip then v_patch := v_patch || jsonb_build_object('ip', new.ip); end if;
		if v_patch - 'version' = '{}'::jsonb then
			return null;
		end if;
		v_kind := case
			when new.stage <> old.stage or new.position <> old.position then 'card:moved'
			else 'card:updated'
		end;
	elsif tg_op = 'INSERT' then
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
		nullif(current_setting('app.actor_id', true), '')::uuid)
	returning * into v_event;
	-- Listeners get the event itself (the patch when small; NOTIFY caps payloads at 8000 bytes).
	perform pg_notify('board_events', json_build_object(
		'seq', v_event.seq,
		'org', v_event.org_id,
		'card', v_event.card_id,
		'kind', v_event.kind,
		'version', v_event.version,
		'actor', v_event.actor_id,
		'patch', case when octet_length(v_event.patch::text) <= 4000 then v_event.patch end
	)::text);
	return null;
end;
$$;

drop trigger board_events_notify on board_events;
drop function board_events_notify();

alter table stage_history drop constraint stage_history_org_id_fkey;
