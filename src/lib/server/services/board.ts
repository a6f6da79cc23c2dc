import type { Database } from '../db';
import { boardState, getCard, getCardsByIds, listBoard, type BoardQuery, type BoardState, type CardRow } from '../db/cards';
import { cardCacheFor } from '../db/card-cache';
import { organizations } from '../db/schema';
import { eq } from 'drizzle-orm';
import { readSettings, type OrgSettings } from '$lib/schemas/settings';
import { missingForNext } from '$lib/domain/stages';
import type { SessionUser } from '../auth';
import type { BoardCard, BoardSnapshot } from '$lib/realtime/types';
import { parseInput } from '../validation';
import { boardFilterSchema } from '$lib/schemas/board';

// Every move and every fanned-out event reads the settings; a few seconds of staleness after an
// admin edits them is fine (the editing process forgets its copy at once).
const SETTINGS_TTL_MS = 5000;
const settingsCache = new Map<string, { at: number; settings: OrgSettings; raw: string }>();

export async function orgSettings(db: Database, orgId: string): Promise<OrgSettings> {
	const hit = settingsCache.get(orgId);
	if (hit && Date.now() - hit.at < SETTINGS_TTL_MS) return hit.settings;
	const [org] = await db.orm.select({ settings: organizations.settings }).from(organizations).where(eq(organizations.id, orgId));
	const raw = JSON.stringify(org?.settings ?? null);
	// Unchanged settings keep their identity, so the cards projected with them stay valid.
	const settings = hit && hit.raw === raw ? hit.settings : readSettings(org?.settings);
	settingsCache.set(orgId, { at: Date.now(), settings, raw });
	return settings;
}

export function forgetSettings(orgId: string): void {
	settingsCache.delete(orgId);
}

// Cards missing the same things share one array of reasons: the page data (devalue) then sends
// each list once instead of once per card. Nobody mutates these arrays.
const reasonLists = new Map<string, string[]>();
function sharedReasons(messages: string[]): string[] {
	if (!messages.length) return NO_REASONS;
	const key = messages.join('\n');
	let list = reasonLists.get(key);
	if (!list) {
		if (reasonLists.size > 5000) reasonLists.clear();
		reasonLists.set(key, (list = messages));
	}
	return list;
}
const NO_REASONS: string[] = [];

// A row object is immutable once cached, so its projection can be kept with it.
const projections = new WeakMap<CardRow, { settings: OrgSettings; card: BoardCard }>();

export function toBoardCard(row: CardRow, settings: OrgSettings): BoardCard {
	const hit = projections.get(row);
	if (hit && hit.settings === settings) return hit.card;
	const card = projectCard(row, settings);
	projections.set(row, { settings, card });
	return card;
}

function projectCard(row: CardRow, settings: OrgSettings): BoardCard {
	const { badge, missing } = missingForNext(row, settings);
	return {
		id: row.id,
		folio: row.folio,
		stage: row.stage,
		position: row.position,
		version: row.version,
		fullName: row.fullName,
		colonia: row.addrColonia ?? null,
		zoneId: row.zoneId ?? null,
		zoneName: row.zoneName,
		planId: row.planId ?? null,
		planName: row.planName,
		contractType: row.contractType ?? null,
		installationDate: row.installationDate ?? null,
		installationTime: row.installationTime,
		technicianId: row.technicianId ?? null,
		technicianName: row.technicianName,
		technicianColor: row.technicianColor,
		stageChangedAt: row.stageChangedAt,
		cancelReason: row.cancelReason ?? null,
		cancelNote: row.cancelNote ?? null,
		sheetSigned: !!row.sheetSignedAt,
		contractSigned: !!row.contractSignedAt,
		badge,
		missing: sharedReasons(missing.map((m) => m.message))
	};
}

/** Technicians see only the cards assigned to them; every other role sees the provider's board. */
export function inScope(user: Pick<SessionUser, 'role' | 'id'>, card: { technicianId?: string | null }): boolean {
	return user.role !== 'technician' || card.technicianId === user.id;
}

export async function lastSeq(db: Database, orgId: string): Promise<number> {
	const [row] = await db.query<{ seq: number | null }>('select max(seq)::int as seq from board_events where org_id = $1', [orgId]);
	return row?.seq ?? 0;
}

