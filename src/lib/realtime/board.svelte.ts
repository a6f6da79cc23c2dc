import { getContext, setContext } from 'svelte';
import type { Role, Stage } from '$lib/domain/stages';
import type { BoardFilters } from '$lib/schemas/board';
import {
	applyCardEvents,
	bumpTotal,
	COLUMN_PAGE,
	groupColumns,
	matchesFilters,
	neighbours,
	NO_FILTERS,
	optimisticPosition,
	shownAfterMove,
	touchesColumns,
	withUnrendered,
	type MatchContext,
	type SeenVersions,
	type Totals
} from './board-logic';
import type { BoardTransport } from './board-transport';
import { Retry } from './backoff';
import { connectBoard } from './board-connection';
import { Notices } from './notices.svelte';
import type { BoardCard, BoardSettings, BoardSnapshot, CardEvent, MoveRequest, MoveResult, PresenceUser } from './types';

export type ConnectionStatus = 'en_vivo' | 'reconectando' | 'desconectado';

export interface BoardUser {
	id: string;
	role: Role;
}

export interface BoardStateOptions {
	transport: BoardTransport | null;
	user: BoardUser;
	snapshot: BoardSnapshot;
	filters?: BoardFilters;
	heartbeatMs?: number;
}

/**
 * One board's live state: the cards this viewer may see under the current filter, kept in step
 * with the server through versioned events, plus drag, presence and connection status.
 */
export class BoardState {
	#transport: BoardTransport | null;
	#user: BoardUser;
	#heartbeatMs: number;
	#cards = $state.raw(new Map<string, BoardCard>());
	/** Highest version seen per card (removed ones too); not rendered, so not reactive. */
	#seen: SeenVersions = new Map();
	#lastSeq = $state(0);
	#totals = $state.raw<Totals>({});
	#settings = $state.raw<BoardSettings>({ wipLimits: {}, sla: {}, recentDays: 14 });
	#filters = $state.raw<BoardFilters>(NO_FILTERS);
	#status = $state<ConnectionStatus>('reconectando');
	#lastUpdateAt = $state<number | null>(null);
	#presence = $state.raw<PresenceUser[]>([]);
	#clock = $state(Date.now());
	#clockOffset = 0;
	#pending = $state.raw(new Set<string>());
	// Drag: per-column lists shown while dnd-action owns the order, and the events held back meanwhile.
	#drag = $state.raw<Partial<Record<Stage, BoardCard[]>> | null>(null);
	#dragStages = new Set<Stage>();
	#dragId: string | null = null;
	#queue: CardEvent[] = [];
	#resyncAfterDrag = false;
	// Resync: one in flight at a time; live events that arrive meanwhile, or while a failed one
	// waits for its retry, wait in the buffer.
	#syncing: Promise<void> | null = null;
	#buffer: CardEvent[] = [];
	#retry = new Retry(() => this.#transport?.isConnected() && void this.resync());
	#openCardId: string | null = null;
	#loaded: BoardSnapshot | null = null;
	#dragEndedAt = 0;
	/** How many cards each column renders (COLUMN_PAGE unless «Mostrar más» or a move widened it). */
	#shown = $state.raw<Partial<Record<Stage, number>>>({});

