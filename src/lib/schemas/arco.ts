import { z } from 'zod';

/** Erasing a customer's personal data: what the admin typed to confirm, and why (the customer's request). */
export const eraseSchema = z.object(
	{
		confirm: z.string({ error: 'Escribe la confirmación que pide el cuadro.' }).max(40, 'Escribe la confirmación que pide el cuadro.'),
		reason: z
			.string({ error: 'Escribe el motivo (por ejemplo, la solicitud ARCO del cliente).' })
			.trim()
			.min(5, 'Escribe el motivo (por ejemplo, la solicitud ARCO del cliente), al menos 5 caracteres.')
			.max(500, 'El motivo es demasiado largo (máximo 500 caracteres).')
	},
	{ error: 'La solicitud no es válida: recarga la página.' }
);
export type EraseInput = z.infer<typeof eraseSchema>;

const days = z
	.string({ error: 'Escribe el número de días.' })
	.trim()
	.regex(/^\d{1,4}$/, 'Escribe un número entero de días, entre 1 y 3650.')
	.transform(Number)
	.pipe(z.number().int().min(1, 'Escribe al menos 1 día.').max(3650, 'Escribe como máximo 3650 días (10 años).'));

/** Ajustes → Privacidad as the form posts it. */
export const retentionFormSchema = z.object({
	retentionEnabled: z
		.string()
		.optional()
		.transform((v) => v === 'on'),
	retentionDays: days
});

/**
 * The purge as the admin confirms it: the counts the dry run showed. When they no longer match
 * (something was cancelled or purged since), the purge is refused and the page shows the new count.
 */
export const purgeSchema = z.object({
	cards: z
		.string()
		.trim()
		.regex(/^\d{1,9}$/, 'Vuelve a calcular cuántos archivos se borrarían.')
		.transform(Number),
	files: z
		.string()
		.trim()
		.regex(/^\d{1,9}$/, 'Vuelve a calcular cuántos archivos se borrarían.')
		.transform(Number)
});
