/**
 * Connection data of a card (process 4, step 5): PPPoE user/password, Wi-Fi password, external ID,
 * internet plan and IP. Defaults follow the manual literally; the coordinator may edit any of them.
 */
import type { ConnectionView } from '$lib/types/card-views';
import type { Database } from '../db';
import type { SessionUser } from '../auth';
import { addHistory, lockCard, setActor, type HistoryEntry } from '../db/card-tx';
import * as connections from '../db/connection';
import { externalId, pppoePassword, pppoeUser, wifiPassword } from '$lib/domain/credentials';
import { connectionSchema } from '$lib/schemas/connection';
import { uuidSchema } from '$lib/schemas/common';
import { parseInput } from '../validation';
import { orgSettings } from './board';
import { ServiceError, notFound } from './errors';
import { requireCoordinator, requireStaff } from './roles';
import { ipOptions } from './ip-allocation';
import { recomputeBilling } from './billing';

function safe<T>(fn: () => T): T | null {
	try {
		return fn();
	} catch {
		return null;
	}
}

export async function connectionView(db: Database, actor: SessionUser, rawId: unknown): Promise<ConnectionView> {
	requireStaff(actor);
	const id = parseInput(uuidSchema, rawId);
	const card = await connections.of(db.orm, actor.orgId, id);
	if (!card) throw notFound('Esa instalación no existe.');
	const settings = await orgSettings(db, actor.orgId);
	const defaults = {
		pppoeUser: card.phone ? safe(() => pppoeUser(card.phone!)) : null,
		pppoePassword: card.phone ? safe(() => pppoePassword(card.phone!)) : null,
		wifiPassword: safe(() => wifiPassword(card.fullName, settings.wifiSuffix)),
		externalId: externalId(card.folio)
	};
	const plans = await connections.internetPlans(db.orm, actor.orgId, card.planId);
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
			const other = await connections.pppoeOwner(tx, actor.orgId, input.pppoeUser, card.id);
			if (other) throw pppoeTaken(input.pppoeUser, other);
			if (input.planId) {
				if (!(await connections.isInternetPlan(tx, actor.orgId, input.planId)))
					throw new ServiceError(422, 'Ese plan no existe; elige uno de la lista.', { planId: ['Elige un plan de la lista.'] });
			}
			const before = (await connections.credentialsOf(tx, card.id))!;
			const after: connections.CredentialsRow = {
				pppoe_user: input.pppoeUser,
				pppoe_password: input.pppoePassword,
				wifi_password: input.wifiPassword === undefined ? before.wifi_password : input.wifiPassword || null,
				wifi_name: input.wifiName === undefined ? before.wifi_name : input.wifiName || null,
				external_id: input.externalId === undefined ? before.external_id : input.externalId || null,
				plan_id: input.planId === undefined ? before.plan_id : input.planId
			};
			const history: HistoryEntry[] = (Object.keys(after) as (keyof connections.CredentialsRow)[])
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
			await connections.setCredentials(tx, card.id, after);
			if (after.plan_id !== before.plan_id) await recomputeBilling(tx, actor.orgId, card.id);
			await addHistory(tx, actor.orgId, card.id, actor.id, history);
			return { changed: true };
		});
	} catch (err) {
		// Two coordinators saving the same user at once: the unique index decides, same message.
		if (err instanceof connections.PppoeUserTaken) {
			throw pppoeTaken(input.pppoeUser, await connections.pppoeOwner(db.orm, actor.orgId, input.pppoeUser));
		}
		throw err;
	}
}

function pppoeTaken(user: string, other: { folio: number; fullName: string } | null): ServiceError {
	const who = other ? `la instalación #${other.folio} (${other.fullName})` : 'otra instalación';
	const message = `El usuario PPPoE «${user}» ya lo usa ${who}. Escribe otro usuario, por ejemplo agregando una letra al final.`;
	return new ServiceError(409, message, { pppoeUser: [message] });
}
