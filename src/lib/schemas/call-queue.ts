import { z } from 'zod';

/** `?dia=` of «Mis llamadas»: hoy (default), mañana or a date AAAA-MM-DD. */
export const queueDaySchema = z
	.union([z.enum(['hoy', 'manana']), z.iso.date('Escribe la fecha como AAAA-MM-DD.'), z.literal('')], {
		error: 'Elige hoy, mañana o una fecha AAAA-MM-DD.'
	})
	.optional()
	.transform((v) => v || 'hoy');

export const callQueueQuerySchema = z.object({ dia: queueDaySchema });

/** «Soltar»: the card whose claim the agent lets go. */
export const releaseClaimSchema = z.object({ installationId: z.uuid('Tarjeta no válida: recarga la página.') });
