/**
 * Add-on services (process 4, steps 6–7): telephony and TV on top of the internet installation.
 * Defaults come from the card (IP, external ID, user = phone, password = PPPoE password, router of
 * the zone); telephony starts with number 0000000000 until support assigns the real line.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db';
import type { Executor } from '../db/card-tx';
import type { SessionUser } from '../auth';
import { addHistory, firstOf, lockCard, rowsOf } from '../db/card-tx';
import { run } from '../db/card-tx';
import { addAddonSchema, PLACEHOLDER_NUMBER, removeAddonSchema, updateAddonSchema } from '$lib/schemas/addons';
import { externalId } from '$lib/domain/credentials';
import { parseInput } from '../validation';
import { orgSettings } from './board';
import { ServiceError, notFound } from './errors';
import { requireCoordinator } from './roles';
import { billingView } from './billing';
import { productOptions } from './products';

export interface AddonRow {
	id: string;
	kind: 'telefonia' | 'television';
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
	tvType: 'CATV' | 'IPTV' | null;
	cutService: boolean;
	router: string | null;
	/** "asignar número real": telephony still on the placeholder number. */
	pendingNumber: boolean;
}

export async function listAddons(exec: Executor, orgId: string, installationId: string): Promise<AddonRow[]> {
	const rows = await rowsOf<Omit<AddonRow, 'pendingNumber'>>(
		exec,
		sql`select a.id, a.kind, a.plan_id as "planId", p.name as "planName", host(a.ip) as ip, a.external_id as "externalId",
			a.username, a.password, a.phone_number as "phoneNumber", a.number_assigned_at::text as "numberAssignedAt",
			a.sip_server as "sipServer", a.onu_serial as "onuSerial", a.tv_type as "tvType", a.cut_service as "cutService", a.router
		 from addon_services a left join plans p on p.id = a.plan_id
		 where a.org_id = ${orgId} and a.installation_id = ${installationId} order by a.created_at`
	);
	return rows.map((r) => ({ ...r, pendingNumber: r.kind === 'telefonia' && (r.phoneNumber ?? PLACEHOLDER_NUMBER) === PLACEHOLDER_NUMBER }));
}

async function defaultPlan(tx: Executor, orgId: string, kind: 'telefonia' | 'television'): Promise<string | null> {
	const row = await firstOf<{ id: string }>(
		tx,
		sql`select id from plans where org_id = ${orgId} and kind = ${kind} and active order by sort_order, name limit 1`
	);
	return row?.id ?? null;
}

export async function addAddon(db: Database, actor: SessionUser, raw: unknown) {
	requireCoordinator(actor, 'agregar servicios adicionales');
	const input = parseInput(addAddonSchema, raw);
	const settings = await orgSettings(db, actor.orgId);
	return db.orm.transaction(async (tx) => {
		const card = await lockCard(tx, actor.orgId, input.installationId);
		if (!card) throw notFound('Esa instalación no existe.');
		const extra = (await firstOf<{ pppoePassword: string | null; externalId: string | null; router: string | null }>(
			tx,
			sql`select i.pppoe_password as "pppoePassword", i.external_id as "externalId", z.router_name as router
				from installations i left join zones z on z.id = i.zone_id where i.id = ${card.id}`
		))!;
		const planId = input.planId ?? (await defaultPlan(tx, actor.orgId, input.kind));
		if (planId) {
			const ok = await firstOf(tx, sql`select 1 from plans where org_id = ${actor.orgId} and id = ${planId} and kind = ${input.kind}`);
			if (!ok) throw new ServiceError(422, 'Ese plan no corresponde al servicio; elige uno de la lista.');
		}
		const isPhone = input.kind === 'telefonia';
		const row = await firstOf<{ id: string }>(
			tx,
			sql`insert into addon_services (org_id, installation_id, kind, plan_id, ip, external_id, username, password, phone_number,
					sip_server, tv_type, cut_service, router)
				values (${actor.orgId}, ${card.id}, ${input.kind}, ${planId}, ${card.ip}::inet, ${extra.externalId ?? externalId(card.folio)},
					${card.phone}, ${extra.pppoePassword}, ${isPhone ? PLACEHOLDER_NUMBER : null}, ${isPhone ? settings.sipServer : null},
					${isPhone ? null : (input.tvType ?? 'IPTV')}, true, ${extra.router})
				returning id`
		);
		await addHistory(tx, actor.orgId, card.id, actor.id, [
			{
				kind: 'service',
				field: input.kind,
				oldValue: null,
				newValue: isPhone ? 'Telefonía agregada' : 'Televisión agregada',
				source: 'tarjeta'
			}
		]);
		return { id: row!.id };
	});
}

