/**
 * The WhatsApp Business Cloud API's rules, pure: THE registry of a sent message's statuses (their
 * order, so a late webhook never moves one backwards), what Meta's webhook statuses become, and its
 * documented error codes in Spanish with whether trying again may help. Built from Meta's
 * documentation, not verified against the live service.
 */
import { parseMxPhone } from './phones';

/** customer_messages.status, in the order a message lives them (the migration's CHECK lists the same). */
export const MESSAGE_STATUS_KEYS = ['abierto', 'en_cola', 'enviado', 'entregado', 'leido', 'fallido'] as const;
export type MessageStatus = (typeof MESSAGE_STATUS_KEYS)[number];

export const MESSAGE_STATUSES: Record<MessageStatus, { es: string; en: string; rank: number }> = {
	abierto: { es: 'Abierto en WhatsApp', en: 'Opened in WhatsApp', rank: 0 },
	en_cola: { es: 'En cola', en: 'Queued', rank: 1 },
	enviado: { es: 'Enviado', en: 'Sent', rank: 2 },
	entregado: { es: 'Entregado', en: 'Delivered', rank: 3 },
	leido: { es: 'Leído', en: 'Read', rank: 4 },
	fallido: { es: 'Falló', en: 'Failed', rank: 2 }
};

/** Meta's webhook status → ours. Anything else (deleted, warning…) is ignored. */
export const WEBHOOK_STATUS: Record<string, MessageStatus> = {
	sent: 'enviado',
	delivered: 'entregado',
	read: 'leido',
	failed: 'fallido'
};

/**
 * Whether a webhook's status may replace the stored one: never backwards (read > delivered > sent),
 * and «failed» only before delivery (Meta does not fail a message it delivered).
 */
export function statusAdvances(current: MessageStatus, next: MessageStatus): boolean {
	if (current === next) return false;
	if (next === 'fallido') return MESSAGE_STATUSES[current].rank < MESSAGE_STATUSES.entregado.rank && current !== 'abierto';
	if (current === 'fallido') return true;
	return MESSAGE_STATUSES[next].rank > MESSAGE_STATUSES[current].rank;
}

/** The statuses a `next` may be written over (for the SQL guard). */
export function statusesBelow(next: MessageStatus): MessageStatus[] {
	return MESSAGE_STATUS_KEYS.filter((s) => statusAdvances(s, next));
}

export interface CloudFailure {
	message: string;
	retry: boolean;
}

/** Meta's error codes the board explains; the rest read «WhatsApp rechazó el mensaje (código N).». */
const CODES: Record<number, CloudFailure> = {
	190: {
		message: 'El token de acceso de WhatsApp venció o no es válido. Genera uno nuevo en Meta y guárdalo en Ajustes → Integraciones.',
		retry: false
	},
	131047: {
		message:
			'Pasaron más de 24 horas desde el último mensaje del cliente: WhatsApp solo permite enviarle una plantilla aprobada. Usa «Abrir WhatsApp».',
		retry: false
	},
	131026: {
		message: 'WhatsApp no pudo entregar el mensaje a ese número (quizá no usa WhatsApp o no aceptó las condiciones).',
		retry: false
	},
	100: {
		message: 'WhatsApp no aceptó un dato del envío (parámetro incorrecto). Revisa el número de teléfono y el identificador del número.',
		retry: false
	},
	4: { message: 'WhatsApp pidió esperar: se enviaron demasiadas solicitudes.', retry: true },
	80007: { message: 'WhatsApp pidió esperar: se alcanzó el límite de envíos de la cuenta.', retry: true },
	130429: { message: 'WhatsApp pidió esperar: se alcanzó el límite de mensajes por segundo.', retry: true },
	131048: { message: 'WhatsApp frenó los envíos de este número por reportes de spam. Espera antes de volver a enviar.', retry: false },
	131021: { message: 'El número del cliente es el mismo que envía: no se puede enviar un mensaje a sí mismo.', retry: false },
	131056: { message: 'Demasiados mensajes seguidos al mismo cliente: WhatsApp pidió esperar.', retry: true },
	133010: { message: 'El número de WhatsApp Business aún no está registrado en la Cloud API.', retry: false }
};

/** A Cloud API error (HTTP answer or webhook) in Spanish, and whether another try may succeed. */
export function describeCloudError(code: number | null | undefined, httpStatus: number | null): CloudFailure {
	const known = code === null || code === undefined ? undefined : CODES[code];
	if (known) return known;
	if (httpStatus !== null && (httpStatus >= 500 || httpStatus === 429)) {
		return { message: `WhatsApp tuvo una falla temporal (HTTP ${httpStatus}).`, retry: true };
	}
	// Meta's own text is English: the code is what the admin looks up.
	return { message: `WhatsApp rechazó el mensaje${code ? ` (código ${code})` : httpStatus ? ` (HTTP ${httpStatus})` : ''}.`, retry: false };
}

/** The `to` the API wants: 52 and the 10 national digits, or null when the card's phone isn't a Mexican number. */
export function cloudRecipient(phone: string | null | undefined): string | null {
	const parsed = parseMxPhone(phone);
	return parsed.ok ? `52${parsed.value}` : null;
}

/** The Cloud API's limit for a text message body. */
export const CLOUD_TEXT_MAX = 4096;
