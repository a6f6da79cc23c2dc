import { sql } from 'drizzle-orm';
import { firstOf, rowsOf, type Executor } from './card-tx';
import type { PlanKind } from '$lib/domain/addon-kinds';
import type { CallScriptState } from '$lib/schemas/call-script';

/** What the card panel shows beyond the board card and its fields. */
export interface PanelExtras {
	callScript: CallScriptState | string | null;
	coordinatesRaw: string | null;
	coverageConfirmedAt: string | null;
	source: string | null;
}

export function extras(db: Executor, cardId: string): Promise<PanelExtras | null> {
	return firstOf(
		db,
		sql`select call_script as "callScript", coordinates_raw as "coordinatesRaw",
			coverage_confirmed_at::text as "coverageConfirmedAt", source
		 from installations where id = ${cardId}`
	);
}

/** A plan as the panel's plan picker lists it. */
export interface PlanOptionRow {
	id: string;
	kind: PlanKind;
	name: string;
	priceCents: number;
	speedMbps: number | null;
	usageTier: 'basico' | 'intermedio' | 'alto' | null;
	description: string | null;
}

export function planOptions(db: Executor, orgId: string): Promise<PlanOptionRow[]> {
	return rowsOf(
		db,
		sql`select id, kind, name, price_cents as "priceCents", speed_mbps as "speedMbps", usage_tier as "usageTier", description
		 from plans where org_id = ${orgId} and active order by kind, sort_order, price_cents`
	);
}

/** The card's provider and technician, or null when the card is not this provider's. */
export function assignee(db: Executor, orgId: string, cardId: string): Promise<{ technicianId: string | null } | null> {
	return firstOf(db, sql`select technician_id as "technicianId" from installations where org_id = ${orgId} and id = ${cardId}`);
}
