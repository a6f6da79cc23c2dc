import { sql } from 'drizzle-orm';
import { firstOf, type Executor } from './card-tx';

/** What other concerns (scheduling, coverage, exports) ask about a zone they point at. */

export async function exists(exec: Executor, orgId: string, zoneId: string): Promise<boolean> {
	return !!(await firstOf(exec, sql`select 1 from zones where org_id = ${orgId} and id = ${zoneId}`));
}

export async function nameOf(exec: Executor, orgId: string, zoneId: string): Promise<string | null> {
	const row = await firstOf<{ name: string }>(exec, sql`select name from zones where org_id = ${orgId} and id = ${zoneId}`);
	return row?.name ?? null;
}
