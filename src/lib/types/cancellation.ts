// Shared by the cancel/reopen services and the dialogs that show them.
import type { RefundChecklist } from '$lib/domain/cancel-reasons';
import type { Stage } from '$lib/domain/stages';

/** A cancelled card's cancellation, as the panel and the reopen dialog show it. */
export interface CancellationView {
	reason: string | null;
	reasonLabel: string | null;
	note: string | null;
	cancelledBy: string | null;
	cancelledAt: string | null;
	refundChecklist: RefundChecklist | null;
	/** The refund items still missing (their Spanish labels); empty when the deposit can be returned. */
	refundPending: string[];
	contractType: string | null;
	/** The stage reopening goes back to (the one it left). */
	reopenTo: Stage;
	/** The IP it gave back when cancelled, and whether no card holds it now. */
	previousIp: string | null;
	ipFree: boolean | null;
	mayReopen: boolean;
	version: number;
}

export type ReopenResult =
	| { ok: true; version: number; stage: Stage; ip: string | null; message: string }
	| { ok: false; status: number; message: string; reasons: string[]; overridable: boolean };
