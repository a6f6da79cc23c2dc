import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Database } from '$lib/server/db/client';
import { localStorage } from '$lib/server/storage/local';

/** A throwaway DATA_DIR/files store and a way to list what landed on disk. */
export function tempStorage() {
	const dir = mkdtempSync(join(tmpdir(), 'tablero-files-'));
	const storage = localStorage(join(dir, 'files'));
	const list = (d = join(dir, 'files')): string[] => {
		try {
			return readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? list(join(d, n)) : [join(d, n)]));
		} catch {
			return [];
		}
	};
	return { dir, storage, files: () => list(), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function makeInstallation(db: Database, orgId: string, extra: Record<string, unknown> = {}): Promise<string> {
	const cols = { org_id: orgId, full_name: 'José Peña Ñúñez', position: 1000, phone: '9981234567', ...extra };
	const keys = Object.keys(cols);
	const [row] = await db.query<{ id: string }>(
		`insert into installations (${keys.join(', ')}) values (${keys.map((_, i) => `$${i + 1}`).join(', ')}) returning id`,
		Object.values(cols)
	);
	return row.id;
}

/** A JPEG with EXIF GPS data, to prove re-encoding drops it. */
export async function jpegWithGps(width = 2600, height = 1200): Promise<Uint8Array> {
	const buf = await sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } })
		.withExif({ IFD0: { Make: 'TestPhone', Model: 'GPS 1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '21/1 9/1 0/1' } })
		.jpeg()
		.toBuffer();
	return new Uint8Array(buf);
}

export async function pngBytes(): Promise<Uint8Array> {
	return new Uint8Array(
		await sharp({ create: { width: 40, height: 20, channels: 4, background: '#123456' } })
			.png()
			.toBuffer()
	);
}

/** A tiny valid PDF. */
export const PDF_BYTES = new TextEncoder().encode(
	'%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'
);