	readonly notices = new Notices();
	readonly columns = $derived(groupColumns(this.#cards.values()));
	/** Who has which card open, so each card looks itself up instead of scanning the presence list. */
	readonly #editors = $derived.by(() => {
		const by = new Map<string, PresenceUser[]>();
		for (const p of this.#presence) {
			if (!p.cardId || p.userId === this.#user.id) continue;
			const list = by.get(p.cardId);
			if (list) list.push(p);
			else by.set(p.cardId, [p]);
		}
		return by;
	});

	constructor(opts: BoardStateOptions) {
		this.#transport = opts.transport;
		this.#user = opts.user;
		this.#heartbeatMs = opts.heartbeatMs ?? 15_000;
		this.#filters = opts.filters ?? NO_FILTERS;
		this.applySnapshot(opts.snapshot, true);
		this.#loaded = opts.snapshot;
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
	get status(): ConnectionStatus {
		return this.#status;
	}
	get lastUpdateAt(): number | null {
		return this.#lastUpdateAt;
	}
	get user(): BoardUser {
		return this.#user;
	}
	get dragging(): boolean {
		return this.#drag !== null;
	}
	/** A drop can end in a click on the card's link; that click must not open the card. */
	get justDropped(): boolean {
		return Date.now() - this.#dragEndedAt < 400;
	}
	/** The server's clock, ticking every 30 s: drives the age of each card. */
	get now(): number {
		return this.#clock + this.#clockOffset;
	}
	get presence(): PresenceUser[] {
		return this.#presence;
	}
	get viewers(): PresenceUser[] {
		return [...new Map(this.#presence.map((p) => [p.userId, p])).values()];
	}

	editorsOf(cardId: string): PresenceUser[] {
		return this.#editors.get(cardId) ?? NOBODY;
	}
	isPending(cardId: string): boolean {
		return this.#pending.has(cardId);
	}

	// ── progressive rendering: a column renders its first cards; the rest wait for «Mostrar más» ──

	/** How many of a column's cards are rendered (the count in its header is always the whole column). */
	shownCount(stage: Stage): number {
		return this.#shown[stage] ?? COLUMN_PAGE;
	}
	/** Cards of the column that are not rendered yet. */
	hiddenCount(stage: Stage): number {
		return Math.max(0, this.columns[stage].length - this.shownCount(stage));
	}
	/** What a column renders: dnd-action's working list during a drag, else its first shownCount cards in order. */
	visibleFor(stage: Stage): BoardCard[] {
		return this.#drag?.[stage] ?? this.columns[stage].slice(0, this.shownCount(stage));
	}
	/** Renders up to `more` further cards of the column. */
	showMore(stage: Stage, more = COLUMN_PAGE): void {
		const shown = Math.min(this.shownCount(stage), this.columns[stage].length);
		this.#shown = { ...this.#shown, [stage]: shown + more };
	}

	/** A card this viewer just moved stays rendered where it landed, even past the column's window. */
	#keepInView(stage: Stage, cardId: string, entered: boolean) {
		const index = this.columns[stage].findIndex((c) => c.id === cardId);
		if (index < 0) return;
		const shown = shownAfterMove(this.shownCount(stage), index, entered);
		if (shown !== this.shownCount(stage)) this.#shown = { ...this.#shown, [stage]: shown };
	}

	#ctx(): MatchContext {
		return { filters: this.#filters, recentDays: this.#settings.recentDays, nowMs: this.now };
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
		this.#syncClock(s.serverTime);
	}

	/** New filters from the URL and the snapshot the load computed for them. */
	load(snapshot: BoardSnapshot, filters: BoardFilters): void {
		if (snapshot === this.#loaded) return;
		this.#loaded = snapshot;
		this.#filters = filters;
		this.applySnapshot(snapshot, true);
		// The snapshot was read a moment ago; replay whatever happened since.
		if (this.#transport?.isConnected()) void this.resync();
	}

	#syncClock(serverTime: string) {
		const t = Date.parse(serverTime);
		if (Number.isFinite(t)) this.#clockOffset = t - Date.now();
		this.#clock = Date.now();
		this.#lastUpdateAt = Date.now();
	}

	#applyEvents(events: CardEvent[]): void {
		const next = new Map(this.#cards);
		const totals = { ...this.#totals };
		if (applyCardEvents(next, this.#seen, totals, events, this.#ctx())) {
			this.#cards = next;
			this.#totals = totals;
		}
		for (const e of events) if (e.seq > this.#lastSeq) this.#lastSeq = e.seq;
		this.#lastUpdateAt = Date.now();
	}

	/** One live event: applied now, held while its columns are being dragged, or a gap → resync. */
	receive(e: CardEvent): void {
		if (this.#syncing) {
			this.#buffer.push(e);
			return;
		}
		// Technicians only receive their own cards' events, so skipped seqs are normal for them;
		// the heartbeat's lastSeq catches anything they really missed.
		if (e.seq > this.#lastSeq + 1 && this.#user.role !== 'technician') {
			if (this.dragging) {
				this.#queue.push(e);
				this.#resyncAfterDrag = true;
			} else {
				this.#buffer.push(e);
				if (!this.#retry.waiting) void this.resync();
			}
			return;
		}
		if (this.dragging && (e.cardId === this.#dragId || touchesColumns(e, this.#cards.get(e.cardId), this.#dragStages))) {
			this.#queue.push(e);
			if (e.seq > this.#lastSeq) this.#lastSeq = e.seq;
			return;
		}
		this.#applyEvents([e]);
	}

	/** Asks for everything after lastSeq (or a fresh snapshot); deferred while dragging. */
	resync(): Promise<void> {
		if (!this.#transport) return Promise.resolve();
		if (this.dragging) {
			this.#resyncAfterDrag = true;
			return Promise.resolve();
		}
		if (this.#syncing) return this.#syncing;
		// A failed catch-up is retried with backoff (an outage or a rate limit must not become a
		// request per round trip); a reconnect or a visible tab may only bring the retry forward.
		if (!this.#retry.begin()) return Promise.resolve();
		this.#syncing = this.#fetchSince().then((ok) => {
			this.#syncing = null;
			if (!ok) return this.#retry.failed();
			this.#retry.succeeded();
			const buffered = this.#buffer.sort((a, b) => a.seq - b.seq);
			this.#buffer = [];
			for (const e of buffered) this.receive(e);
		});
		return this.#syncing;
	}

	async #fetchSince(): Promise<boolean> {
		const t = this.#transport!;
		try {
			const res = await t.since(this.#lastSeq);
			if ('error' in res) throw new Error(res.error);
			if ('snapshot' in res) this.applySnapshot(res.snapshot, false);
			else {
				this.#applyEvents([...res.events].sort((a, b) => a.seq - b.seq));
				// Catch-up sends one event per changed card, so its seqs skip; the answer says where we are.
				if (res.lastSeq > this.#lastSeq) this.#lastSeq = res.lastSeq;
			}
			if (t.isConnected()) this.#status = 'en_vivo';
			return true;
		} catch {
			if (!t.isConnected()) this.#status = 'reconectando';
			return false;
		}
	}

	async heartbeat(): Promise<void> {
		const t = this.#transport;
		if (!t?.isConnected()) return;
		try {
			const hb = await t.heartbeat();
			this.#syncClock(hb.serverTime);
			if (hb.lastSeq > this.#lastSeq) await this.resync();
			else this.#status = 'en_vivo';
		} catch {
			if (!t.isConnected()) this.#status = 'reconectando';
		}
	}

	// ── drag lifecycle (svelte-dnd-action) ──

	/** Columns a drag touches: their remote events wait until endDrag() so the drop isn't disturbed. */
	beginDrag(stages: Stage[], cardId: string | null = null): void {
		this.#drag ??= {};
		for (const s of stages) this.#dragStages.add(s);
		this.#dragId ??= cardId;
	}

	updateDrag(stage: Stage, items: BoardCard[]): void {
		this.beginDrag([stage]);
		this.#drag = { ...this.#drag, [stage]: items };
	}

	/** Ends the drag: sends the move the final order implies (if any), then merges held events. */
	endDrag(): Promise<MoveResult | null> {
		const drag = this.#drag;
		if (!drag) return Promise.resolve(null);
		const id = this.#dragId;
		let req: MoveRequest | null = null;
		const card = id ? this.#cards.get(id) : undefined;
		const target = (Object.entries(drag) as [Stage, BoardCard[]][]).find(([, items]) => items.some((c) => c.id === id));
		if (card && target) {
			const [stage, items] = target;
			// The drag list holds the rendered cards only; the hidden rest of the column follows them.
			const now = neighbours(withUnrendered(items, this.columns[stage], card.id), card.id);
			const before = neighbours(this.columns[card.stage], card.id);
			if (stage !== card.stage || now.afterId !== before.afterId || now.beforeId !== before.beforeId) {
				req = { cardId: card.id, toStage: stage, afterId: now.afterId, beforeId: now.beforeId, version: card.version };
			}
		}
		// The optimistic copy goes in before the drag lists go away, so the card never flashes back.
		const prev = req ? this.#applyOptimistic(req) : null;
		this.#drag = null;
		this.#dragEndedAt = Date.now();
		this.#dragStages.clear();
		this.#dragId = null;
		const queued = this.#queue.sort((a, b) => a.seq - b.seq);
		this.#queue = [];
		if (this.#resyncAfterDrag) {
			this.#resyncAfterDrag = false;
			this.#buffer.push(...queued);
			void this.resync();
		} else if (queued.length) this.#applyEvents(queued);
		return req && prev ? this.#send(req, prev) : Promise.resolve(null);
	}

	// ── moves ──

	/** Optimistic move; springs back with the server's reasons when refused. */
	move(req: MoveRequest): Promise<MoveResult | null> {
		const prev = this.#applyOptimistic(req);
		return prev ? this.#send(req, prev) : Promise.resolve(null);
	}

	#applyOptimistic(req: MoveRequest): BoardCard | null {
		const card = this.#cards.get(req.cardId);
		if (!card) return null;
		const position = optimisticPosition(this.columns[req.toStage], card.id, req);
		const moved = card.stage !== req.toStage;
		this.#put({ ...card, stage: req.toStage, position, stageChangedAt: moved ? new Date(this.now).toISOString() : card.stageChangedAt });
		this.#keepInView(req.toStage, card.id, moved);
		return card;
	}

	/** Replaces (or hides, when it left the filter) a held card, keeping the per-column totals in step. */
	#put(card: BoardCard, visible = true) {
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

	async #send(req: MoveRequest, prev: BoardCard): Promise<MoveResult | null> {
		this.#pending = new Set(this.#pending).add(req.cardId);
		let res: MoveResult;
		try {
			if (!this.#transport) throw new Error('offline');
			res = await this.#transport.move(req);
		} catch {
			this.#rollback(prev, null);
			this.notices.push({ kind: 'no_response', cardName: prev.fullName });
			void this.resync();
			return null;
		} finally {
			const p = new Set(this.#pending);
			p.delete(req.cardId);
			this.#pending = p;
		}
		if (res.ok) {
			this.#accept(res.card);
			// The server may have placed it elsewhere than the optimistic guess (a stale anchor).
			if (this.#cards.get(res.card.id) === res.card) this.#keepInView(res.card.stage, res.card.id, false);
		} else {
			this.#rollback(prev, res.card);
			const mayOverride = res.overridable && (this.#user.role === 'admin' || this.#user.role === 'coordinator');
			this.notices.push({
				kind: 'refused',
				cardName: prev.fullName,
				message: res.message,
				reasons: res.reasons,
				retry: mayOverride ? req : null
			});
		}
		return res;
	}

	/** The server's copy wins unless a newer version already arrived through the room. */
	#accept(card: BoardCard) {
		if (card.version < (this.#seen.get(card.id) ?? 0)) return;
		this.#seen.set(card.id, card.version);
		this.#put(card, matchesFilters(card, true, this.#ctx()));
	}

	#rollback(prev: BoardCard, serverCard: BoardCard | null) {
		if (serverCard) this.#accept(serverCard);
		// Only if nothing newer replaced the optimistic copy meanwhile.
		else if ((this.#seen.get(prev.id) ?? 0) <= prev.version) this.#put(prev);
	}

	// ── connection, presence ──

	/** Tells the others which card this person has open (null when the panel closes). */
	openCard(cardId: string | null): void {
		this.#openCardId = cardId;
		if (this.#transport?.isConnected()) this.#transport.openCard(cardId);
	}

	/** Starts listening (browser only); returns the cleanup. */
	connect(): () => void {
		if (!this.#transport) return () => {};
		this.#retry.start();
		const off = connectBoard(this, this.#transport, this.#heartbeatMs);
		return () => {
			off();
			this.#retry.stop();
		};
	}

	/** (Re)connected: tell the room which card is open again, then catch up. */
	online(): void {
		if (this.#openCardId) this.#transport?.openCard(this.#openCardId);
		void this.resync();
	}

	offline(serverClosed: boolean): void {
		this.#status = serverClosed ? 'desconectado' : 'reconectando';
	}

	endSession(message: string): void {
		this.#status = 'desconectado';
		this.notices.push({ kind: 'session', message });
	}

	setPresence(users: PresenceUser[]): void {
		this.#presence = users;
	}

	tick(): void {
		this.#clock = Date.now();
	}
}

const NOBODY: PresenceUser[] = [];

const KEY = Symbol('board-state');

export function setBoardContext(board: BoardState): BoardState {
	return setContext(KEY, board);
}

export function getBoardContext(): BoardState {
	const board = getContext<BoardState | undefined>(KEY);
	if (!board) throw new Error('getBoardContext() needs a BoardState from setBoardContext() in a parent component');
	return board;
}
