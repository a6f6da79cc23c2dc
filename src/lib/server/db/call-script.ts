import type { RawRunner } from './client';

type Runner = Pick<RawRunner, 'query'>;

/**
 * Ticks a step of the card's call script with its entry (who and when, JSON text). False when the
 * step was already ticked or the card is not the provider's.
 */
export async function tick(tx: Runner, orgId: string, id: string, step: string, entry: string): Promise<boolean> {
	const rows = await tx.query(
		`update installations set call_script = call_script || jsonb_build_object($3::text, $4::text::jsonb)
		 where org_id = $1 and id = $2 and not (call_script ? $3::text) returning id`,
		[orgId, id, step, entry]
	);
	return rows.length > 0;
}

/** False when the step was not ticked or the card is not the provider's. */
export async function untick(tx: Runner, orgId: string, id: string, step: string): Promise<boolean> {
	const rows = await tx.query(
		`update installations set call_script = call_script - $3::text where org_id = $1 and id = $2 and (call_script ? $3::text) returning id`,
		[orgId, id, step]
	);
	return rows.length > 0;
}

export async function cardExists(db: Runner, orgId: string, id: string): Promise<boolean> {
	const [row] = await db.query('select 1 from installations where org_id = $1 and id = $2', [orgId, id]);
	return !!row;
}
