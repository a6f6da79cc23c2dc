-- Money at the door (issue 18, item 7): what the customer paid at installation, recorded by the
-- technician or the office. Several partial payments per card; a wrong one is voided with a reason
-- (kept, never deleted). installations.paid_cents is the sum of the card's payments that stand,
-- written in the same transaction, so a payment changes the card's version and every board sees
-- its paid / pending badge.
create table public.payments (
	id uuid default gen_random_uuid() not null,
	org_id uuid not null,
	installation_id uuid not null,
	-- The receipt's number within its card: the receipt folio is «<card folio>-<seq>».
	seq integer not null,
	amount_cents integer not null,
	method text not null,
	reference text,
	received_by uuid not null,
	received_at timestamp with time zone default now() not null,
	voided_at timestamp with time zone,
	voided_by uuid,
	void_reason text,
	constraint payments_pkey primary key (id),
	constraint payments_org_id_fkey foreign key (org_id) references public.organizations(id) on delete cascade,
	constraint payments_installation_id_fkey foreign key (installation_id) references public.installations(id) on delete cascade,
	constraint payments_received_by_fkey foreign key (received_by) references public.users(id),
	constraint payments_voided_by_fkey foreign key (voided_by) references public.users(id),
	constraint payments_installation_seq_key unique (installation_id, seq),
	constraint payments_amount_cents_check check (amount_cents > 0),
	constraint payments_method_check check (method = any (array['efectivo'::text, 'transferencia'::text, 'tarjeta'::text])),
	constraint payments_reference_check check (method = 'efectivo' or length(btrim(coalesce(reference, ''))) > 0),
	constraint payments_void_check check ((voided_at is null) = (void_reason is null) and (voided_at is null) = (voided_by is null))
);
comment on table public.payments is 'Payments taken for an installation (money at the door), with their receipts; voided ones are kept.';
create index payments_installation_idx on public.payments using btree (org_id, installation_id);
alter table public.payments enable row level security;

alter table public.installations add column paid_cents integer default 0 not null;
alter table public.installations add constraint installations_paid_cents_check check (paid_cents >= 0);
