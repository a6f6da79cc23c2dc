import { z } from 'zod';
import { uuidSchema } from './common';
import { CALL_OUTCOME_KEYS } from '$lib/domain/follow-up';

/** How far ahead a next contact may be set: a year (a typo of the year is refused). */
export const MAX_NEXT_CONTACT_DAYS = 366;
export const MAX_CALL_NOTE = 1000;

/**
 * One call attempt recorded on a card. `nextContactAt`: a moment (ISO, with its offset) to call
 * again, null for none, left out for the outcome's default from the office's cadence rules.
 */
export const recordCallSchema = z.object({
	installationId: uuidSchema,
	outcome: z.enum(CALL_OUTCOME_KEYS, {
		error: 'Elige cómo fue la llamada: contestó, no contestó, buzón, número equivocado, pidió que le llamen después o no interesado.'
	}),
	note: z
		.string({ error: 'Escribe la nota como texto.' })
		.nullish()
		.transform((v) => v?.trim() || null)
		.pipe(z.string().max(MAX_CALL_NOTE, `La nota es demasiado larga (máximo ${MAX_CALL_NOTE} caracteres).`).nullable()),
	nextContactAt: z.iso
		.datetime({ offset: true, error: 'Escribe la próxima llamada como fecha y hora (por ejemplo 2026-12-07T09:00:00-05:00).' })
		.nullish()
		.refine((v) => v == null || Math.abs(Date.parse(v) - Date.now()) <= MAX_NEXT_CONTACT_DAYS * 86_400_000, {
			message: 'La próxima llamada debe ser dentro del próximo año.'
		})
});
export type RecordCallInput = z.input<typeof recordCallSchema>;
