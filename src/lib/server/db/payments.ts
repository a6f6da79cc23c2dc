/** Payments taken for an installation (payments) and the card's running total (installations.paid_cents). */
import { sql } from 'drizzle-orm';
import { firstOf, rowsOf, run, type Executor } from './card-tx';
import type { PaymentMethod, PaymentRow } from '$lib/types/payments';

const COLUMNS = sql`p.id, p.seq, p.amount_cents as "amountCents", p.method, p.reference,
	u.name as "receivedBy", to_char(p.received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "receivedAt",
	to_char(p.voided_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "voidedAt", v.name as "voidedBy", p.void_reason as "voidReason"`;

export function list(db: Executor, orgId: string, installationId: string): Promise<PaymentRow[]> {
	return rowsOf<PaymentRow>(
		db,
		sql`select ${COLUMNS} from payments p join users u on u.id = p.received_by left join users v on v.id = p.voided_by
			where p.org_id = ${orgId} and p.installation_id = ${installationId} order by p.seq`
	);
}

export function byId(db: Executor, orgId: string, installationId: string, id: string): Promise<PaymentRow | null> {
	return firstOf<PaymentRow>(
		db,
		sql`select ${COLUMNS} from payments p join users u on u.id = p.received_by left join users v on v.id = p.voided_by
			where p.org_id = ${orgId} and p.installation_id = ${installationId} and p.id = ${id}`
	);
}

export interface PaymentInsert {
	orgId: string;
	installationId: string;
	amountCents: number;
	method: PaymentMethod;
	reference: string | null;
	receivedBy: string;
}

/** Inserts the card's next payment; call it with the card locked (the seq is the card's max + 1). */
export async function insert(db: Executor, p: PaymentInsert): Promise<{ id: string; seq: number }> {
	const row = await firstOf<{ id: string; seq: number }>(
		db,
		sql`insert into payments (org_id, installation_id, seq, amount_cents, method, reference, received_by)
			select ${p.orgId}, ${p.installationId}, coalesce(max(seq), 0) + 1, ${p.amountCents}, ${p.method}, ${p.reference}, ${p.receivedBy}
			from payments where installation_id = ${p.installationId}
			returning id, seq`
	);
	return row!;
}

/** Voids a standing payment; null when it is not on the card or already voided. */
export function voidPayment(
	db: Executor,
	v: { orgId: string; installationId: string; id: string; userId: string; reason: string }
): Promise<{ seq: number; amountCents: number } | null> {
	return firstOf(
		db,
		sql`update payments set voided_at = now(), voided_by = ${v.userId}, void_reason = ${v.reason}
			where org_id = ${v.orgId} and installation_id = ${v.installationId} and id = ${v.id} and voided_at is null
			returning seq, amount_cents as "amountCents"`
	);
}

/** Rewrites the card's paid total from its standing payments (changes the card's version when it changes). */
export async function refreshPaid(db: Executor, installationId: string): Promise<void> {
	await run(
		db,
		sql`update installations i set paid_cents = coalesce(
				(select sum(amount_cents) from payments p where p.installation_id = i.id and p.voided_at is null), 0)
			where i.id = ${installationId}
			  and i.paid_cents is distinct from coalesce(
				(select sum(amount_cents) from payments p where p.installation_id = i.id and p.voided_at is null), 0)`
	);
}

export interface PaymentCard {
	id: string;
	folio: number;
	fullName: string;
	technicianId: string | null;
	paidCents: number;
}

/** The card a payment belongs to, locked for the rest of the transaction when `lock`. */
export function card(db: Executor, orgId: string, id: string, lock: boolean): Promise<PaymentCard | null> {
	return firstOf<PaymentCard>(
		db,
		lock
			? sql`select id, folio::int as folio, full_name as "fullName", technician_id as "technicianId", paid_cents as "paidCents"
				from installations where org_id = ${orgId} and id = ${id} for update`
			: sql`select id, folio::int as folio, full_name as "fullName", technician_id as "technicianId", paid_cents as "paidCents"
				from installations where org_id = ${orgId} and id = ${id}`
	);
}
