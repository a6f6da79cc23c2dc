-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.installations (
	id uuid default gen_random_uuid() not null,
	org_id uuid not null,
	folio bigint not null,
	stage text default 'preinstalacion'::text not null,
	"position" double precision not null,
	version integer default 1 not null,
	stage_changed_at timestamp with time zone default now() not null,
	registered_on date default CURRENT_DATE not null,
	full_name text not null,
	email text,
	phone text,
	phone_alt text,
	source text,
	how_heard text,
	house_ownership text,
	addr_sm text,
	addr_mz text,
	addr_lt text,
	addr_ext text,
	addr_int text,
	addr_building text,
	addr_street text,
	addr_colonia text,
	addr_city text,
	lat double precision,
	lng double precision,
	coordinates_raw text,
	rooftop_access boolean,
	rooftop_key text,
	fiber_crossing boolean,
	fiber_crossing_note text,
	modem_near_outlet boolean,
	comments text,
	dni text,
	zone_id uuid,
	service_type text,
	coverage_confirmed_at timestamp with time zone,
	coverage_confirmed_by uuid,
	plan_id uuid,
	contract_type text,
	customer_accepted_at timestamp with time zone,
	accepted_12m_at timestamp with time zone,
	promotion_free_installation boolean default false not null,
	installation_date date,
	installation_time text,
	installation_cost_cents integer,
	billing jsonb,
	technician_id uuid,
	route_order integer,
	pppoe_user text,
	pppoe_password text,
	wifi_password text,
	ip inet,
	external_id text,
	cpe_mac text,
	onu_serial text,
	router_model text,
	signal_notes text,
	completed_at timestamp with time zone,
	completed_by uuid,
	cancel_reason text,
	cancel_note text,
	cancelled_at timestamp with time zone,
	contract_signed_at timestamp with time zone,
	sheet_signed_at timestamp with time zone,
	call_script jsonb default '{}'::jsonb not null,
	extra jsonb default '{}'::jsonb not null,
	created_at timestamp with time zone default now() not null,
	updated_at timestamp with time zone default now() not null,
	created_by uuid,
	paid_cents integer default 0 not null,
	wisphub_state text,
	wisphub_id text,
	wisphub_error text,
	call_attempts integer default 0 not null,
	last_call_at timestamp with time zone,
	last_call_outcome text,
	next_contact_at timestamp with time zone,
	wifi_name text,
	arrived_at timestamp with time zone,
	arrived_lat double precision,
	arrived_lng double precision,
	constraint installations_pkey PRIMARY KEY (id),
	constraint installations_org_folio_key UNIQUE (org_id, folio),
	constraint installations_completed_by_fkey FOREIGN KEY (completed_by) REFERENCES public.users(id) ON DELETE SET NULL,
	constraint installations_coverage_confirmed_by_fkey FOREIGN KEY (coverage_confirmed_by) REFERENCES public.users(id) ON DELETE SET NULL,
	constraint installations_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.users(id) ON DELETE SET NULL,
	constraint installations_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE,
	constraint installations_plan_id_fkey FOREIGN KEY (plan_id) REFERENCES public.plans(id),
	constraint installations_technician_id_fkey FOREIGN KEY (technician_id) REFERENCES public.users(id) ON DELETE SET NULL,
	constraint installations_zone_id_fkey FOREIGN KEY (zone_id) REFERENCES public.zones(id) ON DELETE SET NULL,
	constraint installations_arrived_lat_check CHECK (((arrived_lat >= ('-90'::integer)::double precision) AND (arrived_lat <= (90)::double precision))),
	constraint installations_arrived_lng_check CHECK (((arrived_lng >= ('-180'::integer)::double precision) AND (arrived_lng <= (180)::double precision))),
	constraint installations_call_attempts_check CHECK ((call_attempts >= 0)),
	constraint installations_cancel_reason_check CHECK ((cancel_reason ~ '^[a-z0-9_]{1,40}$'::text)),
	constraint installations_contract_type_check CHECK ((contract_type = ANY (ARRAY['12_meses'::text, 'indefinido'::text]))),
	constraint installations_house_ownership_check CHECK ((house_ownership = ANY (ARRAY['propia'::text, 'rentada'::text]))),
	constraint installations_installation_cost_cents_check CHECK ((installation_cost_cents >= 0)),
	constraint installations_ip_check CHECK ((masklen(ip) =
CASE family(ip)
    WHEN 4 THEN 32
    ELSE 128
END)),
	constraint installations_lat_check CHECK (((lat >= ('-90'::integer)::double precision) AND (lat <= (90)::double precision))),
	constraint installations_lng_check CHECK (((lng >= ('-180'::integer)::double precision) AND (lng <= (180)::double precision))),
	constraint installations_paid_cents_check CHECK ((paid_cents >= 0)),
	constraint installations_phone_alt_check CHECK ((phone_alt ~ '^[0-9]{10}$'::text)),
	constraint installations_phone_check CHECK ((phone ~ '^[0-9]{10}$'::text)),
	constraint installations_service_type_check CHECK ((service_type = ANY (ARRAY['inalambrico'::text, 'fibra'::text]))),
	constraint installations_source_check CHECK ((source = ANY (ARRAY['ventas'::text, 'web'::text, 'cambaceo'::text, 'solicitud'::text, 'otro'::text]))),
	constraint installations_stage_check CHECK ((stage = ANY (ARRAY['preinstalacion'::text, 'cobertura_confirmada'::text, 'documentos_pendientes'::text, 'agendada'::text, 'asignada'::text, 'firmada'::text, 'activa'::text, 'cancelada'::text]))),
	constraint installations_wisphub_state_check CHECK ((wisphub_state = ANY (ARRAY['pendiente'::text, 'enviando'::text, 'sincronizado'::text, 'error'::text])))
);
comment on table public.installations is 'One card of the board: one customer''s installation, from lead to active service. Changes are broadcast by trigger through board_events.';

