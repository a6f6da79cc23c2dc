/**
 * A customer's ARCO rights over their personal data (LFPDPPP): Acceso is the export of everything
 * held about one card, as a zip of a JSON file and the customer's files; Cancelación is the
 * erasure, which deletes the files and replaces the person's data with neutral values while the
 * card's numbers, dates and stage history stay for the provider's accounting. Admin only, audited.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Database } from '../db';
import type { SessionUser } from '../auth';
import * as personalData from '../db/personal-data';
import { insertCardHistory } from '../db/history';
import { setActor } from '../db/card-tx';
import { getStorage, type Storage } from '../storage';
import { parseInput } from '../validation';
import { uuidSchema } from '$lib/schemas/common';
import { eraseSchema } from '$lib/schemas/arco';
import { confirmsErase, eraseConfirmation } from '$lib/domain/arco';
import { ServiceError, forbidden, notFound } from './errors';
import { cardTarget, recordAudit } from './audit';
import { releaseIp } from './ip-allocation';

function requireAdmin(actor: SessionUser) {
	if (actor.role !== 'admin') throw forbidden('Solo un administrador puede exportar o eliminar los datos personales de un cliente.');
}

const NOT_FOUND = 'Esa instalación no existe o no tienes acceso a ella.';

/** A file name any system can unzip: letters, digits, dashes; the rest becomes «_». */
const safe = (name: string) =>
	name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^A-Za-z0-9._-]+/g, '_')
		.slice(0, 60) || 'archivo';

export interface ArcoExport {
	filename: string;
	contentType: string;
	body: Uint8Array;
}

/** Everything the provider holds about the customer of card `rawId`, as one zip; the export is audited. */
export async function exportPersonalData(
	db: Database,
	actor: SessionUser,
	rawId: unknown,
	storage: Storage = getStorage(),
	now = new Date()
): Promise<ArcoExport> {
	requireAdmin(actor);
	const id = parseInput(uuidSchema, rawId);
	const data = await personalData.exportOf(db, actor.orgId, id);
	if (!data) throw notFound(NOT_FOUND);
	const folio = Number(data.installation.folio);
	const zip: Zippable = {};
	const files = [];
	for (const f of await personalData.filesOf(db, actor.orgId, id)) {
		const bytes = await storage.get(f.storageKey);
		const ext = f.storageKey.split('.').pop();
		const path = `archivos/${f.category}-${f.id.slice(0, 8)}-${safe(f.name)}.${ext}`;
		if (bytes) zip[path] = [bytes, { level: 0 }];
		files.push({ id: f.id, category: f.category, name: f.name, mime: f.mime, path: bytes ? path : null });
	}
	const json = {
		formato: 'tablero-arco-1',
		exportadoEl: now.toISOString(),
		proveedor: actor.orgName,
		exportadoPor: actor.name,
		instalacion: data.installation,
		relacionados: data.related,
		archivos: files
	};
	zip['datos.json'] = strToU8(JSON.stringify(json, null, 2));
	const body = zipSync(zip, { level: 6, mtime: now });
	await recordAudit(db, actor, {
		kind: 'personal_data_exported',
		target: cardTarget({ folio, fullName: String(data.installation.full_name ?? '') }),
		details: { files: files.length }
	});
	return { filename: `datos-personales-${folio}-${now.toISOString().slice(0, 10)}.zip`, contentType: 'application/zip', body };
}

export interface EraseResult {
	folio: number;
	files: number;
	releasedIp: string | null;
}

/**
 * Erases the customer's personal data from card `rawId`, in one transaction: files (rows and
 * bytes), contact, address, location, IDs, their passwords and notes, and every history row or
 * message that quotes them. The card's own UPDATE broadcasts the change to open boards. An active
 * service keeps its IP address (the network still routes it); any other card releases it.
 */
export async function erasePersonalData(
	db: Database,
	actor: SessionUser,
	rawId: unknown,
	raw: unknown,
	storage: Storage = getStorage()
): Promise<EraseResult> {
	requireAdmin(actor);
	const id = parseInput(uuidSchema, rawId);
	const input = parseInput(eraseSchema, raw);
	return db.begin(async (tx) => {
		await setActor(tx, actor);
		const card = await personalData.lockCustomer(tx, actor.orgId, id);
		if (!card) throw notFound(NOT_FOUND);
		if (!confirmsErase(input.confirm, card.folio)) {
			const msg = `Para confirmar escribe exactamente «${eraseConfirmation(card.folio)}».`;
			throw new ServiceError(400, msg, { confirm: [msg] });
		}
		const files = await personalData.deleteFiles(tx, actor.orgId, id, null);
		const releasedIp = card.stage === 'activa' ? null : await releaseIp(tx, actor.orgId, id);
		await personalData.anonymiseCard(tx, id);
		await personalData.scrubRelated(tx, actor.orgId, id);
		await insertCardHistory(tx, {
			orgId: actor.orgId,
			installationId: id,
			userId: actor.id,
			kind: 'field',
			field: 'arco',
			newValue: input.reason,
			source: 'tarjeta'
		});
		await personalData.scrubBoardEvents(tx, actor.orgId, id);
		await recordAudit(tx, actor, {
			kind: 'personal_data_erased',
			target: `#${card.folio}`,
			details: { reason: input.reason, files: files.length }
		});
		// Last step inside the transaction: if the store refuses, nothing above is kept and the admin retries.
		await storage.remove(files.flatMap((f) => (f.thumbnailKey ? [f.storageKey, f.thumbnailKey] : [f.storageKey])));
		return { folio: card.folio, files: files.length, releasedIp };
	});
}
