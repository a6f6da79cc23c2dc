import type { BoardFilters } from '$lib/schemas/board';
import {
	applyCardEvents,
	bumpTotal,
	groupColumns,
	matchesFilters,
	NO_FILTERS,
	type MatchContext,
	type SeenVersions,
	type Totals
} from './board-logic';
import { isAfter, type ColumnPage } from '$lib/domain/board-pages';
import type { ServerClock } from './server-clock.svelte';
import type { Stage } from '$lib/domain/stages';
import type { BoardCard, BoardSettings, BoardSnapshot, CardEvent, PageCursor } from '$lib/types/board';

/**
 * The cards this viewer may see under the current filter, with the per-column totals and the
 * highest version seen per card: every write goes through a version check so nothing older wins.
 */
export class CardStore {
	#clock: ServerClock;
	#cards = $state.raw(new Map<string, BoardCard>());
	/** Highest version seen per card (removed ones too); not rendered, so not reactive. */
	#seen: SeenVersions = new Map();
	#lastSeq = $state(0);
	#totals = $state.raw<Totals>({});
	#settings = $state.raw<BoardSettings>({ wipLimits: {}, sla: {}, recentDays: 14, cancelReasons: [] });
	#filters = $state.raw<BoardFilters>(NO_FILTERS);
	/** Cards of each column not loaded yet (further down it), and where each such column's next page starts. */
	#unloaded = $state.raw<Totals>({});
	#more = $state.raw<Partial<Record<Stage, PageCursor>>>({});

