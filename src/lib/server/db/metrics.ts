import type { RawRunner } from './client';

/** Rows waiting in each outbox: WispHub jobs not yet synced, WhatsApp messages queued to send. */
export async function outboxDepths(db: RawRunner): Promise<{ wisphub: number; whatsapp: number }> {
	const [row] = await db.query<{ wisphub: number; whatsapp: number }>(
		`select (select count(*) from wisphub_jobs where state in ('pendiente', 'enviando', 'esperando'))::int as wisphub,
		        (select count(*) from customer_messages where status = 'en_cola')::int as whatsapp`
	);
	return row ?? { wisphub: 0, whatsapp: 0 };
}

/**
 * PostgreSQL's own view of the connections to this database, by state (`active` runs a query,
 * `idle in transaction` holds one open). postgres.js keeps its pool's counts to itself, so this is
 * the server's count, every instance together.
 */
export async function connectionStates(db: RawRunner): Promise<{ state: string; count: number }[]> {
	return db.query<{ state: string; count: number }>(
		`select coalesce(state, 'unknown') as state, count(*)::int as count
		   from pg_stat_activity where datname = current_database() and backend_type = 'client backend'
		  group by 1 order by 1`
	);
}
