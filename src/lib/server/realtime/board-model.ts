import type { Database } from '../db';
import { getCardsByIds, listBoard, type BoardQuery, type CardRow } from '../db/cards';
import * as boardEvents from '../db/board-events';
import * as boardTotals from '../db/board-totals';
import type { OrgSettings } from '$lib/schemas/settings';
import { RECENT_ONLY_STAGES, type Stage } from '$lib/domain/stages';
import type { BoardCard } from '$lib/types/board';
import { toBoardCard } from './board-card';
import { patched } from './card-patch';
import type { Notification } from './notification';

/** The filters answered from memory; free text searches old cards too, so it goes to the database. */
export type ModelFilters = Omit<BoardQuery, 'orgId' | 'recentDays' | 'text'>;

export interface ModelSnapshot {
	/** Unfiltered, the same array while the board is unchanged (pack.ts encodes it once). */
	cards: BoardCard[];
	totals: Partial<Record<Stage, number>>;
	lastSeq: number;
}

/** More events than this since the last snapshot and reading the whole board is cheaper. */
const MAX_CATCH_UP = 2000;
const CLOSED: ReadonlySet<string> = new Set(RECENT_ONLY_STAGES);
const DAY_MS = 86_400_000;

/**
 * One provider's board, as this process's LISTEN has told it. The one invalidation rule: a card
 * is held at a version until an event with a newer version arrives (what a card shows changes its
 * version, the migrations make sure of it); each snapshot first re-reads the cards of the events
 * after `seq` that it doesn't hold at their version, and a (re)connected LISTEN drops every model
 * (notifications in between are lost). Nothing here expires by time except the clock's own cut of
 * closed cards, and rows only ever move to a higher version.
 */
export class BoardModel {
	readonly orgId: string;
	#rows = new Map<string, CardRow>();
	/** Deleted cards: a read that started before the delete must not bring one back. */
	#gone = new Set<string>();
	/** The newest event the model has caught up with; -1 until the board has been read. */
	#seq = -1;
	#recentDays = 0;
	/** Changes that may move the closed columns' counts: the counts are as of one of these. */
	#stageChanges = 0;
	#closed: { at: number; totals: Partial<Record<Stage, number>> } | null = null;
	#board: { settings: OrgSettings; expiresAt: number; rows: CardRow[]; cards: BoardCard[] } | null = null;
	#projected = new WeakMap<CardRow, { settings: OrgSettings; card: BoardCard }>();
	/** Notifications heard while the board is being read, applied again once it is. */
	#pending: Notification[] | null = null;
	#turn: Promise<unknown> = Promise.resolve();

	constructor(orgId: string) {
		this.orgId = orgId;
	}

	get seq(): number {
		return this.#seq;
	}

	row(id: string): CardRow | undefined {
		return this.#rows.get(id);
	}

	/**
	 * Applies one notification. Returns the card's row at (or after) the event's version, or null
	 * when the card must be read from the database (not held, a gap, a patch that isn't enough, or
	 * a deletion).
	 */
	apply(n: Notification): CardRow | null {
		this.#pending?.push(n);
		if (!n.card) return null;
		if (n.kind === 'card:deleted') {
			this.remove(n.card);
			return null;
		}
		const held = this.#rows.get(n.card);
		if (!held || n.version == null) return null;
		if (held.version >= n.version) return held;
		const next = n.patch ? patched(held, n.version, n.patch) : null;
		if (next) this.#set(next, held);
		return next;
	}

