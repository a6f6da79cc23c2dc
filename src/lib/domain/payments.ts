import type { PaymentState } from '$lib/types/payments';

/** paid / partial / pending for the card and its board badge; nothing to collect counts as paid only once something was paid. */
export function paymentState(paidCents: number, dueCents: number): PaymentState {
	if (paidCents <= 0) return 'pendiente';
	return paidCents >= dueCents ? 'pagado' : 'parcial';
}

/** Stages where the money at the door is due or was taken: the board card shows its payment badge there. */
const COLLECT_STAGES: readonly string[] = ['asignada', 'firmada', 'activa'];

/**
 * The board card's payment badge from what the card carries: its stored first charge (billing
 * snapshot) and its paid total. Null before there is anything to collect, and outside the stages
 * of the visit unless something was paid.
 */
export function paymentBadge(row: { stage: string; billing: unknown; paidCents: number }): PaymentState | null {
	const due = (row.billing as { charge?: { totalCents?: unknown } } | null)?.charge?.totalCents;
	if (typeof due !== 'number') return row.paidCents > 0 ? 'parcial' : null;
	if (row.paidCents <= 0 && !COLLECT_STAGES.includes(row.stage)) return null;
	return paymentState(row.paidCents, due);
}
