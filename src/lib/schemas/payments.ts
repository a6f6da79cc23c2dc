import { z } from 'zod';
import { uuidSchema } from './common';
import { parsePesos } from '$lib/domain/money';
import { PAYMENT_METHODS } from '$lib/types/payments';

/** The most one payment may be: a typo of extra zeros is refused rather than recorded. */
export const MAX_PAYMENT_CENTS = 10_000_000;

const amount = z.string({ error: 'Escribe el monto recibido en pesos.' }).transform((v, ctx) => {
	const r = parsePesos(v);
	if (!r.ok) {
		// parsePesos quotes what was typed; a payment's message doesn't echo it (it may be any text).
		ctx.addIssue({
			code: 'custom',
			message: r.error.startsWith('«') ? 'Escribe el monto recibido solo con números, por ejemplo 1,234.50.' : r.error
		});
		return z.NEVER;
	}
	if (r.cents <= 0) {
		ctx.addIssue({ code: 'custom', message: 'El monto recibido debe ser mayor que $0.' });
		return z.NEVER;
	}
	if (r.cents > MAX_PAYMENT_CENTS) {
		ctx.addIssue({ code: 'custom', message: 'El monto es demasiado grande para un pago; revísalo.' });
		return z.NEVER;
	}
	return r.cents;
});

/** A payment taken at the door: transferencia and tarjeta need the bank's reference. */
export const recordPaymentSchema = z
	.object({
		installationId: uuidSchema,
		amount,
		method: z.enum(PAYMENT_METHODS, { error: 'Elige cómo pagó: efectivo, transferencia o tarjeta.' }),
		reference: z
			.string({ error: 'Escribe la referencia como texto.' })
			.optional()
			.transform((v) => v?.replace(/\s+/g, ' ').trim() || null)
			.pipe(z.string().max(80, 'La referencia es demasiado larga (máximo 80 caracteres).').nullable())
	})
	.superRefine((v, ctx) => {
		if (v.method !== 'efectivo' && !v.reference) {
			ctx.addIssue({
				code: 'custom',
				path: ['reference'],
				message: 'Escribe la referencia del pago con transferencia o tarjeta (número de operación o autorización).'
			});
		}
	});

export const voidPaymentSchema = z.object({
	installationId: uuidSchema,
	id: uuidSchema,
	reason: z
		.string({ error: 'Escribe el motivo de la anulación.' })
		.transform((v) => v.replace(/\s+/g, ' ').trim())
		.pipe(z.string().min(3, 'Escribe el motivo de la anulación.').max(300, 'El motivo es demasiado largo (máximo 300 caracteres).'))
});

export const receiptQuerySchema = z.object({ installationId: uuidSchema, id: uuidSchema });
