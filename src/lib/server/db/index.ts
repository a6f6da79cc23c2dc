import { resolve } from 'node:path';
import { openDatabase, type Database } from './client';
import { migrate } from './migrate';

export type { Database, Executor, Orm, Tx } from './client';

const KEY = Symbol.for('tablero.db');
type Holder = { [KEY]?: Promise<Database> };

export function dataDir(): string {
	return resolve(process.env.DATA_DIR ?? 'data');
}

/**
 * The one database handle of this process. It lives on globalThis so dev hot reload,
 * the socket server and the app bundle share it (PGlite must never be opened twice).
 */
export function getDb(): Promise<Database> {
	const holder = globalThis as Holder;
	holder[KEY] ??= (async () => {
		const url = process.env.DATABASE_URL || undefined;
		const db = await openDatabase({
			url,
			listenUrl: process.env.LISTEN_DATABASE_URL || undefined,
			dataDir: resolve(dataDir(), 'pglite')
		});
		await migrate(db);
		return db;
	})().catch((err) => {
		delete holder[KEY];
		throw err;
	});
	return holder[KEY];
}

export async function closeDb(): Promise<void> {
	const holder = globalThis as Holder;
	const pending = holder[KEY];
	delete holder[KEY];
	if (pending) await (await pending).close();
}
