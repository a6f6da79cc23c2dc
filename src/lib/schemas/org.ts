import { z } from 'zod';
import { checkboxSchema, timeZoneSchema } from './common';
import { parsePesos } from '$lib/domain/money';

const pesos = (label: string) =>
	z.string({ error: `Escribe ${label}.` }).transform((v, ctx) => {
		const r = parsePesos(v);
		if (!r.ok) {
			ctx.addIssue({ code: 'custom', message: r.error });
			return z.NEVER;
		}
		return r.cents;
	});

/** The provider form in Ajustes (money in pesos as typed; stored in centavos). */
export const orgFormSchema = z.object({
	name: z.string().trim().min(2, 'Escribe el nombre del proveedor (al menos 2 letras).').max(120, 'El nombre es demasiado largo.'),
	timeZone: timeZoneSchema,
	installationCost: pesos('el costo de instalación'),
	deposit: pesos('el depósito en garantía'),
	promotionFreeInstallation: checkboxSchema,
	wifiSuffix: z
		.string()
		.trim()
		.max(20, 'El sufijo es demasiado largo (máximo 20 caracteres).')
		.regex(/^[A-Za-z0-9]*$/, 'Usa solo letras y números en el sufijo.'),
	activeVisibleDays: z.coerce
		.number({ error: 'Escribe un número de días.' })
		.int('Escribe un número entero de días.')
		.min(1, 'Al menos 1 día.')
		.max(365, 'Como máximo 365 días.')
});
