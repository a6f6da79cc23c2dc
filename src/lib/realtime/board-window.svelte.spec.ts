// BoardState, continued (board.svelte.spec.ts has the rest): the column window, a failing
// catch-up, and moves that wait for a dialog.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { COLUMN_PAGE } from './board-logic';
import { BoardState } from './board.svelte';
import type { BoardCard, MoveRequest, MoveResult } from '$lib/types/board';
import { FakeServer, FakeTransport, flush, makeCard, setup, uuid } from './board-fakes.spec-helpers';

describe('BoardState', () => {
	describe('a column longer than its window', () => {
		// Two whole pages and part of a third.
		const LONG = COLUMN_PAGE * 2 + Math.ceil(COLUMN_PAGE / 2);
		const ids = (list: BoardCard[]) => list.map((c) => c.id);

		it('renders its first cards, counts them all, and shows the rest on demand', () => {
			const { sut } = setup(LONG);
			expect(sut.columns.preinstalacion).toHaveLength(LONG);
			expect(ids(sut.visibleFor('preinstalacion'))).toEqual(ids(sut.columns.preinstalacion.slice(0, COLUMN_PAGE)));
			expect(sut.hiddenCount('preinstalacion')).toBe(LONG - COLUMN_PAGE);
			sut.showMore('preinstalacion');
			expect(sut.visibleFor('preinstalacion')).toHaveLength(COLUMN_PAGE * 2);
			sut.showMore('preinstalacion');
			expect(ids(sut.visibleFor('preinstalacion'))).toEqual(ids(sut.columns.preinstalacion));
			expect(sut.hiddenCount('preinstalacion')).toBe(0);
			expect(sut.visibleFor('agendada')).toEqual([]);
		});

		it('anchors a drop at the bottom of the window on the first hidden card', async () => {
			const { server, transport, sut } = setup(LONG);
			server.add(makeCard(900, { stage: 'agendada', position: 1 }));
			sut.applySnapshot(server.snapshot(), true);
			transport.answer = (req) => ({
				ok: true,
				card: server.change(req.cardId, { stage: req.toStage, position: COLUMN_PAGE * 1000 + 500 }).card!,
				seq: server.seq
			});
			const window = sut.visibleFor('preinstalacion');
			const incoming = sut.cards.get(uuid(900))!;
			// dnd-action: the card leaves «agendada» and lands under the last rendered card of «preinstalación».
			sut.beginDrag(['agendada'], incoming.id);
			sut.updateDrag('agendada', []);
			sut.updateDrag('preinstalacion', [...window, incoming]);
			const done = sut.endDrag();
			expect(transport.moves).toEqual([
				{ cardId: uuid(900), toStage: 'preinstalacion', afterId: uuid(COLUMN_PAGE), beforeId: uuid(COLUMN_PAGE + 1), version: 1 }
			]);
			// Right after the drop: in its global place, still rendered, and nothing that was rendered went away.
			expect(sut.columns.preinstalacion.findIndex((c) => c.id === uuid(900))).toBe(COLUMN_PAGE);
			expect(ids(sut.visibleFor('preinstalacion'))).toEqual([...ids(window), uuid(900)]);
			await done;
			expect(sut.cards.get(uuid(900))?.position).toBe(COLUMN_PAGE * 1000 + 500);
			expect(ids(sut.visibleFor('preinstalacion'))).toEqual([...ids(window), uuid(900)]);
		});

		it('reorders inside the window against the global order', async () => {
			const { server, transport, sut } = setup(LONG);
			transport.answer = (req) => ({
				ok: true,
				card: server.change(req.cardId, { position: COLUMN_PAGE * 1000 + 500 }).card!,
				seq: server.seq
			});
			const [first, ...rest] = sut.visibleFor('preinstalacion');
			sut.beginDrag(['preinstalacion'], first.id);
			sut.updateDrag('preinstalacion', [...rest, first]);
			const done = sut.endDrag();
			expect(transport.moves.at(-1)).toMatchObject({ afterId: uuid(COLUMN_PAGE), beforeId: uuid(COLUMN_PAGE + 1) });
			// The optimistic copy sits between the last rendered card and the first hidden one.
			const moved = sut.cards.get(first.id)!;
			expect(moved.position).toBeGreaterThan(COLUMN_PAGE * 1000);
			expect(moved.position).toBeLessThan((COLUMN_PAGE + 1) * 1000);
			await done;
			expect(sut.visibleFor('preinstalacion').at(-1)?.id).toBe(first.id);
		});

		it('sends nothing when the last rendered card is dropped back where it was', async () => {
			const { transport, sut } = setup(LONG);
			const window = sut.visibleFor('preinstalacion');
			sut.beginDrag(['preinstalacion'], window.at(-1)!.id);
			sut.updateDrag('preinstalacion', [...window]);
			expect(await sut.endDrag()).toBeNull();
			expect(transport.moves).toEqual([]);
		});

		it('counts live cards beyond the window at once and shows them in place when expanded', () => {
			const { server, sut } = setup(LONG);
			const created = server.change(
				uuid(800),
				{ stage: 'preinstalacion', position: (COLUMN_PAGE + 5) * 1000 + 500, fullName: 'Nueva de otro usuario' },
				'card:created'
			);
			sut.receive(created);
			expect(sut.columns.preinstalacion).toHaveLength(LONG + 1);
			expect(sut.visibleFor('preinstalacion').some((c) => c.id === uuid(800))).toBe(false);
			// A rendered card leaving the column lets the next one in.
			sut.receive(server.change(uuid(1), { stage: 'agendada' }));
			expect(ids(sut.visibleFor('preinstalacion'))).toEqual(ids(sut.columns.preinstalacion.slice(0, COLUMN_PAGE)));
			expect(sut.visibleFor('preinstalacion').at(-1)?.id).toBe(uuid(COLUMN_PAGE + 1));
			sut.showMore('preinstalacion');
			const shown = sut.visibleFor('preinstalacion');
			expect(shown.findIndex((c) => c.id === uuid(800))).toBe(COLUMN_PAGE + 4);
			expect(shown[COLUMN_PAGE + 3].id).toBe(uuid(COLUMN_PAGE + 5));
		});

		it('keeps a card moved with «Mover a…» to the end of a long column rendered', async () => {
			const { server, transport, sut } = setup(LONG);
			server.add(makeCard(900, { stage: 'agendada' }));
			sut.applySnapshot(server.snapshot(), true);
			transport.answer = (req) => ({
				ok: true,
				card: server.change(req.cardId, { stage: req.toStage, position: (LONG + 1) * 1000 }).card!,
				seq: server.seq
			});
			await sut.move({ cardId: uuid(900), toStage: 'preinstalacion', version: 1 });
			expect(sut.columns.preinstalacion.at(-1)?.id).toBe(uuid(900));
			expect(sut.visibleFor('preinstalacion').at(-1)?.id).toBe(uuid(900));
		});
	});

	describe('a catch-up that fails', () => {
		const RATE = 'Demasiadas acciones seguidas. Espera un momento.';
		beforeEach(() => {
			vi.useFakeTimers();
			// The jitter's midpoint: retries 0.75 s, 1.5 s, 3 s … 22.5 s after each failure.
			vi.spyOn(Math, 'random').mockReturnValue(0.5);
		});
		afterEach(() => {
			vi.restoreAllMocks();
			vi.useRealTimers();
		});

		it('is retried ever more slowly, and the buffered events are applied in order once it succeeds', async () => {
			const { server, transport, sut } = setup();
			transport.latencyMs = 50;
			transport.sinceError = RATE;
			server.change(uuid(1), { fullName: 'Perdido' });
			const start = Date.now();
			sut.receive(server.change(uuid(2), { fullName: 'Llegó tras el hueco' }));
			// Live events keep coming while it fails: held, not applied after the gap, no extra requests.
			for (let i = 0; i < 5; i++) {
				await vi.advanceTimersByTimeAsync(2_000);
				sut.receive(server.change(uuid(3), { fullName: `En la caída ${i}` }));
			}
			await vi.advanceTimersByTimeAsync(60_000 - 10_000);
			const at = transport.sinceTimes.map((t) => t - start);
			expect(at).toEqual([0, 800, 2350, 5400, 11450, 23500, 46050]);
			expect(sut.cards.get(uuid(2))?.fullName).toBe('Cliente 2');
			expect(sut.cards.get(uuid(3))?.fullName).toBe('Cliente 3');
			expect(sut.lastSeq).toBe(0);

			// The server answers again; an event arrives while the answer is on its way.
			transport.sinceError = null;
			// The last failure came back at 46.1 s; halfway through the next try's 50 ms trip:
			await vi.advanceTimersByTimeAsync(46_100 + 22_500 + 25 - (Date.now() - start));
			expect(transport.sinceTimes).toHaveLength(8);
			const later = server.change(uuid(4), { fullName: 'Después de la respuesta' });
			sut.receive(later);
			await vi.advanceTimersByTimeAsync(100);
			expect(sut.lastSeq).toBe(later.seq);
			expect(new Map([...sut.cards].map(([id, c]) => [id, c.fullName]))).toEqual(
				new Map([...server.cards].map(([id, c]) => [id, c.fullName]))
			);
			expect(sut.cards.get(uuid(3))?.fullName).toBe('En la caída 4');

			// Success starts the backoff over: the next failure is retried within a second.
			transport.sinceError = RATE;
			server.change(uuid(1), { fullName: 'Otro perdido' });
			sut.receive(server.change(uuid(2), { fullName: 'Otro hueco' }));
			await vi.advanceTimersByTimeAsync(1_000);
			expect(transport.sinceTimes.slice(8).map((t) => t - transport.sinceTimes[8])).toEqual([0, 800]);
		});

		it('a reconnect retries sooner than the backoff, but a burst of them is one request', async () => {
			const server = new FakeServer();
			for (let i = 1; i <= 4; i++) server.add(makeCard(i));
			const transport = new FakeTransport(server);
			const sut = new BoardState({
				transport,
				user: { id: uuid(900), role: 'coordinator' },
				snapshot: server.snapshot(),
				heartbeatMs: 600_000
			});
			const off = sut.connect();
			await vi.advanceTimersByTimeAsync(0);
			transport.latencyMs = 50;
			transport.sinceError = RATE;
			server.change(uuid(1), { fullName: 'Perdido' });
			sut.receive(server.change(uuid(2), { fullName: 'Tras el hueco' }));
			await vi.advanceTimersByTimeAsync(20_000);
			const before = transport.sinceTimes.length;
			// Backing off now: the next retry is 12 s away.
			for (let i = 0; i < 10; i++) transport.handlers!.connect();
			await vi.advanceTimersByTimeAsync(50);
			expect(transport.sinceTimes.length).toBe(before + 1);
			for (let i = 0; i < 10; i++) transport.handlers!.connect();
			await vi.advanceTimersByTimeAsync(500);
			expect(transport.sinceTimes.length).toBe(before + 1);

			transport.sinceError = null;
			await vi.advanceTimersByTimeAsync(500);
			transport.handlers!.connect();
			await vi.advanceTimersByTimeAsync(50);
			expect(transport.sinceTimes.length).toBe(before + 2);
			expect(sut.status).toBe('en_vivo');
			expect(sut.cards.get(uuid(1))?.fullName).toBe('Perdido');
			expect(sut.cards.get(uuid(2))?.fullName).toBe('Tras el hueco');
			// Once the board is gone nothing is retried for it.
			transport.sinceError = RATE;
			sut.receive(server.change(uuid(3), { fullName: 'x' }));
			sut.receive(server.change(uuid(3), { fullName: 'y' }));
			off();
			await vi.advanceTimersByTimeAsync(120_000);
			expect(transport.sinceTimes.length).toBe(before + 2);
		});
	});
});

