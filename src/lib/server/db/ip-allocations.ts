/**
 * `ip_allocations` is the authority on who holds an address: its UNIQUE (org_id, ip) makes two
 * cards with one address impossible, so `claim` inserts and lets the constraint decide.
 */
import { sql } from 'drizzle-orm';
import { firstOf, rowsOf, run, type Executor } from './card-tx';
import type { IpPool } from '$lib/domain/ip-pools';

// PGlite returns inet[] as its text form ({a,b}); postgres.js as an array.
function toArray(value: string[] | string | null): string[] {
	if (Array.isArray(value)) return value;
	if (!value || value === '{}') return [];
	return value
		.replace(/^\{|\}$/g, '')
		.split(',')
		.filter(Boolean);
}

export async function zonePools(db: Executor, orgId: string, zoneId: string): Promise<IpPool[]> {
	const rows = await rowsOf<{ cidr: string; reserved: string[] | string }>(
		db,
		sql`select cidr::text as cidr, array(select host(r) from unnest(reserved) r) as reserved
			from zone_ip_pools where org_id = ${orgId} and zone_id = ${zoneId} order by cidr`
	);
	return rows.map((r) => ({ cidr: r.cidr, reserved: toArray(r.reserved) }));
}

/** Every address taken in the organization (pools of different zones never overlap). */
export async function used(db: Executor, orgId: string): Promise<Set<string>> {
	const rows = await rowsOf<{ ip: string }>(db, sql`select host(ip) as ip from ip_allocations where org_id = ${orgId}`);
	return new Set(rows.map((r) => r.ip));
}

export function usedByZone(db: Executor, orgId: string): Promise<{ zoneId: string; ip: string }[]> {
	return rowsOf(db, sql`select zone_id as "zoneId", host(ip) as ip from ip_allocations where org_id = ${orgId}`);
}

/** The addresses given to cards of one zone, with the card that holds each. */
export function inZone(db: Executor, zoneId: string): Promise<{ ip: string; folio: number; fullName: string }[]> {
	return rowsOf(
		db,
		sql`select host(a.ip) as ip, i.folio::int as folio, i.full_name as "fullName" from ip_allocations a
			join installations i on i.id = a.installation_id where a.zone_id = ${zoneId}`
	);
}

/** True when this card got the address; false when another card holds it already. */
export async function claim(db: Executor, row: { orgId: string; zoneId: string; installationId: string; ip: string }): Promise<boolean> {
	const claimed = await firstOf<{ ip: string }>(
		db,
		sql`insert into ip_allocations (org_id, zone_id, installation_id, ip) values (${row.orgId}, ${row.zoneId}, ${row.installationId}, ${row.ip}::inet)
			on conflict on constraint ip_allocations_org_ip_key do nothing returning host(ip) as ip`
	);
	return claimed !== null;
}

/** Deletes the card's allocation and clears the card's mirror column; the address it had, if any. */
export async function release(db: Executor, orgId: string, installationId: string): Promise<string | null> {
	const released = await firstOf<{ ip: string }>(
		db,
		sql`delete from ip_allocations where org_id = ${orgId} and installation_id = ${installationId} returning host(ip) as ip`
	);
	await run(db, sql`update installations set ip = null where org_id = ${orgId} and id = ${installationId} and ip is not null`);
	return released?.ip ?? null;
}

/** The card's mirror of its allocation (what the board and the documents show). */
export async function setCardIp(db: Executor, installationId: string, ip: string): Promise<void> {
	await run(db, sql`update installations set ip = ${ip}::inet where id = ${installationId}`);
}

export function holder(db: Executor, orgId: string, ip: string): Promise<{ folio: number; fullName: string } | null> {
	return firstOf(
		db,
		sql`select i.folio::int as folio, i.full_name as "fullName" from ip_allocations a join installations i on i.id = a.installation_id
			where a.org_id = ${orgId} and a.ip = ${ip}::inet`
	);
}
