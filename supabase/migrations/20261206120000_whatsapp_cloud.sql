-- Issue 20, item 5: the optional WhatsApp Business Cloud API. A provider that stores its access
-- token and phone-number id sends messages from the card through an outbox (customer_messages rows
-- with channel 'cloud_api', status 'en_cola', sent by a worker); Meta's webhook reports sent,
-- delivered, read and failed.

-- One connection per provider. The access token and the app secret are sealed with APP_SECRET
-- (src/lib/server/secret-box.ts); the webhook's verify token is kept only as its SHA-256 hash (it is
-- compared, never shown). The phone-number id is not a secret and finds the provider of a webhook.
create table whatsapp_connections (
	org_id uuid primary key references organizations (id) on delete cascade,
	enabled boolean not null default false,
	phone_number_id text check (phone_number_id is null or phone_number_id ~ '^[0-9]{5,30}$'),
	access_token_sealed text,
	access_token_last4 text,
	app_secret_sealed text,
	verify_token_hash text,
	updated_at timestamptz not null default now(),
	updated_by uuid references users (id) on delete set null
);
create unique index whatsapp_connections_phone_key on whatsapp_connections (phone_number_id) where phone_number_id is not null;
alter table whatsapp_connections enable row level security;

-- The worker's claim (another instance skips a row while locked_until is ahead) and the attempt in
-- flight: sending_since is set before the request leaves and cleared when its answer is recorded,
-- so a row found with it set after a crash is one whose send may have reached Meta — it is never
-- sent again automatically (see services/whatsapp-outbox.ts).
alter table customer_messages add column locked_until timestamp with time zone;
alter table customer_messages add column sending_since timestamp with time zone;
