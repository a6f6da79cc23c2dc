import { afterAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { io as connect } from 'socket.io-client';
import { hasBuild, postAction, sessionCookie, startServer, type RunningServer } from './support/server';
import type { PresenceUser } from '$lib/types/board';
import type { TestSocket } from './support/realtime';
import { emitAck, waitFor, waitForCard } from './support/realtime';

const adminUrl = process.env.TEST_DATABASE_URL;

// Two production servers on one PostgreSQL: card events travel through LISTEN/NOTIFY in each
// process, presence through the socket.io postgres adapter.
describe.skipIf(!adminUrl || !hasBuild())('several instances on PostgreSQL (built server)', () => {
	const name = `t_multi_${Date.now().toString(36)}`;
	const servers: RunningServer[] = [];
	const sockets: TestSocket[] = [];
	let admin: postgres.Sql;
	afterAll(async () => {
		for (const s of sockets) s.disconnect();
		for (const s of servers) await s.stop();
		await admin?.unsafe(`drop database if exists ${name} with (force)`);
		await admin?.end();
	});

	const socketTo = (server: RunningServer, cookie: string) =>
		new Promise<TestSocket>((resolve, reject) => {
			const s: TestSocket = connect(server.url, {
				path: '/socket.io',
				transports: ['websocket'],
				extraHeaders: { cookie, origin: server.url },
				reconnection: false,
				forceNew: true
			});
			sockets.push(s);
			s.once('connect', () => resolve(s));
			s.once('connect_error', reject);
		});

	it('a move through one instance reaches a client of the other; presence spans both', async () => {
		admin = postgres(adminUrl!, { max: 1, onnotice: () => {} });
		await admin.unsafe(`create database ${name}`);
		const url = new URL(adminUrl!);
		url.pathname = `/${name}`;
		const env = { DATABASE_URL: url.toString() };
		servers.push(await startServer(env), await startServer(env));
		const [a, b] = servers;

		const setup = await postAction(a, '/setup', {
			orgName: 'Dos Instancias',
			timeZone: 'America/Cancun',
			adminName: 'Ana Admin',
			email: 'ana@multi.mx',
			password: 'contraseña-multi-1',
			passwordConfirm: 'contraseña-multi-1',
			demo: 'on'
		});
		expect(setup.body.type).toBe('redirect');
		const cookie = sessionCookie(setup.setCookie);

		const onA = await socketTo(a, cookie);
		const onB = await socketTo(b, cookie);
		const db = postgres(url.toString(), { max: 1, onnotice: () => {} });
		const [card] = await db`select id, version from installations where stage = 'documentos_pendientes' order by position limit 1`;
		await db.end();

		const seen = waitForCard(onB, (e) => e.cardId === card.id && e.card?.stage === 'cobertura_confirmada');
		const started = Date.now();
		const res = await emitAck(onA, 'card:move', { cardId: card.id, toStage: 'cobertura_confirmada', version: card.version });
		expect(res.ok).toBe(true);
		await seen;
		expect(Date.now() - started).toBeLessThan(1000);

		const presence = waitFor<PresenceUser[]>(onA, 'presence:update', (list) => list.some((p) => p.cardId === card.id));
		onB.emit('presence:open', { cardId: card.id });
		expect((await presence).find((p) => p.cardId === card.id)?.name).toBe('Ana Admin');
	}, 120_000);
});
