import { afterAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { io as connect } from 'socket.io-client';
import { hasBuild, postAction, sessionCookie, startServer, type RunningServer } from './support/server';
import { emitAck, waitForCard, type TestSocket } from './support/realtime';

const adminUrl = process.env.TEST_DATABASE_URL;

// The database goes away under a running server (connections killed, new ones refused), as in
// a PostgreSQL restart. Requests get a quick 503; afterwards LISTEN is back and the board
// catches up by sequence on what it missed.
describe.skipIf(!adminUrl || !hasBuild())('PostgreSQL outage under a running server (built server)', () => {
	const name = `t_outage_${Date.now().toString(36)}`;
	let admin: postgres.Sql;
	let server: RunningServer | undefined;
	let socket: TestSocket | undefined;
	afterAll(async () => {
		socket?.disconnect();
		await server?.stop();
		await admin?.unsafe(`alter database ${name} allow_connections true`).catch(() => {});
		await admin?.unsafe(`drop database if exists ${name} with (force)`);
		await admin?.end();
	});

	it('answers 503 during the outage, re-LISTENs after it, and the board catches up by seq', async () => {
		admin = postgres(adminUrl!, { max: 1, onnotice: () => {} });
		await admin.unsafe(`create database ${name}`);
		const url = new URL(adminUrl!);
		url.pathname = `/${name}`;
		server = await startServer({ DATABASE_URL: url.toString() });
		const setup = await postAction(server, '/setup', {
			orgName: 'Corte',
			timeZone: 'America/Cancun',
			adminName: 'Ana Admin',
			email: 'ana@corte.mx',
			password: 'contraseña-corte-1',
			passwordConfirm: 'contraseña-corte-1',
			demo: 'on'
		});
		const cookie = sessionCookie(setup.setCookie);
		socket = await new Promise<TestSocket>((resolve, reject) => {
			const s: TestSocket = connect(server!.url, {
				path: '/socket.io',
				transports: ['websocket'],
				extraHeaders: { cookie, origin: server!.url },
				forceNew: true
			});
			s.once('connect', () => resolve(s));
			s.once('connect_error', reject);
		});
		const before = await emitAck(socket, 'heartbeat', undefined);

		// Our own connection survives; everyone else's is cut and new ones are refused.
		const own = postgres(url.toString(), { max: 1, onnotice: () => {} });
		const [card] = await own`select id from installations order by folio limit 1`;
		await admin.unsafe(`alter database ${name} allow_connections false`);
		await own`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()`;

		const t0 = Date.now();
		const res = await fetch(`${server.url}/tablero`, { headers: { cookie } });
		expect(res.status).toBe(503);
		expect(await res.text()).toMatch(/base de datos no responde/);
		const again = await fetch(`${server.url}/api/instalaciones/${card.id}/tarjeta`, { headers: { cookie } });
		expect(again.status).toBe(503);
		expect(Date.now() - t0).toBeLessThan(15_000);
		expect((await fetch(`${server.url}/healthz`)).status).toBe(503);

		// A change while the app can't hear anything.
		await own`update installations set full_name = 'Cambiada Durante El Corte' where id = ${card.id}`;
		await own.end();
		await admin.unsafe(`alter database ${name} allow_connections true`);

		// Back: requests work again, LISTEN is re-established (a new change arrives live)…
		let ok = 0;
		for (let i = 0; i < 40 && ok !== 200; i++) {
			await new Promise((r) => setTimeout(r, 500));
			ok = (await fetch(`${server.url}/healthz`)).status;
		}
		expect(ok).toBe(200);
		const live = waitForCard(socket, (e) => e.card?.fullName === 'Después Del Corte', 15_000);
		const after = postgres(url.toString(), { max: 1, onnotice: () => {} });
		for (let i = 0; i < 10; i++) {
			await after`update installations set full_name = 'Después Del Corte', comments = ${String(i)} where id = ${card.id}`;
			const got = await Promise.race([live.then(() => true), new Promise((r) => setTimeout(() => r(false), 1500))]);
			if (got) break;
		}
		await after.end();
		await live;
		// …and what was missed during the outage is there by seq.
		const since = await emitAck(socket, 'board:since', { lastSeq: before.lastSeq });
		expect('events' in since).toBe(true);
		if ('events' in since) expect(since.events.some((e) => e.cardId === card.id)).toBe(true);
	}, 180_000);
});
