-- Issue 20 (lead follow-up and messages to the customer): the tables the calls, the agents' queue,
-- the message templates, the WhatsApp Cloud API and the notifications build on.

-- Each call attempt an agent records on a card: the outcome (domain/follow-up.ts CALL_OUTCOMES),
-- an optional note and when to call again. Append-only: a wrong attempt is corrected by another.
create table public.lead_calls (
	id uuid default gen_random_uuid() not null,
	org_id uuid not null,
	installation_id uuid not null,
	user_id uuid,
	outcome text not null,
	note text,
	next_contact_at timestamp with time zone,
	created_at timestamp with time zone default now() not null,
	constraint lead_calls_pkey primary key (id),
	constraint lead_calls_org_id_fkey foreign key (org_id) references public.organizations(id) on delete cascade,
	constraint lead_calls_installation_id_fkey foreign key (installation_id) references public.installations(id) on delete cascade,
	constraint lead_calls_user_id_fkey foreign key (user_id) references public.users(id) on delete set null,
	constraint lead_calls_outcome_check check (outcome = any (array['contesto'::text, 'no_contesto'::text, 'buzon'::text, 'numero_equivocado'::text, 'llamar_despues'::text, 'no_interesado'::text])),
	constraint lead_calls_note_check check (note is null or length(note) <= 1000)
);
comment on table public.lead_calls is 'Call attempts recorded on a card (outcome, note, next contact), append-only.';
create index lead_calls_installation_idx on public.lead_calls using btree (org_id, installation_id, created_at);
create index lead_calls_user_idx on public.lead_calls using btree (org_id, user_id, created_at);
alter table public.lead_calls enable row level security;

-- The card's follow-up at a glance, written with each attempt in the same transaction (the board
-- card reads «3 intentos · último hace 2 días · volver a llamar hoy 17:00» without a join, and the
-- queue orders by next_contact_at).
alter table public.installations add column call_attempts integer default 0 not null;
alter table public.installations add column last_call_at timestamp with time zone;
alter table public.installations add column last_call_outcome text;
alter table public.installations add column next_contact_at timestamp with time zone;
alter table public.installations add constraint installations_call_attempts_check check (call_attempts >= 0);
create index installations_next_contact_idx on public.installations using btree (org_id, next_contact_at) where next_contact_at is not null;

-- Every message to a customer the board prepared or sent: click-to-chat (opened in WhatsApp by the
-- person, status «abierto») or the WhatsApp Business Cloud API (queued, sent, delivered, read or
-- failed, with retries). The text is kept as it was sent.
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
	constraint customer_messages_pkey primary key (id),
	constraint customer_messages_org_id_fkey foreign key (org_id) references public.organizations(id) on delete cascade,
	constraint customer_messages_installation_id_fkey foreign key (installation_id) references public.installations(id) on delete cascade,
	constraint customer_messages_sent_by_fkey foreign key (sent_by) references public.users(id) on delete set null,
	constraint customer_messages_channel_check check (channel = any (array['click_to_chat'::text, 'cloud_api'::text])),
	constraint customer_messages_status_check check (status = any (array['abierto'::text, 'en_cola'::text, 'enviado'::text, 'entregado'::text, 'leido'::text, 'fallido'::text])),
	constraint customer_messages_attempts_check check (attempts >= 0)
);
comment on table public.customer_messages is 'Messages to customers prepared or sent from the board (click-to-chat or WhatsApp Cloud API) with their delivery status.';
create index customer_messages_installation_idx on public.customer_messages using btree (org_id, installation_id, created_at);
create index customer_messages_pending_idx on public.customer_messages using btree (next_attempt_at) where status = 'en_cola';
create unique index customer_messages_provider_id_key on public.customer_messages using btree (provider_message_id) where provider_message_id is not null;
alter table public.customer_messages enable row level security;

-- The card's history shows calls and messages.
alter table public.card_history drop constraint card_history_kind_check;
alter table public.card_history add constraint card_history_kind_check check (kind = any (array['field'::text, 'stage'::text, 'file'::text, 'signature'::text, 'checklist'::text, 'document'::text, 'service'::text, 'call'::text, 'message'::text]));
