/**
 * Connection data of a card (process 4, step 5): PPPoE user/password, Wi-Fi password, external ID,
 * internet plan and IP. Defaults follow the manual literally; the coordinator may edit any of them.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db';
import type { SessionUser } from '../auth';
import { addHistory, firstOf, lockCard, pgError, rowsOf, setActor, type HistoryEntry } from '../db/card-tx';
import { run } from '../db/card-tx';
import { externalId, pppoePassword, pppoeUser, wifiPassword } from '$lib/domain/credentials';
import { connectionSchema } from '$lib/schemas/connection';
import { uuidSchema } from '$lib/schemas/common';
import { parseInput } from '../validation';
import { orgSettings } from './board';
import { ServiceError, notFound } from './errors';
import { requireCoordinator, requireStaff } from './roles';
import { ipOptions } from './ip-allocation';
import { recomputeBilling } from './billing';

interface ConnectionRow {
	id: string;
	folio: number;
	fullName: string;
	phone: string | null;
	stage: string;
	zoneId: string | null;
	zoneName: string | null;
	routerName: string | null;
	planId: string | null;
	pppoeUser: string | null;
	pppoePassword: string | null;
	wifiPassword: string | null;
	externalId: string | null;
	ip: string | null;
	version: number;
}

function safe<T>(fn: () => T): T | null {
	try {
		return fn();
	} catch {
		return null;
	}
}

export async function connectionView(db: Database, actor: SessionUser, rawId: unknown) {
	requireStaff(actor);
	const id = parseInput(uuidSchema, rawId);
	const card = await firstOf<ConnectionRow>(
		db.orm,
		sql`select i.id, i.folio::int as folio, i.full_name as "fullName", i.phone, i.stage, i.zone_id as "zoneId", z.name as "zoneName",
			z.router_name as "routerName", i.plan_id as "planId", i.pppoe_user as "pppoeUser", i.pppoe_password as "pppoePassword",
			i.wifi_password as "wifiPassword", i.external_id as "externalId", host(i.ip) as ip, i.version
		 from installations i left join zones z on z.id = i.zone_id where i.org_id = ${actor.orgId} and i.id = ${id}`
	);
	if (!card) throw notFound('Esa instalación no existe.');
	const settings = await orgSettings(db, actor.orgId);
	const defaults = {
		pppoeUser: card.phone ? safe(() => pppoeUser(card.phone!)) : null,
		pppoePassword: card.phone ? safe(() => pppoePassword(card.phone!)) : null,
		wifiPassword: safe(() => wifiPassword(card.fullName, settings.wifiSuffix)),
		externalId: externalId(card.folio)
	};
	const plans = await rowsOf<{ id: string; name: string; priceCents: number; speedMbps: number | null }>(
		db.orm,
		sql`select id, name, price_cents as "priceCents", speed_mbps as "speedMbps" from plans
			where org_id = ${actor.orgId} and kind = 'internet' and (active or id = ${card.planId}) order by sort_order, name`
	);
	const ips = await ipOptions(db.orm, actor.orgId, card.zoneId);
	return {
		card,
		defaults,
		plans,
		ip: { current: card.ip, next: ips.next, free: ips.free },
		canEdit: actor.role === 'admin' || actor.role === 'coordinator'
	};
}

export async function saveConnection(db: Database, actor: SessionUser, raw: unknown) {
	requireCoordinator(actor, 'editar los datos de conexión');
	const input = parseInput(connectionSchema, raw);
	try {
		return await db.orm.transaction(async (tx) => {
			const card = await lockCard(tx, actor.orgId, input.installationId);
			if (!card) throw notFound('Esa instalación no existe.');
			const other = await firstOf<{ folio: number; fullName: string }>(
				tx,
				sql`select folio::int as folio, full_name as "fullName" from installations
					where org_id = ${actor.orgId} and pppoe_user = ${input.pppoeUser} and id <> ${card.id}`
			);
			if (other) throw pppoeTaken(input.pppoeUser, other);
			if (input.planId) {
				const plan = await firstOf(
					tx,
					sql`select 1 from plans where org_id = ${actor.orgId} and id = ${input.planId} and kind = 'internet'`
				);
				if (!plan) throw new ServiceError(422, 'Ese plan no existe; elige uno de la lista.', { planId: ['Elige un plan de la lista.'] });
			}
			const before = (await firstOf<Record<string, string | null>>(
				tx,
				sql`select pppoe_user, pppoe_password, wifi_password, external_id, plan_id from installations where id = ${card.id}`
			))!;
			const after: Record<string, string | null> = {
				pppoe_user: input.pppoeUser,
				pppoe_password: input.pppoePassword,
				wifi_password: input.wifiPassword === undefined ? before.wifi_password : input.wifiPassword || null,
				external_id: input.externalId === undefined ? before.external_id : input.externalId || null,
				plan_id: input.planId === undefined ? before.plan_id : input.planId
			};
			const history: HistoryEntry[] = Object.keys(after)
				.filter((k) => after[k] !== before[k])
				// Passwords are logged as changed, never their values.
				.map((k) => ({
					kind: 'field' as const,
					field: k,
					oldValue: /password/.test(k) ? (before[k] ? '••••' : null) : before[k],
					newValue: /password/.test(k) ? '••••' : after[k],
					source: 'tarjeta'
				}));
			if (!history.length) return { changed: false };
			await setActor(tx, actor);
			await run(
				tx,
				sql`update installations set pppoe_user = ${after.pppoe_user}, pppoe_password = ${after.pppoe_password},
					wifi_password = ${after.wifi_password}, external_id = ${after.external_id}, plan_id = ${after.plan_id}
					where id = ${card.id}`
			);
			if (after.plan_id !== before.plan_id) await recomputeBilling(tx, actor.orgId, card.id);
			await addHistory(tx, actor.orgId, card.id, actor.id, history);
			return { changed: true };
		});
	} catch (err) {
		// Two coordinators saving the same user at once: the unique index decides, same message.
		if (pgError(err).constraint === 'installations_org_pppoe_user_key') {
			const other = await firstOf<{ folio: number; fullName: string }>(
				db.orm,
				sql`select folio::int as folio, full_name as "fullName" from installations where org_id = ${actor.orgId} and pppoe_user = ${input.pppoeUser}`
			);
			throw pppoeTaken(input.pppoeUser, other);
		}
		throw err;
	}
}

function pppoeTaken(user: string, other: { folio: number; fullName: string } | null): ServiceError {
	const who = other ? `la instalación #${other.folio} (${other.fullName})` : 'otra instalación';
	const message = `El usuario PPPoE «${user}» ya lo usa ${who}. Escribe otro usuario, por ejemplo agregando una letra al final.`;
	return new ServiceError(409, message, { pppoeUser: [message] });
}
