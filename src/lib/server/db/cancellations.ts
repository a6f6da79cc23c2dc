import type { RawRunner } from './client';

export interface LockedCard {
	stage: string;
	version: number;
	cancelReason: string | null;
	cancelNote: string | null;
}

/** The card's row, locked until the transaction ends: a second cancel waits here for the first. */
export async function lockCard(tx: Pick<RawRunner, 'query'>, orgId: string, id: string): Promise<LockedCard | null> {
	const [row] = await tx.query<LockedCard>(
		`select stage, version, cancel_reason as "cancelReason", cancel_note as "cancelNote"
		 from installations where org_id = $1 and id = $2 for update`,
		[orgId, id]
	);
	return row ?? null;
}

/** Who moved the card into «cancelada» last (null when it was done outside the app). */
export async function lastCanceller(db: Pick<RawRunner, 'query'>, orgId: string, id: string): Promise<string | null> {
	const [row] = await db.query<{ name: string | null }>(
		`select u.name from stage_history s left join users u on u.id = s.user_id
		 where s.org_id = $1 and s.installation_id = $2 and s.to_stage = 'cancelada' order by s.id desc limit 1`,
		[orgId, id]
	);
	return row?.name ?? null;
}

/** Moves the card to the end of «cancelada» with its reason and releases its IP. Returns the new version. */
export async function cancel(
	tx: Pick<RawRunner, 'query'>,
	c: { orgId: string; id: string; reason: string; note: string | null; gap: number }
): Promise<number> {
	await tx.query('delete from ip_allocations where installation_id = $1', [c.id]);
	const [row] = await tx.query<{ version: number }>(
		`update installations set stage = 'cancelada', cancel_reason = $3, cancel_note = $4, cancelled_at = now(), ip = null,
			position = coalesce((select max(position) from installations where org_id = $1 and stage = 'cancelada'), 0) + $5
		 where org_id = $1 and id = $2 returning version`,
		[c.orgId, c.id, c.reason, c.note, c.gap]
	);
	return row.version;
}
