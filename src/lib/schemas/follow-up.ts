import { z } from 'zod';
import { CALL_OUTCOME_KEYS, DEFAULT_FOLLOW_UP, type CallOutcome } from '$lib/domain/follow-up';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Escribe la hora como HH:MM (por ejemplo 09:00).');
const minutes = z
	.number({ error: 'Escribe los minutos como número entero.' })
	.int('Escribe los minutos como número entero.')
	.min(5, 'El tiempo mínimo para volver a llamar es de 5 minutos.')
	.max(60 * 24 * 30, 'El tiempo máximo para volver a llamar es de 30 días.')
	.nullable();

/** The office's cadence rules (organizations.settings.followUp); every field has a default. */
export const followUpRulesSchema = z
	.object({
		giveUpAttempts: z
			.number({ error: 'Escribe el número de intentos.' })
			.int('Escribe el número de intentos como entero.')
			.min(1, 'Al menos 1 intento.')
			.max(50, 'Como máximo 50 intentos.'),
		giveUpDays: z
			.number({ error: 'Escribe el número de días.' })
			.int('Escribe los días como entero.')
			.min(0, 'Los días no pueden ser negativos.')
			.max(365, 'Como máximo 365 días.'),
		callbackMinutes: z.object(Object.fromEntries(CALL_OUTCOME_KEYS.map((k) => [k, minutes])) as Record<CallOutcome, typeof minutes>),
		officeHours: z
			.object({
				start: hhmm,
				end: hhmm,
				days: z.array(z.number().int().min(0).max(6)).min(1, 'Elige al menos un día de atención.').max(7)
			})
			.refine((h) => h.start < h.end, { message: 'La hora de cierre debe ser después de la de apertura.', path: ['end'] }),
		documentsWaitingDays: z
			.number({ error: 'Escribe el número de días.' })
			.int('Escribe los días como entero.')
			.min(1, 'Al menos 1 día.')
			.max(90, 'Como máximo 90 días.')
	})
	.default(() => structuredClone(DEFAULT_FOLLOW_UP));
