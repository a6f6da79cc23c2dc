import { z } from 'zod';
import {
	MESSAGE_TEMPLATE_KEYS,
	MESSAGE_TEMPLATES,
	MESSAGE_VARIABLE_KEYS,
	unknownVariables,
	type MessageTemplateKey
} from '$lib/domain/message-templates';

const KNOWN = MESSAGE_VARIABLE_KEYS.map((v) => `{${v}}`).join(', ');

/** One message text: not empty, WhatsApp-sized, and only the variables the registry knows. */
export const messageTextSchema = z
	.string({ error: 'Escribe el texto del mensaje.' })
	.trim()
	.min(1, 'Escribe el texto del mensaje.')
	.max(1000, 'El mensaje es demasiado largo (máximo 1000 caracteres).')
	.superRefine((text, ctx) => {
		const unknown = unknownVariables(text);
		if (!unknown.length) return;
		// Two whole sentences, not one with a swapped verb, so each has its translation (i18n/validation.ts).
		const vars = unknown.map((v) => `{${v}}`).join(', ');
		ctx.addIssue({
			code: 'custom',
			message: unknown.length > 1 ? `${vars} no son variables. Usa solo: ${KNOWN}.` : `${vars} no es una variable. Usa solo: ${KNOWN}.`
		});
	});

const byKey = <T extends z.ZodType>(item: T) =>
	z.object(Object.fromEntries(MESSAGE_TEMPLATE_KEYS.map((k) => [k, item])) as Record<MessageTemplateKey, T>);

/** organizations.settings.messageTemplates: only the texts the provider rewrote. */
export const messageTextsSettingsSchema = byKey(messageTextSchema.optional()).default({});

/** The Ajustes → Mensajes form: every text, and `reset` naming one to put back to its default. */
export const messageTextsFormSchema = byKey(messageTextSchema).extend({
	reset: z
		.enum(MESSAGE_TEMPLATE_KEYS, { error: 'Ese mensaje no existe: recarga la página.' })
		.optional()
		.or(z.literal('').transform(() => undefined))
});

/** Sending one message from a card: the template by its key. */
export const sendMessageSchema = z.object({
	templateKey: z.enum(MESSAGE_TEMPLATE_KEYS, { error: 'Ese mensaje no existe: elige uno de la lista.' })
});

/** Only the texts that differ from their default are stored. */
export function changedTexts(texts: Record<MessageTemplateKey, string>): Partial<Record<MessageTemplateKey, string>> {
	return Object.fromEntries(MESSAGE_TEMPLATES.filter((t) => texts[t.key] !== t.text).map((t) => [t.key, texts[t.key]]));
}
