import type { Database } from './client';

export interface FilterOption {
	id: string;
	name: string;
}

export interface FilterOptions {
	zones: FilterOption[];
	technicians: FilterOption[];
	plans: FilterOption[];
}

/** A provider's active zones, technicians (only when asked) and internet plans, by name, in one statement. */
export async function list(db: Pick<Database, 'query'>, orgId: string, withTechnicians: boolean): Promise<FilterOptions> {
	const [row] = await db.query<FilterOptions>(
		`select
			(select coalesce(json_agg(json_build_object('id', z.id, 'name', z.name) order by z.name), '[]')
			   from zones z where z.org_id = $1 and z.active) as zones,
			(select coalesce(json_agg(json_build_object('id', u.id, 'name', u.name) order by u.name), '[]')
			   from users u where u.org_id = $1 and u.role = 'technician' and u.active and $2) as technicians,
			-- The card's plan is its internet plan; TV and phone plans are add-ons.
			(select coalesce(json_agg(json_build_object('id', p.id, 'name', p.name) order by p.sort_order, p.name), '[]')
			   from plans p where p.org_id = $1 and p.kind = 'internet' and p.active) as plans`,
		[orgId, withTechnicians]
	);
	return row;
}
