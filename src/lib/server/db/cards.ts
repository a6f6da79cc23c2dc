import type { Database, Executor } from './client';
import type { CardDetail } from '$lib/types/card';
import type { Stage } from '$lib/domain/stages';
import { MIN_POSITION_GAP, POSITION_GAP } from '$lib/domain/positions';

/** What a board card needs: the card columns the guards read plus the joined names (shared with the panel). */
export type CardRow = CardDetail;

const SELECT = `
select i.id, i.org_id as "orgId", i.folio::int as "folio", i.stage, i.position, i.version,
	to_char(i.stage_changed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "stageChangedAt",
	to_char(i.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt",
	i.full_name as "fullName", i.email, i.phone, i.phone_alt as "phoneAlt",
	i.addr_sm as "addrSm", i.addr_mz as "addrMz", i.addr_lt as "addrLt", i.addr_ext as "addrExt", i.addr_int as "addrInt",
	i.addr_building as "addrBuilding", i.addr_street as "addrStreet", i.addr_colonia as "addrColonia", i.addr_city as "addrCity",
	i.lat, i.lng, i.zone_id as "zoneId", z.name as "zoneName", i.service_type as "serviceType",
	i.plan_id as "planId", p.name as "planName", i.contract_type as "contractType",
	i.customer_accepted_at::text as "customerAcceptedAt",
	i.installation_date::text as "installationDate", i.installation_time as "installationTime",
	(i.billing is not null) as "billingComputed", i.billing, i.paid_cents as "paidCents",
	i.technician_id as "technicianId", u.name as "technicianName", u.color as "technicianColor",
	i.pppoe_user as "pppoeUser", i.pppoe_password as "pppoePassword", host(i.ip) as "ip",
	i.contract_signed_at::text as "contractSignedAt", i.sheet_signed_at::text as "sheetSignedAt",
	i.completed_at::text as "completedAt", i.cancel_reason as "cancelReason", i.cancel_note as "cancelNote",
	i.cancelled_at::text as "cancelledAt",
	i.wisphub_state as "wisphubState", i.wisphub_id as "wisphubId", i.wisphub_error as "wisphubError",
	i.call_attempts as "callAttempts", to_char(i.last_call_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "lastCallAt",
	i.last_call_outcome as "lastCallOutcome", to_char(i.next_contact_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "nextContactAt",
	i.cpe_mac as "cpeMac", i.onu_serial as "onuSerial", i.router_model as "routerModel", i.dni,
	coalesce((select array_agg(distinct f.category) from files f
		where f.installation_id = i.id and f.superseded_at is null), '{}') as "fileCategories",
	array(select o.folio::int from duplicate_pairs d join installations o on o.id = d.newer_id
		where d.older_id = i.id and d.status = 'open'
		union select o.folio::int from duplicate_pairs d join installations o on o.id = d.older_id
		where d.newer_id = i.id and d.status = 'open' order by 1) as "duplicateOf"
from installations i
left join zones z on z.id = i.zone_id
left join plans p on p.id = i.plan_id
left join users u on u.id = i.technician_id`;

function finish(row: CardRow): CardRow {
	row.equipment = { cpeMac: row.cpeMac, onuSerial: row.onuSerial, routerModel: row.routerModel, dni: row.dni };
	return row;
}

export interface BoardQuery {
	orgId: string;
	/** Cards in "activa"/"cancelada" older than this many days are left out (searchable instead). */
	recentDays: number;
	technicianId?: string | null;
	zoneId?: string | null;
	planId?: string | null;
	contractType?: string | null;
	dateFrom?: string | null;
	dateTo?: string | null;
	text?: string | null;
}

/** Open cards, plus "activa"/"cancelada" ones that got there in the last `?` days. */
const VISIBLE = `(i.stage not in ('activa','cancelada') or i.stage_changed_at > now() - make_interval(days => ?))`;

