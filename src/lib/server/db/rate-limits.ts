import type { RawRunner } from './client';

/**
 * The table of the shared rate limits (see its migration). rate-limiter-flexible writes its own
 * upserts into it; this module hands the library the table's name and a client on the app's pool.
 */
export const RATE_LIMITS_TABLE = 'rate_limits';

interface StoreQuery {
	text: string;
	values?: unknown[];
}

/**
 * The node-postgres shaped client RateLimiterPostgres calls (`query({ text, values })` answering
 * `{ rows, rowCount }`), running on this app's connection pool, so the limits open no pool of
 * their own and follow the pooler settings (prepared statements or not) of every other query.
 */
export function storeClient(db: RawRunner) {
	return {
		async query(q: StoreQuery) {
			const rows = await db.query(q.text, q.values ?? []);
			return { rows, rowCount: rows.length };
		}
	};
}

/** Forgets every counter of the limits named (the part of the key before the first colon). */
export async function clear(db: RawRunner, names: string[]): Promise<void> {
	if (names.length === 0) return;
	await db.query(`delete from rate_limits where split_part(key, ':', 1) = any($1::text[])`, [names]);
}
