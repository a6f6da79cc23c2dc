import { randomUUID, createHash } from 'node:crypto';
import type { Database, Executor } from '../db';
import * as filesDb from '../db/files';
import { getCard } from '../db/cards';
import type { SessionUser } from '../auth';
import type { FileCategory } from '../db/files';
import { setActor } from '../db/card-tx';
import { getStorage, type Storage } from '../storage';
import { parseInput } from '../validation';
import { uuidSchema } from '$lib/schemas/common';
import { CATEGORY_NAMES, SINGLE_CATEGORIES, uploadMetaSchema, type FileView } from '$lib/schemas/files';
import { ServiceError, forbidden, notFound } from './errors';
import { inScope, orgSettings } from './board';
import { prepareUpload } from './file-bytes';
import { cardTarget, recordAudit } from './audit';

export async function cardInScope(db: Database, actor: SessionUser, rawId: unknown) {
	const id = parseInput(uuidSchema, rawId);
	const card = await getCard(db, actor.orgId, id);
	if (!card || !inScope(actor, card)) throw notFound('Esa instalación no existe o no tienes acceso a ella.');
	return card;
}

export async function listFiles(db: Database, actor: SessionUser, installationId: unknown): Promise<FileView[]> {
	const card = await cardInScope(db, actor, installationId);
	return filesDb.list(db.orm, actor.orgId, card.id);
}

export interface StoreFileInput {
	orgId: string;
	installationId: string;
	category: FileCategory;
	name: string;
	mime: string;
	ext: string;
	bytes: Uint8Array;
	thumbnail: Uint8Array | null;
	uploadedBy: string | null;
}

/**
 * Writes the bytes to temp keys, inserts the row in the caller's transaction and only then
 * moves the bytes to their final keys; any failure removes every key, so no orphans either way.
 * `inTx` lets a caller add its own writes (e.g. the signed document) to the same transaction.
 */
export async function storeFile(
	db: Database,
	input: StoreFileInput,
	storage: Storage = getStorage(),
	inTx?: (tx: Executor, fileId: string) => Promise<void>,
	actorId?: string | null
): Promise<string> {
	const id = randomUUID();
	const finalKey = `${input.orgId}/${input.installationId}/${id}.${input.ext}`;
	const finalThumb = input.thumbnail ? `${input.orgId}/${input.installationId}/${id}.thumb.webp` : null;
	const tmpKey = `tmp/${id}.${input.ext}`;
	const tmpThumb = input.thumbnail ? `tmp/${id}.thumb.webp` : null;
	const keys = [tmpKey, finalKey, ...(tmpThumb ? [tmpThumb, finalThumb!] : [])];
	try {
		await storage.put(tmpKey, input.bytes, input.mime);
		if (tmpThumb) await storage.put(tmpThumb, input.thumbnail!, 'image/webp');
		await db.orm.transaction(async (tx) => {
			if (actorId) await setActor(tx, { id: actorId });
			const single = SINGLE_CATEGORIES.has(input.category);
			if (single) await filesDb.lockCategory(tx, input.installationId, input.category);
			const replaces = single ? (await filesDb.currentOf(tx, input.orgId, input.installationId, input.category)).map((r) => r.id) : [];
			await filesDb.insert(
				tx,
				{
					id,
					orgId: input.orgId,
					installationId: input.installationId,
					category: input.category,
					name: input.name,
					mime: input.mime,
					sizeBytes: input.bytes.byteLength,
					sha256: createHash('sha256').update(input.bytes).digest('hex'),
					storageKey: finalKey,
					thumbnailKey: finalThumb,
					uploadedBy: input.uploadedBy
				},
				replaces
			);
			if (inTx) await inTx(tx, id);
			// Last step inside the transaction: if the move fails, the row rolls back.
			await storage.move(tmpKey, finalKey);
			if (tmpThumb) await storage.move(tmpThumb, finalThumb!);
		});
		return id;
	} catch (err) {
		await storage.remove(keys).catch(() => {});
		throw err;
	}
}

export interface UploadInput {
	installationId: unknown;
	category: unknown;
	name?: unknown;
	fileName: string;
	bytes: Uint8Array;
}

export async function uploadFile(db: Database, actor: SessionUser, input: UploadInput, storage: Storage = getStorage()) {
	const card = await cardInScope(db, actor, input.installationId);
	const meta = parseInput(uploadMetaSchema, { category: input.category, name: input.name ?? '' });
	const settings = await orgSettings(db, actor.orgId);
	const prepared = await prepareUpload(input.bytes, input.fileName, settings.uploadMaxMb);
	const name = meta.category === 'otro' ? meta.name : CATEGORY_NAMES[meta.category];
	const id = await storeFile(
		db,
		{ orgId: actor.orgId, installationId: card.id, category: meta.category, name, ...prepared, uploadedBy: actor.id },
		storage,
		undefined,
		actor.id
	);
	return { id, name, category: meta.category, mime: prepared.mime, sizeBytes: prepared.bytes.byteLength };
}

export interface Download {
	bytes: Uint8Array;
	mime: string;
	fileName: string;
}

/** Only signed-in users of the same provider; technicians only for the cards assigned to them. */
export async function downloadFile(
	db: Database,
	actor: SessionUser | null,
	rawId: unknown,
	thumbnail = false,
	storage: Storage = getStorage(),
	how: 'view' | 'download' = 'view'
): Promise<Download> {
	if (!actor) throw new ServiceError(401, 'Inicia sesión para ver este archivo.');
	const id = parseInput(uuidSchema, rawId);
	const file = await filesDb.byId(db.orm, id);
	if (!file) throw notFound('Ese archivo no existe o se eliminó.');
	if (file.orgId !== actor.orgId || !inScope(actor, file)) throw forbidden('No tienes acceso a este archivo.');
	const key = thumbnail && file.thumbnailKey ? file.thumbnailKey : file.storageKey;
	const bytes = await storage.get(key);
	if (!bytes) throw notFound('No encontramos el contenido de este archivo. Avísale a un administrador.');
	const ext = key.split('.').pop();
	// Every look at a customer's file is personal data seen (LFPDPPP); thumbnails in the list are not recorded.
	if (!thumbnail) {
		await recordAudit(db, actor, {
			kind: how === 'download' ? 'file_downloaded' : 'file_viewed',
			target: cardTarget({ folio: file.folio, fullName: file.customerName }),
			details: { document: CATEGORY_NAMES[file.category] ?? file.category, file: `${file.name}.${ext}` }
		});
	}
	return { bytes, mime: thumbnail && file.thumbnailKey ? 'image/webp' : file.mime, fileName: `${file.name}.${ext}` };
}
