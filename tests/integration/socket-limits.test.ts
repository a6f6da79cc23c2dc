import { afterEach, beforeAll, afterAll, describe, expect, it, vi } from 'vitest';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeCard, makeOrg } from './support/factories';
import { emitAck, startRealtime, type TestSocket } from './support/realtime';
import { createDisplay } from '$lib/server/services/displays';
import { clientAddress, limitKey, readProxyConfig } from '$lib/server/client-address';
import { readSocketLimits } from '$lib/server/realtime/limits';

type Org = Awaited<ReturnType<typeof makeOrg>>;
type Realtime = Awaited<ReturnType<typeof startRealtime>>;

const TOO_MANY_CONNECTIONS = /^Demasiadas conexiones desde tu red\. Espera un momento\.$/;
const RATE_ACK = { ok: false, status: 429, message: 'Demasiadas acciones seguidas. Espera un momento.', error: 'rate' };
// Linux routes all of 127.0.0.0/8 to loopback: a socket bound to 127.0.0.2 is a second client address.
const OTHER_ADDRESS = { localAddress: '127.0.0.2' };

/** Emits to any namespace with an ack (display events are not in the board's typed events). */
const ask = <T>(s: TestSocket, event: string, ...args: unknown[]): Promise<T> =>
	new Promise((resolve) =>
		(s.timeout(3000) as unknown as { emit: (...a: unknown[]) => void }).emit(event, ...args, (err: Error | null, res: T) =>
			resolve(err ? ({ timeout: true } as T) : res)
		)
	);
const heartbeat = (s: TestSocket) => emitAck(s, 'heartbeat', undefined as never) as Promise<unknown>;

