import { z } from 'zod';
import { checkboxSchema, uuidSchema } from './common';
import { parsePesos } from '$lib/domain/money';
import { PLAN_KINDS } from '$lib/domain/addon-kinds';

/** "1,234.50" typed in pesos → centavos, with parsePesos's Spanish message. */
export const pesosSchema = z.string({ error: 'Escribe el precio en pesos.' }).transform((text, ctx) => {
	const r = parsePesos(text);
	if (!r.ok) {
		ctx.addIssue({ code: 'custom', message: r.error });
		return z.NEVER;
	}
	return r.cents;
});

const optionalInt = z.preprocess(
	(v) => (v === '' || v == null ? null : v),
	z.coerce
		.number({ error: 'Escribe la velocidad en Mbps, solo con números.' })
		.int('Escribe la velocidad en Mbps, sin decimales.')
		.positive('La velocidad debe ser mayor que 0.')
		.nullable()
);
const text = (max: number) =>
	z
		.string()
		.trim()
		.max(max)
		.optional()
		.transform((v) => v || null);

export const planSchema = z.object({
	id: uuidSchema.optional().or(z.literal('').transform(() => undefined)),
	kind: z.enum(PLAN_KINDS, { error: 'Elige el tipo de plan.' }),
	name: z.string({ error: 'Escribe el nombre del plan.' }).trim().min(2, 'Escribe el nombre del plan.').max(120),
	speedMbps: optionalInt,
	price: pesosSchema,
	routerosProfile: text(60),
	usageTier: z
		.enum(['basico', 'intermedio', 'alto'])
		.optional()
		.or(z.literal('').transform(() => undefined)),
	description: text(300),
	active: checkboxSchema
});

export const productSchema = z
	.object({
		id: uuidSchema.optional().or(z.literal('').transform(() => undefined)),
		name: z.string({ error: 'Escribe el nombre del producto.' }).trim().min(2, 'Escribe el nombre del producto.').max(120),
		kind: z.enum(['promocion', 'deposito', 'equipo', 'otro'], { error: 'Elige el tipo de producto.' }),
		price: pesosSchema,
		paymentType: z.enum(['unico', 'mensualidades'], { error: 'Elige el tipo de pago.' }),
		installments: z.coerce
			.number({ error: 'Escribe el número de pagos, solo con números.' })
			.int('Escribe el número de pagos sin decimales.')
			.min(1, 'Al menos 1 pago.')
			.max(60, 'Como máximo 60 mensualidades.'),
		active: checkboxSchema
	})
	.refine((p) => p.paymentType === 'mensualidades' || p.installments === 1, {
		message: 'Un pago único es de 1 pago; elige «mensualidades» para dividirlo.',
		path: ['installments']
	});
