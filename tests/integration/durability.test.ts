import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasBuild, postAction, sessionCookie, startServer, type RunningServer } from './support/server';

const targets = process.env.TEST_DATABASE_URL ? (['pglite', 'postgres'] as const) : (['pglite'] as const);

// Runs the built production server on each driver. `npm test` builds first.
describe.skipIf(!hasBuild()).each(targets)('durability on %s (built server)', (driver) => {
	const dataDir = mkdtempSync(join(tmpdir(), 'tablero-durability-'));
	const dbName = `t_durable_${Date.now().toString(36)}`;
	let env: Record<string, string> = { DATA_DIR: dataDir };
	let admin: postgres.Sql | undefined;
	let server: RunningServer | undefined;
	afterAll(async () => {
		await server?.stop('SIGKILL');
		rmSync(dataDir, { recursive: true, force: true });
		await admin?.unsafe(`drop database if exists ${dbName} with (force)`);
		await admin?.end();
	});

	it('loses no acknowledged write when killed with SIGKILL mid-burst, and restarts on the same data', async () => {
		if (driver === 'postgres') {
			admin = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
			await admin.unsafe(`create database ${dbName}`);
			const url = new URL(process.env.TEST_DATABASE_URL!);
			url.pathname = `/${dbName}`;
			env = { DATA_DIR: dataDir, DATABASE_URL: url.toString() };
		}
		server = await startServer(env);
		const setup = await postAction(server, '/setup', {
			orgName: 'Durabilidad',
			timeZone: 'America/Cancun',
			adminName: 'Ana Admin',
			email: 'ana@durable.mx',
			password: 'contraseña-durable-1',
			passwordConfirm: 'contraseña-durable-1'
		});
		expect(setup.body.type).toBe('redirect');
		const cookie = sessionCookie(setup.setCookie);

		const acked: string[] = [];
		let stop = false;
		const writer = async (w: number) => {
			for (let i = 0; !stop; i++) {
				const email = `u${w}-${i}@durable.mx`;
				try {
					const res = await postAction(
						server!,
						'/usuarios?/create',
						{ name: `Usuario ${w} ${i}`, email, role: 'agent', password: 'contraseña-durable-1' },
						cookie
					);
					if (res.body.type === 'success') acked.push(email);
				} catch {
					return; // connection reset by the kill
				}
			}
		};
		const writers = [0, 1, 2, 3].map(writer);
		await new Promise((r) => setTimeout(r, 2500));
		const killedAt = acked.length;
		await server.stop('SIGKILL');
		stop = true;
		await Promise.all(writers);
		expect(killedAt).toBeGreaterThan(3);

		server = await startServer(env);
		const health = await (await fetch(`${server.url}/healthz`)).json();
		expect(health).toMatchObject({ status: 'ok', database: { driver, status: 'ok' } });
		const login = await postAction(server, '/login', { email: 'ana@durable.mx', password: 'contraseña-durable-1' });
		const html = await (await fetch(`${server.url}/usuarios`, { headers: { cookie: sessionCookie(login.setCookie) } })).text();
		const missing = acked.filter((email) => !html.includes(email));
		expect(missing).toEqual([]);
		await server.stop();
	}, 180_000);
});

describe.skipIf(!process.env.TEST_DATABASE_URL || !hasBuild())('health when PostgreSQL goes away (built server)', () => {
	it('answers /healthz with 503 and the database status instead of hanging', async () => {
		const admin = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
		const name = `t_health_${Date.now().toString(36)}`;
		await admin.unsafe(`create database ${name}`);
		const url = new URL(process.env.TEST_DATABASE_URL!);
		url.pathname = `/${name}`;
		const server = await startServer({ DATABASE_URL: url.toString() });
		try {
			const ok = await fetch(`${server.url}/healthz`);
			expect(ok.status).toBe(200);
			expect(await ok.json()).toMatchObject({ database: { driver: 'postgres', status: 'ok' }, realtime: { listening: true } });
			await admin.unsafe(`drop database ${name} with (force)`);
			const started = Date.now();
			const down = await fetch(`${server.url}/healthz`);
			expect(down.status).toBe(503);
			expect((await down.json()).database.status).toBe('down');
			expect(Date.now() - started).toBeLessThan(5000);
		} finally {
			await server.stop('SIGKILL');
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		}
	}, 60_000);
});
