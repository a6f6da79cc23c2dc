import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasBuild, startServer, type RunningServer } from './support/server';

describe.skipIf(!hasBuild())('request size limits (built server)', () => {
	const dataDir = mkdtempSync(join(tmpdir(), 'tablero-limits-'));
	let server: RunningServer | undefined;
	afterAll(async () => {
		await server?.stop();
		rmSync(dataDir, { recursive: true, force: true });
	});

	it('refuses an oversized body before reading it, with a Spanish message', async () => {
		server = await startServer({ DATA_DIR: dataDir });
		const res = await fetch(`${server.url}/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
			body: 'email=' + 'a'.repeat(2 * 1024 * 1024)
		});
		expect(res.status).toBe(413);
		expect((await res.json()).message).toMatch(/demasiado grande/);
		const ok = await fetch(`${server.url}/healthz`);
		expect(ok.status).toBe(200);
	}, 90_000);
});
