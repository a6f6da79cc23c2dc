// The built server killed between "sent to WispHub" and "WispHub confirmed": after a restart the
// job polls the task it already has and the installation exists exactly once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '$lib/server/db/client';
import { migrate } from '$lib/server/db/migrate';
import { moveCard } from '$lib/server/services/moves';
import { hasBuild, startServer, type RunningServer } from './support/server';
import { connectedProvider, readyCard, TEST_APP_SECRET } from './support/wisphub';
import { startFakeWispHub } from '../wisphub-fake/fake';

const targets = process.env.TEST_DATABASE_URL ? (['pglite', 'postgres'] as const) : (['pglite'] as const);

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 60_000) {
	const deadline = Date.now() + ms;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`no llegó: ${what}`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

describe.skipIf(!hasBuild()).each(targets)('WispHub sync survives a server killed mid-sync (%s)', (driver) => {
	const dataDir = mkdtempSync(join(tmpdir(), 'wisphub-restart-'));
	const fake = startFakeWispHub({ taskDelayMs: 4000 });
	let server: RunningServer | null = null;
	let env: Record<string, string> = { DATA_DIR: dataDir, APP_SECRET: TEST_APP_SECRET, WISPHUB_POLL_MS: '200' };
	let dropDb: (() => Promise<void>) | null = null;

	const open = async (): Promise<Database> =>
		env.DATABASE_URL ? openDatabase({ url: env.DATABASE_URL }) : openDatabase({ dataDir: join(dataDir, 'pglite') });

	afterAll(async () => {
		await server?.stop('SIGKILL');
		await fake.close();
		await dropDb?.();
		rmSync(dataDir, { recursive: true, force: true });
	});

	it('ends with exactly one installation in WispHub and the card synced', async () => {
		await fake.ready;
		if (driver === 'postgres') {
			const admin = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
			const name = `wh_${Date.now().toString(36)}`;
			await admin.unsafe(`create database ${name}`);
			const url = new URL(process.env.TEST_DATABASE_URL!);
			url.pathname = `/${name}`;
			env = { ...env, DATABASE_URL: url.toString() };
			dropDb = async () => {
				await admin.unsafe(`drop database if exists ${name} with (force)`);
				await admin.end();
			};
		}
		let db = await open();
		await migrate(db);
		const p = await connectedProvider(db, fake.url);
		const card = await readyCard(db, p);
		const r = await moveCard(db, p.coordinator, { cardId: card.id, toStage: 'asignada', version: card.version, overrideReason: 'prueba' });
		expect(r.ok).toBe(true);
		await db.close();

		server = await startServer(env);
		// The worker polls a task only once it has stored it: that is "sent, not yet confirmed".
		await until('el primer sondeo de la tarea', () => fake.state.calls.some((c) => c.path.startsWith('tasks/')));
		expect(fake.state.installations).toHaveLength(0);
		await server.stop('SIGKILL');

		server = await startServer(env);
		await until('la instalación en WispHub', () => fake.state.installations.length > 0);
		await until('la confirmación leída por el servidor', () =>
			fake.state.calls.some((c) => c.path.startsWith('tasks/') && fake.state.installations.length > 0 && c.status === 200)
		);
		// Let the worker record it, then read the database.
		const polls = () => fake.state.calls.filter((c) => c.path.startsWith('tasks/')).length;
		const seen = polls();
		await new Promise((r) => setTimeout(r, 1500));
		expect(polls()).toBeLessThanOrEqual(seen + 1);
		await server.stop('SIGTERM');
		server = null;

		db = await open();
		try {
			const [row] = await db.query<{ state: string; remoteId: string }>(
				'select wisphub_state as state, wisphub_id as "remoteId" from installations where id = $1',
				[card.id]
			);
			expect(row).toEqual({ state: 'sincronizado', remoteId: String(fake.state.installations[0].id_servicio) });
			expect(fake.state.installations).toHaveLength(1);
			expect(fake.state.calls.filter((c) => c.method === 'POST')).toHaveLength(1);
		} finally {
			await db.close();
		}
	}, 240_000);
});