export async function updateAddon(db: Database, actor: SessionUser, raw: unknown) {
	requireCoordinator(actor, 'editar servicios adicionales');
	const input = parseInput(updateAddonSchema, raw);
	return db.orm.transaction(async (tx) => {
		const current = await firstOf<{ installationId: string; kind: string; phoneNumber: string | null }>(
			tx,
			sql`select installation_id as "installationId", kind, phone_number as "phoneNumber" from addon_services
				where org_id = ${actor.orgId} and id = ${input.id} for update`
		);
		if (!current) throw notFound('Ese servicio adicional no existe.');
		const assigning =
			current.kind === 'telefonia' &&
			input.phoneNumber !== undefined &&
			input.phoneNumber !== PLACEHOLDER_NUMBER &&
			input.phoneNumber !== current.phoneNumber;
		await run(
			tx,
			sql`update addon_services set
				plan_id = coalesce(${input.planId ?? null}, plan_id),
				username = coalesce(${input.username ?? null}, username),
				password = coalesce(${input.password ?? null}, password),
				phone_number = case when kind = 'telefonia' then coalesce(${input.phoneNumber ?? null}, phone_number) else phone_number end,
				number_assigned_at = case when ${assigning}::boolean then now() when ${input.phoneNumber ?? null}::text = ${PLACEHOLDER_NUMBER}::text then null else number_assigned_at end,
				sip_server = coalesce(${input.sipServer ?? null}, sip_server),
				onu_serial = case when ${input.onuSerial === undefined}::boolean then onu_serial else nullif(${input.onuSerial ?? ''}::text, '') end,
				tv_type = case when kind = 'television' then coalesce(${input.tvType ?? null}, tv_type) else null end,
				router = coalesce(${input.router ?? null}, router),
				cut_service = ${input.cutService}::boolean
			 where id = ${input.id}`
		);
		await addHistory(tx, actor.orgId, current.installationId, actor.id, [
			{
				kind: 'service',
				field: current.kind,
				oldValue: assigning ? current.phoneNumber : null,
				newValue: assigning ? `Número asignado: ${input.phoneNumber}` : 'Servicio editado',
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
		const row = await firstOf<{ installationId: string; kind: string }>(
			tx,
			sql`delete from addon_services where org_id = ${actor.orgId} and id = ${id} returning installation_id as "installationId", kind`
		);
		if (!row) throw notFound('Ese servicio adicional no existe.');
		await addHistory(tx, actor.orgId, row.installationId, actor.id, [
			{ kind: 'service', field: row.kind, oldValue: row.kind, newValue: null, source: 'tarjeta' }
		]);
	});
}

/** The ServicesSection's data: add-ons, products with their schedules, and the pickers. */
export async function servicesView(db: Database, actor: SessionUser, rawId: unknown) {
	const billing = await billingView(db, actor, rawId);
	const id = String(rawId);
	const plans = await rowsOf<{ id: string; kind: string; name: string; priceCents: number }>(
		db.orm,
		sql`select id, kind, name, price_cents as "priceCents" from plans where org_id = ${actor.orgId} and active
			and kind in ('telefonia', 'television') order by sort_order, name`
	);
	return {
		addons: await listAddons(db.orm, actor.orgId, id),
		products: billing.products,
		productOptions: await productOptions(db, actor),
		plans,
		canEdit: actor.role === 'admin' || actor.role === 'coordinator'
	};
}
