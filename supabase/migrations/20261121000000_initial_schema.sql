-- Initial schema: the whole domain of the installation board.
--
-- Runs on PostgreSQL 15 and on PGlite (Postgres 17) without extensions; gen_random_uuid() is
-- built in since PG 13. Every table but organizations carries org_id, and an index starts with
-- it, because every query is scoped by organization.
--
-- Money is stored in centavos (integers). Enumerations are text + CHECK, so adding a value is a
-- one-line constraint change instead of an ALTER TYPE.
--
-- Realtime: services never write board_events for installations. Triggers on installations
-- append them (so plain SQL, Studio or a second instance is broadcast too) and a trigger on
-- board_events calls pg_notify. Services identify the actor with
--   select set_config('app.actor_id', <user uuid>, true)
-- inside their transaction.

-- ───────────────────────────── tenants and people ─────────────────────────────

create table organizations (
	id uuid primary key default gen_random_uuid(),
	name text not null,
	slug text not null unique,
	time_zone text not null default 'America/Cancun',
	settings jsonb not null default '{}',
	created_at timestamptz not null default now()
);

create table users (
	id uuid primary key default gen_random_uuid(),
	org_id uuid not null references organizations (id) on delete cascade,
	email text not null,
	name text not null,
	role text not null check (role in ('admin', 'coordinator', 'agent', 'technician')),
	password_hash text not null,
	active boolean not null default true,
	locale text not null default 'es',
	color text,
	daily_capacity int check (daily_capacity >= 0),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);
-- Global, not per organization: login is by email alone.
create unique index users_email_key on users (lower(email));
create index users_org_idx on users (org_id, role);

create table sessions (
	id text primary key, -- sha256 hex of the session token; the token itself is never stored
	user_id uuid not null references users (id) on delete cascade,
	org_id uuid not null references organizations (id) on delete cascade,
	expires_at timestamptz not null,
	created_at timestamptz not null default now(),
	ip text,
	user_agent text
);
create index sessions_user_idx on sessions (user_id);
create index sessions_org_idx on sessions (org_id, expires_at);

create table display_tokens (
	id uuid primary key default gen_random_uuid(),
	org_id uuid not null references organizations (id) on delete cascade,
	name text not null,
	token_hash text not null unique,
	created_by uuid references users (id) on delete set null,
	created_at timestamptz not null default now(),
	revoked_at timestamptz,
	last_seen_at timestamptz
);
create index display_tokens_org_idx on display_tokens (org_id);
comment on table display_tokens is
	'Read-only, revocable credentials for the office wall display (TV). Only the sha256 of the token is stored.';

-- ───────────────────────────── zones (RB, "router base") ─────────────────────────────

create table zones (
	id uuid primary key default gen_random_uuid(),
	org_id uuid not null references organizations (id) on delete cascade,
	name text not null, -- e.g. 'RB3 ZONA SUR DÍA 28'
	router_name text,
	router_host text,
	payment_day int not null check (payment_day between 1 and 31),
	cutoff_day int check (cutoff_day between 1 and 31),
	grace_days int check (grace_days >= 0),
	invoice_day int check (invoice_day between 1 and 31),
	billing_mode text not null default 'prepago' check (billing_mode in ('prepago', 'pospago')),
	active boolean not null default true,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	unique (org_id, name)
);
comment on table zones is
	'Service zone = area + base router (RB) + billing calendar. The zone defines the customer''s payment day.';

create table zone_ip_pools (
	id uuid primary key default gen_random_uuid(),
	org_id uuid not null references organizations (id) on delete cascade,
	zone_id uuid not null references zones (id) on delete cascade,
	cidr cidr not null,
	reserved inet[] not null default '{}', -- gateway, router and other addresses never handed out
	created_at timestamptz not null default now(),
	unique (org_id, cidr)
);
create index zone_ip_pools_zone_idx on zone_ip_pools (org_id, zone_id);
comment on table zone_ip_pools is
	'Address ranges a zone hands out to installations, minus the reserved addresses.';

