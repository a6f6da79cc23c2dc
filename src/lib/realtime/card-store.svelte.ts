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
import type { ServerClock } from './server-clock.svelte';
import type { BoardCard, BoardSettings, BoardSnapshot, CardEvent } from '$lib/types/board';

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
		this.#totals = { ...s.totals };
		this.#settings = s.settings;
		this.#lastSeq = s.lastSeq;
		this.#clock.sync(s.serverTime);
	}

	applyEvents(events: CardEvent[]): void {
		const next = new Map(this.#cards);
		const totals = { ...this.#totals };
		if (applyCardEvents(next, this.#seen, totals, events, this.#ctx())) {
			this.#cards = next;
			this.#totals = totals;
		}
		for (const e of events) this.advanceTo(e.seq);
		this.#clock.heard();
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
