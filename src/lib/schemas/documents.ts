import { z } from 'zod';
import { isCivilDate } from '$lib/domain/dates';
import { parsePesos } from '$lib/domain/money';
import { unknownVariables, unknownVariablesMessage } from '$lib/domain/contract-template';
import { UNSAFE_TEXT_MESSAGE, isSafeText } from './common';

export const documentKindSchema = z.enum(['contrato', 'hoja_instalacion'], { error: 'Documento no válido.' });
export type DocumentKind = z.output<typeof documentKindSchema>;

const optionalDate = z
	.string()
	.trim()
	.optional()
	.transform((v) => (v ? v : null))
	.refine((v) => v === null || isCivilDate(v), {
		message: 'Escribe la fecha como AAAA-MM-DD, una que exista en el calendario.',
		abort: true
	});

/** Contract data on the card (process 4 step 9.2): optional start and end dates. */
export const contractDataSchema = z
	.object({ startDate: optionalDate, endDate: optionalDate })
	.refine((v) => !v.startDate || !v.endDate || v.endDate >= v.startDate, {
		path: ['endDate'],
		message: 'La fecha de fin no puede ser anterior a la de inicio.'
	});

const clauseSchema = z.object({
	title: z
		.string({ error: 'Cada cláusula necesita un título.' })
		.trim()
		.min(1, 'Escribe el título de la cláusula.')
		.max(160, 'El título de la cláusula es demasiado largo (máximo 160 caracteres).')
		.refine(isSafeText, UNSAFE_TEXT_MESSAGE),
	text: z
		.string({ error: 'Cada cláusula necesita un texto.' })
		.trim()
		.min(1, 'Escribe el texto de la cláusula.')
		.max(8_000, 'El texto de la cláusula es demasiado largo (máximo 8 000 caracteres).')
		.refine(isSafeText, UNSAFE_TEXT_MESSAGE)
});

/** The clauses arrive from the form as one JSON field; bad JSON is a sentence, not a 500. */
const clausesSchema = z
	.union([z.string(), z.array(z.unknown())], { error: 'Faltan las cláusulas del contrato.' })
	.transform((v, ctx) => {
		if (typeof v !== 'string') return v;
		try {
			return JSON.parse(v) as unknown;
		} catch {
			ctx.addIssue({ code: 'custom', message: 'No se pudieron leer las cláusulas: recarga la página e inténtalo de nuevo.' });
			return z.NEVER;
		}
	})
	.pipe(
		z
			.array(clauseSchema, { error: 'No se pudieron leer las cláusulas: recarga la página e inténtalo de nuevo.' })
			.min(1, 'El contrato necesita al menos una cláusula.')
			.max(40, 'El contrato admite hasta 40 cláusulas.')
	)
	.superRefine((clauses, ctx) => {
		const unknown = unknownVariables(clauses);
		if (unknown.length) ctx.addIssue({ code: 'custom', message: unknownVariablesMessage(unknown) });
	});

/** The contract template the admin saves: title, ordered clauses and the early-cancellation penalty. */
export const templateSchema = z.object({
	contractType: z.enum(['12_meses', 'indefinido'], { error: 'Elige el tipo de contrato.' }),
	title: z
		.string({ error: 'Escribe el título del contrato.' })
		.trim()
		.min(3, 'Escribe un título de al menos 3 letras.')
		.max(160, 'El título es demasiado largo.'),
	penalty: z
		.string({ error: 'Escribe la penalización en pesos (0 si no hay).' })
		.transform((text, ctx) => {
			const r = parsePesos(text.trim() === '' ? '0' : text);
			if (!r.ok) {
				ctx.addIssue({ code: 'custom', message: r.error });
				return z.NEVER;
			}
			return r.cents;
		})
		.refine((c) => c <= 10_000_000, 'La penalización no puede pasar de $100,000.00.'),
	clauses: clausesSchema
});
export type TemplateInput = z.output<typeof templateSchema>;

export const regenerateSchema = z.object({
	kind: documentKindSchema,
	confirm: z
		.union([z.literal('on'), z.literal('true'), z.boolean()])
		.optional()
		.transform((v) => v === true || v === 'on' || v === 'true')
});
