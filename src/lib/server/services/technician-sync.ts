/**
 * What a technician's phone queued without signal, applied when it comes back: each action once
 * (its key is recorded with the answer, in the action's own transaction where it has one) and
 * never over an office edit made meanwhile (the equipment fields merge three ways).
 */
import type { Database } from '../db';
import type { SessionUser } from '../auth';
import type { Storage } from '../storage';
import { getStorage } from '../storage';
import * as applied from '../db/applied-actions';
import * as technician from '../db/technician';
import { setActor } from '../db/card-tx';
import { parseInput } from '../validation';
import { mergeFields } from '$lib/domain/field-merge';
import { stageLabel } from '$lib/domain/stages';
import type { QueuedActionKind } from '$lib/domain/queued-actions';
import { CATEGORY_NAMES } from '$lib/schemas/files';
import {
	idempotencyKeySchema,
	queuedActionSchema,
	type QueuedArrivalResult,
	type QueuedCompleteResult,
	type QueuedFieldsResult,
	type QueuedPhotoResult,
	type QueuedResult
} from '$lib/schemas/technician-sync';
import { completeJob, ownCard } from './technician';
import { orgSettings } from './board';
import { prepareUpload } from './file-bytes';
import { storeFile } from './files';
import { ServiceError } from './errors';

/** The answer a key already got, or null; a key reused for another job or kind is a client bug, refused. */
async function earlier(db: Database, actor: SessionUser, key: string, installationId: string, kind: QueuedActionKind) {
	const row = await applied.find(db, actor.id, key);
	if (!row) return null;
	if (row.installationId !== installationId || row.kind !== kind) {
		throw new ServiceError(409, 'Este envío ya se usó para otro cambio. Recarga la página.');
	}
	return row.result as QueuedResult;
}

/** After a failed write: a concurrent replay of the same key may have won; its answer is the answer. */
async function orWinner(db: Database, actor: SessionUser, key: string, err: unknown): Promise<QueuedResult> {
	const row = await applied.find(db, actor.id, key);
	if (row) return row.result as QueuedResult;
	throw err;
}

export async function applyQueuedAction(db: Database, actor: SessionUser, rawId: unknown, raw: unknown): Promise<QueuedResult> {
	const card = await ownCard(db, actor, rawId);
	const action = parseInput(queuedActionSchema, raw);
	const done = await earlier(db, actor, action.key, card.id, action.kind);
	if (done) return done;
	const record = { userId: actor.id, key: action.key, orgId: actor.orgId, installationId: card.id, kind: action.kind };

	if (action.kind === 'completar') {
		// Completing is itself idempotent (the first completion is kept; an active card is not moved
		// again), so the key is recorded after it: a lost answer replays to the same outcome.
		const res: QueuedCompleteResult = { kind: 'completar', ...(await completeJob(db, actor, card.id)) };
		await applied.record(db, { ...record, result: res }).catch((err) => orWinner(db, actor, action.key, err));
		return res;
	}
	if (card.stage === 'activa' || card.stage === 'cancelada') {
		throw new ServiceError(409, `Esta instalación ya está en «${stageLabel(card.stage)}»: pide al coordinador que corrija los datos.`);
	}
	try {
		return await db.begin(async (tx) => {
			await setActor(tx, actor);
			let result: QueuedFieldsResult | QueuedArrivalResult;
			if (action.kind === 'campos') {
				const current = await technician.lockEquipment(tx, actor.orgId, card.id);
				const { apply, conflicts } = mergeFields(current, action.base, action.fields);
				const version = Object.keys(apply).length ? await technician.saveEquipment(tx, actor.orgId, card.id, apply) : card.version;
				result = { kind: 'campos', version, conflicts };
			} else {
				result = { kind: 'llegada', arrivedAt: await technician.markArrived(tx, actor.orgId, card.id, action.at, action.coords) };
			}
			await applied.record(tx, { ...record, result });
			return result;
		});
	} catch (err) {
		return orWinner(db, actor, action.key, err);
	}
}

/** A photo taken offline, sent with its key: the file row and the key are written in one transaction. */
export async function uploadQueuedPhoto(
	db: Database,
	actor: SessionUser,
	input: { installationId: unknown; key: unknown; fileName: string; bytes: Uint8Array },
	storage: Storage = getStorage()
): Promise<QueuedPhotoResult> {
	const card = await ownCard(db, actor, input.installationId);
	const key = parseInput(idempotencyKeySchema, input.key);
	const done = await earlier(db, actor, key, card.id, 'foto');
	if (done) return done as QueuedPhotoResult;
	const settings = await orgSettings(db, actor.orgId);
	const prepared = await prepareUpload(input.bytes, input.fileName, settings.uploadMaxMb);
	if (!prepared.thumbnail) throw new ServiceError(415, 'Aquí solo van fotos de la instalación (JPG, PNG o WebP).');
	let result: QueuedPhotoResult | null = null;
	try {
		await storeFile(
			db,
			{
				orgId: actor.orgId,
				installationId: card.id,
				category: 'foto_instalacion',
				name: CATEGORY_NAMES.foto_instalacion,
				...prepared,
				uploadedBy: actor.id
			},
			storage,
			async (tx, fileId) => {
				result = { kind: 'foto', id: fileId, sizeBytes: prepared.bytes.byteLength };
				await applied.record(tx, { userId: actor.id, key, orgId: actor.orgId, installationId: card.id, kind: 'foto', result });
			},
			actor.id
		);
	} catch (err) {
		return (await orWinner(db, actor, key, err)) as QueuedPhotoResult;
	}
	return result!;
}
