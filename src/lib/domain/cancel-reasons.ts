/**
 * Cancelling a card (DOMAIN.md, "Losses, duplicates and follow-up" and "Money at the call"): the
 * provider's editable list of reasons (organizations.settings.cancelReasons) and the deposit-refund
 * checklist asked of a customer who had signed. Pure: the schemas, the guard, the service and the
 * dialog all read these.
 */
import { CANCEL_REASON_LABELS, type ContractType } from './stage-card';
import type { Stage } from './stage-registry';

export interface CancelReasonItem {
	/** Stored on the card; fixed once created, so renaming the label keeps old cancellations. */
	key: string;
	label: string;
}

/** The reason that asks for the person's own words. */
export const OTHER_REASON = 'otro';
export const CANCEL_REASON_KEY = /^[a-z0-9_]{1,40}$/;
export const MAX_CANCEL_REASONS = 20;
export const MIN_REOPEN_REASON_LENGTH = 5;

export const DEFAULT_CANCEL_REASONS: readonly CancelReasonItem[] = Object.entries(CANCEL_REASON_LABELS).map(([key, label]) => ({
	key,
	label
}));

export const needsText = (key: string | null | undefined): boolean => key === OTHER_REASON;

/** A key for a new reason, from its label: lower-case, no accents, words joined by "_", unique in `taken`. */
export function reasonKeyFor(label: string, taken: Iterable<string>): string {
	const used = new Set(taken);
	const base =
		label
			.normalize('NFD')
			.replace(/\p{Diacritic}/gu, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '_')
			.replace(/^_+|_+$/g, '')
			.slice(0, 34) || 'motivo';
	let key = base;
	for (let n = 2; used.has(key); n++) key = `${base}_${n}`;
	return key;
}

/** The words for a stored reason: the provider's list, then the built-in names, then the key itself. */
export function reasonLabel(list: readonly CancelReasonItem[] | null | undefined, key: string): string {
	return list?.find((r) => r.key === key)?.label ?? (CANCEL_REASON_LABELS as Record<string, string>)[key] ?? key.replace(/_/g, ' ');
}

/** "a, b u otro": the list in a Spanish sentence ("u" before a word that sounds like o). */
export function joinOr(words: readonly string[]): string {
	if (words.length <= 1) return words[0] ?? '';
	const last = words[words.length - 1];
	return `${words.slice(0, -1).join(', ')} ${/^h?o/i.test(last) ? 'u' : 'o'} ${last}`;
}

// ── deposit refund (DOMAIN.md, "Money at the call") ──

export const REFUND_ITEMS = [
	{ key: 'lastInvoicePaid', label: 'Última factura pagada', underContractOnly: false },
	{ key: 'penaltyPaid', label: 'Penalización pagada (contrato a 12 meses)', underContractOnly: true },
	{ key: 'equipmentReturned', label: 'Módem y eliminador (adaptador de corriente) devueltos', underContractOnly: false },
	{ key: 'depositServiceAttached', label: 'Servicio de depósito adjuntado en el sistema', underContractOnly: false }
] as const;
export type RefundItemKey = (typeof REFUND_ITEMS)[number]['key'];
/** What was done when the card was cancelled; `penaltyPaid` is null when there is no contract term. */
export type RefundChecklist = Record<RefundItemKey, boolean | null>;

/** A signed or active customer may have paid a deposit: the cancellation records the refund checklist. */
export const needsRefundChecklist = (stage: Stage | string): boolean => stage === 'firmada' || stage === 'activa';

/** A 12-month contract is under a term, so its early cancellation carries a penalty. */
export const underContract = (contractType: ContractType | string | null | undefined): boolean => contractType === '12_meses';

export const refundItemsFor = (contractType: ContractType | string | null | undefined) =>
	REFUND_ITEMS.filter((i) => !i.underContractOnly || underContract(contractType));

/** The checklist as stored: the items that apply, unticked ones false, the penalty null without a term. */
export function normaliseRefund(
	checklist: Partial<Record<RefundItemKey, boolean | null>> | null | undefined,
	contractType: ContractType | string | null | undefined
): RefundChecklist {
	const contract = underContract(contractType);
	return {
		lastInvoicePaid: checklist?.lastInvoicePaid === true,
		penaltyPaid: contract ? checklist?.penaltyPaid === true : null,
		equipmentReturned: checklist?.equipmentReturned === true,
		depositServiceAttached: checklist?.depositServiceAttached === true
	};
}

/** The items still missing before the deposit can be given back (their labels), none when refundable. */
export function refundPending(checklist: RefundChecklist, contractType: ContractType | string | null | undefined): string[] {
	return refundItemsFor(contractType)
		.filter((i) => checklist[i.key] !== true)
		.map((i) => i.label);
}