CREATE INDEX installations_board_idx ON public.installations USING btree (org_id, stage, "position");
CREATE INDEX installations_created_idx ON public.installations USING btree (org_id, created_at);
CREATE INDEX installations_email_idx ON public.installations USING btree (org_id, lower(email)) WHERE (email IS NOT NULL);
CREATE INDEX installations_next_contact_idx ON public.installations USING btree (org_id, next_contact_at) WHERE (next_contact_at IS NOT NULL);
CREATE UNIQUE INDEX installations_org_pppoe_user_key ON public.installations USING btree (org_id, pppoe_user) WHERE (pppoe_user IS NOT NULL);
CREATE INDEX installations_phone_alt_idx ON public.installations USING btree (org_id, phone_alt) WHERE (phone_alt IS NOT NULL);
CREATE INDEX installations_phone_idx ON public.installations USING btree (org_id, phone);
CREATE INDEX installations_recent_closed_idx ON public.installations USING btree (org_id, stage, stage_changed_at) WHERE (stage = ANY (ARRAY['activa'::text, 'cancelada'::text]));
CREATE INDEX installations_route_idx ON public.installations USING btree (org_id, technician_id, installation_date);
CREATE INDEX installations_stage_changed_idx ON public.installations USING btree (org_id, stage_changed_at) INCLUDE (stage);
CREATE TRIGGER installations_assign_folio BEFORE INSERT OR UPDATE OF folio, org_id ON public.installations FOR EACH ROW EXECUTE FUNCTION public.installations_assign_folio();
CREATE TRIGGER installations_before_update BEFORE UPDATE ON public.installations FOR EACH ROW EXECUTE FUNCTION public.installations_before_update();
CREATE TRIGGER installations_board_event AFTER INSERT OR DELETE OR UPDATE ON public.installations FOR EACH ROW EXECUTE FUNCTION public.installations_board_event();
CREATE TRIGGER installations_wisphub_enqueue BEFORE UPDATE OF stage ON public.installations FOR EACH ROW EXECUTE FUNCTION public.installations_wisphub_enqueue();
alter table public.installations enable row level security;
