-- Issue 23, item 1: passwords and invitations.
-- - `must_change_password`: a password an admin typed or reset is temporary; until its owner picks
--   their own, every page but «Mi cuenta» sends them there and sockets are refused.
-- - Two-factor (TOTP) for admins and coordinators: the secret sealed with APP_SECRET
--   (secret-box.ts), `totp_enabled_at` null while enrolment awaits its first code, and the last
--   accepted 30-second step so one code opens one session.
-- - Invitations, password resets and recovery codes keep only the SHA-256 of what the person holds,
--   like signing links.
alter table public.users add column must_change_password boolean default false not null;
alter table public.users add column totp_secret text;
alter table public.users add column totp_enabled_at timestamp with time zone;
alter table public.users add column totp_last_step bigint;

create table public.user_invitations (
	id uuid default gen_random_uuid() not null,
	org_id uuid not null,
	name text not null,
	role text not null,
	email text,
	phone text,
	token_hash text not null,
	expires_at timestamp with time zone not null,
	created_by uuid,
	created_at timestamp with time zone default now() not null,
	accepted_at timestamp with time zone,
	accepted_user_id uuid,
	revoked_at timestamp with time zone,
	constraint user_invitations_pkey primary key (id),
	constraint user_invitations_token_hash_key unique (token_hash),
	constraint user_invitations_org_id_fkey foreign key (org_id) references public.organizations(id) on delete cascade,
	constraint user_invitations_created_by_fkey foreign key (created_by) references public.users(id) on delete set null,
	constraint user_invitations_accepted_user_id_fkey foreign key (accepted_user_id) references public.users(id) on delete set null,
	constraint user_invitations_role_check check (role = any (array['admin'::text, 'coordinator'::text, 'agent'::text, 'technician'::text]))
);
comment on table public.user_invitations is 'Single-use, expiring links an admin sends so a new user sets their own name and password.';
create index user_invitations_org_idx on public.user_invitations using btree (org_id, created_at desc);
alter table public.user_invitations enable row level security;

create table public.password_resets (
	id uuid default gen_random_uuid() not null,
	org_id uuid not null,
	user_id uuid not null,
	token_hash text not null,
	expires_at timestamp with time zone not null,
	used_at timestamp with time zone,
	created_at timestamp with time zone default now() not null,
	constraint password_resets_pkey primary key (id),
	constraint password_resets_token_hash_key unique (token_hash),
	constraint password_resets_org_id_fkey foreign key (org_id) references public.organizations(id) on delete cascade,
	constraint password_resets_user_id_fkey foreign key (user_id) references public.users(id) on delete cascade
);
comment on table public.password_resets is 'Single-use, expiring links «¿Olvidaste tu contraseña?» mails.';
create index password_resets_user_idx on public.password_resets using btree (user_id);
alter table public.password_resets enable row level security;

create table public.recovery_codes (
	id uuid default gen_random_uuid() not null,
	user_id uuid not null,
	code_hash text not null,
	used_at timestamp with time zone,
	created_at timestamp with time zone default now() not null,
	constraint recovery_codes_pkey primary key (id),
	constraint recovery_codes_user_code_key unique (user_id, code_hash),
	constraint recovery_codes_user_id_fkey foreign key (user_id) references public.users(id) on delete cascade
);
comment on table public.recovery_codes is 'One-time codes that stand in for the authenticator app (two-factor), kept as SHA-256.';
alter table public.recovery_codes enable row level security;
