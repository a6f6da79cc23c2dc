-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

create table public.payments (
	id uuid default gen_random_uuid() not null,
	org_id uuid not null,
	installation_id uuid not null,
	seq integer not null,
	amount_cents integer not null,
	method text not null,
	reference text,
	received_by uuid not null,
	received_at timestamp with time zone default now() not null,
	voided_at timestamp with time zone,
	voided_by uuid,
	void_reason text,
	constraint payments_pkey PRIMARY KEY (id),
	constraint payments_installation_seq_key UNIQUE (installation_id, seq),
	constraint payments_installation_id_fkey FOREIGN KEY (installation_id) REFERENCES public.installations(id) ON DELETE CASCADE,
	constraint payments_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id) ON DELETE CASCADE,
	constraint payments_received_by_fkey FOREIGN KEY (received_by) REFERENCES public.users(id),
	constraint payments_voided_by_fkey FOREIGN KEY (voided_by) REFERENCES public.users(id),
	constraint payments_amount_cents_check CHECK ((amount_cents > 0)),
	constraint payments_method_check CHECK ((method = ANY (ARRAY['efectivo'::text, 'transferencia'::text, 'tarjeta'::text]))),
	constraint payments_reference_check CHECK (((method = 'efectivo'::text) OR (length(btrim(COALESCE(reference, ''::text))) > 0))),
	constraint payments_void_check CHECK ((((voided_at IS NULL) = (void_reason IS NULL)) AND ((voided_at IS NULL) = (voided_by IS NULL))))
);
comment on table public.payments is 'Payments taken for an installation (money at the door), with their receipts; voided ones are kept.';

CREATE INDEX payments_installation_idx ON public.payments USING btree (org_id, installation_id);
alter table public.payments enable row level security;
