import type { NotificationKind } from '$lib/domain/notification-kinds';

/** What a notice says, frozen when it was created (the text is rendered in the reader's language). */
export interface NotificationData {
	folio: number;
	customer: string;
	/** Installation date and time (assigned, rescheduled). */
	date?: string | null;
	time?: string | null;
	/** The stage it passed the limit of (sla_late). */
	stage?: string;
	/** The signed document's kind (customer_signed). */
	document?: string;
	/** Who did it, when someone did. */
	actor?: string | null;
	/** When the callback was due (callback_due). */
	dueAt?: string;
}

export interface NotificationItem {
	id: string;
	kind: NotificationKind;
	installationId: string;
	data: NotificationData;
	createdAt: string;
	readAt: string | null;
}

export interface NotificationList {
	items: NotificationItem[];
	unread: number;
}
