/**
 * Technician assignment (process 4, step 5: "el Coordinador de técnicos asigna esta parte").
 * Capacity is per technician per day (users.daily_capacity, else the organization's setting).
 * Over capacity or outside the technician's zones is allowed, but only once confirmed.
 */
import type { AssignmentOptions } from '$lib/types/card-views';
import { z } from 'zod';
import type { Database } from '../db';
import type { Executor } from '../db/card-tx';
import type { SessionUser } from '../auth';
import { addHistory, lockCard, setActor } from '../db/card-tx';
import * as organizations from '../db/organizations';
import * as schedule from '../db/schedule';
import * as technicians from '../db/technicians';
import * as zones from '../db/zones';
import { readSettings } from '$lib/schemas/settings';
import { checkboxSchema, uuidSchema } from '$lib/schemas/common';
import { parseInput } from '../validation';
import { ServiceError, notFound } from './errors';
import { requireCoordinator, requireStaff } from './roles';
import { isCivilDate } from '$lib/domain/dates';
import * as notify from './notify';

export interface TechnicianDay {
	id: string;
	name: string;
	color: string | null;
	capacity: number;
	servesZone: boolean;
	jobs: Omit<technicians.DayJobRow, 'technicianId'>[];
}

async function defaultCapacity(exec: Executor, orgId: string): Promise<number> {
	return readSettings(await organizations.settingsOf(exec, orgId)).technicianDailyCapacity;
}

/** Every active technician with their jobs on `date`, for the assignment picker. */
export async function techniciansForDay(
	exec: Executor,
	orgId: string,
	date: string | null,
	zoneId: string | null
): Promise<TechnicianDay[]> {
	const fallback = await defaultCapacity(exec, orgId);
	const techs = await technicians.active(exec, orgId, zoneId);
	const jobs = date ? await technicians.jobsOn(exec, orgId, date) : [];
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
		const zone = await zones.nameOf(exec, orgId, zoneId);
		warnings.push(`${day.name} no atiende la zona ${zone ?? ''}.`);
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
		const current = await schedule.of(tx, actor.orgId, card.id);
		let warnings: string[] = [];
		if (input.technicianId) {
			warnings = await assignmentWarnings(tx, actor.orgId, input.technicianId, current?.date ?? null, card.zoneId, card.id);
			if (warnings.length && !input.confirm) {
				throw new ServiceError(409, `${warnings.join(' ')} Confirma si quieres asignarlo de todos modos.`, { technicianId: warnings });
			}
		}
		if (current?.technicianId === input.technicianId) return { technicianId: input.technicianId, warnings };
		await setActor(tx, actor);
		await schedule.setTechnician(tx, card.id, input.technicianId);
		if (current) await notify.scheduleChanged(tx, actor.id, card.id, current, { ...current, technicianId: input.technicianId });
		await addHistory(tx, actor.orgId, card.id, actor.id, [
			{ kind: 'field', field: 'technician_id', oldValue: current?.technicianId ?? null, newValue: input.technicianId, source }
		]);
		return { technicianId: input.technicianId, warnings };
	});
}

export async function assignmentOptions(db: Database, actor: SessionUser, rawId: unknown, rawDate?: unknown): Promise<AssignmentOptions> {
	requireStaff(actor);
	const id = parseInput(uuidSchema, rawId);
	const card = await schedule.of(db.orm, actor.orgId, id);
	if (!card) throw notFound('Esa instalación no existe.');
	const date = typeof rawDate === 'string' && isCivilDate(rawDate) ? rawDate : card.date;
	return { date, technicianId: card.technicianId, technicians: await techniciansForDay(db.orm, actor.orgId, date, card.zoneId) };
}
