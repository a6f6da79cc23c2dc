/**
 * Add-on services (process 4, steps 6–7) on top of the internet installation. What each kind
 * starts with, shows and edits is its row in ADDON_KINDS (domain/addon-kinds.ts); the rest comes
 * from the card (IP, external ID, user = phone, password = PPPoE password, router of the zone).
 */
import type { ServicesView } from '$lib/types/card-views';
import type { Database } from '../db';
import type { Executor } from '../db/card-tx';
import type { SessionUser } from '../auth';
import { addHistory, lockCard, type LockedCard } from '../db/card-tx';
import * as addons from '../db/addons';
import * as plans from '../db/plans';
import { addAddonSchema, PLACEHOLDER_NUMBER, removeAddonSchema, updateAddonSchema } from '$lib/schemas/addons';
import { ADDON_KIND_KEYS, addonKind, editsField, FROM_CARD, pendingNumber, type AddonKindRow, type TvType } from '$lib/domain/addon-kinds';
import { externalId } from '$lib/domain/credentials';
import { parseInput } from '../validation';
import { orgSettings } from './board';
import { ServiceError, notFound } from './errors';
import { requireCoordinator } from './roles';
import { billingView } from './billing';
import { productOptions } from './products';

export interface AddonRow extends addons.AddonRow {
	/** "asignar número real": the kind awaits a number and still has the placeholder. */
	pendingNumber: boolean;
}

export async function listAddons(exec: Executor, orgId: string, installationId: string): Promise<AddonRow[]> {
	const rows = await addons.list(exec, orgId, installationId);
	return rows.map((r) => ({ ...r, pendingNumber: pendingNumber(addonKind(r.kind), r.phoneNumber) }));
}

export async function addAddon(db: Database, actor: SessionUser, raw: unknown) {
	requireCoordinator(actor, 'agregar servicios adicionales');
	const input = parseInput(addAddonSchema, raw);
	const kind = addonKind(input.kind)!;
	const settings = await orgSettings(db, actor.orgId);
	return db.orm.transaction(async (tx) => {
		const card = await lockCard(tx, actor.orgId, input.installationId);
		if (!card) throw notFound('Esa instalación no existe.');
		const planId = input.planId ?? (await plans.firstActiveOf(tx, actor.orgId, kind.key));
		if (planId && !(await plans.isOfKind(tx, actor.orgId, planId, kind.key))) {
			throw new ServiceError(422, 'Ese plan no corresponde al servicio; elige uno de la lista.');
		}
		return createAddon(tx, {
			orgId: actor.orgId,
			actorId: actor.id,
			card,
			kind,
			planId,
			tvType: input.tvType,
			sipServer: settings.sipServer
		});
	});
}

/**
 * Creates one add-on on a locked card with the defaults of DOMAIN.md: what it copies from the card
 * (FROM_CARD) and its kind's own initial values. The coordinator's «Servicios» and the agent's ticks
 * in «Plan y contrato» (services/addon-choice.ts) both come here.
 */
export async function createAddon(
	tx: Executor,
	a: {
		orgId: string;
		actorId: string;
		card: LockedCard;
		kind: AddonKindRow;
		planId: string | null;
		tvType?: TvType | null;
		sipServer: string;
	}
): Promise<{ id: string }> {
	const { card, kind } = a;
	const extra = (await addons.cardDefaults(tx, card.id))!;
	const fromCard = {
		ip: card.ip,
		externalId: extra.externalId ?? externalId(card.folio),
		username: card.phone,
		password: extra.pppoePassword,
		router: extra.router
	} satisfies Record<(typeof FROM_CARD)[number], string | null>;
	const own = kind.initial({ sipServer: a.sipServer, tvType: a.tvType });
	const row = await addons.insert(tx, {
		orgId: a.orgId,
		installationId: card.id,
		kind: kind.key,
		planId: a.planId,
		...fromCard,
		phoneNumber: own.phoneNumber ?? null,
		sipServer: own.sipServer ?? null,
		tvType: own.tvType ?? null
	});
	await addHistory(tx, a.orgId, card.id, a.actorId, [
		{ kind: 'service', field: kind.key, oldValue: null, newValue: kind.added, source: 'tarjeta' }
	]);
	return { id: row.id };
}

export async function updateAddon(db: Database, actor: SessionUser, raw: unknown) {
	requireCoordinator(actor, 'editar servicios adicionales');
	const input = parseInput(updateAddonSchema, raw);
	return db.orm.transaction(async (tx) => {
		const current = await addons.lock(tx, actor.orgId, input.id);
		if (!current) throw notFound('Ese servicio adicional no existe.');
		const kind = addonKind(current.kind);
		// A kind's own fields are written only on add-ons of that kind (the card sends all drafts).
		const phoneNumber = editsField(kind, 'phoneNumber') ? input.phoneNumber : undefined;
		const assigning = phoneNumber !== undefined && phoneNumber !== PLACEHOLDER_NUMBER && phoneNumber !== current.phoneNumber;
		await addons.update(tx, {
			id: input.id,
			planId: input.planId,
			username: input.username,
			password: input.password,
			phoneNumber,
			assigning,
			unassigning: phoneNumber === PLACEHOLDER_NUMBER,
			sipServer: input.sipServer,
			onuSerial: editsField(kind, 'onuSerial') ? input.onuSerial : undefined,
			keepsTvType: editsField(kind, 'tvType'),
			tvType: input.tvType,
			router: input.router,
			cutService: input.cutService
		});
		await addHistory(tx, actor.orgId, current.installationId, actor.id, [
			{
				kind: 'service',
				field: current.kind,
				oldValue: assigning ? current.phoneNumber : null,
				newValue: assigning ? `Número asignado: ${phoneNumber}` : 'Servicio editado',
				source: 'tarjeta'
			}
		]);
		return { assignedNumber: assigning };
	});
}

export async function removeAddon(db: Database, actor: SessionUser, raw: unknown) {
	requireCoordinator(actor, 'quitar servicios adicionales');
	const { id } = parseInput(removeAddonSchema, raw);
	await db.orm.transaction(async (tx) => {
		const row = await addons.remove(tx, actor.orgId, id);
		if (!row) throw notFound('Ese servicio adicional no existe.');
		await addHistory(tx, actor.orgId, row.installationId, actor.id, [
			{ kind: 'service', field: row.kind, oldValue: row.kind, newValue: null, source: 'tarjeta' }
		]);
	});
}

/** The ServicesSection's data: add-ons, products with their schedules, and the pickers. */
export async function servicesView(db: Database, actor: SessionUser, rawId: unknown): Promise<ServicesView> {
	const billing = await billingView(db, actor, rawId);
	const id = String(rawId);
	return {
		addons: await listAddons(db.orm, actor.orgId, id),
		products: billing.products,
		productOptions: await productOptions(db, actor),
		plans: await plans.activeOf(db.orm, actor.orgId, ADDON_KIND_KEYS),
		canEdit: actor.role === 'admin' || actor.role === 'coordinator'
	};
}
