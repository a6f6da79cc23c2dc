-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.customer_messages (
	id uuid default gen_random_uuid() not null,
	org_id uuid not null,
	installation_id uuid not null,
	template_key text not null,
	channel text not null,
	phone text not null,
	body text not null,
	status text not null,
	sent_by uuid,
	provider_message_id text,
	error text,
	attempts integer default 0 not null,
	next_attempt_at timestamp with time zone,
	created_at timestamp with time zone default now() not null,
	updated_at timestamp with time zone default now() not null,
	locked_until timestamp with time zone,
	sending_since timestamp with time zone,
	constraint customer_messages_pkey PRIMARY KEY (id),
	constraint customer_messages_installation_id_fkey FOREIGN KEY (installation_id) REFERENCES public.installations(id) ON DELETE CASCADE,
	constraint customer_messages_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE,
	constraint customer_messages_sent_by_fkey FOREIGN KEY (sent_by) REFERENCES public.users(id) ON DELETE SET NULL,
	constraint customer_messages_attempts_check CHECK ((attempts >= 0)),
	constraint customer_messages_channel_check CHECK ((channel = ANY (ARRAY['click_to_chat'::text, 'cloud_api'::text]))),
	constraint customer_messages_status_check CHECK ((status = ANY (ARRAY['abierto'::text, 'en_cola'::text, 'enviado'::text, 'entregado'::text, 'leido'::text, 'fallido'::text])))
);
comment on table public.customer_messages is 'Messages to customers prepared or sent from the board (click-to-chat or WhatsApp Cloud API) with their delivery status.';

CREATE INDEX customer_messages_installation_idx ON public.customer_messages USING btree (org_id, installation_id, created_at);
CREATE INDEX customer_messages_pending_idx ON public.customer_messages USING btree (next_attempt_at) WHERE (status = 'en_cola'::text);
CREATE UNIQUE INDEX customer_messages_provider_id_key ON public.customer_messages USING btree (provider_message_id) WHERE (provider_message_id IS NOT NULL);
alter table public.customer_messages enable row level security;
