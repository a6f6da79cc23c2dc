import type { Database } from '../db';
import type { SessionUser } from '../auth';

export interface FilterOption {
	id: string;
	name: string;
}

export interface BoardFilterOptions {
	zones: FilterOption[];
	technicians: FilterOption[];
	plans: FilterOption[];
}

/**
 * The choices behind the board's filter menus; any signed-in role may read these names. Every
 * board load asks for them, so the three lists come from one statement.
 */
export async function boardFilterOptions(db: Pick<Database, 'query'>, actor: SessionUser): Promise<BoardFilterOptions> {
	const [row] = await db.query<BoardFilterOptions>(
		`select
			(select coalesce(json_agg(json_build_object('id', z.id, 'name', z.name) order by z.name), '[]')
			   from zones z where z.org_id = $1 and z.active) as zones,
			-- A technician's board is already scoped to them, so the list would only offer themselves.
			(select coalesce(json_agg(json_build_object('id', u.id, 'name', u.name) order by u.name), '[]')
			   from users u where u.org_id = $1 and u.role = 'technician' and u.active and $2) as technicians,
			-- The card's plan is its internet plan; TV and phone plans are add-ons.
			(select coalesce(json_agg(json_build_object('id', p.id, 'name', p.name) order by p.sort_order, p.name), '[]')
			   from plans p where p.org_id = $1 and p.kind = 'internet' and p.active) as plans`,
		[actor.orgId, actor.role !== 'technician']
	);
	return row;
}
