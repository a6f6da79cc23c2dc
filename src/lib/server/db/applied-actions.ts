/**
 * applied_actions: the keys of the actions a technician's phone queued offline, with the answer each
 * got. A replay after a lost answer finds its key and gets the same answer, so nothing applies twice.
 */
import { sql } from 'drizzle-orm';
import { firstOf, run, type Executor } from './card-tx';
import type { QueuedActionKind } from '$lib/domain/queued-actions';

export interface AppliedAction {
	installationId: string;
	kind: QueuedActionKind;
	result: unknown;
}

export function find(db: Executor, userId: string, key: string): Promise<AppliedAction | null> {
	return firstOf<AppliedAction>(
		db,
		sql`select installation_id as "installationId", kind, result from applied_actions where user_id = ${userId} and key = ${key}`
	);
}

/**
 * Records the key in the caller's transaction, beside the action's own writes. Two replays racing
 * with one key: the second insert fails on the primary key and rolls its transaction back.
 */
export async function record(
	db: Executor,
	row: { userId: string; key: string; orgId: string; installationId: string; kind: QueuedActionKind; result: unknown }
): Promise<void> {
	await run(
		db,
		sql`insert into applied_actions (user_id, key, org_id, installation_id, kind, result)
			values (${row.userId}, ${row.key}, ${row.orgId}, ${row.installationId}, ${row.kind}, ${JSON.stringify(row.result)}::jsonb)`
	);
}
