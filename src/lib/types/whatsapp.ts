import type { MessageStatus } from '$lib/domain/whatsapp-cloud';

/** One message sent (or queued) through the WhatsApp Cloud API, as the card lists it. */
export interface CloudMessageView {
	id: string;
	templateKey: string;
	body: string;
	status: MessageStatus;
	error: string | null;
	attempts: number;
	createdAt: string;
	updatedAt: string;
	sentBy: string | null;
}

/** The card's block: whether the provider can send through the API, and what it sent. */
export interface CloudMessagesView {
	enabled: boolean;
	/** The card's phone as the API wants it (52 + 10 digits), or null when it isn't a Mexican number. */
	recipient: string | null;
	canSend: boolean;
	messages: CloudMessageView[];
}

/** Ajustes → Integraciones → WhatsApp: never a secret, only whether each is set (and the token's last 4). */
export interface CloudSettingsView {
	enabled: boolean;
	phoneNumberId: string;
	tokenLast4: string | null;
	appSecretSet: boolean;
	verifyTokenSet: boolean;
	appSecretConfigured: boolean;
	webhookPath: string;
}