create table zone_coverage_areas (
	id uuid primary key default gen_random_uuid(),
	org_id uuid not null references organizations (id) on delete cascade,
	zone_id uuid not null references zones (id) on delete cascade,
	name text not null,
	service_type text not null check (service_type in ('inalambrico', 'fibra')),
	geojson jsonb not null, -- a GeoJSON Polygon or MultiPolygon, [lng, lat] order
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);
create index zone_coverage_areas_zone_idx on zone_coverage_areas (org_id, zone_id);
comment on table zone_coverage_areas is
	'Coverage polygons of a zone, each wireless or fiber; used to suggest the zone from coordinates.';

create table zone_technicians (
	org_id uuid not null references organizations (id) on delete cascade,
	zone_id uuid not null references zones (id) on delete cascade,
	user_id uuid not null references users (id) on delete cascade,
	primary key (zone_id, user_id)
);
create index zone_technicians_org_idx on zone_technicians (org_id, user_id);

-- ───────────────────────────── catalog ─────────────────────────────

create table plans (
	id uuid primary key default gen_random_uuid(),
	org_id uuid not null references organizations (id) on delete cascade,
	kind text not null check (kind in ('internet', 'television', 'telefonia')),
	name text not null,
	speed_mbps int check (speed_mbps > 0),
	price_cents int not null check (price_cents >= 0),
	routeros_profile text,
	usage_tier text check (usage_tier in ('basico', 'intermedio', 'alto')),
	description text,
	active boolean not null default true,
	sort_order int not null default 0,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);
create index plans_org_idx on plans (org_id, kind, sort_order);
comment on table plans is
	'Monthly service plans: internet (by speed), television and telephony. Prices in centavos.';

create table products (
	id uuid primary key default gen_random_uuid(),
	org_id uuid not null references organizations (id) on delete cascade,
	name text not null, -- e.g. 'Promoción 3 meses', 'Depósito en garantía'
	kind text not null check (kind in ('promocion', 'deposito', 'equipo', 'otro')),
	price_cents int not null check (price_cents >= 0),
	payment_type text not null default 'unico' check (payment_type in ('unico', 'mensualidades')),
	installments int not null default 1 check (installments >= 1),
	active boolean not null default true,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);
create index products_org_idx on products (org_id, kind);
comment on table products is
	'One-off or instalment items attached to an installation: promotions, guarantee deposit, equipment.';

-- ───────────────────────────── installations (the cards) ─────────────────────────────

create table installations (
	id uuid primary key default gen_random_uuid(),
	org_id uuid not null references organizations (id) on delete cascade,
	-- Human number shown on the card; one global sequence, so it never repeats across providers.
	folio bigint generated by default as identity unique,
	stage text not null default 'preinstalacion' check (stage in (
		'preinstalacion', 'cobertura_confirmada', 'documentos_pendientes', 'agendada',
		'asignada', 'firmada', 'activa', 'cancelada')),
	position double precision not null, -- order within the stage column; gaps, rebalanced by the service
	version int not null default 1, -- bumped by trigger on every real change (optimistic concurrency)
	stage_changed_at timestamptz not null default now(),
	registered_on date not null default current_date,

	-- customer
	full_name text not null,
	email text,
	phone text check (phone ~ '^[0-9]{10}$'),
	phone_alt text check (phone_alt ~ '^[0-9]{10}$'),
	source text check (source in ('ventas', 'web', 'cambaceo', 'solicitud', 'otro')),
	how_heard text,
	house_ownership text check (house_ownership in ('propia', 'rentada')),

	-- address, in the process's order: SM, MZ, LT, #ext int, edificio, calle, fracc/colonia, ciudad
	addr_sm text,
	addr_mz text,
	addr_lt text,
	addr_ext text,
	addr_int text,
	addr_building text,
	addr_street text,
	addr_colonia text,
	addr_city text,
	lat double precision check (lat between -90 and 90),
	lng double precision check (lng between -180 and 180),
	coordinates_raw text, -- what the customer sent (link or text), kept for reference

	-- special conditions
	rooftop_access boolean,
	rooftop_key text,
	fiber_crossing boolean,
	fiber_crossing_note text,
	modem_near_outlet boolean,
	comments text,
	dni text, -- left blank at the office; the installer fills it

	-- coverage
	zone_id uuid references zones (id) on delete set null,
	service_type text check (service_type in ('inalambrico', 'fibra')),
	coverage_confirmed_at timestamptz,
	coverage_confirmed_by uuid references users (id) on delete set null,

	-- plan and contract
	plan_id uuid references plans (id),
	contract_type text check (contract_type in ('12_meses', 'indefinido')),
	customer_accepted_at timestamptz,
	accepted_12m_at timestamptz,
	promotion_free_installation boolean not null default false,

	-- scheduling
	installation_date date,
	installation_time text, -- free text: '10:00', 'mañana', '10–12'
	installation_cost_cents int check (installation_cost_cents >= 0),
	billing jsonb, -- computed snapshot of billing dates and first charge, with its arithmetic
	technician_id uuid references users (id) on delete set null,
	route_order int,

	-- connection
	pppoe_user text,
	pppoe_password text,
	wifi_password text,
	ip inet check (masklen(ip) = case family(ip) when 4 then 32 else 128 end), -- mirrors ip_allocations
	external_id text,

	-- equipment, filled by the installer
	cpe_mac text,
	onu_serial text,
	router_model text,
	signal_notes text,
	completed_at timestamptz,
	completed_by uuid references users (id) on delete set null,

	-- cancellation
	cancel_reason text check (cancel_reason in ('sin_cobertura', 'declino', 'no_localizable', 'duplicado', 'otro')),
	cancel_note text,
	cancelled_at timestamptz,

	-- signatures
	contract_signed_at timestamptz,
	sheet_signed_at timestamptz,

	call_script jsonb not null default '{}', -- ticked steps of the agent's call script
	extra jsonb not null default '{}',

	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	created_by uuid references users (id) on delete set null
);
create unique index installations_org_pppoe_user_key on installations (org_id, pppoe_user)
	where pppoe_user is not null;
