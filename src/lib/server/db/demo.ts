/**
 * The writes of the demo seed (services/demo.ts): many rows per table in one statement each,
 * inside the seed's transaction. Keys are the camelCase of the column names.
 */
import { sql, type SQL } from 'drizzle-orm';
import { firstOf, rowsOf, type Executor } from './card-tx';
import type { ContractType, Role, Stage } from '$lib/domain/stages';
import type { ServiceType } from '$lib/domain/geo';

type Row = Record<string, unknown>;

// The one column whose name does not follow from its key.
const column = (key: string) => (key === 'accepted12mAt' ? 'accepted_12m_at' : key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));

function value(v: unknown, cast: string | undefined): SQL {
	const param = v instanceof Date ? v.toISOString() : cast === 'jsonb' ? JSON.stringify(v) : v;
	return cast ? sql`${param}::${sql.raw(cast === 'jsonb' ? 'text::jsonb' : cast)}` : sql`${param}`;
}

/**
 * One multi-row INSERT. A key a row leaves undefined takes the column's default, as it would in a
 * single-row insert; `casts` names the columns whose text needs one (jsonb, arrays).
 */
async function insertRows<R = never>(db: Executor, table: string, rows: Row[], returning?: string, casts: Record<string, string> = {}) {
	if (!rows.length) return [] as R[];
	const keys = [...new Set(rows.flatMap((r) => Object.keys(r).filter((k) => r[k] !== undefined)))];
	const tuples = rows.map(
		(r) =>
			sql`(${sql.join(
				keys.map((k) => (r[k] === undefined ? sql`default` : value(r[k], casts[k]))),
				sql`, `
			)})`
	);
	return rowsOf<R>(
		db,
		sql`insert into ${sql.identifier(table)} (${sql.raw(keys.map(column).join(', '))}) values ${sql.join(tuples, sql`, `)}${
			returning ? sql.raw(` returning ${returning}`) : sql``
		}`
	);
}

export async function installationCount(db: Executor, orgId: string): Promise<number> {
	const row = await firstOf<{ n: number }>(db, sql`select count(*)::int as n from installations where org_id = ${orgId}`);
	return row?.n ?? 0;
}

/** Which of these zone names the provider already uses. */
export async function takenZoneNames(db: Executor, orgId: string, names: string[]): Promise<string[]> {
	const rows = await rowsOf<{ name: string }>(
		db,
		sql`select name from zones where org_id = ${orgId} and name in (select jsonb_array_elements_text(${JSON.stringify(names)}::text::jsonb))`
	);
	return rows.map((r) => r.name);
}

/** The provider's pools that overlap any of these ranges. */
export async function overlappingPools(db: Executor, orgId: string, cidrs: string[]): Promise<string[]> {
	const rows = await rowsOf<{ cidr: string }>(
		db,
		sql`select cidr::text as cidr from zone_ip_pools where org_id = ${orgId}
			and cidr && any(array(select jsonb_array_elements_text(${JSON.stringify(cidrs)}::text::jsonb)::cidr))`
	);
	return rows.map((r) => r.cidr);
}

/** How many of these emails (compared lower-cased) some user already has, in any provider. */
export async function emailsInUse(db: Executor, emails: string[]): Promise<number> {
	const row = await firstOf<{ n: number }>(
		db,
		sql`select count(*)::int as n from users where lower(email) in (select jsonb_array_elements_text(${JSON.stringify(emails)}::text::jsonb))`
	);
	return row?.n ?? 0;
}

type Named = { id: string; name: string };

export const insertZones = (db: Executor, rows: Row[]) => insertRows<Named>(db, 'zones', rows, 'id, name');
export const insertPools = (db: Executor, rows: { orgId: string; zoneId: string; cidr: string; reserved: string[] }[]) =>
	insertRows(
		db,
		'zone_ip_pools',
		rows.map((r) => ({ ...r, reserved: `{${r.reserved.join(',')}}` })),
		undefined,
		{ cidr: 'cidr', reserved: 'inet[]' }
	);
