import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeOrg } from './support/factories';
import { makeInstallation, pngBytes, tempStorage } from './support/documents';
import { setStorage } from '$lib/server/storage';
import type { SessionUser } from '$lib/server/auth';
import * as uploadRoute from '../../src/routes/api/instalaciones/[id]/archivos/+server';
import * as downloadRoute from '../../src/routes/archivos/[fileId]/+server';

const DB_KEY = Symbol.for('tablero.db');
type AnyEvent = Parameters<typeof uploadRoute.POST>[0];

describe.each(drivers)('upload and download routes on %s', (driver) => {
	let t: TestDatabase;
	let org: Awaited<ReturnType<typeof makeOrg>>;
	let other: Awaited<ReturnType<typeof makeOrg>>;
	let cardId: string;
	const store = tempStorage();

	beforeAll(async () => {
		t = await freshDatabase(driver);
		(globalThis as Record<symbol, unknown>)[DB_KEY] = Promise.resolve(t.db);
		setStorage(store.storage);
		org = await makeOrg(t.db);
		other = await makeOrg(t.db);
		cardId = await makeInstallation(t.db, org.org.id);
	});
	afterAll(async () => {
		delete (globalThis as Record<symbol, unknown>)[DB_KEY];
		setStorage(null);
		await t.cleanup();
		store.cleanup();
	});

	const post = (user: SessionUser | null, request: Request) =>
		uploadRoute.POST({ locals: { user }, params: { id: cardId }, request } as unknown as AnyEvent);
	const form = (bytes: Uint8Array, name: string, category = 'ine_frontal') => {
		const f = new FormData();
		f.set('category', category);
		f.set('file', new File([bytes as BlobPart], name));
		return new Request('http://localhost/api', { method: 'POST', body: f });
	};
	const get = async (user: SessionUser | null, fileId: string) => {
		try {
			return await downloadRoute.GET({ locals: { user }, params: { fileId }, url: new URL('http://localhost/archivos/x') } as never);
		} catch (err) {
			return err as { status: number; body: { message: string } };
		}
	};

	it('uploads through multipart and serves the file only to allowed users, with safe headers', async () => {
		const res = await post(org.agent, form(await pngBytes(), 'foto.png'));
		expect(res.status).toBe(201);
		const { id } = await res.json();
		const ok = (await get(org.coordinator, id)) as Response;
		expect(ok.status).toBe(200);
		expect(ok.headers.get('content-type')).toBe('image/png');
		expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
		expect(ok.headers.get('cache-control')).toMatch(/^private/);
		expect(ok.headers.get('content-disposition')).toMatch(/filename\*=UTF-8''INE%20frontal\.png/);
		expect(((await get(null, id)) as { status: number }).status).toBe(401);
		expect(((await get(other.admin, id)) as { status: number }).status).toBe(403);
		expect(((await get(org.technician, id)) as { status: number }).status).toBe(403);
	});

	it('answers a rejected upload with its Spanish message and stores nothing', async () => {
		const before = store.files().length;
		const res = await post(org.agent, form(new TextEncoder().encode('<!doctype html><p>hola</p>'), 'ine.jpg'));
		expect(res.status).toBe(415);
		expect((await res.json()).message).toMatch(/dice ser JPG/);
		expect(store.files().length).toBe(before);
		expect((await post(null, form(await pngBytes(), 'x.png'))).status).toBe(401);
	});

	it('refuses an oversized body early: by Content-Length, and mid-stream without reading it all', async () => {
		const declared = new Request('http://localhost/api', {
			method: 'POST',
			headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(40 * 1024 * 1024) },
			body: 'x'
		});
		const r1 = await post(org.agent, declared);
		expect(r1.status).toBe(413);
		expect((await r1.json()).message).toMatch(/más de 15 MB/);

		let pulled = 0;
		const chunk = new Uint8Array(1024 * 1024).fill(97);
		const stream = new ReadableStream<Uint8Array>({
			pull(controller) {
				pulled += chunk.byteLength;
				if (pulled > 100 * 1024 * 1024) controller.close();
				else controller.enqueue(chunk);
			}
		});
		const streamed = new Request('http://localhost/api', {
			method: 'POST',
			headers: { 'content-type': 'multipart/form-data; boundary=x' },
			body: stream,
			duplex: 'half'
		} as RequestInit);
		const r2 = await post(org.agent, streamed);
		expect(r2.status).toBe(413);
		expect(pulled).toBeLessThan(20 * 1024 * 1024);
	});
});
