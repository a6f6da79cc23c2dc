import type { Database } from '../db';
import { countByStage, getCard, listBoard, type BoardQuery, type CardRow } from '../db/cards';
import * as boardEvents from '../db/board-events';
import * as callQueue from '../db/call-queue';
import * as organizations from '../db/organizations';
import { listeningModel } from '../realtime/board-model';
import { toBoardCard } from '../realtime/board-card';
import { readSettings, type OrgSettings } from '$lib/schemas/settings';
import type { SessionUser } from '../auth';
import type { BoardCard, BoardSnapshot } from '$lib/types/board';
import { parseInput } from '../validation';
import { boardFilterSchema, pageSchema, type BoardFilters } from '$lib/schemas/board';
import { firstPages, pageAfter, type ColumnPage } from '$lib/domain/board-pages';

export { toBoardCard };

// Every move and every fanned-out event reads the settings; a few seconds of staleness after an
// admin edits them is fine (the editing process forgets its copy at once).
const SETTINGS_TTL_MS = 5000;
const settingsCache = new Map<string, { at: number; settings: OrgSettings; raw: string }>();

export async function orgSettings(db: Database, orgId: string): Promise<OrgSettings> {
	const hit = settingsCache.get(orgId);
	if (hit && Date.now() - hit.at < SETTINGS_TTL_MS) return hit.settings;
	const stored = await organizations.storedSettings(db, orgId);
	const raw = JSON.stringify(stored);
	// Unchanged settings keep their identity, so the read model keeps its projected cards.
	const settings = hit && hit.raw === raw ? hit.settings : readSettings(stored);
	settingsCache.set(orgId, { at: Date.now(), settings, raw });
	return settings;
}

export function forgetSettings(orgId: string): void {
	settingsCache.delete(orgId);
}

/** Technicians see only the cards assigned to them; every other role sees the provider's board. */
export function inScope(user: Pick<SessionUser, 'role' | 'id'>, card: { technicianId?: string | null }): boolean {
	return user.role !== 'technician' || card.technicianId === user.id;
}

export async function lastSeq(db: Database, orgId: string): Promise<number> {
	return boardEvents.newestSeq(db, orgId);
}

/**
 * The board's first load: each column's first page of cards under the filters, with the count of
 * every card in each column; board:page brings the rest (boardColumnPage).
 */
export async function boardSnapshot(db: Database, actor: SessionUser, rawFilters: unknown = {}): Promise<BoardSnapshot> {
	const board = await filteredBoard(db, actor, parseInput(boardFilterSchema, rawFilters));
	const { cards, counts, more } = firstPages(board.cards);
	return { ...board, cards, counts, more };
}

/** The next cards of one column under the board's filters, after the last one the viewer holds. */
export async function boardColumnPage(db: Database, actor: SessionUser, raw: unknown): Promise<ColumnPage> {
	const { stage, after, filters } = parseInput(pageSchema, raw);
	const board = await filteredBoard(db, actor, filters);
	return pageAfter(board.cards, stage, after);
}

/**
 * Every card of the board under the filters, in column order: from the provider's read model while
 * this process listens for board events (see realtime/board-model.ts), from the database otherwise
 * and for free text, which searches old cards too.
 */
async function filteredBoard(db: Database, actor: SessionUser, filters: BoardFilters): Promise<BoardSnapshot & { cards: BoardCard[] }> {
	const settings = await orgSettings(db, actor.orgId);
	const query: BoardQuery = {
		orgId: actor.orgId,
		recentDays: settings.activeVisibleDays,
		technicianId: actor.role === 'technician' ? actor.id : filters.tecnico,
		zoneId: filters.zona,
		planId: filters.plan,
		contractType: filters.contrato,
		dateFrom: filters.desde,
		dateTo: filters.hasta,
		text: filters.q
	};
	const model = query.text ? null : listeningModel(db, actor.orgId);
	const { technicianId, zoneId, planId, contractType, dateFrom, dateTo } = query;
	const board = model
		? await model.snapshot(db, settings, { technicianId, zoneId, planId, contractType, dateFrom, dateTo })
		: await fromDatabase(db, query, settings);
	let cards = filters.faltantes ? board.cards.filter((c) => c.badge) : board.cards;
	if (filters.llamar) {
		const due = new Set(await callQueue.idsDueToday(db.orm, actor.orgId, actor.timeZone, settings.followUp.documentsWaitingDays));
		cards = cards.filter((c) => due.has(c.id));
	}
	return {
		cards,
		totals: actor.role === 'technician' ? {} : board.totals,
		lastSeq: board.lastSeq,
		settings: {
			wipLimits: settings.wipLimits,
			sla: settings.sla,
			recentDays: settings.activeVisibleDays,
			cancelReasons: settings.cancelReasons,
			followUp: settings.followUp
		},
		serverTime: new Date().toISOString()
	};
}

async function fromDatabase(db: Database, query: BoardQuery, settings: OrgSettings) {
	// The sequence first: events after it may already be in the cards, and replaying them is
	// harmless because clients drop versions they already hold.
	const seq = await boardEvents.newestSeq(db, query.orgId);
	const rows = await listBoard(db, query);
	return { cards: rows.map((r) => toBoardCard(r, settings)), totals: await countByStage(db, query.orgId), lastSeq: seq };
}

export async function boardCard(db: Database, orgId: string, cardId: string): Promise<BoardCard | null> {
	const row = await getCard(db, orgId, cardId);
	return row ? toBoardCard(row, await orgSettings(db, orgId)) : null;
}

/**
 * The cards this process's read model holds for a provider (none without a listener). A move
 * starts from one; board_move refuses it if the database moved on, and the move re-reads it.
 */
export function heldCards(db: Database, orgId: string): { get(id: string): CardRow | undefined; remember(row: CardRow): void } {
	const model = listeningModel(db, orgId);
	return { get: (id) => model?.row(id), remember: (row) => void model?.put(row) };
}
