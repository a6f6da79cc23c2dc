import type { Role } from '$lib/domain/stages';
import { Retry } from './backoff';
import type { BoardTransport } from './board-transport';
import type { CardStore } from './card-store.svelte';
import type { DragOutcome, DragQueue } from './drag-queue.svelte';
import type { ServerClock } from './server-clock.svelte';
import type { CardEvent } from '$lib/types/board';

export type ConnectionStatus = 'en_vivo' | 'reconectando' | 'desconectado';

interface SyncDeps {
	transport: BoardTransport | null;
	role: Role;
	store: CardStore;
	drag: DragQueue;
	clock: ServerClock;
}

/**
 * Keeps the store in step with the server: live events in seq order, a catch-up (board:since)
 * after a gap or a reconnect, the heartbeat, and the connection status the indicator shows.
 */
export class BoardSync {
	#d: SyncDeps;
	#status = $state<ConnectionStatus>('reconectando');
	// One resync in flight at a time; live events that arrive meanwhile, or while a failed one
	// waits for its retry, wait in the buffer.
	#syncing: Promise<void> | null = null;
	#buffer: CardEvent[] = [];
	#retry = new Retry(() => this.#d.transport?.isConnected() && void this.resync());

	constructor(deps: SyncDeps) {
		this.#d = deps;
	}

	get status(): ConnectionStatus {
		return this.#status;
	}

	/** One live event: applied now, held while its columns are being dragged, or a gap → resync. */
	receive(e: CardEvent): void {
		const { store, drag } = this.#d;
		if (this.#syncing) {
			this.#buffer.push(e);
			return;
		}
		// Technicians only receive their own cards' events, so skipped seqs are normal for them;
		// the heartbeat's lastSeq catches anything they really missed.
		if (e.seq > store.lastSeq + 1 && this.#d.role !== 'technician') {
			if (drag.active) drag.hold(e, true);
			else {
				this.#buffer.push(e);
				if (!this.#retry.waiting) void this.resync();
			}
			return;
		}
		if (drag.disturbs(e, store.cards.get(e.cardId))) {
			drag.hold(e);
			store.advanceTo(e.seq);
			return;
		}
		store.applyEvents([e]);
	}

	/** Asks for everything after lastSeq (or a fresh snapshot); deferred while dragging. */
	resync(): Promise<void> {
		if (!this.#d.transport) return Promise.resolve();
		if (this.#d.drag.active) {
			this.#d.drag.deferResync();
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

	/** Merges what a drag held back: a catch-up when it saw a gap, else the held events themselves. */
	afterDrag({ queued, resync }: DragOutcome): void {
		if (resync) {
			this.#buffer.push(...queued);
			void this.resync();
		} else if (queued.length) this.#d.store.applyEvents(queued);
	}

	async #fetchSince(): Promise<boolean> {
		const { store } = this.#d;
		const t = this.#d.transport!;
		try {
			const res = await t.since(store.lastSeq);
			if ('error' in res) throw new Error(res.error);
			if ('snapshot' in res) store.applySnapshot(res.snapshot, false);
			else {
				store.applyEvents([...res.events].sort((a, b) => a.seq - b.seq));
				// Catch-up sends one event per changed card, so its seqs skip; the answer says where we are.
				store.advanceTo(res.lastSeq);
			}
			if (t.isConnected()) this.#status = 'en_vivo';
			return true;
		} catch {
			if (!t.isConnected()) this.#status = 'reconectando';
			return false;
		}
	}

	async heartbeat(): Promise<void> {
		const t = this.#d.transport;
		if (!t?.isConnected()) return;
		try {
			const hb = await t.heartbeat();
			this.#d.clock.sync(hb.serverTime);
			if (hb.lastSeq > this.#d.store.lastSeq) await this.resync();
			else this.#status = 'en_vivo';
		} catch {
			if (!t.isConnected()) this.#status = 'reconectando';
		}
	}

	/** Starts the retry timer's life (browser only); returns its stop. */
	start(): () => void {
		this.#retry.start();
		return () => this.#retry.stop();
	}

	offline(serverClosed: boolean): void {
		this.#status = serverClosed ? 'desconectado' : 'reconectando';
	}

	/** The server ended the session: nothing will reconnect this board. */
	ended(): void {
		this.#status = 'desconectado';
	}
}
