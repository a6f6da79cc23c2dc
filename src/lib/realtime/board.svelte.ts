import { getContext, setContext } from 'svelte';
import type { Role, Stage } from '$lib/domain/stages';
import type { BoardFilters } from '$lib/schemas/board';
import { COLUMN_PAGE, NO_FILTERS, type Columns, type Totals } from './board-logic';
import { filterParams } from '$lib/domain/board-pages';
import { connectBoard, type ConnectedBoard } from './board-connection';
import { BoardMoves, type AskingMove, type CancelDetails } from './board-moves.svelte';
import { BoardSync, type ConnectionStatus } from './board-sync.svelte';
import type { BoardTransport } from './board-transport';
import { CardStore } from './card-store.svelte';
import { ColumnWindow } from './column-window.svelte';
import { DragQueue } from './drag-queue.svelte';
import { Notices } from './notices.svelte';
import { Presence } from './presence.svelte';
import { ServerClock } from './server-clock.svelte';
import type { BoardCard, BoardSettings, BoardSnapshot, CardEvent, MoveRequest, MoveResult, PresenceUser } from '$lib/types/board';

export type { ConnectionStatus } from './board-sync.svelte';
export type { AskingMove, CancelDetails } from './board-moves.svelte';

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
 * with the server through versioned events, plus drag, presence and connection status. Each
 * concern lives in its own class; this one only composes them behind the components' API.
 */
export class BoardState implements ConnectedBoard {
	#transport: BoardTransport | null;
	#user: BoardUser;
	#heartbeatMs: number;
	#loaded: BoardSnapshot | null = null;
	#clock = new ServerClock();
	#store: CardStore;
	#drag = new DragQueue();
	#window: ColumnWindow;
	#sync: BoardSync;
	#presence: Presence;
	#moves: BoardMoves;
	/** Columns whose next page is on its way; a new snapshot (filters) makes answers for the old one moot. */
	#paging = new Set<Stage>();
	#generation = 0;

	readonly notices = new Notices();

