import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeCard, makeOrg } from './support/factories';
import { emitAck, startRealtime, type TestSocket } from './support/realtime';
import { createDisplay } from '$lib/server/services/displays';
import { EVENT_MAX_BYTES, FRAME_MAX_BYTES } from '$lib/server/realtime/limits';

type Org = Awaited<ReturnType<typeof makeOrg>>;

const TOO_LARGE = { ok: false, status: 413, message: expect.stringMatching(/^Los datos enviados son demasiado grandes/) };

/** Emits with an ack on any namespace; a dropped connection answers `{ closed: reason }`. */
const ask = <T>(s: TestSocket, event: string, ...args: unknown[]): Promise<T | { closed: string }> =>
	new Promise((resolve) => {
		const onClose = (reason: string) => resolve({ closed: reason });
		s.once('disconnect', onClose);
		(s.emit as (...a: unknown[]) => void)(event, ...args, (res: T) => {
			s.off('disconnect', onClose);
			resolve(res);
		});
	});

describe.each(drivers)('socket payload size on %s', (driver) => {
	let t: TestDatabase;
	let rt: Awaited<ReturnType<typeof startRealtime>>;
	let o: Org;
	let tvToken: string;
	beforeAll(async () => {
		t = await freshDatabase(driver);
		rt = await startRealtime(t.db);
		o = await makeOrg(t.db);
		tvToken = (await createDisplay(t.db, o.admin, { name: 'TV tamaños' })).token;
	});
	afterAll(async () => {
		await rt.close();
		await t.cleanup();
	});

	it('an event over 64 KB is refused with a Spanish answer and the board socket stays up; one under it is read', async () => {
		const s = await rt.connectAs(o.coordinator);
		const card = await makeCard(t.db, o.org.id);
		const move = (note: string) => ({
			cardId: card.id,
			toStage: 'cancelada',
			cancelReason: 'otro',
			cancelNote: note,
			version: card.version
		});

		const under = await ask(s, 'card:move', move('x'.repeat(EVENT_MAX_BYTES - 1024)));
		// Read and judged by the schema (the note is too long for it), not cut off by size.
		expect(under).toMatchObject({ ok: false, status: 400 });

		for (const [event, payload] of [
			['card:move', move('x'.repeat(EVENT_MAX_BYTES + 1))],
			['board:since', { lastSeq: 0, relleno: 'ñ'.repeat(200 * 1024) }],
			['presence:open', { cardId: card.id, relleno: 'x'.repeat(500 * 1024) }]
		] as const) {
			expect(await ask(s, event, payload)).toMatchObject(TOO_LARGE);
			expect(s.connected).toBe(true);
		}
		const beat = await emitAck(s, 'heartbeat', undefined as never);
		expect(beat.lastSeq).toBeGreaterThan(0);
		const [row] = await t.db.query<{ stage: string; version: number }>('select stage, version from installations where id = $1', [card.id]);
		expect(row).toEqual({ stage: 'preinstalacion', version: card.version });
	});

	it('a wall display gets the same answer and stays up', async () => {
		const tv = await rt.connectDisplay(tvToken);
		expect(await ask(tv, 'display:since', { lastSeq: 0, relleno: 'x'.repeat(EVENT_MAX_BYTES * 2) })).toMatchObject(TOO_LARGE);
		expect(tv.connected).toBe(true);
		expect(await ask(tv, 'display:since', { lastSeq: 0 })).toHaveProperty('lastSeq');
	});

	it('a frame over the 1 MB cap drops that connection only', async () => {
		const s = await rt.connectAs(o.agent);
		const neighbour = await rt.connectAs(o.agent);
		const res = await ask(s, 'board:since', { lastSeq: 0, relleno: 'x'.repeat(FRAME_MAX_BYTES + 1024) });
		expect(res).toEqual({ closed: expect.stringMatching(/transport (close|error)/) });
		expect(neighbour.connected).toBe(true);
		expect((await emitAck(neighbour, 'heartbeat', undefined as never)).lastSeq).toBeGreaterThan(0);
	});
});