export const insertAreas = (
	db: Executor,
	rows: { orgId: string; zoneId: string; name: string; serviceType: ServiceType; geojson: unknown }[]
) => insertRows(db, 'zone_coverage_areas', rows, undefined, { geojson: 'jsonb' });
export const insertPlans = (db: Executor, rows: Row[]) => insertRows<Named>(db, 'plans', rows, 'id, name');
export const insertProducts = (db: Executor, rows: Row[]) => insertRows<Named>(db, 'products', rows, 'id, name');
export const insertUsers = (
	db: Executor,
	rows: { orgId: string; email: string; name: string; role: Role; passwordHash: string; color: string; dailyCapacity: number | null }[]
) => insertRows<{ id: string; email: string }>(db, 'users', rows, 'id, email');
export const insertZoneTechnicians = (db: Executor, rows: { orgId: string; zoneId: string; userId: string }[]) =>
	insertRows(db, 'zone_technicians', rows);
export const insertStageHistory = (
	db: Executor,
	rows: { orgId: string; installationId: string; fromStage: Stage | null; toStage: Stage; userId: string; createdAt: Date }[]
) => insertRows(db, 'stage_history', rows);
export const insertIpAllocations = (
	db: Executor,
	rows: { orgId: string; zoneId: string; installationId: string; ip: string; createdAt: Date }[]
) => insertRows(db, 'ip_allocations', rows, undefined, { ip: 'inet' });
export const insertAddons = (db: Executor, rows: Row[]) => insertRows(db, 'addon_services', rows, undefined, { ip: 'inet' });
export const insertInstallationProducts = (db: Executor, rows: Row[]) =>
	insertRows(db, 'installation_products', rows, undefined, { startDate: 'date' });

/** The columns of installations the demo fills; the rest keep their defaults. */
export interface DemoCard {
	orgId: string;
	stage: Stage;
	position: number;
	stageChangedAt: Date;
	registeredOn: string;
	fullName: string;
	phone: string;
	email: string | null;
	source: string;
	howHeard: string;
	addrColonia: string;
	addrCity: string;
	createdAt: Date;
	createdBy: string | null;
	cancelReason?: string;
	cancelNote?: string;
	cancelledAt?: Date;
	addrSm?: string | null;
	addrMz?: string;
	addrLt?: string;
	addrExt?: string | null;
	addrInt?: string;
	addrBuilding?: string;
	addrStreet?: string;
	lat?: number;
	lng?: number;
	coordinatesRaw?: string;
	rooftopAccess?: boolean;
	rooftopKey?: string;
	fiberCrossing?: boolean;
	fiberCrossingNote?: string;
	modemNearOutlet?: boolean;
	comments?: string;
	zoneId?: string;
	serviceType?: ServiceType;
	coverageConfirmedAt?: Date;
	coverageConfirmedBy?: string;
	planId?: string;
	contractType?: ContractType;
	customerAcceptedAt?: Date;
	accepted12mAt?: Date | null;
	promotionFreeInstallation?: boolean;
	phoneAlt?: string;
	houseOwnership?: string;
	installationDate?: string | null;
	installationTime?: string;
	installationCostCents?: number;
	technicianId?: string;
	routeOrder?: number;
	pppoeUser?: string;
	pppoePassword?: string;
	wifiPassword?: string;
	ip?: string;
	externalId?: string;
	sheetSignedAt?: Date;
	contractSignedAt?: Date;
	completedAt?: Date;
	completedBy?: string;
	cpeMac?: string;
	routerModel?: string;
	onuSerial?: string | null;
	signalNotes?: string;
}

export const insertCards = (db: Executor, rows: DemoCard[]) =>
	insertRows<{ id: string; fullName: string }>(db, 'installations', rows as unknown as Row[], 'id, full_name as "fullName"', {
		ip: 'inet',
		installationDate: 'date',
		registeredOn: 'date'
	});
