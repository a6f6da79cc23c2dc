import type { CivilDate } from '$lib/domain/dates';
import type { QueueReason } from '$lib/domain/call-queue';
import type { Stage } from '$lib/domain/stages';
import type { Coded } from '$lib/domain/coded';

/** One lead of «Mis llamadas», as the page shows it. */
export interface CallQueueRow {
	id: string;
	reason: QueueReason;
	stage: Stage;
	fullName: string;
	/** As written for people ("998 123 4567") and as a `tel:+52…` link; null when the phone is not valid. */
	phone: string | null;
	tel: string | null;
	/** What the next stage still needs (the card's badge reasons), as message codes. */
	missing: Coded[];
	callAttempts: number;
	lastCallOutcome: string | null;
	lastCallAt: string | null;
	nextContactAt: string | null;
	/** Someone else (or this agent) is calling this lead right now. */
	claim: { userId: string; name: string; expiresAt: string; mine: boolean } | null;
	/** The card page on the tab to work from (?seccion=). */
	href: string;
}

export interface CallQueueView {
	day: CivilDate;
	today: CivilDate;
	timeZone: string;
	rows: CallQueueRow[];
}