export async function boardSnapshot(db: Database, actor: SessionUser, rawFilters: unknown = {}): Promise<BoardSnapshot> {
	const filters = parseInput(boardFilterSchema, rawFilters);
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
	// The sequence, the versions and the counts come from one statement: events after that
	// sequence may already be in the cards, and replaying them is harmless because clients drop
	// versions they already hold.
	const state = await boardState(db, actor.orgId, settings.activeVisibleDays);
	// Free text searches old cards too, so it goes to the database; everything else is served
	// from the rows this process already holds at the listed versions.
	let cards: BoardCard[];
	if (query.text) cards = (await listBoard(db, query)).map((r) => toBoardCard(r, settings));
	else {
		const board = await visibleBoard(db, actor.orgId, state, settings);
		const filtered = query.technicianId || query.zoneId || query.planId || query.contractType || query.dateFrom || query.dateTo;
		// Unfiltered, the board's own array: the page data encodes it once while it is unchanged.
		const keep = matches(query);
		cards = filtered ? board.cards.filter((_, i) => keep(board.rows[i])) : board.cards;
	}
	if (filters.faltantes) cards = cards.filter((c) => c.badge);
	return {
		cards,
		totals: actor.role === 'technician' ? {} : state.totals,
		lastSeq: state.lastSeq,
		settings: { wipLimits: settings.wipLimits, sla: settings.sla, recentDays: settings.activeVisibleDays },
		serverTime: new Date().toISOString()
	};
}

const catalogStamps = new WeakMap<object, Map<string, string>>();
const lastBoards = new WeakMap<object, Map<string, { key: string; settings: OrgSettings; rows: CardRow[]; cards: BoardCard[] }>>();

/** The unfiltered board, rows and cards in order; the same arrays again while nothing changed. */
async function visibleBoard(db: Database, orgId: string, state: BoardState, settings: OrgSettings) {
	let perOrg = lastBoards.get(db);
	if (!perOrg) lastBoards.set(db, (perOrg = new Map()));
	const key = `${state.catalogStamp}\n${state.versionsKey}`;
	const last = perOrg.get(orgId);
	if (last && last.key === key && last.settings === settings) return last;
	const rows = await visibleRows(db, orgId, state);
	const board = { key, settings, rows, cards: rows.map((r) => toBoardCard(r, settings)) };
	perOrg.set(orgId, board);
	return board;
}

/** The unfiltered board's rows at exactly the versions in `state`, reading only what's missing. */
async function visibleRows(db: Database, orgId: string, state: BoardState): Promise<CardRow[]> {
	const cache = cardCacheFor(db);
	let stamps = catalogStamps.get(db);
	if (!stamps) catalogStamps.set(db, (stamps = new Map()));
	if (stamps.get(orgId) !== state.catalogStamp) {
		// A zone, plan or user changed: the joined names on every cached card may be stale.
		cache.forgetOrg(orgId);
		stamps.set(orgId, state.catalogStamp);
	}
	const rows: CardRow[] = [];
	const missing: string[] = [];
	for (const entry of state.versions) {
		const sep = entry.lastIndexOf(':');
		const id = entry.slice(0, sep);
		const row = cache.at(id, Number(entry.slice(sep + 1)));
		if (row) rows.push(row);
		else missing.push(id);
	}
	if (missing.length) {
		for (const row of (await getCardsByIds(db, missing)).values()) {
			cache.remember(row);
			rows.push(row);
		}
	}
	return rows.sort((a, b) => (a.stage < b.stage ? -1 : a.stage > b.stage ? 1 : a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
}

/** The board filters of listBoard, on rows in memory. */
function matches(q: BoardQuery): (row: CardRow) => boolean {
	return (r) =>
		(!q.technicianId || r.technicianId === q.technicianId) &&
		(!q.zoneId || r.zoneId === q.zoneId) &&
		(!q.planId || r.planId === q.planId) &&
		(!q.contractType || r.contractType === q.contractType) &&
		(!q.dateFrom || (!!r.installationDate && r.installationDate >= q.dateFrom)) &&
		(!q.dateTo || (!!r.installationDate && r.installationDate <= q.dateTo));
}

export async function boardCard(db: Database, orgId: string, cardId: string): Promise<BoardCard | null> {
	const row = await getCard(db, orgId, cardId);
	return row ? toBoardCard(row, await orgSettings(db, orgId)) : null;
}
