import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshDatabase, type TestDatabase } from './support/db';
import { makeOrg } from './support/factories';
import { makeInstallation, pngBytes } from './support/documents';
import { uploadFile } from '$lib/server/services/files';
import { localStorage } from '$lib/server/storage/local';
import sharp from 'sharp';
import { randomBytes } from 'node:crypto';

// A real full disk: a 1 MB tmpfs as the files directory. Needs root (CI and the dev machines are).
const dir = mkdtempSync(join(tmpdir(), 'tablero-full-'));
let mounted = false;
try {
	if (process.getuid?.() === 0) {
		execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir]);
		mounted = true;
	}
} catch {
	mounted = false;
}

describe.skipIf(!mounted)('disk full while uploading', () => {
	let t: TestDatabase;
	beforeAll(async () => {
		t = await freshDatabase('pglite');
	});
	afterAll(async () => {
		await t?.cleanup();
		if (mounted) execFileSync('umount', [dir]);
		rmSync(dir, { recursive: true, force: true });
	});

	it('answers with a clear Spanish error and leaves no row and no partial file', async () => {
		const o = await makeOrg(t.db);
		const cardId = await makeInstallation(t.db, o.org.id);
		const storage = localStorage(dir);
		// Fill most of the disk, then upload an image that doesn't fit.
		await storage.put('relleno.bin', new Uint8Array(700 * 1024), 'application/octet-stream');
		const noise = randomBytes(900 * 900 * 3);
		const big = new Uint8Array(
			await sharp(noise, { raw: { width: 900, height: 900, channels: 3 } })
				.png()
				.toBuffer()
		);
		expect(big.length).toBeGreaterThan(400 * 1024);
		const err = await uploadFile(
			t.db,
			o.agent,
			{ installationId: cardId, category: 'ine_frontal', name: '', fileName: 'ine.png', bytes: big },
			storage
		).then(
			() => null,
			(e) => e
		);
		expect(err?.message).toMatch(/espacio/i);
		const [row] = await t.db.query<{ n: number }>('select count(*)::int as n from files');
		expect(row.n).toBe(0);
		const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile() && f.name !== 'relleno.bin');
		expect(files.map((f) => f.name)).toEqual([]);
		// Small files still go through once there is room.
		const ok = await uploadFile(
			t.db,
			o.agent,
			{ installationId: cardId, category: 'ine_atras', name: '', fileName: 'p.png', bytes: await pngBytes() },
			storage
		);
		expect(ok.id).toBeTruthy();
	});
});
