/**
 * Technician assignment (process 4, step 5: "el Coordinador de técnicos asigna esta parte").
 * Capacity is per technician per day (users.daily_capacity, else the organization's setting).
 * Over capacity or outside the technician's zones is allowed, but only once confirmed.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db';
import type { Executor } from '../db/card-tx';
import type { SessionUser } from '../auth';
import { addHistory, firstOf, lockCard, rowsOf, setActor } from '../db/card-tx';
import { run } from '../db/card-tx';
import { readSettings } from '$lib/schemas/settings';
import { checkboxSchema, uuidSchema } from '$lib/schemas/common';
import { parseInput } from '../validation';
import { ServiceError, notFound } from './errors';
import { requireCoordinator, requireStaff } from './roles';
import { isCivilDate } from '$lib/domain/dates';

export interface TechnicianDay {
	id: string;
	name: string;
	color: string | null;
	capacity: number;
	servesZone: boolean;
	jobs: { id: string; folio: number; fullName: string; installationTime: string | null; colonia: string | null; stage: string }[];
}

async function defaultCapacity(exec: Executor, orgId: string): Promise<number> {
	const org = await firstOf<{ settings: unknown }>(exec, sql`select settings from organizations where id = ${orgId}`);
	return readSettings(org?.settings).technicianDailyCapacity;
}

/** Every active technician with their jobs on `date`, for the assignment picker. */
export async function techniciansForDay(
	exec: Executor,
	orgId: string,
	date: string | null,
	zoneId: string | null
): Promise<TechnicianDay[]> {
	const fallback = await defaultCapacity(exec, orgId);
	const techs = await rowsOf<{ id: string; name: string; color: string | null; capacity: number | null; servesZone: boolean }>(
		exec,
		sql`select u.id, u.name, u.color, u.daily_capacity as capacity,
			exists (select 1 from zone_technicians zt where zt.user_id = u.id and zt.zone_id = ${zoneId}) as "servesZone"
		 from users u where u.org_id = ${orgId} and u.role = 'technician' and u.active order by u.name`
	);
	const jobs = date
		? await rowsOf<TechnicianDay['jobs'][number] & { technicianId: string }>(
				exec,
				sql`select id, folio::int as folio, full_name as "fullName", installation_time as "installationTime",
					addr_colonia as colonia, stage, technician_id as "technicianId"
				 from installations where org_id = ${orgId} and installation_date = ${date}::date
				   and technician_id is not null and stage not in ('cancelada') order by installation_time nulls last, folio`
			)
		: [];
	return techs.map((t) => ({
		id: t.id,
		name: t.name,
		color: t.color,
		capacity: t.capacity ?? fallback,
		servesZone: t.servesZone,
		jobs: jobs.filter((j) => j.technicianId === t.id)
	}));
}

/** Spanish warnings for putting card `cardId` on `techId`'s `date`; empty when nothing to say. */
export async function assignmentWarnings(
	exec: Executor,
	orgId: string,
	techId: string,
	date: string | null,
	zoneId: string | null,
	cardId: string
): Promise<string[]> {
	const day = (await techniciansForDay(exec, orgId, date, zoneId)).find((t) => t.id === techId);
	if (!day) throw new ServiceError(422, 'Ese técnico no existe o está inactivo; elige otro.');
	const warnings: string[] = [];
	const others = day.jobs.filter((j) => j.id !== cardId).length;
	if (date && others + 1 > day.capacity) {
		warnings.push(
			`${day.name} ya tiene ${others} ${others === 1 ? 'instalación' : 'instalaciones'} ese día y su capacidad es de ${day.capacity}.`
		);
	}
	if (zoneId && !day.servesZone) {
		const zone = await firstOf<{ name: string }>(exec, sql`select name from zones where id = ${zoneId}`);
		warnings.push(`${day.name} no atiende la zona ${zone?.name ?? ''}.`);
	}
	return warnings;
}

const assignSchema = z.object({
	installationId: uuidSchema,
	technicianId: z.union([uuidSchema, z.literal('').transform(() => null), z.null()]),
	confirm: checkboxSchema
});

export async function assignTechnician(db: Database, actor: SessionUser, raw: unknown, source = 'tarjeta') {
	requireCoordinator(actor, 'asignar técnicos');
	const input = parseInput(assignSchema, raw);
	return db.orm.transaction(async (tx) => {
		const card = await lockCard(tx, actor.orgId, input.installationId);
		if (!card) throw notFound('Esa instalación no existe.');
		const current = await firstOf<{ technicianId: string | null; date: string | null }>(
			tx,
			sql`select technician_id as "technicianId", installation_date::text as date from installations where id = ${card.id}`
		);
		let warnings: string[] = [];
		if (input.technicianId) {
			warnings = await assignmentWarnings(tx, actor.orgId, input.technicianId, current?.date ?? null, card.zoneId, card.id);
			if (warnings.length && !input.confirm) {
				throw new ServiceError(409, `${warnings.join(' ')} Confirma si quieres asignarlo de todos modos.`, { technicianId: warnings });
			}
		}
		if (current?.technicianId === input.technicianId) return { technicianId: input.technicianId, warnings };
		await setActor(tx, actor);
		await run(tx, sql`update installations set technician_id = ${input.technicianId} where id = ${card.id}`);
		await addHistory(tx, actor.orgId, card.id, actor.id, [
			{ kind: 'field', field: 'technician_id', oldValue: current?.technicianId ?? null, newValue: input.technicianId, source }
		]);
		return { technicianId: input.technicianId, warnings };
	});
}

export async function assignmentOptions(db: Database, actor: SessionUser, rawId: unknown, rawDate?: unknown) {
	requireStaff(actor);
	const id = parseInput(uuidSchema, rawId);
	const card = await firstOf<{ zoneId: string | null; date: string | null; technicianId: string | null }>(
		db.orm,
		sql`select zone_id as "zoneId", installation_date::text as date, technician_id as "technicianId"
			from installations where org_id = ${actor.orgId} and id = ${id}`
	);
	if (!card) throw notFound('Esa instalación no existe.');
	const date = typeof rawDate === 'string' && isCivilDate(rawDate) ? rawDate : card.date;
	return { date, technicianId: card.technicianId, technicians: await techniciansForDay(db.orm, actor.orgId, date, card.zoneId) };
}
