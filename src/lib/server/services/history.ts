import { z } from 'zod';
import type { Database } from '../db';
import type { SessionUser } from '../auth';
import { getCard } from '../db/cards';
import { listHistory, type HistoryEntry } from '../db/history';
import { uuidSchema } from '$lib/schemas/common';
import { parseInput } from '../validation';
import { notFound } from './errors';
import { inScope } from './board';

const blankToNull = z
	.string()
	.optional()
	.transform((v) => v?.trim() || null);

export const historyFilterSchema = z.object({
	kind: blankToNull.pipe(
		z.enum(['field', 'stage', 'file', 'signature', 'checklist', 'document', 'service'], { error: 'Tipo de cambio no válido.' }).nullable()
	),
	user: blankToNull.pipe(z.uuid('Persona no válida.').nullable()),
	desde: blankToNull.pipe(z.iso.date('Escribe la fecha como AAAA-MM-DD.').nullable()),
	hasta: blankToNull.pipe(z.iso.date('Escribe la fecha como AAAA-MM-DD.').nullable())
});

/** A card's history (field changes, moves, checklist, files), newest first, filterable. */
export async function cardHistory(db: Database, actor: SessionUser, rawId: unknown, rawFilters: unknown = {}): Promise<HistoryEntry[]> {
	const id = parseInput(uuidSchema, rawId);
	const f = parseInput(historyFilterSchema, rawFilters ?? {});
	const card = await getCard(db, actor.orgId, id);
	if (!card || !inScope(actor, card)) throw notFound('Esa instalación no existe o no tienes acceso a ella.');
	return listHistory(db, actor.orgId, id, { kind: f.kind, userId: f.user, from: f.desde, to: f.hasta, limit: 300 });
}
