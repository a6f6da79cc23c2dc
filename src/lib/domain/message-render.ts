/**
 * Fills a message text with a card's values (message-templates.ts lists the variables) and says
 * which ones the card lacks, so nothing half-filled reaches a customer. Pure: the service gathers
 * the values, the panel and the «Para mañana» page show the result.
 */
import { parseMxPhone, waLink } from './phones';
import { isMessageVariable, variablesIn, type MessageVariable } from './message-templates';

export type MessageValues = Partial<Record<MessageVariable, string | null>>;

export interface RenderedMessage {
	/** The text with every known value in place; a lacking variable stays as `{name}`. */
	text: string;
	/** The variables the text uses that the card has no value for, in order. */
	missing: MessageVariable[];
	/** Names between braces that are not variables (only a text saved before a rename could have one). */
	unknown: string[];
}

export function renderTemplate(text: string, values: MessageValues): RenderedMessage {
	const missing: MessageVariable[] = [];
	const unknown: string[] = [];
	for (const name of variablesIn(text)) {
		if (!isMessageVariable(name)) unknown.push(name);
		else if (!values[name]?.trim()) missing.push(name);
	}
	const filled = text.replace(/\{([^{}\s]*)\}/g, (whole, name: string) =>
		isMessageVariable(name) && values[name]?.trim() ? values[name]!.trim() : whole
	);
	return { text: filled, missing, unknown };
}

/** WhatsApp's international form of a Mexican number: 52 and the 10 national digits, no «+». */
export function whatsappPhone(phone: string | null | undefined): string | null {
	const parsed = parseMxPhone(phone);
	return parsed.ok ? `52${parsed.value}` : null;
}

/** Click-to-chat: opens WhatsApp (app on a phone, WhatsApp Web on a desktop) with the text ready. */
export function clickToChatUrl(phone: string | null | undefined, text: string): string | null {
	return waLink(phone, text);
}

/** What process 3 step 6.1 asks the customer to send, as the card knows it. */
export interface DocumentsState {
	fileCategories: readonly string[];
	email: string | null;
	phoneAlt: string | null;
	howHeard: string | null;
	lat: number | string | null;
	lng: number | string | null;
	houseOwnership: string | null;
}

const blank = (v: unknown) => v == null || String(v).trim() === '';

/** Process 3 step 6.1, in its order: only what the card still lacks, one line each. */
export function missingDocuments(card: DocumentsState, provider: string): string[] {
	const has = (c: string) => card.fileCategories.includes(c);
	const items: [boolean, string][] = [
		[!has('ine_frontal') || !has('ine_atras'), 'Foto de su identificación oficial (INE) por ambos lados'],
		[!has('comprobante_domicilio'), 'Comprobante de domicilio'],
		[blank(card.email), 'Correo electrónico'],
		[blank(card.phoneAlt), 'Número de contacto adicional (de preferencia de un familiar)'],
		[blank(card.howHeard), `¿Cómo se enteró de ${provider}?`],
		[blank(card.lat) || blank(card.lng), 'Ubicación en tiempo real'],
		[blank(card.houseOwnership), '¿La casa es propia o rentada?']
	];
	return items.filter(([missing]) => missing).map(([, label]) => label);
}

/** The list as the message shows it: one bullet per line. */
export const documentsList = (items: string[]): string | null => (items.length ? items.map((i) => `• ${i}`).join('\n') : null);
