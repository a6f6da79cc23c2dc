/**
 * Exports: the RouterOS script that creates the PPPoE secrets (one card, or a zone's pending
 * activations) and a CSV of installations for a date range. Escaping lives in $lib/domain/exports.
 */
import { z } from 'zod';
import type { Database } from '../db';
import type { SessionUser } from '../auth';
import * as exportsDb from '../db/exports';
import type { SecretRow } from '../db/exports';
import * as zones from '../db/zones';
import { csvWithBom, pppSecretLine, routerOsScript, toCsv, type PppSecret } from '$lib/domain/exports';
import { addDays, todayIn } from '$lib/domain/dates';
import { civilDateSchema, uuidSchema } from '$lib/schemas/common';
import { STAGE_LABELS } from '$lib/domain/stages';
import { parseInput } from '../validation';
import { ServiceError, notFound } from './errors';
import { requireCoordinator } from './roles';
import { cardTarget, recordAudit } from './audit';

export interface Download {
	filename: string;
	contentType: string;
	body: string | Uint8Array;
}

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
	const row = await exportsDb.secretOf(db.orm, actor.orgId, id);
	if (!row) throw notFound('Esa instalación no existe.');
	if (!row.pppoeUser || !row.pppoePassword) {
		throw new ServiceError(422, `La instalación #${row.folio} no tiene usuario y contraseña PPPoE; llena los datos de conexión primero.`);
	}
	const body = script([row], `Secreto PPPoE de la instalación #${row.folio}`, actor);
	await recordAudit(db, actor, { kind: 'export_routeros', target: cardTarget(row), details: { rows: 1 } });
	return {
		filename: `pppoe-${row.folio}.rsc`,
		contentType: 'text/plain; charset=utf-8',
		body
	};
}

/** A zone's pending activations: scheduled or assigned cards with PPPoE data, not yet active. */
export async function routerOsForZone(db: Database, actor: SessionUser, rawZoneId: unknown): Promise<Download> {
	requireCoordinator(actor, 'exportar a RouterOS');
	const zoneId = parseInput(uuidSchema, rawZoneId);
	const zoneName = await zones.nameOf(db.orm, actor.orgId, zoneId);
	if (zoneName === null) throw notFound('Esa zona no existe.');
	const rows = await exportsDb.pendingSecrets(db.orm, actor.orgId, zoneId);
	const body = script(rows, `Activaciones pendientes de ${zoneName}`, actor);
	await recordAudit(db, actor, { kind: 'export_routeros', target: zoneName, details: { zone: zoneName, rows: rows.length } });
	return {
		filename: `pppoe-${safeName(zoneName)}.rsc`,
		contentType: 'text/plain; charset=utf-8',
		body
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
	const rows = await exportsDb.installationsBetween(db.orm, actor.orgId, desde, hasta);
	const data = rows.map((r) => ({ ...r, stage: STAGE_LABELS[r.stage] ?? r.stage }));
	await recordAudit(db, actor, { kind: 'export_csv', details: { desde, hasta, rows: rows.length } });
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
