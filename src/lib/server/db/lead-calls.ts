/**
 * Call attempts on a card (lead_calls) and the card's follow-up columns (installations.call_attempts,
 * last_call_at, last_call_outcome, next_contact_at), written together so the board sees each attempt.
 */
import { sql } from 'drizzle-orm';
import { addHistory, firstOf, rowsOf, type Executor } from './card-tx';
import type { CallOutcome } from '$lib/domain/follow-up';
import type { CallSummary, LeadCall } from '$lib/types/lead-calls';

const ISO = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** A card's calls, newest first. */
export function list(db: Executor, orgId: string, installationId: string, limit = 200): Promise<LeadCall[]> {
	return rowsOf<LeadCall>(
		db,
		sql`select c.id, c.outcome, c.note, ${ISO('c.next_contact_at')} as "nextContactAt", ${ISO('c.created_at')} as "createdAt",
			u.name as "userName"
		 from lead_calls c left join users u on u.id = c.user_id
		 where c.org_id = ${orgId} and c.installation_id = ${installationId}
		 order by c.created_at desc, c.id desc limit ${limit}`
	);
}

export interface CallCard {
	id: string;
	stage: string;
	technicianId: string | null;
}

/** The card calls are recorded on, locked for the rest of the transaction when `lock`; null when not this provider's. */
export function card(db: Executor, orgId: string, id: string, lock: boolean): Promise<CallCard | null> {
	return firstOf<CallCard>(
		db,
		lock
			? sql`select id, stage, technician_id as "technicianId" from installations where org_id = ${orgId} and id = ${id} for update`
			: sql`select id, stage, technician_id as "technicianId" from installations where org_id = ${orgId} and id = ${id}`
	);
}

export interface CallInsert {
	orgId: string;
	installationId: string;
	userId: string | null;
	outcome: CallOutcome;
	note: string | null;
	/** When to call again (a Date or ISO), or null for no callback. */
	nextContactAt: Date | string | null;
	/** card_history.source: where it was recorded ('tarjeta', 'tablero', 'importacion'…). */
	source?: string;
}

/**
 * Records one attempt, inside the caller's transaction (call it with the card locked): the
 * lead_calls row, the card's follow-up columns (which changes its version, so every board sees
 * it) and the card's history. For any service that records a call (the card, the queue, an import).
 */
export async function recordCall(tx: Executor, c: CallInsert): Promise<{ call: LeadCall; summary: CallSummary }> {
	const next = c.nextContactAt == null ? null : new Date(c.nextContactAt).toISOString();
	const call = (await firstOf<LeadCall>(
		tx,
		sql`with inserted as (
				insert into lead_calls (org_id, installation_id, user_id, outcome, note, next_contact_at)
				values (${c.orgId}, ${c.installationId}, ${c.userId}, ${c.outcome}, ${c.note}, ${next}::timestamptz)
				returning *)
			select i.id, i.outcome, i.note, ${ISO('i.next_contact_at')} as "nextContactAt", ${ISO('i.created_at')} as "createdAt",
				u.name as "userName"
			from inserted i left join users u on u.id = i.user_id`
	))!;
	const summary = (await firstOf<CallSummary>(
		tx,
		sql`update installations set call_attempts = call_attempts + 1, last_call_at = ${call.createdAt}::timestamptz,
				last_call_outcome = ${c.outcome}, next_contact_at = ${next}::timestamptz
			where org_id = ${c.orgId} and id = ${c.installationId}
			returning call_attempts as "attempts", ${ISO('last_call_at')} as "lastCallAt", last_call_outcome as "lastCallOutcome",
				${ISO('next_contact_at')} as "nextContactAt"`
	))!;
	const source = c.source ?? 'tarjeta';
	await addHistory(tx, c.orgId, c.installationId, c.userId, [
		{ kind: 'call', field: 'resultado', oldValue: null, newValue: c.outcome, source },
		...(c.note ? [{ kind: 'call' as const, field: 'nota', oldValue: null, newValue: c.note, source }] : []),
		{ kind: 'call', field: 'proxima_llamada', oldValue: null, newValue: next, source }
	]);
	return { call, summary };
}

/** The card's follow-up columns. */
export function summary(db: Executor, orgId: string, installationId: string): Promise<CallSummary | null> {
	return firstOf<CallSummary>(
		db,
		sql`select call_attempts as "attempts", ${ISO('last_call_at')} as "lastCallAt", last_call_outcome as "lastCallOutcome",
			${ISO('next_contact_at')} as "nextContactAt"
		 from installations where org_id = ${orgId} and id = ${installationId}`
	);
}
