// The board client's fakes, shared by its specs: a server that numbers events like the real one
// and a transport that talks to it (no sockets), so BoardState runs as in the browser.
import { BoardState } from './board.svelte';
import { pageAfter, type ColumnPage, type PageRequest } from '$lib/domain/board-pages';
import type { BoardTransport, SinceResult, TransportHandlers } from './board-transport';
import type { BoardCard, BoardSnapshot, CardEvent, MoveRequest, MoveResult } from '$lib/types/board';

export const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export function makeCard(n: number, over: Partial<BoardCard> = {}): BoardCard {
	return {
		id: uuid(n),
		folio: n,
		stage: 'preinstalacion',
		position: n * 1000,
		version: 1,
		fullName: `Cliente ${n}`,
		colonia: 'Centro',
		zoneId: null,
		zoneName: null,
		planId: null,
		planName: null,
		contractType: null,
		installationDate: null,
		installationTime: null,
		technicianId: null,
		technicianName: null,
		technicianColor: null,
		stageChangedAt: new Date().toISOString(),
		createdAt: new Date().toISOString(),
		cancelReason: null,
		cancelNote: null,
		wisphub: null,
		sheetSigned: false,
		payment: null,
		callAttempts: 0,
		lastCallAt: null,
		lastCallOutcome: null,
		nextContactAt: null,
		contractSigned: false,
		duplicateOf: [],
		badge: null,
		missing: [],
		...over
	};
}

/** The server's side of the contract, in memory: versions, seq and a bounded event log. */
export class FakeServer {
	cards = new Map<string, BoardCard>();
	seq = 0;
	log: CardEvent[] = [];
	/** Versions outlive deletions, as ids do in the database. */
	versions = new Map<string, number>();
	constructor(readonly keepEvents = 1000) {}

	add(card: BoardCard) {
		this.cards.set(card.id, card);
	}
	change(id: string, patch: Partial<BoardCard> | null, kind = 'card:updated'): CardEvent {
		const old = this.cards.get(id);
		const version = (this.versions.get(id) ?? old?.version ?? 0) + 1;
		this.versions.set(id, version);
		const card = patch === null ? null : ({ ...(old ?? makeCard(0, { id })), ...patch, version } as BoardCard);
		if (card) this.cards.set(id, card);
		else this.cards.delete(id);
		const e: CardEvent = { seq: ++this.seq, cardId: id, kind, version, card, actorId: null };
		this.log.push(e);
		return e;
	}
	snapshot(): BoardSnapshot {
		return {
			cards: [...this.cards.values()],
			totals: {},
			lastSeq: this.seq,
			settings: { wipLimits: {}, sla: {}, recentDays: 14, cancelReasons: [] },
			serverTime: new Date().toISOString()
		};
	}
	/** Like the server's catch-up: one event per changed card with its current state. */
	since(lastSeq: number): SinceResult {
		const rows = this.log.filter((e) => e.seq > lastSeq);
		if (rows.length > this.keepEvents) return { snapshot: this.snapshot() };
		const latest = new Map(rows.map((r) => [r.cardId, r]));
		const events = [...latest.values()].map((r) => ({
			...r,
			version: this.versions.get(r.cardId)!,
			card: this.cards.get(r.cardId) ?? null
		}));
		return { events, lastSeq: this.seq };
	}
}

export class FakeTransport implements BoardTransport {
	connected = true;
	handlers: TransportHandlers | null = null;
	sinceCalls: number[] = [];
	/** When each catch-up was asked for (Date.now(), simulated under fake timers). */
	sinceTimes: number[] = [];
	/** While set, catch-up answers as the server does when it refuses (e.g. over the rate limit). */
	sinceError: string | null = null;
	/** The answer's trip back: the server answers with its state when asked, the board gets it this much later. */
	latencyMs = 0;
	moves: MoveRequest[] = [];
	answer: (req: MoveRequest) => MoveResult = () => {
		throw new Error('no answer set');
	};
	constructor(readonly server: FakeServer) {}
	isConnected = () => this.connected;
	listen(h: TransportHandlers) {
		this.handlers = h;
		return () => (this.handlers = null);
	}
	async since(lastSeq: number): Promise<SinceResult> {
		this.sinceCalls.push(lastSeq);
		this.sinceTimes.push(Date.now());
		const res = this.sinceError ? { error: this.sinceError } : this.server.since(lastSeq);
		if (this.latencyMs) await new Promise((r) => setTimeout(r, this.latencyMs));
		return res;
	}
	pages: PageRequest[] = [];
	async page(req: PageRequest): Promise<ColumnPage> {
		this.pages.push(req);
		return pageAfter([...this.server.cards.values()], req.stage, req.after);
	}
	async move(req: MoveRequest) {
		this.moves.push(req);
		return this.answer(req);
	}
	async heartbeat() {
		return { serverTime: new Date().toISOString(), lastSeq: this.server.seq };
	}
	openCard() {}
}

export function setup(count = 4) {
	const server = new FakeServer();
	for (let i = 1; i <= count; i++) server.add(makeCard(i));
	const transport = new FakeTransport(server);
	const sut = new BoardState({ transport, user: { id: uuid(900), role: 'coordinator' }, snapshot: server.snapshot() });
	return { server, transport, sut };
}

export const flush = () => new Promise((r) => setTimeout(r, 0));
