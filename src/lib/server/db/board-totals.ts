import type { Database } from './client';
import type { Stage } from '$lib/domain/stages';

/** Cards per closed stage (activa, cancelada), years of them, counted through the recent-closed index. */
export async function closed(db: Pick<Database, 'query'>, orgId: string): Promise<Partial<Record<Stage, number>>> {
	const rows = await db.query<{ stage: Stage; n: number }>(
		`select stage, count(*)::int as n from installations where org_id = $1 and stage in ('activa', 'cancelada') group by stage`,
		[orgId]
	);
	return Object.fromEntries(rows.map((r) => [r.stage, r.n]));
}
