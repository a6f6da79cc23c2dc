import type { Database } from '../db';
import type { SessionUser } from '../auth';
import * as filterOptions from '../db/filter-options';

export type { FilterOption, FilterOptions as BoardFilterOptions } from '../db/filter-options';

/**
 * The choices behind the board's filter menus; any signed-in role may read these names. Every
 * board load asks for them, so the three lists come from one statement.
 */
export async function boardFilterOptions(db: Pick<Database, 'query'>, actor: SessionUser): Promise<filterOptions.FilterOptions> {
	// A technician's board is already scoped to them, so the list would only offer themselves.
	return filterOptions.list(db, actor.orgId, actor.role !== 'technician');
}
