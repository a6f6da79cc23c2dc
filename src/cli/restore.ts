// npm run restore -- <folder> — into an EMPTY database: a new DATA_DIR, or a new PostgreSQL
// database in DATABASE_URL. Stop the server first when using the embedded database.
import { join, resolve } from 'node:path';
import { closeDb, dataDir, getDb } from '../lib/server/db/index';
import { restore } from '../lib/server/backup';

const source = process.argv[2];
if (!source) {
	console.error('Uso: npm run restore -- <carpeta del respaldo>');
	process.exit(1);
}
try {
	const db = await getDb();
	const m = await restore(db, resolve(source), join(dataDir(), 'files'));
	console.log(`✔ Restaurado el respaldo del ${m.createdAt} (${m.tables.installations ?? 0} instalaciones).`);
	await closeDb();
} catch (err) {
	console.error(`✖ No se pudo restaurar: ${(err as Error).message}`);
	process.exit(1);
}
