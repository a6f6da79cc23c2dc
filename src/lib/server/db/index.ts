import { resolve } from 'node:path';
import { isTransactionPooler, openDatabase, type Database } from './client';
import { migrate, migrateOnStart, requireMigrated } from './migrate';

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
/**
 * LISTEN needs a direct or session-mode connection. A transaction-mode pooler (Supabase's port
 * 6543, pgbouncer) accepts LISTEN and then never delivers, so we refuse to start instead of
 * leaving boards silently stale.
 */
export function listenUrl(): string | undefined {
	const url = process.env.DATABASE_URL || undefined;
	const listen = process.env.LISTEN_DATABASE_URL || undefined;
	if (!url) return undefined;
	if (!listen && isTransactionPooler(url)) {
		throw new Error(
			'DATABASE_URL apunta a un pooler en modo transacción (puerto 6543 o pgbouncer=true), que no entrega LISTEN/NOTIFY. ' +
				'Define LISTEN_DATABASE_URL con una conexión directa o en modo sesión (puerto 5432) para que los tableros se actualicen.'
		);
	}
	return listen ?? url;
}

export function getDb(): Promise<Database> {
	const holder = globalThis as Holder;
	holder[KEY] ??= (async () => {
		const url = process.env.DATABASE_URL || undefined;
		const db = await openDatabase({
			url,
			listenUrl: listenUrl(),
			dataDir: resolve(dataDir(), 'pglite')
		});
		// A team that migrates with the Supabase CLI sets MIGRATE_ON_START=false: the app then only
		// checks the ledger, and a failed check closes the handle so the next try opens a fresh one.
		if (migrateOnStart()) await migrate(db);
		else
			await requireMigrated(db).catch(async (err) => {
				await db.close();
				throw err;
			});
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

/** A round trip to the database, for the health check. */
export async function ping(db: Pick<Database, 'query'>): Promise<void> {
	await db.query('select 1');
}