/** The board's cards, ordered by stage and position; filters are applied in SQL. */
export async function listBoard(db: Database, q: BoardQuery): Promise<CardRow[]> {
	const where = ['i.org_id = $1'];
	const params: unknown[] = [q.orgId];
	const add = (clause: string, value: unknown) => {
		params.push(value);
		where.push(clause.replaceAll('?', `$${params.length}`));
	};
	if (q.text) {
		// Free text searches every card, old ones included.
		params.push(`%${q.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, q.text.trim());
		const n = params.length - 1;
		where.push(
			`(i.full_name ilike $${n} or i.phone like $${n} or i.addr_colonia ilike $${n} or i.pppoe_user ilike $${n} or i.folio::text = $${n + 1})`
		);
	} else {
		add(VISIBLE, q.recentDays);
	}
	if (q.technicianId) add('i.technician_id = ?', q.technicianId);
	if (q.zoneId) add('i.zone_id = ?', q.zoneId);
	if (q.planId) add('i.plan_id = ?', q.planId);
	if (q.contractType) add('i.contract_type = ?', q.contractType);
	if (q.dateFrom) add('i.installation_date >= ?::date', q.dateFrom);
	if (q.dateTo) add('i.installation_date <= ?::date', q.dateTo);
	const rows = await db.query<CardRow>(`${SELECT} where ${where.join(' and ')} order by i.stage, i.position, i.id`, params);
	return rows.map(finish);
}

export async function getCard(db: Pick<Database, 'query'>, orgId: string, id: string): Promise<CardRow | null> {
	const [row] = await db.query<CardRow>(`${SELECT} where i.org_id = $1 and i.id = $2`, [orgId, id]);
	return row ? finish(row) : null;
}

/** Several cards by id, whatever their provider (the fan-out routes each by its own org). */
export async function getCardsByIds(db: Pick<Database, 'query'>, ids: string[]): Promise<Map<string, CardRow & { orgId: string }>> {
	if (!ids.length) return new Map();
	const rows = await db.query<CardRow & { orgId: string }>(`${SELECT} where i.id = any($1::uuid[])`, [ids]);
	return new Map(rows.map((r) => [r.id, finish(r) as CardRow & { orgId: string }]));
}

export async function getCardsBySeq(db: Database, orgId: string, afterSeq: number, limit: number) {
	return db.query<{ seq: number; cardId: string | null; kind: string; version: number | null }>(
		`select seq::int as seq, card_id as "cardId", kind, version from board_events
		 where org_id = $1 and seq > $2 order by seq limit $3`,
		[orgId, afterSeq, limit]
	);
}

export interface MoveRequest {
	orgId: string;
	cardId: string;
	/** The version the caller checked the guard on: any other and the move answers 'stale'. */
	expectedVersion: number;
	toStage: Stage;
	beforeId: string | null;
	afterId: string | null;
	actorId: string;
	overrideReason: string | null;
	cancelReason: string | null;
	cancelNote: string | null;
}

export interface MoveOutcome {
	outcome: 'ok' | 'stale' | 'gone' | 'no_room';
	position: number;
	version: number;
	seq: number | null;
	stageChangedAt: string;
	cancelledAt: string | null;
}

/**
 * Applies a move in one statement (board_move): the card's new stage and position (placed there, the
 * only place positions are computed, under a per-column lock), its stage history and board event.
 */
export async function move(db: Pick<Database, 'query'>, m: MoveRequest): Promise<MoveOutcome> {
	const [row] = await db.query<MoveOutcome>(
		`select outcome, new_position as "position", new_version as "version", event_seq::int as "seq",
			changed_at as "stageChangedAt", cancelled as "cancelledAt"
		 from board_move($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
		[
			m.orgId,
			m.cardId,
			m.expectedVersion,
			m.toStage,
			m.beforeId,
			m.afterId,
			m.actorId,
			m.overrideReason,
			m.cancelReason,
			m.cancelNote,
			POSITION_GAP,
			MIN_POSITION_GAP
		]
	);
	return row;
}

export async function countByStage(db: Database, orgId: string): Promise<Record<Stage, number>> {
	const rows = await db.query<{ stage: Stage; n: number }>(
		'select stage, count(*)::int as n from installations where org_id = $1 group by stage',
		[orgId]
	);
	return Object.fromEntries(rows.map((r) => [r.stage, r.n])) as Record<Stage, number>;
}

export type { Executor };
