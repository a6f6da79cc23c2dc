import { z } from 'zod';
import type { Database } from '../db';
import type { SessionUser } from '../auth';
import { getCard } from '../db/cards';
import { listHistory, namesOf, type HistoryRow } from '../db/history';
import { uuidSchema } from '$lib/schemas/common';
import { historyField, HISTORY_CUSTOMER, HISTORY_SOURCES, type HistoryLang } from '$lib/domain/history-fields';
import { formatHistoryValue, idsIn, type FormatContext } from '$lib/domain/history-format';
import type { HistoryEntry } from '$lib/types/card';
import { parseInput } from '../validation';
import { notFound } from './errors';
import { inScope } from './board';

const blankToNull = z
	.string()
	.optional()
	.transform((v) => v?.trim() || null);

export const historyFilterSchema = z.object({
	kind: blankToNull.pipe(
		z.enum(['field', 'stage', 'file', 'signature', 'checklist', 'document', 'service', 'call'], { error: 'Tipo de cambio no válido.' }).nullable()
	),
	user: blankToNull.pipe(z.uuid('Persona no válida.').nullable()),
	desde: blankToNull.pipe(z.iso.date('Escribe la fecha como AAAA-MM-DD.').nullable()),
	hasta: blankToNull.pipe(z.iso.date('Escribe la fecha como AAAA-MM-DD.').nullable())
});

/**
 * A card's history (field changes, moves, checklist, files), newest first, filterable, readable:
 * one entry per action (the rows one transaction wrote share its timestamp), labels and values in
 * the reader's language, names instead of ids.
 */
export async function cardHistory(db: Database, actor: SessionUser, rawId: unknown, rawFilters: unknown = {}): Promise<HistoryEntry[]> {
	const id = parseInput(uuidSchema, rawId);
	const f = parseInput(historyFilterSchema, rawFilters ?? {});
	const card = await getCard(db, actor.orgId, id);
	if (!card || !inScope(actor, card)) throw notFound('Esa instalación no existe o no tienes acceso a ella.');
	const rows = await listHistory(db, actor.orgId, id, { kind: f.kind, userId: f.user, from: f.desde, to: f.hasta, limit: 300 });
	const ids = new Set(rows.flatMap((r) => [...idsIn(r.kind, r.field, r.oldValue), ...idsIn(r.kind, r.field, r.newValue)]));
	const lang: HistoryLang = actor.locale === 'en' ? 'en' : 'es';
	return readableHistory(rows, { lang, names: await namesOf(db, actor.orgId, [...ids]), timeZone: actor.timeZone });
}

/** Groups the rows (newest first) into actions and formats each change. */
export function readableHistory(rows: HistoryRow[], ctx: FormatContext): HistoryEntry[] {
	const groups: HistoryRow[][] = [];
	for (const r of rows) {
		const last = groups.at(-1);
		if (last && last[0].at === r.at && last[0].userId === r.userId) last.push(r);
		else groups.push([r]);
	}
	return groups.map((g) => {
		// Within an action, the stage move leads and the rest follow in the order they were written.
		const ordered = [...g].reverse().sort((a, b) => Number(b.kind === 'stage') - Number(a.kind === 'stage'));
		const first = ordered[0];
		const source = ordered.find((r) => r.source)?.source ?? null;
		return {
			id: g.map((r) => r.id).join('-'),
			at: first.at,
			userId: first.userId,
			userName: first.userName ?? (first.userId === null && source === 'enlace' ? HISTORY_CUSTOMER[ctx.lang] : null),
			kinds: [...new Set(ordered.map((r) => r.kind))],
			source: source ? (HISTORY_SOURCES[source]?.[ctx.lang] ?? source) : null,
			changes: ordered.map((r) => ({
				label: historyField(r.kind, r.field)?.[ctx.lang] ?? r.field ?? r.kind,
				from: formatHistoryValue(r.kind, r.field, r.oldValue, ctx),
				to: formatHistoryValue(r.kind, r.field, r.newValue, ctx)
			})),
			overrideReason: ordered.find((r) => r.overrideReason)?.overrideReason ?? null
		};
	});
}
