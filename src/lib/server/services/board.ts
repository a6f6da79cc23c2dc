import type { Database } from '../db';
import { boardFreshness, boardState, getCard, getCardsByIds, listBoard, type BoardQuery, type BoardState, type CardRow } from '../db/cards';
import { cardCacheFor } from '../db/card-cache';
import { organizations } from '../db/schema';
import { eq } from 'drizzle-orm';
import { readSettings, type OrgSettings } from '$lib/schemas/settings';
import { missingForNext } from '$lib/domain/stages';
import type { SessionUser } from '../auth';
import type { BoardCard, BoardSnapshot } from '$lib/types/board';
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
	const state = await currentBoardState(db, actor.orgId, settings.activeVisibleDays);
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

/**
 * The board events this process hears (the fan-out LISTENs on them). While it listens, every
 * notification moves its provider's generation on, and a (re)connected listener moves every
 * provider's on (it may have missed some). `known` holds the last state read per provider.
 */
interface Hearing {
	listening: boolean;
	epoch: number;
	generations: Map<string, number>;
	known: Map<string, { generation: string; at: number; recentDays: number; state: BoardState }>;
}
const hearings = new WeakMap<object, Hearing>();

function hearingOf(db: object): Hearing {
	let h = hearings.get(db);
	if (!h) hearings.set(db, (h = { listening: false, epoch: 0, generations: new Map(), known: new Map() }));
	return h;
}

/** The fan-out's LISTEN started (again) or stopped on this handle. */
export function hearingBoardEvents(db: object, listening: boolean): void {
	const h = hearingOf(db);
	h.listening = listening;
	h.epoch++;
}

/** A board event of this provider arrived (called as each notification is received). */
export function heardBoardEvent(db: object, orgId: string): void {
	const h = hearingOf(db);
	h.generations.set(orgId, (h.generations.get(orgId) ?? 0) + 1);
}

// A known state is used for at most this long: closed cards leave the recent window by the clock
// alone, without an event.
const STATE_MAX_AGE_MS = 30_000;

/**
 * The board's state, without re-reading every visible card's version when nothing changed: a state
 * read since the last event this process heard, whose newest event and catalog stamp the database
 * still reports, is current. A commit the state missed has its notification still to come (it
 * moves the generation on); one that never reaches us (a listener reconnecting) still moves the
 * newest event. Without a listener, every snapshot reads the state.
 */
async function currentBoardState(db: Database, orgId: string, recentDays: number): Promise<BoardState> {
	const h = hearings.get(db);
	if (!h?.listening) return boardState(db, orgId, recentDays);
	const generation = `${h.epoch}:${h.generations.get(orgId) ?? 0}`;
	const known = h.known.get(orgId);
	if (known && known.generation === generation && known.recentDays === recentDays && Date.now() - known.at < STATE_MAX_AGE_MS) {
		const now = await boardFreshness(db, orgId);
		if (now.lastSeq === known.state.lastSeq && now.catalogStamp === known.state.catalogStamp) return known.state;
	}
	const at = Date.now();
	const state = await boardState(db, orgId, recentDays);
	h.known.set(orgId, { generation, at, recentDays, state });
	return state;
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
	return rows.sort((a, b) =>
		a.stage < b.stage ? -1 : a.stage > b.stage ? 1 : a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
	);
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