create index installations_board_idx on installations (org_id, stage, position);
create index installations_route_idx on installations (org_id, technician_id, installation_date);
create index installations_phone_idx on installations (org_id, phone);
comment on table installations is
	'One card of the board: one customer''s installation, from lead to active service. '
	'Changes are broadcast by trigger through board_events.';

-- ───────────────────────────── history ─────────────────────────────

create table stage_history (
	id bigserial primary key,
	org_id uuid not null references organizations (id) on delete cascade,
	installation_id uuid not null references installations (id) on delete cascade,
	from_stage text check (from_stage in (
		'preinstalacion', 'cobertura_confirmada', 'documentos_pendientes', 'agendada',
		'asignada', 'firmada', 'activa', 'cancelada')), -- null when the card is created
	to_stage text not null check (to_stage in (
		'preinstalacion', 'cobertura_confirmada', 'documentos_pendientes', 'agendada',
		'asignada', 'firmada', 'activa', 'cancelada')),
	user_id uuid references users (id) on delete set null,
	override_reason text, -- written reason when a coordinator/admin overrode a stage guard
	created_at timestamptz not null default now()
);
create index stage_history_installation_idx on stage_history (org_id, installation_id, id);
comment on table stage_history is
	'Every stage transition of a card, with the override reason when a guard was skipped.';

create table card_history (
	id bigserial primary key,
	org_id uuid not null references organizations (id) on delete cascade,
	installation_id uuid not null references installations (id) on delete cascade,
	user_id uuid references users (id) on delete set null,
	kind text not null check (kind in ('field', 'stage', 'file', 'signature', 'checklist', 'document', 'service')),
	field text,
	old_value jsonb,
	new_value jsonb,
	source text, -- screen or channel: tablero, tarjeta, tecnico, solicitud, sql…
	created_at timestamptz not null default now()
);
create index card_history_installation_idx on card_history (org_id, installation_id, id);
comment on table card_history is
	'Human-readable activity log of a card (who changed what, from where), written by services.';

-- ───────────────────────────── checklists ─────────────────────────────

create table checklist_templates (
	id uuid primary key default gen_random_uuid(),
	org_id uuid not null references organizations (id) on delete cascade,
	stage text not null check (stage in (
		'preinstalacion', 'cobertura_confirmada', 'documentos_pendientes', 'agendada',
		'asignada', 'firmada', 'activa', 'cancelada')),
	label text not null,
	auto_rule text, -- ticks itself when satisfied, e.g. 'file:ine_frontal', 'field:email'
	sort_order int not null default 0,
	active boolean not null default true,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);
create index checklist_templates_org_idx on checklist_templates (org_id, stage, sort_order);
comment on table checklist_templates is
	'Per-stage checklist configured by the organization; auto_rule items tick themselves.';