	constructor(opts: BoardStateOptions) {
		this.#transport = opts.transport;
		this.#user = opts.user;
		this.#heartbeatMs = opts.heartbeatMs ?? 15_000;
		const deps = { transport: opts.transport, role: opts.user.role, clock: this.#clock };
		this.#store = new CardStore(this.#clock, opts.filters ?? NO_FILTERS);
		this.#window = new ColumnWindow(
			() => this.#store.columns,
			(stage) => this.#store.countOf(stage)
		);
		this.#sync = new BoardSync({ ...deps, store: this.#store, drag: this.#drag });
		this.#presence = new Presence(opts.transport, opts.user.id);
		this.#moves = new BoardMoves({
			...deps,
			store: this.#store,
			window: this.#window,
			notices: this.notices,
			resync: () => this.resync()
		});
		this.applySnapshot(opts.snapshot, true);
		this.#loaded = opts.snapshot;
	}

	get cards(): ReadonlyMap<string, BoardCard> {
		return this.#store.cards;
	}
	get columns(): Columns {
		return this.#store.columns;
	}
	get lastSeq(): number {
		return this.#store.lastSeq;
	}
	get totals(): Totals {
		return this.#store.totals;
	}
	get settings(): BoardSettings {
		return this.#store.settings;
	}
	get filters(): BoardFilters {
		return this.#store.filters;
	}
	get status(): ConnectionStatus {
		return this.#sync.status;
	}
	get lastUpdateAt(): number | null {
		return this.#clock.lastUpdateAt;
	}
	get user(): BoardUser {
		return this.#user;
	}
	get dragging(): boolean {
		return this.#drag.active;
	}
	/** A drop can end in a click on the card's link; that click must not open the card. */
	get justDropped(): boolean {
		return this.#drag.justDropped;
	}
	/** The server's clock, ticking every 30 s: drives the age of each card. */
	get now(): number {
		return this.#clock.now;
	}
	get presence(): PresenceUser[] {
		return this.#presence.users;
	}
	get viewers(): PresenceUser[] {
		return this.#presence.viewers;
	}

	editorsOf(cardId: string): PresenceUser[] {
		return this.#presence.editorsOf(cardId);
	}
	isPending(cardId: string): boolean {
		return this.#moves.isPending(cardId);
	}

	// ── progressive rendering ──

	shownCount(stage: Stage): number {
		return this.#window.shownCount(stage);
	}
	hiddenCount(stage: Stage): number {
		return this.#window.hiddenCount(stage);
	}
	/** What a column renders: dnd-action's working list during a drag, else its window of cards. */
	visibleFor(stage: Stage): BoardCard[] {
		return this.#drag.list(stage) ?? this.#window.visible(stage);
	}
	/** Every card of the column under the filter, loaded or not. */
	countOf(stage: Stage): number {
		return this.#store.countOf(stage);
	}
	showMore(stage: Stage, more?: number): void {
		this.#window.showMore(stage, more);
		// Ask for the column's next page while the loaded cards still cover what the window will want next.
		if (this.#window.shownCount(stage) + COLUMN_PAGE >= this.#store.columns[stage].length) void this.loadPage(stage);
	}

	/** Fetches the column's next page (board:page), once at a time per column; nothing when it is all here. */
	async loadPage(stage: Stage): Promise<void> {
		const after = this.#store.nextPage(stage);
		if (!after || !this.#transport || this.#paging.has(stage)) return;
		this.#paging.add(stage);
		const generation = this.#generation;
		try {
			const res = await this.#transport.page({ stage, after, filters: filterParams(this.#store.filters) });
			if (generation !== this.#generation) return;
			if ('error' in res) this.notices.push({ kind: 'info', message: res.message ?? res.error });
			else this.#store.addPage(stage, res);
		} catch {
			// Offline or slow: the column keeps what it has, and scrolling (or «Mostrar más») asks again.
		} finally {
			if (generation === this.#generation) this.#paging.delete(stage);
		}
	}

	// ── sync ──

	/** A snapshot from the page load (already filtered by the server) or from board:since. */
	applySnapshot(s: BoardSnapshot, serverFiltered: boolean): void {
		this.#generation++;
		this.#paging.clear();
		this.#store.applySnapshot(s, serverFiltered);
	}

	/** New filters from the URL and the snapshot the load computed for them. */
	load(snapshot: BoardSnapshot, filters: BoardFilters): void {
		if (snapshot === this.#loaded) return;
		this.#loaded = snapshot;
		this.#store.setFilters(filters);
		this.applySnapshot(snapshot, true);
		// The snapshot was read a moment ago; replay whatever happened since.
		if (this.#transport?.isConnected()) void this.resync();
	}

	receive(e: CardEvent): void {
		this.#sync.receive(e);
	}
	resync(): Promise<void> {
		return this.#sync.resync();
	}
	heartbeat(): Promise<void> {
		return this.#sync.heartbeat();
	}

	// ── drag lifecycle (svelte-dnd-action) ──

	beginDrag(stages: Stage[], cardId: string | null = null): void {
		this.#drag.begin(stages, cardId);
	}
	updateDrag(stage: Stage, items: BoardCard[]): void {
		this.#drag.update(stage, items);
	}

	/** Ends the drag: sends the move the final order implies (if any), then merges held events. */
	endDrag(): Promise<MoveResult | null> {
		if (!this.#drag.active) return Promise.resolve(null);
		const req = this.#drag.intendedMove(this.#store.cards, this.#store.columns);
		// The optimistic copy goes in before the drag lists go away, so the card never flashes back.
		const prev = req ? this.#moves.applyOptimistic(req) : null;
		this.#sync.afterDrag(this.#drag.finish());
		return req && prev ? this.#moves.sendOrAsk(req, prev) : Promise.resolve(null);
	}

	// ── moves ──

	move(req: MoveRequest): Promise<MoveResult | null> {
		return this.#moves.move(req);
	}

	/** The move waiting for the cancel or reopen dialog, if any. */
	get asking(): AskingMove | null {
		return this.#moves.asking;
	}
	/** Asks to reopen a cancelled card (its move menu): the same dialog a drop out of «Cancelada» opens. */
	askReopen(cardId: string): Promise<MoveResult | null> {
		const card = this.#store.cards.get(cardId);
		const mayReopen = this.#user.role === 'admin' || this.#user.role === 'coordinator';
		return card && mayReopen && card.stage === 'cancelada'
			? this.#moves.sendOrAsk({ cardId, toStage: 'preinstalacion', version: card.version }, card)
			: Promise.resolve(null);
	}
	/** Asks to cancel a card with its reason already chosen (the follow-up's «no localizable» suggestion): the cancel dialog opens. */
	askCancel(cardId: string, reason: string): Promise<MoveResult | null> {
		const card = this.#store.cards.get(cardId);
		return card && card.stage !== 'cancelada'
			? this.#moves.move({ cardId, toStage: 'cancelada', version: card.version }, reason)
			: Promise.resolve(null);
	}
	confirmCancel(details: CancelDetails): Promise<MoveResult | null> {
		return this.#moves.confirmCancel(details);
	}
	dismissAsk(): void {
		this.#moves.dismissAsk();
	}

	// ── connection, presence ──

	openCard(cardId: string | null): void {
		this.#presence.open(cardId);
	}

	/** Starts listening (browser only); returns the cleanup. */
	connect(): () => void {
		if (!this.#transport) return () => {};
		const stopRetry = this.#sync.start();
		const off = connectBoard(this, this.#transport, this.#heartbeatMs);
		return () => {
			off();
			stopRetry();
		};
	}

	/** (Re)connected: tell the room which card is open again, then catch up. */
	online(): void {
		this.#presence.announce();
		void this.resync();
	}
	offline(serverClosed: boolean): void {
		this.#sync.offline(serverClosed);
	}
	endSession(message: string): void {
		this.#sync.ended();
		this.notices.push({ kind: 'session', message });
	}
	setPresence(users: PresenceUser[]): void {
		this.#presence.set(users);
	}
	tick(): void {
		this.#clock.tick();
	}
}

const KEY = Symbol('board-state');

export function setBoardContext(board: BoardState): BoardState {
	return setContext(KEY, board);
}

/** The board around this component, or null on a page without one (the card's own page). */
export function maybeBoardContext(): BoardState | null {
	return getContext<BoardState | undefined>(KEY) ?? null;
}

export function getBoardContext(): BoardState {
	const board = getContext<BoardState | undefined>(KEY);
	if (!board) throw new Error('getBoardContext() needs a BoardState from setBoardContext() in a parent component');
	return board;
}
