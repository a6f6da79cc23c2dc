import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasBuild, startServer, type RunningServer } from './support/server';

describe.skipIf(!hasBuild())('HTTP limits (built server)', () => {
	// Each case starts its own server (its own settings) on its own data directory.
	const started: { server: RunningServer; dataDir: string }[] = [];
	afterAll(async () => {
		for (const { server, dataDir } of started) {
			await server.stop();
			rmSync(dataDir, { recursive: true, force: true });
		}
	});
	async function serve(env: Record<string, string> = {}): Promise<RunningServer> {
		const dataDir = mkdtempSync(join(tmpdir(), 'tablero-limits-'));
		const server = await startServer({ DATA_DIR: dataDir, ...env });
		started.push({ server, dataDir });
		return server;
	}

	it('refuses an oversized body before reading it, with a Spanish message', async () => {
		const server = await serve();
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

	it('behind a proxy, an IPv6 client counts by its /64: other addresses of its block share the limit, another block does not', async () => {
		const server = await serve({ ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1', SIGNING_VIEW_LIMIT: '2' });
		const open = (address: string) =>
			fetch(`${server.url}/firmar/${'x'.repeat(43)}`, { headers: { 'x-forwarded-for': address } }).then(async (res) => ({
				status: res.status,
				text: await res.text()
			}));
		// An unknown link is refused on its own (not 429); the limit counts every opening.
		const first = await open('2001:db8:1:2::1');
		expect(first.status).not.toBe(429);
		expect((await open('2001:db8:1:2::2')).status).toBe(first.status);
		// A third address of the same /64 (a client can pick any) is over the limit.
		const third = await open('2001:db8:1:2:ffff:ffff:ffff:fffe');
		expect(third.status).toBe(429);
		expect(third.text).toContain('Demasiados intentos');
		// Another /64, and an IPv4 client, are not.
		expect((await open('2001:db8:1:3::1')).status).toBe(first.status);
		expect((await open('203.0.113.7')).status).toBe(first.status);
	}, 90_000);
});