	readonly columns = $derived(groupColumns(this.#cards.values()));

	constructor(clock: ServerClock, filters: BoardFilters) {
		this.#clock = clock;
		this.#filters = filters;
	}

	get cards(): ReadonlyMap<string, BoardCard> {
		return this.#cards;
	}
	get lastSeq(): number {
		return this.#lastSeq;
	}
	get totals(): Totals {
		return this.#totals;
	}
	get settings(): BoardSettings {
		return this.#settings;
	}
	get filters(): BoardFilters {
		return this.#filters;
	}

	/** Every card of the column under the filter, loaded or not (the count in its header). */
	countOf(stage: Stage): number {
		return this.columns[stage].length + (this.#unloaded[stage] ?? 0);
	}
	/** Where the column's next page starts, or null when every card of it is loaded. */
	nextPage(stage: Stage): PageCursor | null {
		return this.#more[stage] ?? null;
	}

	setFilters(filters: BoardFilters): void {
		this.#filters = filters;
	}

	/** Events seen but held (a drag) or skipped (catch-up) still move the cursor forward. */
	advanceTo(seq: number): void {
		if (seq > this.#lastSeq) this.#lastSeq = seq;
	}

	#ctx(): MatchContext {
		return { filters: this.#filters, recentDays: this.#settings.recentDays, nowMs: this.#clock.now };
	}

	/** A snapshot from the page load (already filtered by the server) or from board:since. */
	applySnapshot(s: BoardSnapshot, serverFiltered: boolean): void {
		const ctx = this.#ctx();
		const next = new Map<string, BoardCard>();
		const present = new Set(s.cards.map((c) => c.id));
		// A card we hold that the snapshot lacks may come back through a replayed event.
		for (const id of this.#cards.keys()) if (!present.has(id)) this.#seen.delete(id);
		for (const c of s.cards) {
			const seen = this.#seen.get(c.id) ?? 0;
			const held = this.#cards.get(c.id);
			if (c.version < seen) {
				if (held) next.set(c.id, held);
				continue;
			}
			this.#seen.set(c.id, c.version);
			if (serverFiltered || matchesFilters(c, !!held, ctx)) next.set(c.id, c);
		}
		this.#cards = next;
		const loaded: Totals = {};
		for (const c of s.cards) loaded[c.stage] = (loaded[c.stage] ?? 0) + 1;
		const unloaded: Totals = {};
		for (const [stage, count] of Object.entries(s.counts ?? {}) as [Stage, number][])
			if (s.more?.[stage]) unloaded[stage] = Math.max(0, count - (loaded[stage] ?? 0));
		this.#unloaded = unloaded;
		this.#more = { ...s.more };
		this.#totals = { ...s.totals };
		this.#settings = s.settings;
		this.#lastSeq = s.lastSeq;
		this.#clock.sync(s.serverTime);
	}

	applyEvents(events: CardEvent[]): void {
		const next = new Map(this.#cards);
		const totals = { ...this.#totals };
		const unloaded = { ...this.#unloaded };
		let changed = false;
		for (const e of events) {
			const held = next.has(e.cardId);
			if (!applyCardEvents(next, this.#seen, totals, [e], this.#ctx())) continue;
			changed = true;
			if (!held) this.#unloadedMoves(e, next, unloaded);
		}
		if (changed) {
			this.#cards = next;
			this.#totals = totals;
			this.#unloaded = unloaded;
		}
		for (const e of events) this.advanceTo(e.seq);
		this.#clock.heard();
	}

	/**
	 * An event about a card this board had not loaded: it leaves the unloaded part of the column it
	 * was in (when the server said which), and one that lands further down a partly loaded column
	 * waits there for its page, in order, instead of showing out of place.
	 */
	#unloadedMoves(e: CardEvent, cards: Map<string, BoardCard>, unloaded: Totals): void {
		if (e.from && this.#more[e.from] && unloaded[e.from]) unloaded[e.from]! -= 1;
		const card = cards.get(e.cardId);
		const cursor = card && this.#more[card.stage];
		if (card && cursor && isAfter(card, cursor)) {
			cards.delete(card.id);
			unloaded[card.stage] = (unloaded[card.stage] ?? 0) + 1;
		}
	}

	/** A column's next page: its cards join the board (unless a newer version is already here), the count is the server's. */
	addPage(stage: Stage, page: ColumnPage): void {
		const next = new Map(this.#cards);
		const ctx = this.#ctx();
		for (const c of page.cards) {
			if (c.version < (this.#seen.get(c.id) ?? 0) || next.has(c.id)) continue;
			this.#seen.set(c.id, c.version);
			if (matchesFilters(c, true, ctx)) next.set(c.id, c);
		}
		this.#cards = next;
		const more = { ...this.#more };
		if (page.next) more[stage] = page.next;
		else delete more[stage];
		this.#more = more;
		const loaded = [...next.values()].filter((c) => c.stage === stage).length;
		this.#unloaded = { ...this.#unloaded, [stage]: page.next ? Math.max(0, page.count - loaded) : 0 };
	}

	/** Replaces (or hides, when it left the filter) a held card, keeping the per-column totals in step. */
	put(card: BoardCard, visible = true): void {
		const next = new Map(this.#cards);
		const held = next.get(card.id);
		if (visible) next.set(card.id, card);
		else next.delete(card.id);
		if (held && held.stage !== card.stage) {
			const totals = { ...this.#totals };
			bumpTotal(totals, held.stage, -1);
			bumpTotal(totals, card.stage, 1);
			this.#totals = totals;
		}
		this.#cards = next;
	}

	/** The server's copy wins unless a newer version already arrived through the room. */
	accept(card: BoardCard): void {
		if (card.version < (this.#seen.get(card.id) ?? 0)) return;
		this.#seen.set(card.id, card.version);
		this.put(card, matchesFilters(card, true, this.#ctx()));
	}

	/** Undoes an optimistic copy: the server's card when it sent one, else the card as it was. */
	rollback(prev: BoardCard, serverCard: BoardCard | null): void {
		if (serverCard) this.accept(serverCard);
		// Only if nothing newer replaced the optimistic copy meanwhile.
		else if ((this.#seen.get(prev.id) ?? 0) <= prev.version) this.put(prev);
	}
}
