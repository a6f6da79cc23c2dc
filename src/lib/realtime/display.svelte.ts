import { io, type Socket } from 'socket.io-client';
import { todayIn } from '$lib/domain/dates';
import { applyDisplayEvent, buildColumns, dayTotals, isMove, todayByTechnician } from '$lib/components/display/logic';
import type { DisplayCard, DisplayEvent, DisplaySince, DisplaySnapshot } from '$lib/schemas/displays';

export type FeedStatus = 'connecting' | 'live' | 'offline' | 'revoked';

/** Must match the server (src/lib/server/realtime/display.ts). */
const REVOKED = 'display:revoked';
const HEARTBEAT_MS = 10_000;
/** Full snapshot at least this often, as a backstop for anything missed. */
const RESYNC_MS = 60_000;
/** A card that just moved stays highlighted this long. */
export const HIGHLIGHT_MS = 6_000;
/** No answer from the server for this long and the screen says "SIN CONEXIÓN". */
const STALE_MS = 25_000;

interface Options {
	/** Socket factory (tests and the bench pass their own). */
	connect?: (token: string) => Socket;
	now?: () => number;
}

/**
 * The wall display's state: one per page. Everything it holds is bounded (a map of the board's
 * cards, replaced on each change, and a map of highlights that expire), and every timer and
 * listener is released in stop(), so a TV can stay on this page for days.
 */
export class DisplayState {
	#cards = $state.raw<ReadonlyMap<string, DisplayCard>>(new Map());
	#highlights = $state.raw<ReadonlyMap<string, number>>(new Map());
	#snapshot = $state.raw<Omit<DisplaySnapshot, 'cards'>>();
	status = $state<FeedStatus>('connecting');
	nowMs = $state(Date.now());
	offlineSince = $state<number | null>(null);

	#lastSeq = 0;
	#lastHeard = 0;
	#socket: Socket | null = null;
	#timers: ReturnType<typeof setInterval>[] = [];
	#retry: ReturnType<typeof setTimeout> | null = null;
	#token: string;
	#opts: Options;

	constructor(token: string, initial: DisplaySnapshot, opts: Options = {}) {
		this.#token = token;
		this.#opts = opts;
		this.#load(initial);
	}

	get settings() {
		return this.#snapshot!.settings;
	}
	get timeZone() {
		return this.#snapshot!.timeZone;
	}
	get orgName() {
		return this.#snapshot!.orgName;
	}
	get cardCount() {
		return this.#cards.size;
	}
	get lastSeq() {
		return this.#lastSeq;
	}