create table checklist_items (
	id uuid primary key default gen_random_uuid(),
	org_id uuid not null references organizations (id) on delete cascade,
	installation_id uuid not null references installations (id) on delete cascade,
	template_id uuid not null references checklist_templates (id) on delete cascade,
	done boolean not null default false,
	done_by uuid references users (id) on delete set null,
	done_at timestamptz,
	unique (installation_id, template_id)
);
create index checklist_items_org_idx on checklist_items (org_id, installation_id);

-- ───────────────────────────── files and documents ─────────────────────────────

create table files (
	id uuid primary key default gen_random_uuid(),
	org_id uuid not null references organizations (id) on delete cascade,
	installation_id uuid not null references installations (id) on delete cascade,
	category text not null check (category in (
		'ine_frontal', 'ine_atras', 'comprobante_domicilio', 'confirmacion_12_meses', 'otro',
		'foto_instalacion', 'contrato_pdf', 'hoja_instalacion_pdf')),
	name text not null,
	mime text not null,
	size_bytes bigint not null check (size_bytes >= 0),
	sha256 text not null,
	storage_key text not null, -- path on local disk or in Supabase Storage
	thumbnail_key text,
	uploaded_by uuid references users (id) on delete set null,
	created_at timestamptz not null default now(),
	superseded_at timestamptz,
	superseded_by uuid references files (id) on delete set null
);
create index files_installation_idx on files (org_id, installation_id, category);
comment on table files is
	'Customer documents, photos and generated PDFs. A replaced file is kept, marked superseded.';

create table document_templates (
	id uuid primary key default gen_random_uuid(),
	org_id uuid not null references organizations (id) on delete cascade,
	kind text not null check (kind in ('contrato', 'hoja_instalacion')),
	contract_type text check (contract_type in ('12_meses', 'indefinido')), -- null: any
	title text not null,
	body text not null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	updated_by uuid references users (id) on delete set null
);
create index document_templates_org_idx on document_templates (org_id, kind);
comment on table document_templates is
	'Editable text of the contract and the installation sheet, per contract type.';

create table documents (
	id uuid primary key default gen_random_uuid(),
	org_id uuid not null references organizations (id) on delete cascade,
	installation_id uuid not null references installations (id) on delete cascade,
	kind text not null check (kind in ('contrato', 'hoja_instalacion')),
	status text not null default 'borrador' check (status in ('borrador', 'firmado')),
	start_date date,
	end_date date,
	data jsonb not null default '{}', -- snapshot of the data the document shows
	content_sha256 text, -- hash of the rendered content the customer signs
	signed_at timestamptz,
	file_id uuid references files (id) on delete set null, -- the generated PDF
	version int not null default 1,
	created_at timestamptz not null default now(),
	superseded_at timestamptz,
	constraint documents_dates_check check (end_date is null or start_date is null or end_date >= start_date)
);
create index documents_installation_idx on documents (org_id, installation_id, kind);
-- One current document of each kind per card; older versions stay, superseded.
create unique index documents_current_key on documents (installation_id, kind)
	where superseded_at is null;
comment on table documents is
	'Contract and installation sheet of a card: a draft until signed; the PDF exists only once signed.';

create table signatures (
	id uuid primary key default gen_random_uuid(),
	org_id uuid not null references organizations (id) on delete cascade,
	document_id uuid references documents (id) on delete set null,
	installation_id uuid not null references installations (id) on delete cascade,
	document_kind text not null check (document_kind in ('contrato', 'hoja_instalacion')),
	signer_name text not null,
	image_png text not null, -- base64 PNG of the drawn signature
	signed_at timestamptz not null default now(),
	ip text,
	user_agent text,
	content_sha256 text not null, -- what was signed
	method text not null check (method in ('en_persona', 'link', 'telefono_tecnico'))
);
create index signatures_installation_idx on signatures (org_id, installation_id);
comment on table signatures is
	'Signature evidence: image, signer, when, where from, how, and the hash of the signed content.';

create table signing_links (
	id uuid primary key default gen_random_uuid(),
	org_id uuid not null references organizations (id) on delete cascade,
	installation_id uuid not null references installations (id) on delete cascade,
	document_kind text not null check (document_kind in ('contrato', 'hoja_instalacion')),
	token_hash text not null unique, -- sha256 of the token in the URL sent to the customer
	expires_at timestamptz not null,
	used_at timestamptz,
	revoked_at timestamptz,
	created_by uuid references users (id) on delete set null,
	created_at timestamptz not null default now()
);
create index signing_links_installation_idx on signing_links (org_id, installation_id);
comment on table signing_links is
	'Single-use links for remote signing (sent by WhatsApp or opened on the technician''s phone).';

