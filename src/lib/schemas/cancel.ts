import { z } from 'zod';
import { CANCEL_REASON_KEY, MIN_REOPEN_REASON_LENGTH } from '$lib/domain/cancel-reasons';

const version = z
	.number({ error: 'Versión de la tarjeta no válida.' })
	.int('Versión de la tarjeta no válida.')
	.positive('Versión de la tarjeta no válida.')
	.optional();

/** A reason's key: whether it is one of the provider's list is the service's check (the list lives in settings). */
export const cancelReasonKeySchema = z
	.string({ error: 'Elige un motivo de cancelación.' })
	.regex(CANCEL_REASON_KEY, 'Elige un motivo de cancelación.');

export const cancelNoteSchema = z.string().trim().max(500, 'La nota es demasiado larga (máximo 500 caracteres).');

const tick = z.boolean({ error: 'Marca o desmarca cada punto de la lista de devolución del depósito.' });

/** The deposit-refund checklist of a signed or active customer (domain/cancel-reasons.ts, REFUND_ITEMS). */
export const refundChecklistSchema = z.object(
	{
		lastInvoicePaid: tick,
		penaltyPaid: tick.nullish(),
		equipmentReturned: tick,
		depositServiceAttached: tick
	},
	{ error: 'La lista de devolución del depósito no es válida: recarga la página.' }
);

/** Cancelling a card: the reason, an optional note, the refund checklist and the version the person was looking at. */
export const cancelSchema = z.object({
	reason: cancelReasonKeySchema,
	note: cancelNoteSchema.nullish(),
	refundChecklist: refundChecklistSchema.nullish(),
	expectedVersion: version
});
export type CancelInput = z.infer<typeof cancelSchema>;

/** Reopening a cancelled card: why, and (coordinator or admin) why it may skip its stage's requirements. */
export const reopenSchema = z.object({
	reason: z
		.string({ error: `Escribe por qué se reabre la tarjeta (al menos ${MIN_REOPEN_REASON_LENGTH} letras).` })
		.trim()
		.min(MIN_REOPEN_REASON_LENGTH, `Escribe por qué se reabre la tarjeta (al menos ${MIN_REOPEN_REASON_LENGTH} letras).`)
		.max(500, 'El motivo es demasiado largo (máximo 500 caracteres).'),
	overrideReason: z.string().trim().max(500, 'El motivo es demasiado largo (máximo 500 caracteres).').nullish(),
	expectedVersion: version
});
export type ReopenInput = z.infer<typeof reopenSchema>;
