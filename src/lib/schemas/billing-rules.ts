import { z } from 'zod';
import { checkboxSchema } from './common';
import { parsePesos } from '$lib/domain/money';
import type { ProrationPolicy } from '$lib/domain/billing-dates';

/** A whole number typed in a form; blank is `blank` (null for optional thresholds). */
const wholeNumber = (label: string, min: number, max: number, blank: number | null) =>
	z
		.string({ error: `Escribe ${label}.` })
		.optional()
		.transform((v, ctx): number | null => {
			const t = (v ?? '').trim();
			if (!t) return blank;
			if (!/^\d+$/.test(t)) {
				ctx.addIssue({ code: 'custom', message: `Escribe ${label} como un número entero.` });
				return z.NEVER;
			}
			const n = Number(t);
			if (n < min || n > max) {
				ctx.addIssue({ code: 'custom', message: `${label[0].toUpperCase()}${label.slice(1)} debe ser del ${min} al ${max}.` });
				return z.NEVER;
			}
			return n;
		});

const pesosOrZero = z
	.string({ error: 'Escribe el descuento en pesos.' })
	.optional()
	.transform((v, ctx) => {
		if (!(v ?? '').trim()) return 0;
		const r = parsePesos(v!);
		if (!r.ok) {
			ctx.addIssue({ code: 'custom', message: r.error });
			return z.NEVER;
		}
		return r.cents;
	});

/**
 * Ajustes → Reglas de cobro (DOMAIN.md «Billing dates and the first charge»): how the days before the
 * first payment date are charged, pronto pago and free days. Fields as the form posts them.
 */
export const billingRulesFormSchema = z
	.object({
		divisor: z.enum(['periodo', 'mes', '30'], {
			error: 'Elige cómo se divide la mensualidad: días del periodo, días del mes o 30 días.'
		}),
		chargeInstallationDay: checkboxSchema,
		fullMonthUntilDay: wholeNumber('el día hasta el que se cobra el mes completo', 1, 28, null),
		skipFromDay: wholeNumber('el día desde el que no se cobra nada', 2, 31, null),
		rounding: z.enum(['pesos', 'centavos'], { error: 'Elige si se redondea a pesos enteros o se cobran centavos.' }),
		freeDays: wholeNumber('los días gratis', 0, 60, 0),
		prontoPagoKind: z.enum(['monto', 'porcentaje'], { error: 'Elige si el pronto pago descuenta un monto o un porcentaje.' }),
		prontoPagoDiscount: pesosOrZero,
		prontoPagoPercent: wholeNumber('el porcentaje de descuento', 0, 100, 0),
		prontoPagoDays: wholeNumber('los días de pronto pago', 0, 31, 0)
	})
	.superRefine((v, ctx) => {
		if (v.fullMonthUntilDay != null && v.skipFromDay != null && v.fullMonthUntilDay >= v.skipFromDay) {
			ctx.addIssue({
				code: 'custom',
				path: ['skipFromDay'],
				message: `El día desde el que no se cobra (${v.skipFromDay}) debe ser mayor que el día hasta el que se cobra el mes completo (${v.fullMonthUntilDay}).`
			});
		}
		const discount = v.prontoPagoKind === 'monto' ? v.prontoPagoDiscount : v.prontoPagoPercent;
		if (discount && !v.prontoPagoDays) {
			ctx.addIssue({
				code: 'custom',
				path: ['prontoPagoDays'],
				message: 'Escribe cuántos días antes de la fecha de pago aplica el descuento por pronto pago.'
			});
		}
		if (v.prontoPagoDays && !discount) {
			ctx.addIssue({
				code: 'custom',
				path: [v.prontoPagoKind === 'monto' ? 'prontoPagoDiscount' : 'prontoPagoPercent'],
				message: 'Escribe el descuento por pronto pago, o deja en 0 los días si no hay pronto pago.'
			});
		}
	})
	.transform((v): ProrationPolicy => ({
		divisor: v.divisor,
		chargeInstallationDay: v.chargeInstallationDay,
		fullMonthUntilDay: v.fullMonthUntilDay,
		skipFromDay: v.skipFromDay,
		roundToPesos: v.rounding === 'pesos',
		freeDays: v.freeDays ?? 0,
		prontoPagoDays: v.prontoPagoDays ?? 0,
		prontoPagoKind: v.prontoPagoKind,
		// Only the chosen kind keeps its value, so a stale amount never comes back when switching.
		prontoPagoDiscountCents: v.prontoPagoKind === 'monto' ? v.prontoPagoDiscount : 0,
		prontoPagoPercent: v.prontoPagoKind === 'porcentaje' ? (v.prontoPagoPercent ?? 0) : 0
	}));
