/**
 * IP addresses from a zone's pools. `ip_allocations` is the authority: its UNIQUE (org_id, ip)
 * makes two cards with one address impossible, whatever the number of agents clicking at once.
 * We pick candidates in pool order and let the constraint decide; a lost race just moves on.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db';
import type { Executor } from '../db/card-tx';
import type { SessionUser } from '../auth';
import { addHistory, firstOf, lockCard, rowsOf, setActor } from '../db/card-tx';
import { run } from '../db/card-tx';
import { freeIps, isAssignable, isValidIp, type IpPool } from '$lib/domain/ip-pools';
import { parseInput } from '../validation';
import { uuidSchema } from '$lib/schemas/common';
import { ServiceError, notFound } from './errors';
import { requireCoordinator } from './roles';

export async function zonePools(exec: Executor, orgId: string, zoneId: string): Promise<IpPool[]> {
	const rows = await rowsOf<{ cidr: string; reserved: string[] | string }>(
		exec,
		sql`select cidr::text as cidr, array(select host(r) from unnest(reserved) r) as reserved
			from zone_ip_pools where org_id = ${orgId} and zone_id = ${zoneId} order by cidr`
	);
	return rows.map((r) => ({ cidr: r.cidr, reserved: toArray(r.reserved) }));
}

function toArray(value: string[] | string | null): string[] {
	if (Array.isArray(value)) return value;
	if (!value || value === '{}') return [];
	return value
		.replace(/^\{|\}$/g, '')
		.split(',')
		.filter(Boolean);
}

export async function usedIps(exec: Executor, orgId: string): Promise<Set<string>> {
	const rows = await rowsOf<{ ip: string }>(exec, sql`select host(ip) as ip from ip_allocations where org_id = ${orgId}`);
	return new Set(rows.map((r) => r.ip));
}

/** Deletes the card's allocation and clears the mirror column. The move service calls it on cancelada. */
export async function releaseIp(tx: Executor, orgId: string, installationId: string): Promise<string | null> {
	const released = await firstOf<{ ip: string }>(
		tx,
		sql`delete from ip_allocations where org_id = ${orgId} and installation_id = ${installationId} returning host(ip) as ip`
	);
	await run(tx, sql`update installations set ip = null where org_id = ${orgId} and id = ${installationId} and ip is not null`);
	return released?.ip ?? null;
}

async function tryClaim(tx: Executor, orgId: string, zoneId: string, installationId: string, ip: string): Promise<boolean> {
	const row = await firstOf<{ ip: string }>(
		tx,
		sql`insert into ip_allocations (org_id, zone_id, installation_id, ip) values (${orgId}, ${zoneId}, ${installationId}, ${ip}::inet)
			on conflict on constraint ip_allocations_org_ip_key do nothing returning host(ip) as ip`
	);
	return row !== null;
}

async function ownerOf(tx: Executor, orgId: string, ip: string): Promise<string> {
	const row = await firstOf<{ folio: number; fullName: string }>(
		tx,
		sql`select i.folio::int as folio, i.full_name as "fullName" from ip_allocations a join installations i on i.id = a.installation_id
			where a.org_id = ${orgId} and a.ip = ${ip}::inet`
	);
	return row ? `la instalación #${row.folio} (${row.fullName})` : 'otra instalación';
}

const allocateSchema = z.object({
	installationId: uuidSchema,
	ip: z
		.string()
		.trim()
		.optional()
		.transform((v) => (v ? v : undefined))
		.refine((v) => v === undefined || isValidIp(v), 'Escribe una IP válida, por ejemplo 10.30.1.15.')
});

/**
 * Gives the card the requested IP, or the next free one of its zone. Runs inside `tx` when the
 * caller already has a transaction (the connection form saves everything at once).
 */