-- ───────────────────────────── services, products, IPs ─────────────────────────────

create table addon_services (
	id uuid primary key default gen_random_uuid(),
	org_id uuid not null references organizations (id) on delete cascade,
	installation_id uuid not null references installations (id) on delete cascade,
	kind text not null check (kind in ('telefonia', 'television')),
	plan_id uuid references plans (id),
	ip inet check (masklen(ip) = case family(ip) when 4 then 32 else 128 end),
	external_id text,
	username text,
	password text,
	phone_number text default '0000000000', -- placeholder until support assigns the real line
	number_assigned_at timestamptz,
	sip_server text,
	onu_serial text, -- filled by support
	tv_type text check (tv_type in ('CATV', 'IPTV')),
	cut_service boolean not null default true,
	router text,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	constraint addon_services_tv_type_kind_check check (kind = 'television' or tv_type is null)
);
create index addon_services_installation_idx on addon_services (org_id, installation_id);
comment on table addon_services is
	'Telephony and TV services attached to an installation (process 4, steps 6–7).';

create table installation_products (
	id uuid primary key default gen_random_uuid(),
	org_id uuid not null references organizations (id) on delete cascade,
	installation_id uuid not null references installations (id) on delete cascade,
	product_id uuid not null references products (id),
	payment_type text not null check (payment_type in ('unico', 'mensualidades')),
	installments int not null default 1 check (installments >= 1),
	price_cents int not null check (price_cents >= 0), -- price at the time it was attached
	start_date date,
	created_at timestamptz not null default now()
);
create index installation_products_installation_idx on installation_products (org_id, installation_id);
comment on table installation_products is
	'Products charged to an installation, e.g. "Promoción 3 meses" in 3 mensualidades.';

create table ip_allocations (
	id uuid primary key default gen_random_uuid(),
	org_id uuid not null references organizations (id) on delete cascade,
	zone_id uuid not null references zones (id),
	installation_id uuid not null references installations (id) on delete cascade,
	ip inet not null check (masklen(ip) = case family(ip) when 4 then 32 else 128 end),
	created_at timestamptz not null default now(),
	constraint ip_allocations_installation_key unique (installation_id),
	constraint ip_allocations_org_ip_key unique (org_id, ip)
);
create index ip_allocations_zone_idx on ip_allocations (zone_id);
comment on table ip_allocations is
	'The authority on addresses: one IP per card and never the same IP twice in a provider, even under '
	'concurrent clicks. Deleting the row releases the IP (cancellation); installations.ip mirrors it.';

-- ───────────────────────────── realtime bus ─────────────────────────────

create table board_events (
	seq bigserial primary key,
	org_id uuid not null references organizations (id) on delete cascade,
	card_id uuid, -- no foreign key: the event outlives a deleted card
	kind text not null, -- 'card:created', 'card:updated', 'card:moved', 'card:deleted'
	patch jsonb not null default '{}',
	version int,
	actor_id uuid, -- from app.actor_id; null when the change came from outside the app
	created_at timestamptz not null default now()
);
create index board_events_org_seq_idx on board_events (org_id, seq);
comment on table board_events is
	'Append-only log of board changes. seq is monotonic; clients keep lastSeq and ask for what '
	'follows after a reconnect. Old rows may be pruned; a gap that is too old means a full snapshot.';

-- ───────────────────────────── functions and triggers ─────────────────────────────

-- Generic updated_at for the tables that have one (installations has its own trigger).
create function touch_updated_at() returns trigger
language plpgsql as $$
begin
	new.updated_at := now();
	return new;
end;
$$;

create trigger users_touch before update on users
	for each row execute function touch_updated_at();
create trigger zones_touch before update on zones
	for each row execute function touch_updated_at();
create trigger zone_coverage_areas_touch before update on zone_coverage_areas
	for each row execute function touch_updated_at();
create trigger plans_touch before update on plans
	for each row execute function touch_updated_at();
create trigger products_touch before update on products
	for each row execute function touch_updated_at();