describe('socket limit configuration and client address (no database)', () => {
	it('defaults are generous and SOCKET_* variables raise them; empty means unset', () => {
		expect(readSocketLimits({})).toEqual({ eventsPerSocket: 100, eventsPerIp: 3000, connectionsPerIp: 600 });
		// What a benchmark of 10 sockets × 100 moves/s needs.
		expect(readSocketLimits({ SOCKET_EVENTS_PER_SOCKET: '2000', SOCKET_EVENTS_PER_IP: ' 30000 ', SOCKET_CONNECTIONS_PER_IP: '' })).toEqual({
			eventsPerSocket: 2000,
			eventsPerIp: 30000,
			connectionsPerIp: 600
		});
	});

	it('refuses values that are not positive integers, naming the variable', () => {
		for (const name of ['SOCKET_EVENTS_PER_SOCKET', 'SOCKET_EVENTS_PER_IP', 'SOCKET_CONNECTIONS_PER_IP']) {
			for (const bad of ['abc', '0', '-5', '1.5', '10k']) {
				expect(() => readSocketLimits({ [name]: bad })).toThrow(
					`La variable ${name} debe ser un número entero mayor que cero (vale "${bad}")`
				);
			}
		}
	});

	it('reads the address like adapter-node: the TCP peer, or ADDRESS_HEADER / XFF_DEPTH behind a proxy', () => {
		const direct = readProxyConfig({});
		expect(clientAddress({ 'x-forwarded-for': '203.0.113.7' }, '10.0.0.1', direct)).toBe('10.0.0.1');
		expect(clientAddress({}, '::ffff:10.0.0.1', direct)).toBe('10.0.0.1');
		const proxy = readProxyConfig({ ADDRESS_HEADER: 'X-Forwarded-For' });
		expect(clientAddress({ 'x-forwarded-for': 'forjada, 203.0.113.7' }, '10.0.0.1', proxy)).toBe('203.0.113.7');
		const twoProxies = readProxyConfig({ ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '2' });
		expect(clientAddress({ 'x-forwarded-for': 'forjada, 203.0.113.7, 10.0.0.2' }, '10.0.0.1', twoProxies)).toBe('203.0.113.7');
		// Where adapter-node would throw, the peer (which cannot be forged) is used.
		expect(clientAddress({ 'x-forwarded-for': '203.0.113.7' }, '10.0.0.1', twoProxies)).toBe('10.0.0.1');
		expect(clientAddress({}, '10.0.0.1', proxy)).toBe('10.0.0.1');
		const realIp = readProxyConfig({ ADDRESS_HEADER: 'x-real-ip' });
		expect(clientAddress({ 'x-real-ip': '198.51.100.4' }, '10.0.0.1', realIp)).toBe('198.51.100.4');
	});

	it('HTTP reads the client address with the same function as the sockets', async () => {
		vi.stubEnv('ADDRESS_HEADER', 'x-forwarded-for');
		vi.resetModules();
		try {
			const { clientIp } = await import('$lib/server/forms');
			const getClientAddress = () => 'no-usada';
			const req = { headers: { 'x-forwarded-for': 'forjada, 203.0.113.7' }, socket: { remoteAddress: '10.0.0.1' } };
			expect(clientIp({ getClientAddress, platform: { req } })).toBe('203.0.113.7');
			expect(clientIp({ getClientAddress, platform: { req: { headers: {}, socket: { remoteAddress: '::ffff:10.0.0.1' } } } })).toBe(
				'10.0.0.1'
			);
		} finally {
			vi.unstubAllEnvs();
			vi.resetModules();
		}
	});

	it('counts IPv6 clients by /64 and IPv4 by address', () => {
		expect(limitKey('2001:db8:1:2::1')).toBe(limitKey('2001:db8:1:2:ffff:ffff:ffff:ffff'));
		expect(limitKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
		expect(limitKey('2001:db8:1:3::1')).not.toBe(limitKey('2001:db8:1:2::1'));
		expect(limitKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
		expect(limitKey('203.0.113.7')).toBe('203.0.113.7');
	});
});

describe.each(drivers)('socket rate limits per address on %s', (driver) => {
	let t: TestDatabase;
	let o: Org;
	let tvToken: string;
	let servers: Realtime[] = [];

	/** A realtime server whose limits come from these variables (read once, at attach time). */
	async function serve(env: Record<string, string>): Promise<Realtime> {
		for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
		try {
			const rt = await startRealtime(t.db);
			servers.push(rt);
			return rt;
		} finally {
			vi.unstubAllEnvs();
		}
	}

	beforeAll(async () => {
		t = await freshDatabase(driver);
		o = await makeOrg(t.db);
		tvToken = (await createDisplay(t.db, o.admin, { name: 'TV límites' })).token;
	});
	afterEach(async () => {
		for (const rt of servers) await rt.close();
		servers = [];
	});
	afterAll(async () => {
		await t.cleanup();
	});

	it('refuses handshakes over SOCKET_CONNECTIONS_PER_IP on both namespaces, before any session lookup; another address still connects', async () => {
		const rt = await serve({ SOCKET_CONNECTIONS_PER_IP: '3' });
		const open = [await rt.connectAs(o.agent), await rt.connectDisplay(tvToken), await rt.connectAs(o.coordinator)];

		await expect(rt.connectAs(o.agent)).rejects.toThrow(TOO_MANY_CONNECTIONS);
		// A bad cookie gets the same answer, not "Sesión no válida": the limit runs before the database.
		await expect(rt.connectWithCookie('session=abcdefghijklmnopqrstuvwxyz234567')).rejects.toThrow(TOO_MANY_CONNECTIONS);
		await expect(rt.connectDisplay(tvToken)).rejects.toThrow(TOO_MANY_CONNECTIONS);
		await expect(rt.connectDisplay('token-inventado')).rejects.toThrow(TOO_MANY_CONNECTIONS);

		// Another client address is unaffected, on both namespaces.
		const other = await rt.connectAs(o.agent, OTHER_ADDRESS);
		await rt.connectDisplay(tvToken, OTHER_ADDRESS);
		await expect(rt.connectWithCookie(null, OTHER_ADDRESS)).rejects.toThrow(/Sesión no válida/);
		expect(await heartbeat(other)).toMatchObject({ lastSeq: expect.any(Number) });
		// Connections already open stay up and keep working.
		expect(open.every((s) => s.connected)).toBe(true);
		expect(await heartbeat(open[0])).toMatchObject({ lastSeq: expect.any(Number) });
	});

	it('behind a proxy (ADDRESS_HEADER=x-forwarded-for) counts the address the proxy wrote, not the peer or a forged prefix', async () => {
		const rt = await serve({ SOCKET_CONNECTIONS_PER_IP: '2', ADDRESS_HEADER: 'x-forwarded-for' });
		const from = (xff: string) => ({ headers: { 'x-forwarded-for': xff } });
		await rt.connectAs(o.agent, from('203.0.113.7'));
		await rt.connectDisplay(tvToken, from('203.0.113.7'));
		await expect(rt.connectAs(o.agent, from('203.0.113.7'))).rejects.toThrow(TOO_MANY_CONNECTIONS);
		// Forging addresses to the left of the proxy's own does not buy a new budget.
		await expect(rt.connectAs(o.agent, from('198.51.100.1, 203.0.113.7'))).rejects.toThrow(TOO_MANY_CONNECTIONS);
		// Every test socket comes from 127.0.0.1; other offices behind the proxy still connect.
		await rt.connectAs(o.agent, from('198.51.100.9'));
		await rt.connectAs(o.agent, from('203.0.113.7, 198.51.100.10'));
		// IPv6 counts by /64: a second address of the same network shares its budget.
		await rt.connectAs(o.agent, from('2001:db8:1:2::1'));
		await rt.connectAs(o.agent, from('2001:db8:1:2::2'));
		await expect(rt.connectAs(o.agent, from('2001:db8:1:2::3'))).rejects.toThrow(TOO_MANY_CONNECTIONS);
	});

	it('SOCKET_EVENTS_PER_IP is shared by every socket of one address, both namespaces; 429 ack, connection stays up, other addresses unaffected', async () => {
		const rt = await serve({ SOCKET_EVENTS_PER_IP: '6' });
		const a = await rt.connectAs(o.agent);
		const b = await rt.connectAs(o.coordinator);
		const tv = await rt.connectDisplay(tvToken);
		const elsewhere = await rt.connectAs(o.coordinator, OTHER_ADDRESS);
		const card = await makeCard(t.db, o.org.id, { stage: 'cobertura_confirmada' });

		// Two events each: every socket is far under its own limit, the address reaches 6.
		for (const s of [a, b]) for (let i = 0; i < 2; i++) expect(await heartbeat(s)).toMatchObject({ lastSeq: expect.any(Number) });
		for (let i = 0; i < 2; i++) expect(await ask(tv, 'heartbeat')).toMatchObject({ lastSeq: expect.any(Number) });

		expect(await heartbeat(a)).toEqual(RATE_ACK);
		expect(await emitAck(b, 'card:move', { cardId: card.id, toStage: 'preinstalacion', version: card.version })).toEqual(RATE_ACK);
		expect(await ask(tv, 'heartbeat')).toEqual({ error: 'Demasiadas solicitudes.' });
		expect((await t.db.query<{ stage: string }>('select stage from installations where id = $1', [card.id]))[0].stage).toBe(
			'cobertura_confirmada'
		);

		// Still connected, and another address is unaffected.
		expect([a.connected, b.connected, tv.connected]).toEqual([true, true, true]);
		const moved = await emitAck(elsewhere, 'card:move', { cardId: card.id, toStage: 'preinstalacion', version: card.version });
		expect(moved.ok).toBe(true);
		expect(await heartbeat(elsewhere)).toMatchObject({ lastSeq: expect.any(Number) });
	});

	it('SOCKET_EVENTS_PER_SOCKET limits one socket; its neighbour on the same address keeps working', async () => {
		const rt = await serve({ SOCKET_EVENTS_PER_SOCKET: '3' });
		const a = await rt.connectAs(o.agent);
		const b = await rt.connectAs(o.agent);
		for (let i = 0; i < 3; i++) expect(await heartbeat(a)).toMatchObject({ lastSeq: expect.any(Number) });
		expect(await heartbeat(a)).toEqual(RATE_ACK);
		expect(a.connected).toBe(true);
		for (let i = 0; i < 3; i++) expect(await heartbeat(b)).toMatchObject({ lastSeq: expect.any(Number) });
		expect(await heartbeat(b)).toEqual(RATE_ACK);
	});

	it('a runaway socket already over its own limit does not drain the budget of its address', async () => {
		const rt = await serve({ SOCKET_EVENTS_PER_SOCKET: '3', SOCKET_EVENTS_PER_IP: '5' });
		const runaway = await rt.connectAs(o.agent);
		const colleague = await rt.connectAs(o.coordinator);
		for (let i = 0; i < 3; i++) expect(await heartbeat(runaway)).toMatchObject({ lastSeq: expect.any(Number) });
		for (let i = 0; i < 10; i++) expect(await heartbeat(runaway)).toEqual(RATE_ACK);
		// The address has used 3 of 5: the colleague gets the other 2, then the address is spent.
		expect(await heartbeat(colleague)).toMatchObject({ lastSeq: expect.any(Number) });
		expect(await heartbeat(colleague)).toMatchObject({ lastSeq: expect.any(Number) });
		expect(await heartbeat(colleague)).toEqual(RATE_ACK);
	});

	it('a bad SOCKET_* value stops the startup with a Spanish message', async () => {
		await expect(serve({ SOCKET_EVENTS_PER_IP: 'muchos' })).rejects.toThrow(
			/SOCKET_EVENTS_PER_IP debe ser un número entero mayor que cero/
		);
		await expect(serve({ SOCKET_CONNECTIONS_PER_IP: '0' })).rejects.toThrow(
			/SOCKET_CONNECTIONS_PER_IP debe ser un número entero mayor que cero/
		);
	});
});
