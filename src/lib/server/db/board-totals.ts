import type { Database } from './client';
import { RECENT_ONLY_STAGES, type Stage } from '$lib/domain/stages';

// Spelled as constants (from the registry) so the planner matches the recent-closed partial index.
const RECENT_ONLY_SQL = RECENT_ONLY_STAGES.map((s) => `'${s}'`).join(', ');

/** Cards per recent-only (closed) stage, years of them, counted through the recent-closed index. */
export async function closed(db: Pick<Database, 'query'>, orgId: string): Promise<Partial<Record<Stage, number>>> {
	const rows = await db.query<{ stage: Stage; n: number }>(
		`select stage, count(*)::int as n from installations where org_id = $1 and stage in (${RECENT_ONLY_SQL}) group by stage`,
		[orgId]
	);
	return Object.fromEntries(rows.map((r) => [r.stage, r.n]));
}
