import type { Database } from '../db';
import type { SessionUser } from '../auth';
import { getCard, type CardRow } from '../db/cards';
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

function technicianOnly(actor: SessionUser) {
	if (actor.role !== 'technician') throw forbidden('Esta vista es para técnicos: entra con tu usuario de técnico.');
}

/** Their own card, or 404 (never tell a technician whether someone else's job exists). */
async function ownCard(db: Database, actor: SessionUser, rawId: unknown): Promise<CardRow> {
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
	const rows = await db.query<JobSummary & Record<string, string | null>>(
		`select i.id, i.folio::int as folio, i.stage, i.full_name as "fullName", i.addr_colonia as colonia,
			i.addr_sm as sm, i.addr_mz as mz, i.addr_lt as lt, i.addr_ext as ext, i.addr_int as int, i.addr_building as building,
			i.addr_street as street, i.addr_city as city,
			i.installation_date::text as "installationDate", i.installation_time as "installationTime", i.route_order as "routeOrder",
			p.name as "planName", (i.completed_at is not null or i.stage = 'activa') as done
		 from installations i left join plans p on p.id = i.plan_id
		 where i.org_id = $1 and i.technician_id = $2
			and (i.stage in ('agendada', 'asignada', 'firmada')
				or (i.stage = 'activa' and (i.stage_changed_at at time zone $3)::date = $4::date))
		 order by i.installation_date nulls last, i.route_order nulls last, i.installation_time nulls last, i.folio`,
		[actor.orgId, actor.id, actor.timeZone, today]
	);
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
	const [extra] = await db.query<{
		wifiPassword: string | null;
		externalId: string | null;
		signalNotes: string | null;
		rooftopAccess: boolean | null;
		rooftopKey: string | null;
		fiberCrossing: boolean | null;
		fiberCrossingNote: string | null;
		modemNearOutlet: boolean | null;
		comments: string | null;
		photos: number;
	}>(
		`select wifi_password as "wifiPassword", external_id as "externalId", signal_notes as "signalNotes", rooftop_access as "rooftopAccess",
			rooftop_key as "rooftopKey", fiber_crossing as "fiberCrossing", fiber_crossing_note as "fiberCrossingNote",
			modem_near_outlet as "modemNearOutlet", comments,
			(select count(*)::int from files f where f.installation_id = i.id and f.category = 'foto_instalacion' and f.superseded_at is null) as photos
		 from installations i where i.id = $1 and i.org_id = $2`,
		[card.id, actor.orgId]
	);
	const addons = await db.query<JobAddon>(
		`select a.kind, p.name as "planName", a.username, a.password, a.phone_number as "phoneNumber", a.tv_type as "tvType",
			host(a.ip) as ip, a.external_id as "externalId", a.onu_serial as "onuSerial"
		 from addon_services a left join plans p on p.id = a.plan_id where a.installation_id = $1 and a.org_id = $2 order by a.kind`,
		[card.id, actor.orgId]
	);
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
	const cols = {
		dni: 'dni',
		cpeMac: 'cpe_mac',
		onuSerial: 'onu_serial',
		routerModel: 'router_model',
		signalNotes: 'signal_notes'
	} as const;
	// Only the fields the form sent: a draft with one field must not blank the others.
	const sent = (Object.keys(cols) as (keyof typeof cols)[]).filter((k) => input[k] !== undefined);
	if (!sent.length) return { version: card.version };
	return db.begin(async (tx) => {
		await tx.query(`select set_config('app.actor_id', $1, true)`, [actor.id]);
		const [row] = await tx.query<{ version: number }>(
			`update installations set ${sent.map((k, i) => `${cols[k]} = $${i + 3}`).join(', ')}, updated_at = now()
			 where id = $1 and org_id = $2 returning version`,
			[card.id, actor.orgId, ...sent.map((k) => input[k] ?? null)]
		);
		return { version: row.version };
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
		await tx.query(`select set_config('app.actor_id', $1, true)`, [actor.id]);
		await tx.query(
			`update installations set completed_at = coalesce(completed_at, now()), completed_by = coalesce(completed_by, $3), updated_at = now()
			 where id = $1 and org_id = $2`,
			[card.id, actor.orgId, actor.id]
		);
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