create trigger checklist_templates_touch before update on checklist_templates
	for each row execute function touch_updated_at();
create trigger document_templates_touch before update on document_templates
	for each row execute function touch_updated_at();
create trigger addon_services_touch before update on addon_services
	for each row execute function touch_updated_at();

-- (a) Version, updated_at and stage_changed_at of a card.
-- A real change bumps version unless the writer already changed it; a no-op UPDATE keeps it.
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

-- (b) Every change to a card becomes a board_events row, whoever made it.
-- The patch holds the changed columns (the whole row on INSERT), without updated_at; the big
-- jsonb columns appear only as "<key>": true, so listeners load them when they need them.
create function installations_board_event() returns trigger
language plpgsql as $$
declare
	v_row installations;
	v_kind text;
	v_patch jsonb;
	v_old jsonb;
begin
	v_row := case when tg_op = 'DELETE' then old else new end;

	-- Deleting an organization cascades here after the organization row is gone; an event for
	-- it would violate board_events' foreign key, and nobody is left to receive it.
	if not exists (select 1 from organizations where id = v_row.org_id) then
		return null;
	end if;

	if tg_op = 'INSERT' then
		v_kind := 'card:created';
		v_patch := to_jsonb(new) - 'updated_at';
	elsif tg_op = 'UPDATE' then
		v_old := to_jsonb(old);
		select coalesce(jsonb_object_agg(n.key, n.value), '{}'::jsonb)
		  into v_patch
		  from jsonb_each(to_jsonb(new)) as n
		 where n.key <> 'updated_at'
		   and n.value is distinct from v_old -> n.key;
		if v_patch - 'version' = '{}'::jsonb then
			return null; -- nothing a viewer can see changed
		end if;
		v_kind := case
			when new.stage <> old.stage or new.position <> old.position then 'card:moved'
			else 'card:updated'
		end;
	else
		v_kind := 'card:deleted';
		v_patch := jsonb_build_object('stage', old.stage);
	end if;

	v_patch := v_patch || coalesce(
		(select jsonb_object_agg(k, true)
		   from unnest(array['billing', 'call_script', 'extra']) as k
		  where v_patch ? k),
		'{}'::jsonb);

	insert into board_events (org_id, card_id, kind, patch, version, actor_id)
	values (v_row.org_id, v_row.id, v_kind, v_patch, v_row.version,
		nullif(current_setting('app.actor_id', true), '')::uuid);
	return null;
end;
$$;

create trigger installations_board_event after insert or update or delete on installations
	for each row execute function installations_board_event();

-- (c) Wake every listening server process. The payload stays small (NOTIFY caps it at 8000
-- bytes); listeners read the row by seq. Delivered on commit, never for a rolled-back change.
create function board_events_notify() returns trigger
language plpgsql as $$
begin
	perform pg_notify('board_events', json_build_object(
		'seq', new.seq,
		'org', new.org_id,
		'card', new.card_id,
		'kind', new.kind,
		'version', new.version
	)::text);
	return null;
end;
$$;

create trigger board_events_notify after insert on board_events
	for each row execute function board_events_notify();

-- ───────────────────────────── row level security ─────────────────────────────

-- On Supabase the public schema is exposed through the Data API to the anon and authenticated
-- roles. This app talks to Postgres directly as the tables' owner, which bypasses RLS, so
-- enabling it without policies closes that door (password hashes, sessions, customer data)
-- without changing anything for the app, PGlite or a self-hosted server.
alter table organizations enable row level security;
alter table users enable row level security;
alter table sessions enable row level security;
alter table display_tokens enable row level security;
alter table zones enable row level security;
alter table zone_ip_pools enable row level security;
alter table zone_coverage_areas enable row level security;
alter table zone_technicians enable row level security;
alter table plans enable row level security;
alter table products enable row level security;
alter table installations enable row level security;
alter table stage_history enable row level security;
alter table card_history enable row level security;
alter table checklist_templates enable row level security;
alter table checklist_items enable row level security;
alter table files enable row level security;
alter table document_templates enable row level security;
alter table documents enable row level security;
alter table signatures enable row level security;
alter table signing_links enable row level security;
alter table addon_services enable row level security;
alter table installation_products enable row level security;
alter table ip_allocations enable row level security;
alter table board_events enable row level security;
