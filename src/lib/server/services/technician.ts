import type { Database } from '../db';
import type { SessionUser } from '../auth';
import { getCard, type CardRow } from '../db/cards';
import * as technician from '../db/technician';
import { setActor } from '../db/card-tx';
import { parseInput } from '../validation';
import { uuidSchema } from '$lib/schemas/common';
import { jobFieldsSchema, type CompleteResult, type JobAddon, type JobDetail, type JobSummary } from '$lib/schemas/technician';

export type { CompleteResult, JobAddon, JobDetail, JobSummary };
import { requirementsFor, stageLabel, type Stage } from '$lib/domain/stages';
import { composeAddress } from '$lib/domain/address';
import { todayIn } from '$lib/domain/dates';
import { moveCard } from './moves';
import { orgSettings } from './board';
import { ServiceError, forbidden, notFound } from './errors';
import * as notify from './notify';

function technicianOnly(actor: SessionUser) {
	if (actor.role !== 'technician') throw forbidden('Esta vista es para técnicos: entra con tu usuario de técnico.');
}

/** Their own card, or 404 (never tell a technician whether someone else's job exists). */
export async function ownCard(db: Database, actor: SessionUser, rawId: unknown): Promise<CardRow> {
	technicianOnly(actor);
	const id = parseInput(uuidSchema, rawId);
	const card = await getCard(db, actor.orgId, id);
	if (!card || card.technicianId !== actor.id) throw notFound('Esa instalación no existe o no está asignada a ti.');
	return card;
}

/** Today's, overdue and upcoming jobs in route order; jobs finished today stay visible. */
export async function listJobs(db: Database, actor: SessionUser): Promise<{ today: string; jobs: JobSummary[] }> {
	technicianOnly(actor);
	const today = todayIn(actor.timeZone);
	const rows = await technician.jobs(db, actor.orgId, actor.id, actor.timeZone, today);
	const jobs = rows.map((r) => ({
		id: r.id,
		folio: r.folio,
		stage: r.stage,
		fullName: r.fullName,
		colonia: r.colonia,
		address: composeAddress({
			sm: r.sm,
			mz: r.mz,
			lt: r.lt,
			ext: r.ext,
			int: r.int,
			building: r.building,
			street: r.street,
			colonia: r.colonia,
			city: r.city
		}),
		installationDate: r.installationDate,
		installationTime: r.installationTime,
		routeOrder: r.routeOrder,
		planName: r.planName,
		done: !!r.done
	}));
	return { today, jobs };
}

export async function getJob(db: Database, actor: SessionUser, rawId: unknown): Promise<JobDetail> {
	const card = await ownCard(db, actor, rawId);
	const extra = await technician.jobExtra(db, actor.orgId, card.id);
	const addons = await technician.addons(db, actor.orgId, card.id);
	const settings = await orgSettings(db, actor.orgId);
	const parts = {
		sm: card.addrSm ?? null,
		mz: card.addrMz ?? null,
		lt: card.addrLt ?? null,
		ext: card.addrExt ?? null,
		int: card.addrInt ?? null,
		building: card.addrBuilding ?? null,
		street: card.addrStreet ?? null,
		colonia: card.addrColonia ?? null,
		city: card.addrCity ?? null
	};
	const candidate = { ...card, completedAt: card.completedAt ?? 'pendiente' };
	return {
		id: card.id,
		folio: card.folio,
		stage: card.stage,
		version: card.version,
		fullName: card.fullName,
		phone: card.phone ?? null,
		phoneAlt: card.phoneAlt ?? null,
		address: composeAddress(parts),
		addressParts: parts,
		lat: card.lat ?? null,
		lng: card.lng ?? null,
		zoneName: card.zoneName,
		serviceType: card.serviceType,
		planName: card.planName,
		installationDate: card.installationDate ?? null,
		installationTime: card.installationTime,
		pppoeUser: card.pppoeUser ?? null,
		pppoePassword: card.pppoePassword ?? null,
		wifiPassword: extra.wifiPassword,
		ip: card.ip ?? null,
		externalId: extra.externalId,
		addons,
		special: {
			rooftopAccess: extra.rooftopAccess,
			rooftopKey: extra.rooftopKey,
			fiberCrossing: extra.fiberCrossing,
			fiberCrossingNote: extra.fiberCrossingNote,
			modemNearOutlet: extra.modemNearOutlet,
			comments: extra.comments
		},
		fields: {
			dni: card.dni,
			cpeMac: card.cpeMac,
			onuSerial: card.onuSerial,
			routerModel: card.routerModel,
			signalNotes: extra.signalNotes
		},
		completedAt: card.completedAt ?? null,
		sheetSignedAt: card.sheetSignedAt ?? null,
		photos: extra.photos,
		arrivedAt: extra.arrivedAt ? new Date(extra.arrivedAt).toISOString() : null,
		arrivedCoords: extra.arrivedLat !== null && extra.arrivedLng !== null ? { lat: extra.arrivedLat, lng: extra.arrivedLng } : null,
		missing: card.stage === 'activa' ? [] : requirementsFor(candidate, 'activa', settings).map((r) => r.message)
	};
}

