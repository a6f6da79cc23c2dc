import type { Database } from './client';

/** A provider's stored settings (JSON as saved; readSettings fills the defaults), or null. */
export async function read(db: Pick<Database, 'query'>, orgId: string): Promise<unknown> {
	const [row] = await db.query<{ settings: unknown }>('select settings from organizations where id = $1', [orgId]);
	return row?.settings ?? null;
}
