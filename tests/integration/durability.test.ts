import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasBuild, postAction, sessionCookie, startServer, type RunningServer } from './support/server';

// Runs the built production server on the embedded database. `npm test` builds first.
describe.skipIf(!hasBuild())('embedded database durability (built server)', () => {
	const dataDir = mkdtempSync(join(tmpdir(), 'tablero-durability-'));
	let server: RunningServer | undefined;
	afterAll(async () => {
		await server?.stop('SIGKILL');
		rmSync(dataDir, { recursive: true, force: true });
	});

	it('loses no acknowledged write when killed with SIGKILL mid-burst, and restarts on the same data', async () => {
		server = await startServer({ DATA_DIR: dataDir });
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

		server = await startServer({ DATA_DIR: dataDir });
		const health = await (await fetch(`${server.url}/healthz`)).json();
		expect(health).toMatchObject({ status: 'ok', database: { driver: 'pglite', status: 'ok' } });
		const login = await postAction(server, '/login', { email: 'ana@durable.mx', password: 'contraseña-durable-1' });
		const html = await (await fetch(`${server.url}/usuarios`, { headers: { cookie: sessionCookie(login.setCookie) } })).text();
		const missing = acked.filter((email) => !html.includes(email));
		expect(missing).toEqual([]);
		await server.stop();
	});
});
