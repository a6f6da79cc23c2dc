import { getDb, ping } from '../db';
import { currentVersion } from '../db/migrate';
import { realtimeStatus } from '../realtime/status';
import { getPdfEngine } from '../pdf/engine';

const TIMEOUT_MS = 2000;

function withTimeout<T>(p: Promise<T>): Promise<T> {
	return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('tiempo de espera agotado')), TIMEOUT_MS))]);
}

export async function health() {
	const driver = process.env.DATABASE_URL ? 'postgres' : 'pglite';
	let database: { status: 'ok' | 'down'; error?: string } = { status: 'ok' };
	let migrations: string | null = null;
	try {
		const db = await withTimeout(getDb());
		await withTimeout(ping(db));
		migrations = await withTimeout(currentVersion(db));
	} catch (err) {
		database = { status: 'down', error: (err as Error).message };
	}
	return {
		status: database.status === 'ok' ? ('ok' as const) : ('degraded' as const),
		database: { driver, ...database },
		migrations,
		realtime: { ...realtimeStatus },
		pdf: getPdfEngine().status()
	};
}
