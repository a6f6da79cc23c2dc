import type { RawRunner } from './client';

export interface NewLead {
	orgId: string;
	position: number;
	fullName: string;
	phone: string;
	email: string | null;
	source: string;
	addrColonia: string | null;
	/** An import brings these too; the board's and the public form leave them blank. */
	addrStreet?: string | null;
	addrCity?: string | null;
	howHeard?: string | null;
	comments: string | null;
	installationCostCents: number;
	createdBy: string | null;
}

/** The bottom of "preinstalacion": where a new lead goes. Call with the organization locked. */
export async function lastPosition(db: RawRunner, orgId: string): Promise<number> {
	const [{ max }] = await db.query<{ max: number | null }>(
		`select max(position) as max from installations where org_id = $1 and stage = 'preinstalacion'`,
		[orgId]
	);
	return max ?? 0;
}

/** Inserts the card in "preinstalacion"; the installations trigger puts it on every open board. */
export async function insert(db: RawRunner, lead: NewLead): Promise<{ id: string; folio: number }> {
	const [row] = await db.query<{ id: string; folio: number }>(
		`insert into installations (org_id, stage, position, full_name, phone, email, source, addr_colonia, comments,
			installation_cost_cents, created_by, addr_street, addr_city, how_heard)
		 values ($1, 'preinstalacion', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) returning id, folio::int as folio`,
		[
			lead.orgId,
			lead.position,
			lead.fullName,
			lead.phone,
			lead.email,
			lead.source,
			lead.addrColonia,
			lead.comments,
			lead.installationCostCents,
			lead.createdBy,
			lead.addrStreet ?? null,
			lead.addrCity ?? null,
			lead.howHeard ?? null
		]
	);
	return row;
}
