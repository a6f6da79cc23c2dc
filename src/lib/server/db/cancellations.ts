import type { RawRunner } from './client';
import type { RefundChecklist } from '$lib/domain/cancel-reasons';
import type { Stage } from '$lib/domain/stages';

type Runner = Pick<RawRunner, 'query'>;

export interface LockedCard {
	stage: Stage;
	version: number;
	cancelReason: string | null;
	cancelNote: string | null;
	ip: string | null;
	zoneId: string | null;
	contractType: string | null;
}

/** The card's row, locked until the transaction ends: a second cancel (or reopen) waits here for the first. */
export async function lockCard(tx: Runner, orgId: string, id: string): Promise<LockedCard | null> {
	const [row] = await tx.query<LockedCard>(
		`select stage, version, cancel_reason as "cancelReason", cancel_note as "cancelNote", host(ip) as ip,
			zone_id as "zoneId", contract_type as "contractType"
		 from installations where org_id = $1 and id = $2 for update`,
		[orgId, id]
	);
	return row ?? null;
}

/** Who moved the card into «cancelada» last (null when it was done outside the app). */
export async function lastCanceller(db: Runner, orgId: string, id: string): Promise<string | null> {
	const [row] = await db.query<{ name: string | null }>(
		`select u.name from stage_history s left join users u on u.id = s.user_id
		 where s.org_id = $1 and s.installation_id = $2 and s.to_stage = 'cancelada' order by s.id desc limit 1`,
		[orgId, id]
	);
	return row?.name ?? null;
}

export interface CancellationInsert {
	orgId: string;
	installationId: string;
	fromStage: Stage;
	reason: string;
	reasonLabel: string;
	note: string | null;
	refundChecklist: RefundChecklist | null;
	releasedIp: string | null;
	releasedZoneId: string | null;
	by: string;
}

/** Records a cancellation, in the transaction that moved the card. */
export async function record(tx: Runner, c: CancellationInsert): Promise<void> {
	await tx.query(
		`insert into cancellations (org_id, installation_id, from_stage, reason, reason_label, note, refund_checklist,
			released_ip, released_zone_id, cancelled_by)
		 values ($1, $2, $3, $4, $5, $6, $7::text::jsonb, $8::inet, $9, $10)`,
		[
			c.orgId,
			c.installationId,
			c.fromStage,
			c.reason,
			c.reasonLabel,
			c.note,
			c.refundChecklist ? JSON.stringify(c.refundChecklist) : null,
			c.releasedIp,
			c.releasedZoneId,
			c.by
		]
	);
}

export interface CancellationRow {
	id: number;
	fromStage: Stage;
	reason: string;
	reasonLabel: string;
	note: string | null;
	refundChecklist: RefundChecklist | null;
	releasedIp: string | null;
	releasedZoneId: string | null;
	cancelledBy: string | null;
	cancelledAt: string;
	reopenedTo: Stage | null;
	reopenReason: string | null;
	reopenedBy: string | null;
	reopenedAt: string | null;
}

const ROW = `c.id::int as id, c.from_stage as "fromStage", c.reason, c.reason_label as "reasonLabel", c.note,
	c.refund_checklist as "refundChecklist", host(c.released_ip) as "releasedIp", c.released_zone_id as "releasedZoneId",
	cu.name as "cancelledBy", to_char(c.cancelled_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "cancelledAt",
	c.reopened_to as "reopenedTo", c.reopen_reason as "reopenReason", ru.name as "reopenedBy",
	to_char(c.reopened_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "reopenedAt"
	from cancellations c left join users cu on cu.id = c.cancelled_by left join users ru on ru.id = c.reopened_by`;

/** The card's last cancellation (open or reopened), or null when it was never cancelled through the app. */
export async function latest(db: Runner, orgId: string, installationId: string): Promise<CancellationRow | null> {
	const [row] = await db.query<CancellationRow>(`select ${ROW} where c.org_id = $1 and c.installation_id = $2 order by c.id desc limit 1`, [
		orgId,
		installationId
	]);
	return row ?? null;
}

/** The stage a card cancelled outside the app left, from its stage history. */
export async function stageLeft(db: Runner, orgId: string, installationId: string): Promise<Stage | null> {
	const [row] = await db.query<{ from: Stage | null }>(
		`select from_stage as "from" from stage_history
		 where org_id = $1 and installation_id = $2 and to_stage = 'cancelada' order by id desc limit 1`,
		[orgId, installationId]
	);
	return row?.from ?? null;
}

/** Whether any card of the provider holds the address now. */
export async function ipTaken(db: Runner, orgId: string, ip: string): Promise<boolean> {
	const [row] = await db.query<{ taken: boolean }>(
		'select exists (select 1 from ip_allocations where org_id = $1 and ip = $2::inet) as taken',
		[orgId, ip]
	);
	return row.taken;
}

export async function markReopened(tx: Runner, c: { id: number; to: Stage; reason: string; by: string }): Promise<void> {
	await tx.query(`update cancellations set reopened_to = $2, reopen_reason = $3, reopened_by = $4, reopened_at = now() where id = $1`, [
		c.id,
		c.to,
		c.reason,
		c.by
	]);
}
