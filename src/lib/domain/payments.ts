import type { PaymentState } from '$lib/types/payments';

/** paid / partial / pending for the card and its board badge; nothing to collect counts as paid only once something was paid. */
export function paymentState(paidCents: number, dueCents: number): PaymentState {
	if (paidCents <= 0) return 'pendiente';
	return paidCents >= dueCents ? 'pagado' : 'parcial';
}
