import type { CardEvent } from '$lib/types/board';

/** One board_events notification, as the installations trigger sends it. */
export interface Notification {
	seq: number;
	org: string;
	card: string | null;
	kind: string;
	version: number | null;
	/** Sent by the notify trigger; the patch only when small. */
	actor?: string | null;
	patch?: Record<string, unknown> | null;
}

/** A notification turned into what each audience may see. */
export interface Projected {
	event: CardEvent;
	technicianId: string | null;
	technicianChanged: boolean;
}