describe('BoardState: moves that wait for a dialog', () => {
	const accept =
		(server: FakeServer) =>
		(req: MoveRequest): MoveResult => {
			const e = server.change(
				req.cardId,
				{ stage: req.toStage, cancelReason: req.cancelReason ?? null, cancelNote: req.cancelNote ?? null },
				'card:moved'
			);
			return { ok: true, card: e.card!, seq: e.seq };
		};

	it('a drop on «Cancelada» waits for the reason, then sends it with the move', async () => {
		const { server, transport, sut } = setup();
		transport.answer = accept(server);
		const done = sut.move({ cardId: uuid(2), toStage: 'cancelada', version: 1 });
		await flush();
		expect(transport.moves).toEqual([]);
		expect(sut.asking).toMatchObject({ kind: 'cancel', card: { id: uuid(2), stage: 'preinstalacion' } });
		expect(sut.cards.get(uuid(2))!.stage).toBe('cancelada');
		await sut.confirmCancel({ cancelReason: 'otro', cancelNote: 'Se muda', refundChecklist: null });
		expect(await done).toMatchObject({ ok: true });
		expect(transport.moves).toEqual([
			{ cardId: uuid(2), toStage: 'cancelada', version: 1, cancelReason: 'otro', cancelNote: 'Se muda', refundChecklist: null }
		]);
		expect(sut.asking).toBeNull();
		expect(sut.cards.get(uuid(2))).toMatchObject({ stage: 'cancelada', cancelReason: 'otro' });
	});

	it('closing the dialog puts the card back where it was and sends nothing', async () => {
		const { transport, sut } = setup();
		const done = sut.move({ cardId: uuid(3), toStage: 'cancelada', version: 1 });
		sut.dismissAsk();
		expect(await done).toBeNull();
		expect(transport.moves).toEqual([]);
		expect(sut.asking).toBeNull();
		expect(sut.cards.get(uuid(3))!.stage).toBe('preinstalacion');
		expect(sut.columns.preinstalacion.map((c) => c.id)).toContain(uuid(3));
	});

	it('a cancelled card dropped on another column stays cancelled and asks to reopen instead', async () => {
		const { server, transport, sut } = setup();
		server.change(uuid(4), { stage: 'cancelada', cancelReason: 'declino' });
		sut.applySnapshot(server.snapshot(), true);
		const done = sut.move({ cardId: uuid(4), toStage: 'agendada', version: 2 });
		expect(sut.asking).toMatchObject({ kind: 'reopen', card: { id: uuid(4) } });
		expect(sut.cards.get(uuid(4))!.stage).toBe('cancelada');
		sut.dismissAsk();
		expect(await done).toBeNull();
		expect(transport.moves).toEqual([]);
	});
});
