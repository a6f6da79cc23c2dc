// npm run backup [-- <folder>] — SQL dump of the data + the uploaded files, for either driver.
// With the embedded database, stop the server first (PGlite allows one process at a time).
import { join, resolve } from 'node:path';
import { closeDb, dataDir, getDb } from '../lib/server/db/index';
import { backup } from '../lib/server/backup';

const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const target = resolve(process.argv[2] ?? join(dataDir(), 'backups', stamp));
try {
	const db = await getDb();
	const m = await backup(db, target, join(dataDir(), 'files'));
	const total = Object.values(m.tables).reduce((a, b) => a + b, 0);
	console.log(`✔ Respaldo en ${target}: ${total} filas (${m.tables.installations ?? 0} instalaciones)${m.files ? ' y archivos' : ''}.`);
	await closeDb();
} catch (err) {
	console.error(`✖ No se pudo respaldar: ${(err as Error).message}`);
	process.exit(1);
}
