/**
 * IP addresses from a zone's pools. `ip_allocations` is the authority: its UNIQUE (org_id, ip)
 * makes two cards with one address impossible, whatever the number of agents clicking at once.
 * We pick candidates in pool order and let the constraint decide; a lost race just moves on.
 */
import { z } from 'zod';
import type { Database } from '../db';
import type { Executor } from '../db/card-tx';
import type { SessionUser } from '../auth';
import { addHistory, lockCard, setActor } from '../db/card-tx';
import * as ipAllocations from '../db/ip-allocations';
import * as zones from '../db/zones';
import { freeIps, isAssignable, isValidIp, type IpPool } from '$lib/domain/ip-pools';
import { parseInput } from '../validation';
import { uuidSchema } from '$lib/schemas/common';
import { ServiceError, notFound } from './errors';
import { requireCoordinator } from './roles';

/** Deletes the card's allocation and clears the mirror column. The move service calls it on cancelada. */
export function releaseIp(tx: Executor, orgId: string, installationId: string): Promise<string | null> {
	return ipAllocations.release(tx, orgId, installationId);
}

async function ownerOf(tx: Executor, orgId: string, ip: string): Promise<string> {
	const row = await ipAllocations.holder(tx, orgId, ip);
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

	const zone = await zones.nameOf(tx, actor.orgId, card.zoneId);
	const pools = await ipAllocations.zonePools(tx, actor.orgId, card.zoneId);
	if (!pools.length) {
		throw new ServiceError(422, `La zona ${zone ?? ''} no tiene rangos de IP; agrégalos en Ajustes → Zonas.`);
	}
	await setActor(tx, actor);
	const previous = await releaseIp(tx, actor.orgId, installationId);

	let ip: string | null = null;
	if (requested) {
		if (!pools.some((p) => isAssignable(p, requested))) {
			throw new ServiceError(
				422,
				`La IP ${requested} no está disponible en los rangos de la zona ${zone ?? ''} (o está reservada); elige una de la lista.`
			);
		}
		if (!(await ipAllocations.claim(tx, { orgId: actor.orgId, zoneId: card.zoneId, installationId, ip: requested }))) {
			throw new ServiceError(409, `La IP ${requested} ya está asignada a ${await ownerOf(tx, actor.orgId, requested)}; elige otra.`);
		}
		ip = requested;
	} else {
		// Each round re-reads what is taken; a conflict only means someone else was faster.
		for (let round = 0; round < 5 && !ip; round++) {
			const candidates = freeIps(pools, await ipAllocations.used(tx, actor.orgId), 64);
			if (!candidates.length) break;
			for (const candidate of candidates) {
				if (await ipAllocations.claim(tx, { orgId: actor.orgId, zoneId: card.zoneId, installationId, ip: candidate })) {
					ip = candidate;
					break;
				}
			}
		}
		if (!ip) {
			throw new ServiceError(
				409,
				`Ya no quedan IP libres en la zona ${zone ?? ''} (${pools.map((p) => p.cidr).join(', ')}). Agrega otro rango en Ajustes → Zonas o libera IP de instalaciones canceladas.`
			);
		}
	}
	await ipAllocations.setCardIp(tx, installationId, ip);
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
	const pools = await ipAllocations.zonePools(exec, orgId, zoneId);
	const free = freeIps(pools, await ipAllocations.used(exec, orgId), limit);
	return { next: free[0] ?? null, free, pools };
}
