import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStorage } from './support/documents';
import { supabaseStorage } from '$lib/server/storage/supabase';
import { assertKey, type Storage } from '$lib/server/storage/types';

/**
 * A stand-in for Supabase Storage's REST API (only what the driver calls), so both storage
 * drivers run the same contract without a network. It also records that the bucket is private.
 */
function fakeSupabase() {
	const objects = new Map<string, Buffer>();
	const buckets = new Map<string, { public: boolean }>();
	const auth: string[] = [];
	const server = http.createServer(async (req, res) => {
		const chunks: Buffer[] = [];
		for await (const c of req) chunks.push(c as Buffer);
		const body = Buffer.concat(chunks);
		auth.push(req.headers.authorization ?? '');
		const url = new URL(req.url!, 'http://x');
		const send = (status: number, data: unknown) => {
			res.writeHead(status, { 'content-type': 'application/json' });
			res.end(JSON.stringify(data));
		};
		const p = url.pathname.replace(/^\/storage\/v1/, '');
		if (req.method === 'GET' && p.startsWith('/bucket/')) {
			const b = buckets.get(p.slice(8));
			return b
				? send(200, { id: p.slice(8), name: p.slice(8), ...b })
				: send(400, { statusCode: '404', error: 'Bucket not found', message: 'Bucket not found' });
		}
		if (req.method === 'POST' && p === '/bucket') {
			const { name, public: pub } = JSON.parse(body.toString());
			buckets.set(name, { public: pub });
			return send(200, { name });
		}
		if (req.method === 'POST' && p === '/object/move') {
			const { bucketId, sourceKey, destinationKey } = JSON.parse(body.toString());
			const from = `${bucketId}/${sourceKey}`;
			if (!objects.has(from)) return send(400, { statusCode: '404', error: 'not_found', message: 'Object not found' });
			objects.set(`${bucketId}/${destinationKey}`, objects.get(from)!);
			objects.delete(from);
			return send(200, { message: 'Successfully moved' });
		}
		if (req.method === 'DELETE' && p.startsWith('/object/')) {
			const bucket = p.slice(8);
			for (const k of JSON.parse(body.toString()).prefixes) objects.delete(`${bucket}/${k}`);
			return send(200, []);
		}
		const key = decodeURIComponent(p.replace(/^\/object\/(authenticated\/)?/, ''));
		if (req.method === 'POST' || req.method === 'PUT') {
			objects.set(key, body);
			return send(200, { Key: key });
		}
		if (req.method === 'GET') {
			const o = objects.get(key);
			if (!o) return send(400, { statusCode: '404', error: 'not_found', message: 'Object not found' });
			res.writeHead(200, { 'content-type': 'application/octet-stream' });
			return res.end(o);
		}
		send(404, { message: 'no' });
	});
	return { server, objects, buckets, auth };
}

const fake = fakeSupabase();
const local = tempStorage();
const drivers: [string, () => Storage][] = [
	['local', () => local.storage],
	[
		'supabase',
		() => supabaseStorage(`http://127.0.0.1:${(fake.server.address() as { port: number }).port}`, 'clave-de-servicio', 'documentos')
	]
];

beforeAll(() => new Promise<void>((r) => fake.server.listen(0, '127.0.0.1', () => r())));
afterAll(() => {
	fake.server.close();
	local.cleanup();
});

describe.each(drivers)('storage driver %s', (name, make) => {
	it('puts, moves, reads and removes; missing keys read as null', async () => {
		const s = make();
		const bytes = new TextEncoder().encode(`contenido ñ ${name}`);
		await s.put('tmp/a.pdf', bytes, 'application/pdf');
		await s.move('tmp/a.pdf', 'org/card/a.pdf');
		expect(await s.get('tmp/a.pdf')).toBeNull();
		expect(await s.get('org/card/a.pdf')).toEqual(bytes);
		expect(await s.exists('org/card/a.pdf')).toBe(true);
		await s.remove(['org/card/a.pdf', 'org/card/nunca-existio.pdf']);
		expect(await s.get('org/card/a.pdf')).toBeNull();
	});
});

describe('storage keys', () => {
	it('refuses keys that could leave the store', () => {
		for (const bad of ['../etc/passwd', '/abs', 'a//b', 'a/../b', '']) expect(() => assertKey(bad)).toThrow();
		expect(assertKey('org/card/file.thumb.webp')).toBe('org/card/file.thumb.webp');
	});

	it('creates the Supabase bucket private and authenticates with the service key', () => {
		expect(fake.buckets.get('documentos')).toEqual({ public: false });
		expect(fake.auth.every((a) => a === 'Bearer clave-de-servicio')).toBe(true);
	});
});
