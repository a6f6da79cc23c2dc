import { z } from 'zod';
import { isCivilDate } from '$lib/domain/dates';

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

export const PLACEHOLDERS = [
	'cliente',
	'direccion',
	'telefono',
	'correo',
	'plan',
	'precio',
	'deposito',
	'costo_instalacion',
	'tipo_contrato',
	'fecha_inicio',
	'fecha_fin',
	'proveedor',
	'folio',
	'fecha'
] as const;

export const templateSchema = z.object({
	contractType: z.enum(['12_meses', 'indefinido'], { error: 'Elige el tipo de contrato.' }),
	title: z.string().trim().min(3, 'Escribe un título de al menos 3 letras.').max(160, 'El título es demasiado largo.'),
	body: z
		.string()
		.trim()
		.min(20, 'El texto del contrato es demasiado corto.')
		.max(40_000, 'El texto del contrato es demasiado largo (máximo 40 000 caracteres).')
});

export const regenerateSchema = z.object({
	kind: documentKindSchema,
	confirm: z
		.union([z.literal('on'), z.literal('true'), z.boolean()])
		.optional()
		.transform((v) => v === true || v === 'on' || v === 'true')
});
