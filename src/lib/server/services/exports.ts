/**
 * Exports: the RouterOS script that creates the PPPoE secrets (one card, or a zone's pending
 * activations) and a CSV of installations for a date range. Escaping lives in $lib/domain/exports.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db';
import type { SessionUser } from '../auth';
import { firstOf, rowsOf } from '../db/card-tx';
import { csvWithBom, pppSecretLine, routerOsScript, toCsv, type PppSecret } from '$lib/domain/exports';
import { addDays, todayIn } from '$lib/domain/dates';
import { civilDateSchema, uuidSchema } from '$lib/schemas/common';
import { STAGE_LABELS, type Stage } from '$lib/domain/stages';
import { parseInput } from '../validation';
import { ServiceError, notFound } from './errors';
import { requireCoordinator } from './roles';

export interface Download {
	filename: string;
	contentType: string;
	body: string | Uint8Array;
}

interface SecretRow {
	folio: number;
	fullName: string;
	pppoeUser: string | null;
	pppoePassword: string | null;
	profile: string | null;
	ip: string | null;
	zoneName: string | null;
}

const SECRET_SELECT = sql`select i.folio::int as folio, i.full_name as "fullName", i.pppoe_user as "pppoeUser",
	i.pppoe_password as "pppoePassword", p.routeros_profile as profile, host(i.ip) as ip, z.name as "zoneName"
	from installations i left join plans p on p.id = i.plan_id left join zones z on z.id = i.zone_id`;

function toSecret(r: SecretRow): PppSecret {
	return {
		name: r.pppoeUser ?? '',
		password: r.pppoePassword ?? '',
		profile: r.profile,
		remoteAddress: r.ip,
		comment: `#${r.folio} ${r.fullName}`
	};
}

function safeName(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/[^A-Za-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.toLowerCase();
}

function script(rows: SecretRow[], title: string, actor: SessionUser): string {
	const secrets = rows.map(toSecret);
	try {
		secrets.forEach(pppSecretLine);
	} catch (e) {
		throw new ServiceError(422, (e as Error).message);
	}
	return routerOsScript(secrets, { title, generatedOn: todayIn(actor.timeZone) });
}

export async function routerOsForCard(db: Database, actor: SessionUser, rawId: unknown): Promise<Download> {
	requireCoordinator(actor, 'exportar a RouterOS');
	const id = parseInput(uuidSchema, rawId);
	const row = await firstOf<SecretRow>(db.orm, sql`${SECRET_SELECT} where i.org_id = ${actor.orgId} and i.id = ${id}`);
	if (!row) throw notFound('Esa instalación no existe.');
	if (!row.pppoeUser || !row.pppoePassword) {
		throw new ServiceError(422, `La instalación #${row.folio} no tiene usuario y contraseña PPPoE; llena los datos de conexión primero.`);
	}
	return {
		filename: `pppoe-${row.folio}.rsc`,
		contentType: 'text/plain; charset=utf-8',
		body: script([row], `Secreto PPPoE de la instalación #${row.folio}`, actor)
	};
}

/** A zone's pending activations: scheduled or assigned cards with PPPoE data, not yet active. */
export async function routerOsForZone(db: Database, actor: SessionUser, rawZoneId: unknown): Promise<Download> {
	requireCoordinator(actor, 'exportar a RouterOS');
	const zoneId = parseInput(uuidSchema, rawZoneId);
	const zone = await firstOf<{ name: string }>(db.orm, sql`select name from zones where org_id = ${actor.orgId} and id = ${zoneId}`);
	if (!zone) throw notFound('Esa zona no existe.');
	const rows = await rowsOf<SecretRow>(
		db.orm,
		sql`${SECRET_SELECT} where i.org_id = ${actor.orgId} and i.zone_id = ${zoneId}
			and i.stage in ('agendada', 'asignada', 'firmada') and i.pppoe_user is not null and i.pppoe_password is not null
			order by i.installation_date nulls last, i.folio`
	);
	return {
		filename: `pppoe-${safeName(zone.name)}.rsc`,
		contentType: 'text/plain; charset=utf-8',
		body: script(rows, `Activaciones pendientes de ${zone.name}`, actor)
	};
}

const rangeSchema = z
	.object({
		desde: civilDateSchema('Escribe la fecha inicial como AAAA-MM-DD, una que exista en el calendario.'),
		hasta: civilDateSchema('Escribe la fecha final como AAAA-MM-DD, una que exista en el calendario.')
	})
	.refine((r) => r.desde <= r.hasta, { message: 'La fecha inicial debe ser anterior o igual a la final.', path: ['hasta'] })
	.refine((r) => r.hasta <= addDays(r.desde, 366), { message: 'Exporta como máximo un año a la vez.', path: ['hasta'] });

const CSV_COLUMNS = [
	{ key: 'folio', label: 'Folio' },
	{ key: 'fullName', label: 'Nombre' },
	{ key: 'stage', label: 'Etapa' },
	{ key: 'phone', label: 'Teléfono' },
	{ key: 'email', label: 'Correo' },
	{ key: 'address', label: 'Dirección' },
	{ key: 'city', label: 'Ciudad' },
	{ key: 'zoneName', label: 'Zona' },
	{ key: 'planName', label: 'Plan' },
	{ key: 'contractType', label: 'Contrato' },
	{ key: 'registeredOn', label: 'Fecha de registro' },
	{ key: 'installationDate', label: 'Fecha de instalación' },
	{ key: 'technicianName', label: 'Técnico' },
	{ key: 'pppoeUser', label: 'Usuario PPPoE' },
	{ key: 'ip', label: 'IP' }
];

/** Installations whose installation date (or, without one, registration date) is in the range. */
export async function installationsCsv(db: Database, actor: SessionUser, raw: unknown): Promise<Download> {
	requireCoordinator(actor, 'exportar instalaciones');
	const { desde, hasta } = parseInput(rangeSchema, raw);
	const rows = await rowsOf<Record<string, unknown> & { stage: Stage }>(
		db.orm,
		sql`select i.folio::int as folio, i.full_name as "fullName", i.stage, i.phone, i.email,
			concat_ws(', ', 'SM ' || i.addr_sm, 'MZ ' || i.addr_mz, 'LT ' || i.addr_lt, '#' || i.addr_ext, i.addr_street, i.addr_colonia) as address,
			i.addr_city as city, z.name as "zoneName", p.name as "planName", i.contract_type as "contractType",
			i.registered_on::text as "registeredOn", i.installation_date::text as "installationDate", u.name as "technicianName",
			i.pppoe_user as "pppoeUser", host(i.ip) as ip
		 from installations i left join zones z on z.id = i.zone_id left join plans p on p.id = i.plan_id
		 left join users u on u.id = i.technician_id
		 where i.org_id = ${actor.orgId} and coalesce(i.installation_date, i.registered_on) between ${desde}::date and ${hasta}::date
		 order by coalesce(i.installation_date, i.registered_on), i.folio`
	);
	const data = rows.map((r) => ({ ...r, stage: STAGE_LABELS[r.stage] ?? r.stage }));
	return {
		filename: `instalaciones-${desde}-a-${hasta}.csv`,
		contentType: 'text/csv; charset=utf-8',
		body: csvWithBom(toCsv(data, CSV_COLUMNS))
	};
}

/** The HTTP response of a download; endpoints stay one line. */
export function downloadResponse(d: Download): Response {
	return new Response(typeof d.body === 'string' ? d.body : (d.body as BodyInit), {
		headers: {
			'content-type': d.contentType,
			'content-disposition': `attachment; filename="${d.filename}"`,
			'cache-control': 'no-store'
		}
	});
}
