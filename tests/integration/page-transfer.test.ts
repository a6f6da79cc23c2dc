import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { request } from 'node:http';
import { hasBuild, startServer, type RunningServer } from './support/server';
import { makeOrg } from './support/factories';
import { openDatabase } from '$lib/server/db/client';
import { migrate } from '$lib/server/db/migrate';
import { createSession } from '$lib/server/auth';

/** One GET as a browser sends it, with the raw (still compressed) body and the headers' size on the wire. */
function get(
	url: string,
	headers: Record<string, string>
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; raw: Buffer; headerBytes: number }> {
	return new Promise((resolve, reject) => {
		const req = request(url, { headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => {
				const headerBytes = res.rawHeaders.reduce((sum, h) => sum + Buffer.byteLength(h) + 2, 0);
				resolve({ status: res.statusCode ?? 0, headers: res.headers, raw: Buffer.concat(chunks), headerBytes });
			});
		});
		req.on('error', reject);
		req.end();
	});
}

// What a phone downloads for a page (issue 22): compressed HTML, and the JavaScript SvelteKit would
// announce in an uncompressed Link header named in the page's head instead.
describe.skipIf(!hasBuild())('a page on the wire (built server)', () => {
	const dataDir = mkdtempSync(join(tmpdir(), 'tablero-transfer-'));
	let server: RunningServer;
	let cookie = '';

	beforeAll(async () => {
		const db = await openDatabase({ dataDir: join(dataDir, 'pglite') });
		await migrate(db);
		const org = await makeOrg(db);
		cookie = `session=${(await createSession(db.orm, { id: org.admin.id, orgId: org.org.id })).token}`;
		await db.close();
		server = await startServer({ DATA_DIR: dataDir });
	}, 180_000);
	afterAll(async () => {
		await server?.stop();
		rmSync(dataDir, { recursive: true, force: true });
	});

	it('sends the board brotli-compressed with its module preloads in the head, not in a header', async () => {
		const res = await get(`${server.url}/tablero`, { cookie, 'accept-encoding': 'gzip, deflate, br', 'accept-language': 'es-MX' });
		expect(res.status).toBe(200);
		expect(res.headers['content-encoding']).toBe('br');
		expect(res.headers.link).toBeUndefined();
		expect(res.headerBytes).toBeLessThan(1500);
		const html = brotliDecompressSync(res.raw).toString('utf8');
		const head = html.slice(0, html.indexOf('</head>'));
		const preloads = [...head.matchAll(/<link rel="modulepreload" href="\.([^"]+)">/g)].map((m) => m[1]);
		expect(preloads.length).toBeGreaterThan(5);
		expect(preloads.some((p) => p.includes('/entry/start.'))).toBe(true);
		// Each one is a file the server has, precompressed.
		for (const path of preloads.slice(0, 5)) {
			const js = await get(server.url + path, { 'accept-encoding': 'br' });
			expect(js.status, path).toBe(200);
			expect(js.headers['content-encoding'], path).toBe('br');
		}
		// The page's ETag is of the bytes sent (each render has its own CSP nonce, so it is new each time).
		expect(res.headers.etag).toMatch(/^"[\w-]{16}"$/);
	});

	it('sends hashed files without ETag or Last-Modified (they never expire), and other files with them', async () => {
		const res = await get(`${server.url}/tablero`, { cookie, 'accept-encoding': 'identity', 'accept-language': 'es-MX' });
		const start = res.raw.toString('utf8').match(/<link rel="modulepreload" href="\.(\/_app\/immutable\/entry\/start\.[^"]+)">/)?.[1];
		expect(start).toBeDefined();
		for (const encoding of ['br', 'identity']) {
			const js = await get(server.url + start, { 'accept-encoding': encoding });
			expect(js.status).toBe(200);
			expect(js.headers['cache-control']).toContain('immutable');
			expect(js.headers.etag).toBeUndefined();
			expect(js.headers['last-modified']).toBeUndefined();
			expect(js.raw.length).toBeGreaterThan(0);
		}
		const manifest = await get(`${server.url}/manifest.webmanifest`, { 'accept-encoding': 'identity' });
		expect(manifest.status).toBe(200);
		expect(manifest.headers.etag).toBeDefined();
		expect(manifest.headers['last-modified']).toBeDefined();
	});

	it('says the true length of a page sent uncompressed', async () => {
		const res = await get(`${server.url}/tablero`, { cookie, 'accept-encoding': 'identity', 'accept-language': 'es-MX' });
		expect(res.status).toBe(200);
		expect(res.headers['content-encoding']).toBeUndefined();
		expect(Number(res.headers['content-length'])).toBe(res.raw.length);
		const html = res.raw.toString('utf8');
		expect(html).toContain('rel="modulepreload"');
		expect(html.trimEnd().endsWith('</html>')).toBe(true);
	});

	it('sends the login page the same way to someone signed out', async () => {
		const res = await get(`${server.url}/login`, { 'accept-encoding': 'gzip' });
		expect(res.status).toBe(200);
		expect(res.headers['content-encoding']).toBe('gzip');
		expect(res.headers.link).toBeUndefined();
	});
});
