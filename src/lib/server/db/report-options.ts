import type { Database } from './client';
import type { FilterOption } from './filter-options';

/**
 * The people the reports' «Asesor» filter offers: active office users who take customers' calls
 * (agents, coordinators and admins all may capture a lead or confirm its coverage).
 */
export async function agents(db: Pick<Database, 'query'>, orgId: string): Promise<FilterOption[]> {
	return db.query<FilterOption>(
		`select u.id, u.name from users u where u.org_id = $1 and u.active and u.role in ('agent', 'coordinator', 'admin') order by u.name`,
		[orgId]
	);
}
