import { sql } from 'drizzle-orm';
import { firstOf, rowsOf, type Executor } from './card-tx';
import type { AddonKind, TvType } from '$lib/domain/addon-kinds';

/** One add-on of a card as the services section shows it. */
export interface AddonRow {
	id: string;
	kind: AddonKind;
	planId: string | null;
	planName: string | null;
	ip: string | null;
	externalId: string | null;
	username: string | null;
	password: string | null;
	phoneNumber: string | null;
	numberAssignedAt: string | null;
	sipServer: string | null;
	onuSerial: string | null;
	tvType: TvType | null;
	cutService: boolean;
	router: string | null;
}

export function list(db: Executor, orgId: string, installationId: string): Promise<AddonRow[]> {
	return rowsOf<AddonRow>(
		db,
		sql`select a.id, a.kind, a.plan_id as "planId", p.name as "planName", host(a.ip) as ip, a.external_id as "externalId",
			a.username, a.password, a.phone_number as "phoneNumber", a.number_assigned_at::text as "numberAssignedAt",
			a.sip_server as "sipServer", a.onu_serial as "onuSerial", a.tv_type as "tvType", a.cut_service as "cutService", a.router
		 from addon_services a left join plans p on p.id = a.plan_id
		 where a.org_id = ${orgId} and a.installation_id = ${installationId} order by a.created_at`
	);
}

/** What a new add-on copies from its card that the locked card row does not carry. */
export function cardDefaults(
	db: Executor,
	installationId: string
): Promise<{ pppoePassword: string | null; externalId: string | null; router: string | null } | null> {
	return firstOf(
		db,
		sql`select i.pppoe_password as "pppoePassword", i.external_id as "externalId", z.router_name as router
			from installations i left join zones z on z.id = i.zone_id where i.id = ${installationId}`
	);
}

export interface AddonInsert {
	orgId: string;
	installationId: string;
	kind: string;
	planId: string | null;
	ip: string | null;
	externalId: string | null;
	username: string | null;
	password: string | null;
	phoneNumber: string | null;
	sipServer: string | null;
	tvType: TvType | null;
	router: string | null;
}

export async function insert(db: Executor, a: AddonInsert): Promise<{ id: string }> {
	const row = await firstOf<{ id: string }>(
		db,
		sql`insert into addon_services (org_id, installation_id, kind, plan_id, ip, external_id, username, password, phone_number,
				sip_server, tv_type, cut_service, router)
			values (${a.orgId}, ${a.installationId}, ${a.kind}, ${a.planId}, ${a.ip}::inet, ${a.externalId}, ${a.username}, ${a.password},
				${a.phoneNumber}, ${a.sipServer}, ${a.tvType}, true, ${a.router})
			returning id`
	);
	return row!;
}

/** Locks the add-on for an edit. */
export function lock(
	db: Executor,
	orgId: string,
	id: string
): Promise<{ installationId: string; kind: string; phoneNumber: string | null } | null> {
	return firstOf(
		db,
		sql`select installation_id as "installationId", kind, phone_number as "phoneNumber" from addon_services
			where org_id = ${orgId} and id = ${id} for update`
	);
}

/** Undefined keeps the stored value; `onuSerial: ''` clears it; `tvType` is only kept while `keepsTvType`. */
export interface AddonUpdate {
	id: string;
	planId?: string | null;
	username?: string;
	password?: string;
	phoneNumber?: string;
	/** The number changed from the placeholder to a real one: stamp number_assigned_at. */
	assigning: boolean;
	/** Back to the placeholder: clear number_assigned_at. */
	unassigning: boolean;
	sipServer?: string;
	onuSerial?: string;
	keepsTvType: boolean;
	tvType?: TvType;
	router?: string;
	cutService: boolean;
}

export async function update(db: Executor, u: AddonUpdate): Promise<void> {
	await rowsOf(
		db,
		sql`update addon_services set
			plan_id = coalesce(${u.planId ?? null}, plan_id),
			username = coalesce(${u.username ?? null}, username),
			password = coalesce(${u.password ?? null}, password),
			phone_number = coalesce(${u.phoneNumber ?? null}, phone_number),
			number_assigned_at = case when ${u.assigning}::boolean then now() when ${u.unassigning}::boolean then null else number_assigned_at end,
			sip_server = coalesce(${u.sipServer ?? null}, sip_server),
			onu_serial = case when ${u.onuSerial === undefined}::boolean then onu_serial else nullif(${u.onuSerial ?? ''}::text, '') end,
			tv_type = case when ${u.keepsTvType}::boolean then coalesce(${u.tvType ?? null}, tv_type) end,
			router = coalesce(${u.router ?? null}, router),
			cut_service = ${u.cutService}::boolean
		 where id = ${u.id}`
	);
}

export function remove(db: Executor, orgId: string, id: string): Promise<{ installationId: string; kind: string } | null> {
	return firstOf(
		db,
		sql`delete from addon_services where org_id = ${orgId} and id = ${id} returning installation_id as "installationId", kind`
	);
}

/**
 * A card's add-ons for reconciling them with the agent's ticks: `completed` when the coordinator
 * has worked on one (edited it, assigned the real number or captured the ONU serial).
 */
export function forSync(db: Executor, installationId: string): Promise<{ id: string; kind: string; completed: boolean }[]> {
	return rowsOf(
		db,
		sql`select id, kind, (updated_at > created_at or number_assigned_at is not null or onu_serial is not null) as completed
			from addon_services where installation_id = ${installationId} order by created_at`
	);
}
