/** What the technician's phone reads and writes: their jobs and the equipment data they capture. */
import type { RawRunner } from './client';
import type { JobAddon } from '$lib/schemas/technician';
import type { Stage } from '$lib/domain/stages';

type Runner = Pick<RawRunner, 'query'>;

export interface JobRow {
	id: string;
	folio: number;
	stage: Stage;
	fullName: string;
	colonia: string | null;
	sm: string | null;
	mz: string | null;
	lt: string | null;
	ext: string | null;
	int: string | null;
	building: string | null;
	street: string | null;
	city: string | null;
	installationDate: string | null;
	installationTime: string | null;
	routeOrder: number | null;
	planName: string | null;
	done: boolean;
}

/** Scheduled, assigned and signed jobs, plus the ones activated today (in `timeZone`), in route order. */
export function jobs(db: Runner, orgId: string, technicianId: string, timeZone: string, today: string): Promise<JobRow[]> {
	return db.query<JobRow>(
		`select i.id, i.folio::int as folio, i.stage, i.full_name as "fullName", i.addr_colonia as colonia,
			i.addr_sm as sm, i.addr_mz as mz, i.addr_lt as lt, i.addr_ext as ext, i.addr_int as int, i.addr_building as building,
			i.addr_street as street, i.addr_city as city,
			i.installation_date::text as "installationDate", i.installation_time as "installationTime", i.route_order as "routeOrder",
			p.name as "planName", (i.completed_at is not null or i.stage = 'activa') as done
		 from installations i left join plans p on p.id = i.plan_id
		 where i.org_id = $1 and i.technician_id = $2
			and (i.stage in ('agendada', 'asignada', 'firmada')
				or (i.stage = 'activa' and (i.stage_changed_at at time zone $3)::date = $4::date))
		 order by i.installation_date nulls last, i.route_order nulls last, i.installation_time nulls last, i.folio`,
		[orgId, technicianId, timeZone, today]
	);
}

/** The card's fields the board row does not carry, and how many installation photos it has. */
export interface JobExtraRow {
	wifiPassword: string | null;
	externalId: string | null;
	signalNotes: string | null;
	rooftopAccess: boolean | null;
	rooftopKey: string | null;
	fiberCrossing: boolean | null;
	fiberCrossingNote: string | null;
	modemNearOutlet: boolean | null;
	comments: string | null;
	photos: number;
	arrivedAt: string | null;
	arrivedLat: number | null;
	arrivedLng: number | null;
}

export async function jobExtra(db: Runner, orgId: string, id: string): Promise<JobExtraRow> {
	const [row] = await db.query<JobExtraRow>(
		`select wifi_password as "wifiPassword", external_id as "externalId", signal_notes as "signalNotes", rooftop_access as "rooftopAccess",
			rooftop_key as "rooftopKey", fiber_crossing as "fiberCrossing", fiber_crossing_note as "fiberCrossingNote",
			modem_near_outlet as "modemNearOutlet", comments, arrived_at as "arrivedAt", arrived_lat as "arrivedLat", arrived_lng as "arrivedLng",
			(select count(*)::int from files f where f.installation_id = i.id and f.category = 'foto_instalacion' and f.superseded_at is null) as photos
		 from installations i where i.id = $1 and i.org_id = $2`,
		[id, orgId]
	);
	return row;
}

export function addons(db: Runner, orgId: string, id: string): Promise<JobAddon[]> {
	return db.query<JobAddon>(
		`select a.kind, p.name as "planName", a.username, a.password, a.phone_number as "phoneNumber", a.tv_type as "tvType",
			host(a.ip) as ip, a.external_id as "externalId", a.onu_serial as "onuSerial"
		 from addon_services a left join plans p on p.id = a.plan_id where a.installation_id = $1 and a.org_id = $2 order by a.kind`,
		[id, orgId]
	);
}

const EQUIPMENT_COLUMNS = {
	dni: 'dni',
	cpeMac: 'cpe_mac',
	onuSerial: 'onu_serial',
	routerModel: 'router_model',
	signalNotes: 'signal_notes'
} as const;

export type EquipmentField = keyof typeof EQUIPMENT_COLUMNS;
export const EQUIPMENT_FIELDS = Object.keys(EQUIPMENT_COLUMNS) as EquipmentField[];

/** Writes only the fields given (a draft with one field must not blank the others); the card's new version. */
export async function saveEquipment(
	db: Runner,
	orgId: string,
	id: string,
	fields: Partial<Record<EquipmentField, string | null>>
): Promise<number> {
	const sent = EQUIPMENT_FIELDS.filter((k) => fields[k] !== undefined);
	const [row] = await db.query<{ version: number }>(
		`update installations set ${sent.map((k, i) => `${EQUIPMENT_COLUMNS[k]} = $${i + 3}`).join(', ')}, updated_at = now()
		 where id = $1 and org_id = $2 returning version`,
		[id, orgId, ...sent.map((k) => fields[k] ?? null)]
	);
	return row.version;
}

/** Who finished the installation and when; a second call keeps the first. */
export async function markCompleted(db: Runner, orgId: string, id: string, technicianId: string): Promise<void> {
	await db.query(
		`update installations set completed_at = coalesce(completed_at, now()), completed_by = coalesce(completed_by, $3), updated_at = now()
		 where id = $1 and org_id = $2`,
		[id, orgId, technicianId]
	);
}

/** The equipment fields as they are now, the row locked for the rest of the transaction (the merge reads then writes). */
export async function lockEquipment(db: Runner, orgId: string, id: string): Promise<Record<EquipmentField, string | null>> {
	const [row] = await db.query<Record<EquipmentField, string | null>>(
		`select ${EQUIPMENT_FIELDS.map((k) => `${EQUIPMENT_COLUMNS[k]} as "${k}"`).join(', ')}
		 from installations where id = $1 and org_id = $2 for update`,
		[id, orgId]
	);
	return row;
}

/** «Llegué»: the first arrival is kept (a second press, or a replay, changes nothing); the stored time. */
export async function markArrived(
	db: Runner,
	orgId: string,
	id: string,
	at: string,
	coords: { lat: number; lng: number } | null
): Promise<string> {
	const [row] = await db.query<{ arrivedAt: string }>(
		`update installations set
			arrived_lat = case when arrived_at is null then $4::double precision else arrived_lat end,
			arrived_lng = case when arrived_at is null then $5::double precision else arrived_lng end,
			arrived_at = coalesce(arrived_at, least($3::timestamptz, now())), updated_at = now()
		 where id = $1 and org_id = $2 returning arrived_at as "arrivedAt"`,
		[id, orgId, at, coords?.lat ?? null, coords?.lng ?? null]
	);
	return new Date(row.arrivedAt).toISOString();
}
