/** Messages to the customer, as the card's «Mensajes» block and the «Para mañana» page read them. */
export type MessageChannel = 'click_to_chat' | 'cloud_api';
export type MessageStatus = 'abierto' | 'en_cola' | 'enviado' | 'entregado' | 'leido' | 'fallido';

export interface SentMessage {
	id: string;
	installationId: string;
	templateKey: string;
	channel: MessageChannel;
	phone: string;
	body: string;
	status: MessageStatus;
	/** Who sent it (null once that person is deleted). */
	sentBy: string | null;
	createdAt: string;
}

/** One template offered on a card, filled with the card's values. */
export interface MessagePreview {
	key: string;
	name: string;
	text: string;
	/** What the card lacks for this text, in Spanish («la fecha de instalación»); empty when it can be sent. */
	missing: string[];
	/** The missing variables by name («fecha_instalacion»), for the Cloud API helper and tests. */
	missingKeys: string[];
}

export interface CardMessagesView {
	/** The phone WhatsApp opens (52 + 10 digits), null when the card has no valid Mexican phone. */
	phone: string | null;
	templates: MessagePreview[];
	sent: SentMessage[];
}

/** One card of the «Para mañana» list with its reminder. */
export interface ReminderRow {
	installationId: string;
	folio: number;
	fullName: string;
	stage: string;
	installationTime: string | null;
	technicianName: string | null;
	phone: string | null;
	preview: MessagePreview;
	/** The reminder already sent for this date: who and when; null while pending. */
	sent: { by: string | null; at: string } | null;
}

export interface RemindersView {
	date: string;
	rows: ReminderRow[];
}