	/** Keeps a committed row of this provider unless a newer version is already held; returns the kept row. */
	put(row: CardRow): CardRow | undefined {
		if (row.orgId !== this.orgId || this.#gone.has(row.id)) return undefined;
		const held = this.#rows.get(row.id);
		if (held && held.version >= row.version) return held;
		this.#set(row, held);
		return row;
	}

	remove(id: string): void {
		if (this.#gone.size > 10_000) this.#gone.clear();
		this.#gone.add(id);
		const held = this.#rows.get(id);
		if (!held || CLOSED.has(held.stage)) this.#stageChanges++;
		if (this.#rows.delete(id)) this.#board = null;
	}

	/** The board as the database holds it now, filtered; snapshots take turns so catch-ups never overlap. */
	snapshot(db: Database, settings: OrgSettings, filters: ModelFilters = {}): Promise<ModelSnapshot> {
		const run = this.#turn.then(() => this.#answer(db, settings, filters));
		this.#turn = run.catch(() => {});
		return run;
	}

	async #answer(db: Database, settings: OrgSettings, filters: ModelFilters): Promise<ModelSnapshot> {
		const days = settings.activeVisibleDays;
		if (this.#seq < 0 || days !== this.#recentDays) await this.#read(db, days);
		else await this.#catchUp(db, days);
		if (this.#closed?.at !== this.#stageChanges) {
			const at = this.#stageChanges;
			this.#closed = { at, totals: await boardTotals.closed(db, this.orgId) };
		}
		const board = this.#visible(settings);
		const open: Partial<Record<Stage, number>> = {};
		for (const r of board.rows) if (!CLOSED.has(r.stage)) open[r.stage] = (open[r.stage] ?? 0) + 1;
		const keep = matches(filters);
		const filtered = Object.values(filters).some(Boolean);
		return {
			cards: filtered ? board.cards.filter((_, i) => keep(board.rows[i])) : board.cards,
			totals: { ...open, ...this.#closed!.totals },
			lastSeq: this.#seq
		};
	}

	/** Reads the whole board: the newest event first, so events after it may replay harmlessly. */
	async #read(db: Database, days: number): Promise<void> {
		this.#pending = [];
		try {
			const seq = await boardEvents.newestSeq(db, this.orgId);
			const rows = await listBoard(db, { orgId: this.orgId, recentDays: days });
			const held = this.#rows;
			this.#rows = new Map();
			for (const row of rows) {
				const mine = held.get(row.id);
				if (!this.#gone.has(row.id)) this.#rows.set(row.id, mine && mine.version > row.version ? mine : row);
			}
			this.#seq = seq;
			this.#recentDays = days;
			this.#closed = null;
			this.#board = null;
			// A late commit heard during the read may be missing from it: apply it on the new rows.
			const heard = this.#pending;
			this.#pending = null;
			await this.#reread(
				db,
				heard.filter((n) => n.card && n.kind !== 'card:deleted' && !this.apply(n)).map((n) => n.card!)
			);
		} finally {
			this.#pending = null;
		}
	}

	/** Re-reads the cards of the events after `seq` that the model doesn't hold at their version. */
	async #catchUp(db: Database, days: number): Promise<void> {
		const events = await boardEvents.after(db, this.orgId, this.#seq, MAX_CATCH_UP + 1);
		if (!events.length) return;
		if (events.length > MAX_CATCH_UP) return this.#read(db, days);
		const stale = new Set<string>();
		for (const e of events) {
			if (!e.cardId) continue;
			if (e.kind === 'card:deleted') this.remove(e.cardId);
			else if ((this.#rows.get(e.cardId)?.version ?? -1) < (e.version ?? 0)) stale.add(e.cardId);
		}
		await this.#reread(db, [...stale]);
		this.#seq = Math.max(this.#seq, events[events.length - 1].seq);
	}

	async #reread(db: Database, ids: string[]): Promise<void> {
		if (!ids.length) return;
		const read = await getCardsByIds(db, ids);
		for (const id of ids) {
			const row = read.get(id);
			if (row) this.put(row);
			else this.remove(id);
		}
	}

	#set(row: CardRow, held: CardRow | undefined): void {
		// A card whose previous stage is unknown, or that enters or leaves a closed column, changes the closed counts.
		if (!held || (held.stage !== row.stage && (CLOSED.has(held.stage) || CLOSED.has(row.stage)))) this.#stageChanges++;
		this.#rows.set(row.id, row);
		this.#board = null;
	}

	/** The unfiltered board in order; the same arrays until a row changes, the settings do or a closed card ages out. */
	#visible(settings: OrgSettings) {
		const now = Date.now();
		const board = this.#board;
		if (board && board.settings === settings && now < board.expiresAt) return board;
		const since = now - this.#recentDays * DAY_MS;
		let expiresAt = Infinity;
		const rows: CardRow[] = [];
		for (const [id, row] of this.#rows) {
			if (!CLOSED.has(row.stage)) rows.push(row);
			else {
				const changed = Date.parse(row.stageChangedAt);
				if (changed > since) {
					rows.push(row);
					expiresAt = Math.min(expiresAt, changed + this.#recentDays * DAY_MS);
				} else this.#rows.delete(id); // out of the window: re-read if it ever changes again
			}
		}
		rows.sort((a, b) =>
			a.stage < b.stage ? -1 : a.stage > b.stage ? 1 : a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
		);
		const cards = rows.map((row) => {
			const hit = this.#projected.get(row);
			if (hit && hit.settings === settings) return hit.card;
			const card = toBoardCard(row, settings);
			this.#projected.set(row, { settings, card });
			return card;
		});
		return (this.#board = { settings, expiresAt, rows, cards });
	}
}

/** The board filters of listBoard, on rows in memory. */
function matches(q: ModelFilters): (row: CardRow) => boolean {
	return (r) =>
		(!q.technicianId || r.technicianId === q.technicianId) &&
		(!q.zoneId || r.zoneId === q.zoneId) &&
		(!q.planId || r.planId === q.planId) &&
		(!q.contractType || r.contractType === q.contractType) &&
		(!q.dateFrom || (!!r.installationDate && r.installationDate >= q.dateFrom)) &&
		(!q.dateTo || (!!r.installationDate && r.installationDate <= q.dateTo));
}

/** The models of one database handle (two databases in one process, as in tests, never mix). */
export class BoardModels {
	#models = new Map<string, BoardModel>();
	/** Set by the fan-out while its LISTEN is established; only then may services trust a model. */
	listening = false;

	model(orgId: string): BoardModel {
		let m = this.#models.get(orgId);
		if (!m) this.#models.set(orgId, (m = new BoardModel(orgId)));
		return m;
	}

	/** Forgets every provider's board: the next snapshot reads it whole. */
	reset(): void {
		this.#models.clear();
	}
}

const registries = new WeakMap<object, BoardModels>();

export function boardModels(db: object): BoardModels {
	let r = registries.get(db);
	if (!r) registries.set(db, (r = new BoardModels()));
	return r;
}

/** The provider's model while this process listens for board events, else null (read the database). */
export function listeningModel(db: object, orgId: string): BoardModel | null {
	const r = registries.get(db);
	return r?.listening ? r.model(orgId) : null;
}
