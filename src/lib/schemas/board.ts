import { z } from 'zod';
import { STAGES } from '$lib/domain/stages';
import { cancelNoteSchema, cancelReasonKeySchema, refundChecklistSchema } from './cancel';

const optionalId = z
	.string()
	.trim()
	.optional()
	.transform((v) => v || null)
	.pipe(z.uuid('Filtro no válido: recarga el tablero.').nullable());

const optionalDate = z
	.string()
	.trim()
	.optional()
	.transform((v) => v || null)
	.pipe(z.iso.date('Escribe la fecha como AAAA-MM-DD.').nullable());

/** Board filters as they appear in the URL (?zona=…&tecnico=…&q=…). */
export const boardFilterSchema = z.object({
	zona: optionalId,
	tecnico: optionalId,
	plan: optionalId,
	contrato: z
		.enum(['12_meses', 'indefinido', ''], { error: 'Tipo de contrato no válido.' })
		.optional()
		.transform((v) => v || null),
	desde: optionalDate,
	hasta: optionalDate,
	faltantes: z
		.enum(['1', '0', ''])
		.optional()
		.transform((v) => v === '1'),
	/** «Por llamar»: only the cards of today's call queue («Mis llamadas»). */
	llamar: z
		.enum(['1', '0', ''])
		.optional()
		.transform((v) => v === '1'),
	q: z
		.string()
		.trim()
		.max(80, 'La búsqueda es demasiado larga (máximo 80 caracteres).')
		.optional()
		.transform((v) => v || null)
});

export type BoardFilters = z.output<typeof boardFilterSchema>;

const id = z.uuid('Tarjeta no válida: recarga el tablero.');

export const moveSchema = z.object({
	cardId: id,
	toStage: z.enum(STAGES, { error: 'Esa columna no existe: recarga el tablero.' }),
	beforeId: id.nullish(),
	afterId: id.nullish(),
	version: z.number({ error: 'Falta la versión de la tarjeta: recarga el tablero.' }).int().min(1),
	overrideReason: z.string().trim().max(500, 'El motivo es demasiado largo (máximo 500 caracteres).').nullish(),
	cancelReason: cancelReasonKeySchema.nullish(),
	cancelNote: cancelNoteSchema.nullish(),
	refundChecklist: refundChecklistSchema.nullish()
});

export const sinceSchema = z.object({ lastSeq: z.number().int().min(0) });

/** board:page — the next cards of one column, after the last one the board holds, under the board's filters (as in its URL). */
export const pageSchema = z.object({
	stage: z.enum(STAGES, { error: 'Esa columna no existe: recarga el tablero.' }),
	after: z.object({ position: z.number().finite(), id }).nullable(),
	filters: z.record(z.string(), z.string()).default({}).pipe(boardFilterSchema)
});
export const presenceSchema = z.object({ cardId: id.nullable() });
