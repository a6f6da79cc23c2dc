-- WispHub sync (issue 19): the connection per provider (its API key sealed with APP_SECRET by the
-- app), the catalog mapping, and a transactional outbox: the move that enters the provider's
-- trigger stage writes the job in the same transaction (a trigger), so the job exists exactly when
-- the move committed, and the unique (installation, kind) makes a card moved back and forth queue once.

create table wisphub_connections (
	org_id uuid primary key references organizations (id) on delete cascade,
	enabled boolean not null default false,
	base_url text,
	api_key_sealed text,
	api_key_last4 text,
	trigger_stage text not null default 'asignada',
	updated_at timestamptz not null default now(),
	updated_by uuid references users (id) on delete set null
);
alter table wisphub_connections enable row level security;

create table wisphub_mappings (
	org_id uuid not null references organizations (id) on delete cascade,
	kind text not null check (kind in ('zona', 'plan', 'tecnico')),
	remote_id text not null,
	remote_name text not null,
	local_id uuid,
	confirmed boolean not null default false,
	imported_at timestamptz not null default now(),
	primary key (org_id, kind, remote_id)
);
alter table wisphub_mappings enable row level security;

create table wisphub_jobs (
	id uuid primary key default gen_random_uuid(),
	org_id uuid not null references organizations (id) on delete cascade,
	installation_id uuid not null references installations (id) on delete cascade,
	kind text not null default 'crear' check (kind in ('crear')),
	state text not null default 'pendiente' check (state in ('pendiente', 'enviando', 'esperando', 'sincronizado', 'error')),
	attempts integer not null default 0,
	next_attempt_at timestamptz not null default now(),
	locked_until timestamptz,
	sent_at timestamptz,
	task_id text,
	remote_id text,
	payload jsonb,
	response jsonb,
	last_error text,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	constraint wisphub_jobs_once unique (installation_id, kind)
);
alter table wisphub_jobs enable row level security;
create index wisphub_jobs_due_idx on wisphub_jobs (next_attempt_at) where state in ('pendiente', 'enviando', 'esperando');
create index wisphub_jobs_org_idx on wisphub_jobs (org_id, created_at desc);

alter table installations
	add column wisphub_state text check (wisphub_state in ('pendiente', 'enviando', 'sincronizado', 'error')),
	add column wisphub_id text,
	add column wisphub_error text;

create or replace function installations_wisphub_enqueue() returns trigger
language plpgsql as $$
begin
	if new.stage is distinct from old.stage and exists (
		select 1 from wisphub_connections c where c.org_id = new.org_id and c.enabled and c.trigger_stage = new.stage
	) then
		insert into wisphub_jobs (org_id, installation_id) values (new.org_id, new.id)
		on conflict on constraint wisphub_jobs_once do nothing;
		if found then
			new.wisphub_state := 'pendiente';
			new.wisphub_error := null;
			perform pg_notify('wisphub_jobs', new.org_id::text);
		end if;
	end if;
	return new;
end;
$$;

create trigger installations_wisphub_enqueue before update of stage on installations
	for each row execute function installations_wisphub_enqueue();

create or replace function installations_board_event()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
declare
	v_row installations;
	v_event board_events;
	v_kind text;
	v_patch jsonb;
	v_new jsonb;
	v_old jsonb;
	v_key text;
	-- What a move (or a cancellation) changes; anything else goes through the general diff.
	c_move text[] := array['stage', 'position', 'version', 'stage_changed_at', 'cancel_reason', 'cancel_note', 'cancelled_at', 'ip', 'wisphub_state'];
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
		-- A move into the provider's WispHub stage queues the sync (installations_wisphub_enqueue).
		if new.wisphub_state is distinct from old.wisphub_state then
			v_patch := v_patch || jsonb_build_object('wisphub_state', new.wisphub_state);
		end if;
		if v_patch = '{}'::jsonb then
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
		if v_patch = '{}'::jsonb then
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
$function$;

