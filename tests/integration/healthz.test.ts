import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasBuild, startServer, type RunningServer } from './support/server';
import { makeOrg } from './support/factories';
import { openDatabase } from '$lib/server/db/client';
import { migrate } from '$lib/server/db/migrate';
import { createSession } from '$lib/server/auth';

describe.skipIf(!hasBuild())('/healthz details (built server)', () => {
	const started: { server: RunningServer; dataDir: string }[] = [];
	afterAll(async () => {
		for (const { server, dataDir } of started) {
			await server.stop();
			rmSync(dataDir, { recursive: true, force: true });
		}
	});
	async function serve(
		env: Record<string, string> = {},
		dataDir = mkdtempSync(join(tmpdir(), 'tablero-healthz-'))
	): Promise<RunningServer> {
		const server = await startServer({ DATA_DIR: dataDir, ...env });
		started.push({ server, dataDir });
		return server;
	}

	const read = async (server: RunningServer, headers: Record<string, string> = {}) => {
		const res = await fetch(`${server.url}/healthz`, { headers });
		return { status: res.status, text: await res.text() };
	};
	const expectDetails = ({ status, text }: { status: number; text: string }) => {
		expect(status).toBe(200);
		const body = JSON.parse(text);
		expect(body).toMatchObject({ status: 'ok', database: { status: 'ok' }, realtime: { lastEventSeq: expect.any(Number) } });
		expect(body.migrations).toMatch(/^\d{14}$/);
		expect(body.pdf).toHaveProperty('browserPath');
		expect(body.pdf).toHaveProperty('pid');
	};
	const expectStatusOnly = ({ status, text }: { status: number; text: string }) => {
		expect(status).toBe(200);
		expect(JSON.parse(text)).toEqual({ status: 'ok' });
		expect(text).not.toMatch(/browserPath|pid|migrations|lastEventSeq|chrom/i);
	};

	it('shows the details to this machine (the TCP peer, with no proxy configured)', async () => {
		const server = await serve();
		expectDetails(await read(server));
		// Without ADDRESS_HEADER a forwarded header is anyone's to write, so it changes nothing.
		expectDetails(await read(server, { 'x-forwarded-for': '203.0.113.7' }));
	}, 120_000);

	it('behind a proxy: remote callers and non-admin sessions get the status alone, an admin session the details', async () => {
		const dataDir = mkdtempSync(join(tmpdir(), 'tablero-healthz-'));
		const db = await openDatabase({ dataDir: join(dataDir, 'pglite') });
		await migrate(db);
		const org = await makeOrg(db);
		const cookies: Record<string, string> = {};
		for (const role of ['admin', 'coordinator', 'agent', 'technician'] as const)
			cookies[role] = `session=${(await createSession(db.orm, { id: org[role].id, orgId: org.org.id })).token}`;
		await db.close();
		const server = await serve({ ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' }, dataDir);

		const remote = { 'x-forwarded-for': '203.0.113.7' };
		expectStatusOnly(await read(server, remote));
		// The proxy (on this machine) connects from 127.0.0.1: only the address it wrote counts.
		expectStatusOnly(await read(server));
		expectStatusOnly(await read(server, { 'x-forwarded-for': '127.0.0.1, 203.0.113.7' }));
		expectDetails(await read(server, { 'x-forwarded-for': '127.0.0.1' }));
		expectDetails(await read(server, { 'x-forwarded-for': '::1' }));

		expectDetails(await read(server, { ...remote, cookie: cookies.admin }));
		for (const role of ['coordinator', 'agent', 'technician']) expectStatusOnly(await read(server, { ...remote, cookie: cookies[role] }));
	}, 180_000);
});