export async function claimIp(
	tx: Executor,
	actor: SessionUser,
	installationId: string,
	requested: string | undefined,
	source = 'tarjeta'
): Promise<string> {
	const card = await lockCard(tx, actor.orgId, installationId);
	if (!card) throw notFound('Esa instalación no existe.');
	if (card.stage === 'cancelada') throw new ServiceError(422, 'La instalación está cancelada; no se le asigna IP.');
	if (!card.zoneId) throw new ServiceError(422, 'Primero elige la zona (RB) de la instalación; la IP sale de sus rangos.');
	if (card.ip && (requested === undefined || requested === card.ip)) return card.ip;

	const zone = await firstOf<{ name: string }>(tx, sql`select name from zones where id = ${card.zoneId}`);
	const pools = await zonePools(tx, actor.orgId, card.zoneId);
	if (!pools.length) {
		throw new ServiceError(422, `La zona ${zone?.name ?? ''} no tiene rangos de IP; agrégalos en Ajustes → Zonas.`);
	}
	await setActor(tx, actor);
	const previous = await releaseIp(tx, actor.orgId, installationId);

	let ip: string | null = null;
	if (requested) {
		if (!pools.some((p) => isAssignable(p, requested))) {
			throw new ServiceError(
				422,
				`La IP ${requested} no está disponible en los rangos de la zona ${zone?.name ?? ''} (o está reservada); elige una de la lista.`
			);
		}
		if (!(await tryClaim(tx, actor.orgId, card.zoneId, installationId, requested))) {
			throw new ServiceError(409, `La IP ${requested} ya está asignada a ${await ownerOf(tx, actor.orgId, requested)}; elige otra.`);
		}
		ip = requested;
	} else {
		// Each round re-reads what is taken; a conflict only means someone else was faster.
		for (let round = 0; round < 5 && !ip; round++) {
			const candidates = freeIps(pools, await usedIps(tx, actor.orgId), 64);
			if (!candidates.length) break;
			for (const candidate of candidates) {
				if (await tryClaim(tx, actor.orgId, card.zoneId, installationId, candidate)) {
					ip = candidate;
					break;
				}
			}
		}
		if (!ip) {
			throw new ServiceError(
				409,
				`Ya no quedan IP libres en la zona ${zone?.name ?? ''} (${pools.map((p) => p.cidr).join(', ')}). Agrega otro rango en Ajustes → Zonas o libera IP de instalaciones canceladas.`
			);
		}
	}
	await run(tx, sql`update installations set ip = ${ip}::inet where id = ${installationId}`);
	await addHistory(tx, actor.orgId, installationId, actor.id, [{ kind: 'field', field: 'ip', oldValue: previous, newValue: ip, source }]);
	return ip;
}

export async function allocateIp(db: Database, actor: SessionUser, raw: unknown): Promise<{ ip: string }> {
	requireCoordinator(actor, 'asignar la IP');
	const input = parseInput(allocateSchema, raw);
	const ip = await db.orm.transaction((tx) => claimIp(tx, actor, input.installationId, input.ip));
	return { ip };
}

export async function freeIp(db: Database, actor: SessionUser, raw: unknown): Promise<{ released: string | null }> {
	requireCoordinator(actor, 'liberar la IP');
	const { installationId } = parseInput(z.object({ installationId: uuidSchema }), raw);
	return db.orm.transaction(async (tx) => {
		const card = await lockCard(tx, actor.orgId, installationId);
		if (!card) throw notFound('Esa instalación no existe.');
		await setActor(tx, actor);
		const released = await releaseIp(tx, actor.orgId, installationId);
		if (released) {
			await addHistory(tx, actor.orgId, installationId, actor.id, [
				{ kind: 'field', field: 'ip', oldValue: released, newValue: null, source: 'tarjeta' }
			]);
		}
		return { released };
	});
}

/** The suggestion and the pick list shown in the connection form. */
export async function ipOptions(exec: Executor, orgId: string, zoneId: string | null, limit = 20) {
	if (!zoneId) return { next: null, free: [] as string[], pools: [] as IpPool[] };
	const pools = await zonePools(exec, orgId, zoneId);
	const free = freeIps(pools, await usedIps(exec, orgId), limit);
	return { next: free[0] ?? null, free, pools };
}
