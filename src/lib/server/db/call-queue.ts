/**
 * The agents' call queue (issue 20, «Mis llamadas»): which open cards to call on a day and why
 * (domain/call-queue.ts QUEUE_REASONS), in the queue's order, with who is calling each one now.
 * The same condition and order drive «Siguiente» (call-claims.ts `claimNext`).
 */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Executor } from './card-tx';
import { todayIn, type CivilDate } from '$lib/domain/dates';
import type { QueueReason } from '$lib/domain/call-queue';

export interface QueueWindow {
	orgId: string;
	/** The civil day shown, in the provider's time zone. */
	day: CivilDate;
	timeZone: string;
	/** Whether `day` is the provider's today: only today has overdue callbacks, new leads and waiting documents. */
	isToday: boolean;
	/** settings.followUp.documentsWaitingDays. */
	documentsWaitingDays: number;
}

/**
 * Why each card of the provider is in the day's queue (null: it is not), for `from installations i`.
 * Callbacks first (overdue, then due that day), then new leads never called, then cards waiting on
 * the customer's documents longer than N days and not called in those N days.
 */
export function reasonOf(w: QueueWindow): SQL {
	const dayStart = sql`((${w.day}::date)::timestamp at time zone ${w.timeZone})`;
	const dayEnd = sql`((${w.day}::date + 1)::timestamp at time zone ${w.timeZone})`;
	const waiting = sql`make_interval(days => ${w.documentsWaitingDays}::int)`;
	return sql`case
		when i.stage in ('activa', 'cancelada') then null
		when ${w.isToday}::boolean and i.next_contact_at < now() then 'vencida'
		when i.next_contact_at >= ${dayStart} and i.next_contact_at < ${dayEnd} then 'programada'
		when ${w.isToday}::boolean and i.next_contact_at is null and i.stage = 'preinstalacion' and i.call_attempts = 0 then 'nueva'
		when ${w.isToday}::boolean and i.next_contact_at is null and i.stage = 'documentos_pendientes'
			and i.stage_changed_at < now() - ${waiting}
			and (i.last_call_at is null or i.last_call_at < now() - ${waiting}) then 'documentos'
	end`;
}

/** The queue's order over the columns `reason` (from reasonOf) and the card's `i`. */
export const QUEUE_ORDER = sql`case reason when 'vencida' then 0 when 'programada' then 1 when 'nueva' then 2 else 3 end,
	case when reason = 'nueva' then i.created_at when reason = 'documentos' then i.stage_changed_at else i.next_contact_at end, i.id`;

export interface QueueEntry {
	id: string;
	reason: QueueReason;
	stage: string;
	fullName: string;
	phone: string | null;
	callAttempts: number;
	lastCallOutcome: string | null;
	lastCallAt: string | null;
	nextContactAt: string | null;
	/** Who holds a live claim on the card («Ana está llamando»), if anyone. */
	claimUserId: string | null;
	claimUserName: string | null;
	claimExpiresAt: string | null;
}

const iso = (col: SQL) => sql`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/** The day's queue, in order, capped at `limit` cards. */
export function list(db: Executor, w: QueueWindow, limit = 200): Promise<QueueEntry[]> {
	return rowsOf<QueueEntry>(
		db,
		sql`select i.id, k.reason, i.stage, i.full_name as "fullName", i.phone, i.call_attempts as "callAttempts",
				i.last_call_outcome as "lastCallOutcome", ${iso(sql`i.last_call_at`)} as "lastCallAt",
				${iso(sql`i.next_contact_at`)} as "nextContactAt",
				c.user_id as "claimUserId", u.name as "claimUserName", ${iso(sql`c.expires_at`)} as "claimExpiresAt"
			from installations i
			cross join lateral (select ${reasonOf(w)} as reason) k
			left join call_claims c on c.installation_id = i.id and c.expires_at > now()
			left join users u on u.id = c.user_id
			where i.org_id = ${w.orgId} and k.reason is not null
			order by ${QUEUE_ORDER}
			limit ${limit}`
	);
}

/** The ids of today's queue (the board's «Por llamar» filter). */
export async function idsDueToday(db: Executor, orgId: string, timeZone: string, documentsWaitingDays: number): Promise<string[]> {
	const day = todayIn(timeZone);
	const rows = await list(db, { orgId, day, timeZone, isToday: true, documentsWaitingDays }, 2000);
	return rows.map((r) => r.id);
}
