import { describe, expect, it } from 'vitest';
import {
	keepMine,
	nextToSend,
	overlayFields,
	pendingCount,
	runQueue,
	settle,
	type QueuedAction,
	type QueueStore,
	type SendOutcome,
	type Transport
} from './queue';

const USER = 'u1';
let seq = 0;
const action = (jobId: string, payload: QueuedAction['payload'], over: Partial<QueuedAction> = {}): QueuedAction => ({
	key: `k${++seq}`,
	seq,
	userId: USER,
	jobId,
	createdAt: '2026-12-05T10:00:00Z',
	payload,
	state: 'pending',
	...over
});
const fields = (v: string) => ({ kind: 'campos' as const, fields: { dni: v }, base: { dni: null } });

function memoryStore(initial: QueuedAction[]): QueueStore & { map: Map<string, QueuedAction> } {
	const map = new Map(initial.map((a) => [a.key, a]));
	return {
		map,
		all: async () => [...map.values()],
		put: async (a) => void map.set(a.key, a),
		remove: async (k) => void map.delete(k)
	};
}

/** A server that answers from a script and records every key it saw, in order. */
function fakeServer(answer: (a: QueuedAction, attempt: number) => SendOutcome): Transport & { seen: string[] } {
	const seen: string[] = [];
	return {
		seen,
		async send(a, onProgress) {
			seen.push(a.key);
			onProgress(100);
			return answer(a, seen.filter((k) => k === a.key).length);
		}
	};
}
const ok = (a: QueuedAction): SendOutcome => ({
	type: 'done',
	result:
		a.payload.kind === 'campos'
			? { kind: 'campos', version: 2, conflicts: [] }
			: { kind: 'completar', ok: true, stage: 'activa', reasons: [] }
});

describe('offline queue', () => {
	it('sends in creation order and empties the store', async () => {
		const a = action('j1', fields('A'));
		const b = action('j1', { kind: 'completar' });
		const sut = memoryStore([b, a]);
		const server = fakeServer(ok);
		expect(await runQueue(sut, server, USER)).toBe('idle');
		expect(server.seen).toEqual([a.key, b.key]);
		expect(sut.map.size).toBe(0);
	});

	it('stops at the first action without an answer and resends it with the same key next time', async () => {
		const a = action('j1', fields('A'));
		const b = action('j1', { kind: 'completar' });
		const sut = memoryStore([a, b]);
		const server = fakeServer((x, attempt) => (x.key === a.key && attempt === 1 ? { type: 'unreachable' } : ok(x)));
		expect(await runQueue(sut, server, USER)).toBe('unreachable');
		expect(sut.map.size).toBe(2);
		expect(await runQueue(sut, server, USER)).toBe('idle');
		expect(server.seen).toEqual([a.key, a.key, b.key]);
	});

	it('a refusal holds back the same job only, with its message', async () => {
		const a = action('j1', fields('malo'));
		const b = action('j1', { kind: 'completar' });
		const c = action('j2', fields('B'));
		const sut = memoryStore([a, b, c]);
		const server = fakeServer((x) => (x.key === a.key ? { type: 'refused', message: 'El DNI no es válido.' } : ok(x)));
		expect(await runQueue(sut, server, USER)).toBe('idle');
		expect(server.seen).toEqual([a.key, c.key]);
		expect(sut.map.get(a.key)).toMatchObject({ state: 'blocked', error: 'El DNI no es válido.' });
		expect(sut.map.get(b.key)?.state).toBe('pending');
		expect(pendingCount([...sut.map.values()], USER)).toBe(1);
	});

	it('a conflict with the office waits for the technician, and «usar mi valor» resends that field on the office value', async () => {
		const a = action('j1', fields('MIO'));
		const b = action('j1', { kind: 'completar' });
		const sut = memoryStore([a, b]);
		const conflicts = [{ field: 'dni' as const, office: 'OFICINA', mine: 'MIO' }];
		const server = fakeServer((x) => (x.key === a.key ? { type: 'done', result: { kind: 'campos', version: 3, conflicts } } : ok(x)));
		await runQueue(sut, server, USER);
		expect(server.seen).toEqual([a.key]);
		const blocked = sut.map.get(a.key)!;
		expect(blocked.conflicts).toEqual(conflicts);

		const mine = keepMine(blocked, 'dni', 'k-new', 0.5)!;
		expect(mine.payload).toEqual({ kind: 'campos', fields: { dni: 'MIO' }, base: { dni: 'OFICINA' } });
		expect(settle(blocked, 'dni')).toBeNull();
		await sut.remove(a.key);
		await sut.put(mine);
		await runQueue(sut, server, USER);
		expect(server.seen).toEqual([a.key, 'k-new', b.key]);
	});

	it('never sends another user’s actions (a shared phone)', () => {
		expect(nextToSend([action('j1', fields('A'), { userId: 'u2' })], USER)).toBeNull();
	});

	it('shows the pending values over what the page loaded', () => {
		const list = [action('j1', fields('A')), action('j1', fields('B')), action('j2', fields('C'))];
		expect(overlayFields(list, USER, 'j1', { dni: null, cpeMac: 'X' })).toEqual({ dni: 'B', cpeMac: 'X' });
	});
});