/** Saves what the installer captured; the board sees it live through the installations trigger. */
export async function saveJobFields(db: Database, actor: SessionUser, rawId: unknown, raw: unknown): Promise<{ version: number }> {
	const card = await ownCard(db, actor, rawId);
	const input = parseInput(jobFieldsSchema, raw);
	if (card.stage === 'activa' || card.stage === 'cancelada') {
		throw new ServiceError(409, `Esta instalación ya está en «${stageLabel(card.stage)}»: pide al coordinador que corrija los datos.`);
	}
	// Only the fields the form sent: a draft with one field must not blank the others.
	if (!technician.EQUIPMENT_FIELDS.some((k) => input[k] !== undefined)) return { version: card.version };
	return db.begin(async (tx) => {
		await setActor(tx, actor);
		return { version: await technician.saveEquipment(tx, actor.orgId, card.id, input) };
	});
}

/**
 * "Instalación completada": records who finished and when, then moves the card as far as the
 * stage rules allow (Firmada first when the sheet is signed, then Activa). Missing equipment data
 * is the technician's to fill, so that refusal writes nothing.
 */
export async function completeJob(db: Database, actor: SessionUser, rawId: unknown): Promise<CompleteResult> {
	const card = await ownCard(db, actor, rawId);
	if (card.stage !== 'asignada' && card.stage !== 'firmada') {
		const message =
			card.stage === 'activa'
				? 'Esta instalación ya está activa.'
				: `Esta instalación está en «${stageLabel(card.stage)}»: solo puedes terminar instalaciones asignadas o firmadas.`;
		return { ok: false, message, reasons: [] };
	}
	const settings = await orgSettings(db, actor.orgId);
	const equipment = requirementsFor({ ...card, completedAt: 'ahora' }, 'activa', settings).filter((r) => r.key.startsWith('equipment:'));
	if (equipment.length) {
		return {
			ok: false,
			message: 'Faltan datos del equipo: captúralos y guarda antes de terminar.',
			reasons: equipment.map((r) => r.message)
		};
	}
	await db.begin(async (tx) => {
		await setActor(tx, actor);
		await technician.markCompleted(tx, actor.orgId, card.id, actor.id);
		await notify.jobCompleted(tx, actor.id, card.id);
	});
	let stage: Stage = card.stage;
	const current = async () => (await getCard(db, actor.orgId, card.id))!;
	if (stage === 'asignada' && card.sheetSignedAt) {
		const c = await current();
		const res = await moveCard(db, actor, { cardId: c.id, toStage: 'firmada', version: c.version });
		if (res.ok) stage = 'firmada';
	}
	const c = await current();
	const res = await moveCard(db, actor, { cardId: c.id, toStage: 'activa', version: c.version });
	if (res.ok) return { ok: true, stage: 'activa', reasons: [] };
	return { ok: true, stage, reasons: res.reasons };
}
