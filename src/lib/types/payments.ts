// Money at the door: shared by the payment service, the card's payment section and the technician's job.
import type { ChargeItem } from '$lib/domain/proration';

export const PAYMENT_METHODS = ['efectivo', 'transferencia', 'tarjeta'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** One payment as the card, the technician and the receipt show it (names, not ids). */
export interface PaymentRow {
	id: string;
	seq: number;
	amountCents: number;
	method: PaymentMethod;
	reference: string | null;
	receivedBy: string;
	receivedAt: string;
	voidedAt: string | null;
	voidedBy: string | null;
	voidReason: string | null;
}

/** paid: standing payments cover the amount to collect; parcial: some; pendiente: none. */
export type PaymentState = 'pagado' | 'parcial' | 'pendiente';

export interface PaymentsView {
	/** The first charge's items (installation, deposit, prorated first month, promotions); empty when it can't be computed yet. */
	items: ChargeItem[];
	totalCents: number;
	/** What is still missing to compute the amount, in Spanish (zone, date, plan). */
	missing: string[];
	paidCents: number;
	pendingCents: number;
	state: PaymentState;
	payments: PaymentRow[];
	/** Coordinators and admins may void a payment. */
	canVoid: boolean;
}
