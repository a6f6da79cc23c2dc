import { describe, expect, it, vi } from 'vitest';
import { OPEN_STAGES, type Stage } from '$lib/domain/stages';
import { NO_FILTERS } from './board-logic';
import { BoardState } from './board.svelte';
import { FakeServer, FakeTransport, flush, makeCard, setup, uuid } from './board-fakes.spec-helpers';

describe('BoardState', () => {
	it('drops events whose version is not newer than the one it holds', () => {
		const { server, sut } = setup();
		const e2 = server.change(uuid(1), { fullName: 'Versión 2' });
		const e3 = server.change(uuid(1), { fullName: 'Versión 3' });
		sut.receive(e2);
		sut.receive(e3);
		sut.receive({ ...e2, seq: e3.seq + 1 }); // a late duplicate of the older version
		expect(sut.cards.get(uuid(1))?.fullName).toBe('Versión 3');
		expect(sut.cards.get(uuid(1))?.version).toBe(3);
	});

	it('asks for the missed events when a sequence number is skipped', async () => {
		const { server, transport, sut } = setup();
		const missed = server.change(uuid(2), { stage: 'cobertura_confirmada' });
		const next = server.change(uuid(3), { fullName: 'Después del hueco' });
		expect(missed.seq).toBe(1);
		sut.receive(next);
		await flush();
		expect(transport.sinceCalls).toEqual([0]);
		expect(sut.lastSeq).toBe(2);
		expect(sut.cards.get(uuid(2))?.stage).toBe('cobertura_confirmada');
		expect(sut.cards.get(uuid(3))?.fullName).toBe('Después del hueco');
	});

	it('holds events for the dragged columns and merges them after the drop', async () => {
		const { server, transport, sut } = setup();
		transport.answer = (req) => ({
			ok: true,
			card: server.change(req.cardId, { stage: req.toStage, position: 500 }).card!,
			seq: server.seq
		});
		const col = sut.columns.preinstalacion;
		sut.beginDrag(['preinstalacion'], uuid(1));
		sut.updateDrag('preinstalacion', [col[1], col[0], col[2], col[3]]);
		const inDragged = server.change(uuid(4), { fullName: 'Editado durante el arrastre' });
		sut.receive(inDragged);
		expect(sut.cards.get(uuid(4))?.fullName).toBe('Cliente 4');
		expect(sut.lastSeq).toBe(1);

		const result = sut.endDrag();
		expect(sut.cards.get(uuid(4))?.fullName).toBe('Editado durante el arrastre');
		expect(transport.moves).toEqual([{ cardId: uuid(1), toStage: 'preinstalacion', afterId: uuid(2), beforeId: uuid(3), version: 1 }]);
		await result;
		expect(sut.dragging).toBe(false);
		expect(sut.columns.preinstalacion.map((c) => c.id)).toEqual([uuid(1), uuid(2), uuid(3), uuid(4)]);
	});

	it('applies events for other columns during a drag right away', () => {
		const { server, sut } = setup();
		server.add(makeCard(9, { stage: 'agendada' }));
		sut.applySnapshot(server.snapshot(), true);
		sut.beginDrag(['preinstalacion'], uuid(1));
		sut.receive(server.change(uuid(9), { fullName: 'Otra columna' }));
		expect(sut.cards.get(uuid(9))?.fullName).toBe('Otra columna');
		void sut.endDrag();
	});

	it('springs a refused move back and keeps the reasons for the toast', async () => {
		const { server, transport, sut } = setup();
		const before = sut.cards.get(uuid(2))!;
		let seenOptimistic: Stage | undefined;
		transport.answer = () => {
			seenOptimistic = sut.cards.get(uuid(2))?.stage;
			return {
				ok: false,
				status: 422,
				message: 'No se puede mover',
				reasons: ['Falta el INE frontal: súbelo en Archivos.'],
				overridable: true,
				card: server.cards.get(uuid(2))!
			};
		};
		const res = await sut.move({ cardId: uuid(2), toStage: 'agendada', version: 1 });
		expect(res?.ok).toBe(false);
		expect(seenOptimistic).toBe('agendada');
		expect(sut.cards.get(uuid(2))).toEqual(before);
		const notice = sut.notices.items.at(-1);
		expect(notice?.kind === 'refused' && notice.reasons).toEqual(['Falta el INE frontal: súbelo en Archivos.']);
		// A coordinator may override: the toast offers to resend with a reason.
		expect(notice?.kind === 'refused' && notice.retry?.toStage).toBe('agendada');
	});

	it('springs back and warns when the server does not answer', async () => {
		const { transport, sut } = setup();
		transport.answer = () => {
			throw new Error('timeout');
		};
		await sut.move({ cardId: uuid(3), toStage: 'activa', version: 1 });
		expect(sut.cards.get(uuid(3))?.stage).toBe('preinstalacion');
		expect(sut.notices.items.at(-1)?.kind).toBe('no_response');
	});

	it.each([
		['events', 1000],
		['a snapshot', 10]
	])('catches up with exactly the server state after 100 changes while offline (through %s)', async (_how, keep) => {
		const server = new FakeServer(keep);
		for (let i = 1; i <= 20; i++) server.add(makeCard(i));
		const transport = new FakeTransport(server);
		const sut = new BoardState({ transport, user: { id: uuid(900), role: 'admin' }, snapshot: server.snapshot() });
		const off = sut.connect();
		await flush();
		transport.connected = false;
		transport.handlers!.disconnect(false);
		expect(sut.status).toBe('reconectando');

		let rnd = 7;
		const rand = (n: number) => ((rnd = (rnd * 1103515245 + 12345) % 2 ** 31), rnd % n);
		for (let i = 0; i < 100; i++) {
			const id = uuid(rand(26) + 1); // ids 21..26 don't exist yet: created on first change
			const r = rand(10);
			if (r === 0 && server.cards.has(id)) server.change(id, null, 'card:deleted');
			else
				server.change(
					id,
					{ stage: OPEN_STAGES[rand(7)], position: rand(100_000), fullName: `Cambio ${i}` },
					server.cards.has(id) ? 'card:moved' : 'card:created'
				);
		}

		transport.connected = true;
		transport.handlers!.connect();
		await flush();
		await flush();
		expect(sut.status).toBe('en_vivo');
		expect(sut.lastSeq).toBe(100);
		expect(new Map(sut.cards)).toEqual(server.cards);
		off();
	});

	it('hides live cards that leave the filter and shows the ones that enter it', () => {
		const server = new FakeServer();
		const zone = uuid(500);
		server.add(makeCard(1, { zoneId: zone }));
		server.add(makeCard(2));
		const sut = new BoardState({
			transport: null,
			user: { id: uuid(900), role: 'agent' },
			snapshot: { ...server.snapshot(), cards: [server.cards.get(uuid(1))!] },
			filters: { ...NO_FILTERS, zona: zone }
		});
		sut.receive(server.change(uuid(1), { zoneId: null }));
		sut.receive(server.change(uuid(2), { zoneId: zone }));
		expect([...sut.cards.keys()]).toEqual([uuid(2)]);
	});

	it('sends the heartbeat and resyncs when the server is ahead', async () => {
		vi.useFakeTimers();
		try {
			const { server, transport, sut } = setup();
			const off = sut.connect();
			server.change(uuid(1), { fullName: 'Cambio perdido' });
			await vi.advanceTimersByTimeAsync(15_000);
			expect(transport.sinceCalls.at(-1)).toBe(0);
			expect(sut.cards.get(uuid(1))?.fullName).toBe('Cambio perdido');
			off();
		} finally {
			vi.useRealTimers();
		}
	});
});