	today = $derived(todayIn(this.#snapshot!.timeZone, new Date(Math.floor(this.nowMs / 60_000) * 60_000)));
	columns = $derived(buildColumns(this.#cards.values(), this.#snapshot!.settings));
	strip = $derived(todayByTechnician(this.#cards.values(), this.today));
	totals = $derived(dayTotals(this.#cards.values(), this.today, this.#snapshot!.timeZone));

	isHighlighted(id: string): boolean {
		return (this.#highlights.get(id) ?? 0) > this.nowMs;
	}

	start(): void {
		if (this.#socket || this.status === 'revoked') return;
		const s = (this.#socket =
			this.#opts.connect?.(this.#token) ??
			io('/pantalla', {
				path: '/socket.io',
				auth: { token: this.#token },
				transports: ['websocket', 'polling'],
				reconnectionDelayMax: 5000
			}));
		s.on('connect', () => {
			this.#heard();
			void this.resync();
		});
		s.on('disconnect', (reason) => {
			this.#offline();
			// The server hung up on us: either a revoke (the handshake will now say so) or a restart.
			if (reason === 'io server disconnect') this.#reconnectSoon(1000);
		});
		s.on('connect_error', (err) => {
			if (err.message === REVOKED) return this.revoke();
			this.#offline();
			// Middleware refusals are not retried by socket.io itself.
			if (!s.active) this.#reconnectSoon(5000);
		});
		s.on(REVOKED, () => this.revoke());
		s.on('display:card', (e: DisplayEvent) => {
			this.#heard();
			this.apply(e);
		});
		this.#timers.push(
			setInterval(() => this.#tick(), 1000),
			setInterval(() => void this.#heartbeat(), HEARTBEAT_MS),
			setInterval(() => void this.resync(), RESYNC_MS)
		);
	}

	stop(): void {
		for (const t of this.#timers) clearInterval(t);
		this.#timers = [];
		if (this.#retry) clearTimeout(this.#retry);
		this.#retry = null;
		this.#socket?.removeAllListeners();
		this.#socket?.disconnect();
		this.#socket = null;
	}

	revoke(): void {
		this.status = 'revoked';
		this.stop();
		this.#cards = new Map();
	}

	apply(e: DisplayEvent): void {
		const before = this.#cards.get(e.cardId);
		const next = applyDisplayEvent(this.#cards, e);
		this.#lastSeq = Math.max(this.#lastSeq, e.seq);
		if (!next) return;
		this.#cards = next;
		if (isMove(before, e.card)) this.#highlights = new Map(this.#highlights).set(e.cardId, this.#now() + HIGHLIGHT_MS);
	}

	/** Replaces everything with a fresh snapshot from the server. */
	async resync(): Promise<void> {
		const res = await this.#ask<DisplaySince>('display:snapshot', undefined);
		if (res && 'snapshot' in res) this.#load(res.snapshot);
	}

	#load(snap: DisplaySnapshot): void {
		const { cards, ...rest } = snap;
		this.#snapshot = rest;
		this.#cards = new Map(cards.map((c) => [c.id, c]));
		this.#lastSeq = snap.lastSeq;
		this.#heard();
	}

	async #heartbeat(): Promise<void> {
		const res = await this.#ask<{ serverTime: string; lastSeq: number } | { error: string }>('heartbeat', undefined);
		if (!res || 'error' in res) return;
		if (res.lastSeq > this.#lastSeq) {
			const missed = await this.#ask<DisplaySince>('display:since', { lastSeq: this.#lastSeq });
			if (missed && 'snapshot' in missed) this.#load(missed.snapshot);
			else if (missed && 'events' in missed) {
				for (const e of missed.events) this.apply(e);
				this.#lastSeq = Math.max(this.#lastSeq, missed.lastSeq);
			}
		}
	}

	/** Emits with a timeout; a failure counts as silence (the tick turns that into "offline"). */
	#ask<T>(event: string, payload: unknown): Promise<T | null> {
		const s = this.#socket;
		if (!s?.connected) return Promise.resolve(null);
		return new Promise((resolve) => {
			const cb = (err: Error | null, res: T) => {
				if (err) return resolve(null);
				this.#heard();
				resolve(res);
			};
			if (payload === undefined) s.timeout(8000).emit(event, cb);
			else s.timeout(8000).emit(event, payload, cb);
		});
	}

	#tick(): void {
		const now = this.#now();
		this.nowMs = now;
		if (this.status === 'live' && now - this.#lastHeard > STALE_MS) this.#offline();
		let expired = false;
		for (const until of this.#highlights.values()) if (until <= now) expired = true;
		if (expired) this.#highlights = new Map([...this.#highlights].filter(([, until]) => until > now));
	}

	#heard(): void {
		this.#lastHeard = this.#now();
		if (this.status === 'revoked') return;
		if (this.#socket?.connected) {
			this.status = 'live';
			this.offlineSince = null;
		}
	}

	#offline(): void {
		if (this.status === 'revoked') return;
		this.status = 'offline';
		this.offlineSince ??= this.#now();
	}

	#reconnectSoon(ms: number): void {
		if (this.#retry) clearTimeout(this.#retry);
		this.#retry = setTimeout(() => {
			this.#retry = null;
			if (this.#socket && !this.#socket.connected && this.status !== 'revoked') this.#socket.connect();
		}, ms);
	}

	#now(): number {
		return this.#opts.now?.() ?? Date.now();
	}
}
