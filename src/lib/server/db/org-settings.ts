import { sql } from 'drizzle-orm';
import { firstOf, type Executor } from './card-tx';
import type { RawRunner } from './client';

/**
 * The provider's raw settings (jsonb), read inside the caller's transaction; `readSettings` gives
 * them their defaults. The board's cached `orgSettings` is for reads outside a transaction.
 */
export async function settingsOf(exec: Executor, orgId: string): Promise<unknown> {
	const row = await firstOf<{ settings: unknown }>(exec, sql`select settings from organizations where id = ${orgId}`);
	return row?.settings ?? null;
}

/** The IANA time zone the provider works in (documents date themselves with it). */
export async function timeZoneOf(db: Pick<RawRunner, 'query'>, orgId: string): Promise<string | null> {
	const [row] = await db.query<{ timeZone: string }>('select time_zone as "timeZone" from organizations where id = $1', [orgId]);
	return row?.timeZone ?? null;
}

/** A provider's stored settings (JSON as saved; readSettings fills the defaults), or null. */
export async function read(db: Pick<RawRunner, 'query'>, orgId: string): Promise<unknown> {
	const [row] = await db.query<{ settings: unknown }>('select settings from organizations where id = $1', [orgId]);
	return row?.settings ?? null;
}
