import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeOrg } from './support/factories';
import { jpegWithGps, makeInstallation, PDF_BYTES, pngBytes, tempStorage } from './support/documents';
import { downloadFile, listFiles, uploadFile } from '$lib/server/services/files';
import { ServiceError } from '$lib/server/services/errors';
import type { Storage } from '$lib/server/storage';

describe.each(drivers)('files on %s', (driver) => {
	let t: TestDatabase;
	let org: Awaited<ReturnType<typeof makeOrg>>;
	let other: Awaited<ReturnType<typeof makeOrg>>;
	let cardId: string;
	const store = tempStorage();

	beforeAll(async () => {
		t = await freshDatabase(driver);
		org = await makeOrg(t.db);
		other = await makeOrg(t.db);
		cardId = await makeInstallation(t.db, org.org.id);
	});
	afterAll(async () => {
		await t.cleanup();
		store.cleanup();
	});

	const rowCount = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from files'))[0].n;
	const up = (bytes: Uint8Array, fileName: string, category = 'ine_frontal', s: Storage = store.storage, user = org.agent) =>
		uploadFile(t.db, user, { installationId: cardId, category, name: '', fileName, bytes }, s);

	async function expectRejected(call: () => Promise<unknown>, status: number, text: RegExp) {
		const before = { rows: await rowCount(), files: store.files().length };
		const err = await call().then(
			() => null,
			(e) => e
		);
		expect(err).toBeInstanceOf(ServiceError);
		expect(err.status).toBe(status);
		expect(err.message).toMatch(text);
		expect(await rowCount()).toBe(before.rows);
		expect(store.files().length).toBe(before.files);
	}

	it('rejects HTML bytes behind a .jpg name, with nothing stored', async () => {
		await expectRejected(
			() => up(new TextEncoder().encode('<html><script>alert(1)</script></html>'), 'ine.jpg'),
			415,
			/dice ser JPG pero su contenido no lo es/
		);
	});

	it('rejects zero bytes, over the limit and unknown types', async () => {
		await expectRejected(() => up(new Uint8Array(0), 'vacio.jpg'), 400, /está vacío/);
		const big = new Uint8Array(15 * 1024 * 1024 + 1);
		big.set(await jpegWithGps(10, 10));
		await expectRejected(() => up(big, 'grande.jpg'), 413, /más de 15 MB/);
		await expectRejected(() => up(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]), 'datos.bin'), 415, /No reconocemos el tipo/);
	});

	it('asks for a name for "Otro"', async () => {
		await expectRejected(async () => up(await pngBytes(), 'x.png', 'otro'), 400, /nombre para el archivo "Otro"/);
	});

	it('re-encodes a JPEG: shrunk to 2000px, EXIF/GPS gone, thumbnail made, fixed name', async () => {
		const res = await up(await jpegWithGps(), 'IMG_0001.JPG');
		expect(res.name).toBe('INE frontal');
		const file = await downloadFile(t.db, org.coordinator, res.id, false, store.storage);
		const meta = await sharp(file.bytes).metadata();
		expect(Math.max(meta.width!, meta.height!)).toBe(2000);
		expect(meta.exif).toBeUndefined();
		expect(file.mime).toBe('image/jpeg');
		const thumb = await downloadFile(t.db, org.coordinator, res.id, true, store.storage);
		expect(thumb.mime).toBe('image/webp');
		const [hist] = await t.db.query<{ kind: string }>(`select kind from card_history where installation_id = $1 and kind = 'file'`, [
			cardId
		]);
		expect(hist.kind).toBe('file');
	});

	it('keeps the replaced file in history', async () => {
		const second = await up(await pngBytes(), 'otra.png');
		const list = await listFiles(t.db, org.agent, cardId);
		const ine = list.filter((f) => f.category === 'ine_frontal');
		expect(ine).toHaveLength(2);
		expect(ine.filter((f) => !f.supersededAt).map((f) => f.id)).toEqual([second.id]);
		const [old] = await t.db.query<{ supersededBy: string }>(
			`select superseded_by as "supersededBy" from files where category = 'ine_frontal' and superseded_at is not null`
		);
		expect(old.supersededBy).toBe(second.id);
	});

	it('three comprobantes uploaded at once leave one current file, the others in its history', async () => {
		// Moving the bytes is the last step of each upload's transaction; slowed, the three overlap.
		const slow: Storage = {
			...store.storage,
			move: async (from, to) => {
				await new Promise((r) => setTimeout(r, 500));
				await store.storage.move(from, to);
			}
		};
		await Promise.all([1, 2, 3].map(async () => up(await pngBytes(), 'comprobante.png', 'comprobante_domicilio', slow)));
		const rows = await t.db.query<{ id: string; supersededBy: string | null }>(
			`select id, superseded_by as "supersededBy" from files where installation_id = $1 and category = 'comprobante_domicilio' order by created_at`,
			[cardId]
		);
		expect(rows).toHaveLength(3);
		// One chain: the first upload superseded by the second, the second by the third.
		const byId = new Map(rows.map((r) => [r.id, r]));
		let link = rows.find((r) => !rows.some((o) => o.supersededBy === r.id));
		const chain: string[] = [];
		for (; link; link = link.supersededBy ? byId.get(link.supersededBy) : undefined) chain.push(link.id);
		expect(chain.toSorted()).toEqual(rows.map((r) => r.id).toSorted());
	});

	it('accepts a PDF as is', async () => {
		const res = await up(PDF_BYTES, 'comprobante.pdf', 'comprobante_domicilio');
		expect(res.mime).toBe('application/pdf');
		expect((await downloadFile(t.db, org.admin, res.id, false, store.storage)).bytes).toEqual(PDF_BYTES);
	});

	it('leaves neither a row nor a file when the storage fails to commit', async () => {
		const failing: Storage = {
			...store.storage,
			move: async () => {
				throw new Error('disco lleno');
			}
		};
		const before = { rows: await rowCount(), files: store.files().length };
		await expect(up(await pngBytes(), 'x.png', 'ine_atras', failing)).rejects.toThrow('disco lleno');
		expect(await rowCount()).toBe(before.rows);
		expect(store.files().length).toBe(before.files);
	});

	it('refuses downloads to signed-out users, other providers and unassigned technicians', async () => {
		const [f] = await listFiles(t.db, org.agent, cardId);
		await expect(downloadFile(t.db, null, f.id, false, store.storage)).rejects.toMatchObject({ status: 401 });
		await expect(downloadFile(t.db, other.admin, f.id, false, store.storage)).rejects.toMatchObject({ status: 403 });
		await expect(downloadFile(t.db, org.technician, f.id, false, store.storage)).rejects.toMatchObject({ status: 403 });
		await t.db.query('update installations set technician_id = $1 where id = $2', [org.technician.id, cardId]);
		expect((await downloadFile(t.db, org.technician, f.id, false, store.storage)).bytes.byteLength).toBeGreaterThan(0);
		await t.db.query('update installations set technician_id = null where id = $1', [cardId]);
	});
});
