import { z } from 'zod';
import { CANCEL_REASON_LABELS, type CancelReason } from '$lib/domain/stages';

const REASONS = Object.keys(CANCEL_REASON_LABELS) as [CancelReason, ...CancelReason[]];

/** Cancelling a card: the reason, an optional note, and the version the person was looking at. */
export const cancelSchema = z.object({
	reason: z.enum(REASONS, { error: 'Elige un motivo de cancelación.' }),
	note: z.string().trim().max(500, 'La nota es demasiado larga (máximo 500 caracteres).').nullish(),
	expectedVersion: z
		.number({ error: 'Versión de la tarjeta no válida.' })
		.int('Versión de la tarjeta no válida.')
		.positive('Versión de la tarjeta no válida.')
		.optional()
});
export type CancelInput = z.infer<typeof cancelSchema>;
