import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { plans, users, zones } from '../db/schema';
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

/** The choices behind the board's filter menus; any signed-in role may read these names. */
export async function boardFilterOptions(db: Database, actor: SessionUser): Promise<BoardFilterOptions> {
	const [zoneRows, technicianRows, planRows] = await Promise.all([
		db.orm
			.select({ id: zones.id, name: zones.name })
			.from(zones)
			.where(and(eq(zones.orgId, actor.orgId), eq(zones.active, true)))
			.orderBy(asc(zones.name)),
		// A technician's board is already scoped to them, so the list would only offer themselves.
		actor.role === 'technician'
			? Promise.resolve([])
			: db.orm
					.select({ id: users.id, name: users.name })
					.from(users)
					.where(and(eq(users.orgId, actor.orgId), eq(users.role, 'technician'), eq(users.active, true)))
					.orderBy(asc(users.name)),
		db.orm
			.select({ id: plans.id, name: plans.name })
			.from(plans)
			// The card's plan is its internet plan; TV and phone plans are add-ons.
			.where(and(eq(plans.orgId, actor.orgId), eq(plans.kind, 'internet'), eq(plans.active, true)))
			.orderBy(asc(plans.sortOrder), asc(plans.name))
	]);
	return { zones: zoneRows, technicians: technicianRows, plans: planRows };
}
