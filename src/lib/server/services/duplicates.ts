import type { Database } from '../db';
import type { RawRunner } from '../db/client';
import type { SessionUser } from '../auth';
import * as duplicates from '../db/duplicates';
import * as merge from '../db/duplicate-merge';
import * as cancellations from '../db/cancellations';
import { lockCategory, type FileCategory } from '../db/files';
import { dbValueOf, readCardFields, writeCardField, type LockedCard } from '../db/card-fields';
import { insertCardHistory } from '../db/history';
import * as cards from '../db/cards';
import { reasonLabel } from '$lib/domain/cancel-reasons';
import { DUPLICATE_RECENT_DAYS, MERGE_FILL_FIELDS, mergeFill, sharedLabel } from '$lib/domain/duplicates';
import { duplicateActionSchema } from '$lib/schemas/duplicates';
import { SINGLE_CATEGORIES } from '$lib/schemas/files';
import { uuidSchema } from '$lib/schemas/common';
import type { CardField } from '$lib/schemas/card';
import type { DuplicateView } from '$lib/types/duplicates';
import { parseInput } from '../validation';
import { actAs } from './card-edit';
import { forbidden, notFound, ServiceError } from './errors';

const OFFICE = ['admin', 'coordinator', 'agent'];
const SOURCE = 'duplicados';

const note = (tx: RawRunner, orgId: string, installationId: string, userId: string | null, text: string) =>
	insertCardHistory(tx, { orgId, installationId, userId, kind: 'field', field: 'duplicado', newValue: text, source: SOURCE });

/**
 * Flags a card just created as a possible duplicate of every open or recently closed card of its
 * provider sharing a phone or the email; both cards get a history line. Every way a card is created
 * (the board's form, the public form, an import) calls this in the creating transaction.
 */
export async function flagDuplicates(tx: RawRunner, orgId: string, cardId: string, folio: number, userId: string | null): Promise<number> {
	const matches = await duplicates.matchesOf(tx, orgId, cardId, DUPLICATE_RECENT_DAYS);
	let flagged = 0;
	for (const other of matches) {
		if (!(await duplicates.flag(tx, { orgId, olderId: other.id, newerId: cardId, matchedOn: other.matchedOn }))) continue;
		flagged++;
		const why = sharedLabel(other.matchedOn);
		await note(tx, orgId, cardId, userId, `Posible duplicado de #${other.folio} (${why})`);
		await note(tx, orgId, other.id, userId, `Posible duplicado de #${folio} (${why})`);
	}
	return flagged;
}

/** The open duplicate pairs a card's panel shows (office roles; a technician's job shows none). */
export async function openDuplicates(db: Database, actor: SessionUser, cardId: string): Promise<DuplicateView[]> {
	if (!OFFICE.includes(actor.role)) return [];
	return duplicates.openFor(db, actor.orgId, cardId);
}

interface Locked {
	pair: duplicates.DuplicatePairRow;
	older: LockedCard & { folio: number };
	newer: LockedCard & { folio: number };
}

/**
 * Locks both cards of the pair (in id order, so two people acting on overlapping pairs wait for
 * each other instead of deadlocking), then the pair, and checks it is still open: of two people
 * resolving it at once, the second gets a 409 naming what the first did.
 */
async function lockPair(tx: RawRunner, actor: SessionUser, cardId: string, pairId: string): Promise<Locked> {
	const seen = await duplicates.pairOf(tx, actor.orgId, pairId);
	if (!seen || (seen.olderId !== cardId && seen.newerId !== cardId)) {
		throw notFound('Ese aviso de duplicado no existe o ya no es de esta tarjeta: recarga la tarjeta.');
	}
	const locked = new Map<string, LockedCard>();
	for (const id of [seen.olderId, seen.newerId].sort()) {
		const card = await readCardFields(tx, actor.orgId, id, true);
		if (!card) throw notFound('Una de las dos tarjetas ya no existe: recarga la tarjeta.');
		locked.set(id, card);
	}
	const pair = (await duplicates.pairOf(tx, actor.orgId, pairId, true))!;
	if (pair.status !== 'open') {
		const who = (await duplicates.userName(tx, pair.resolvedBy)) ?? 'Otra persona';
		throw new ServiceError(
			409,
			pair.status === 'merged'
				? `${who} ya fusionó estas dos tarjetas. Recarga la tarjeta para ver el resultado.`
				: `${who} ya marcó estas tarjetas como «No es duplicado». Recarga la tarjeta.`
		);
	}
	const folioOf = (c: LockedCard) => Number(c.raw.folio);
	const older = locked.get(pair.olderId)!;
	const newer = locked.get(pair.newerId)!;
	return { pair, older: { ...older, folio: folioOf(older) }, newer: { ...newer, folio: folioOf(newer) } };
}

export interface DuplicateResult {
	action: 'fusionar' | 'descartar';
	/** The card that stays (the older one on a merge). */
	keptId: string;
	keptFolio: number;
	cancelledId: string | null;
}

/** «Fusionar» or «No es duplicado» on one of the card's pairs (office roles). */
export async function resolveDuplicate(db: Database, actor: SessionUser, rawCardId: unknown, raw: unknown): Promise<DuplicateResult> {
	if (!OFFICE.includes(actor.role)) throw forbidden('Solo la oficina puede fusionar tarjetas o marcarlas como «No es duplicado».');
	const cardId = parseInput(uuidSchema, rawCardId);
	const input = parseInput(duplicateActionSchema, raw);
	return db.begin(async (tx) => {
		await actAs(tx, actor);
		const { pair, older, newer } = await lockPair(tx, actor, cardId, input.pairId);
		if (input.action === 'descartar') {
			await duplicates.resolve(tx, pair.id, 'dismissed', actor.id);
			await note(tx, actor.orgId, older.id, actor.id, `No es duplicado de #${newer.folio}`);
			await note(tx, actor.orgId, newer.id, actor.id, `No es duplicado de #${older.folio}`);
			return { action: input.action, keptId: cardId, keptFolio: cardId === older.id ? older.folio : newer.folio, cancelledId: null };
		}
		await mergeInto(tx, actor, older, newer);
		await duplicates.resolve(tx, pair.id, 'merged', actor.id);
		return { action: input.action, keptId: older.id, keptFolio: older.folio, cancelledId: newer.id };
	});
}

/** Keeps the older card: the newer one's customer data fills its gaps, its files and log move over, and it is cancelled. */
async function mergeInto(tx: RawRunner, actor: SessionUser, older: Locked['older'], newer: Locked['newer']) {
	if (older.stage === 'cancelada') {
		throw new ServiceError(
			409,
			`La tarjeta #${older.folio} está cancelada: no se puede fusionar en ella. Si es el mismo cliente que volvió, marca «No es duplicado» y sigue con #${newer.folio}.`
		);
	}
	if (newer.stage === 'cancelada') throw new ServiceError(409, `La tarjeta #${newer.folio} ya está cancelada: no hay nada que fusionar.`);
	if (newer.stage === 'activa') {
		throw new ServiceError(409, `La tarjeta #${newer.folio} ya está activa: no se puede cancelar como duplicado.`);
	}
	const valuesOf = (c: LockedCard) =>
		Object.fromEntries(([...MERGE_FILL_FIELDS, 'phone', 'comments'] as CardField[]).map((f) => [f, dbValueOf(c, f)]));
	const fills = mergeFill(valuesOf(older), valuesOf(newer), newer.folio);
	for (const { field, value } of fills) {
		const before = dbValueOf(older, field as CardField);
		await writeCardField(tx, older, field as CardField, value);
		await insertCardHistory(tx, {
			orgId: actor.orgId,
			installationId: older.id,
			userId: actor.id,
			kind: 'field',
			field,
			oldValue: before ?? null,
			newValue: value,
			source: `${SOURCE} (de #${newer.folio})`
		});
	}
	// Uploads to the kept card wait while its one-per-card documents are compared.
	for (const category of SINGLE_CATEGORIES) await lockCategory(tx, older.id, category as FileCategory);
	const files = await merge.moveFiles(tx, actor.orgId, newer.id, older.id, [...SINGLE_CATEGORIES]);
	const entries = await merge.moveHistory(tx, actor.orgId, newer.id, older.id, newer.folio);
	// Cancelled as «duplicado» the way every cancellation is: board_move (stage history, IP released,
	// board event) and the cancellations record, in this transaction. A built-in reason: it stands
	// even if the admin took «duplicado» off the list people choose from.
	const cancelNote = `Duplicado de #${older.folio}: se fusionó en esa tarjeta.`;
	const locked = (await cancellations.lockCard(tx, actor.orgId, newer.id))!;
	const cancelled = await cards.move(tx, {
		orgId: actor.orgId,
		cardId: newer.id,
		expectedVersion: locked.version,
		toStage: 'cancelada',
		beforeId: null,
		afterId: null,
		actorId: actor.id,
		overrideReason: null,
		cancelReason: 'duplicado',
		cancelNote
	});
	if (cancelled.outcome !== 'ok') throw new ServiceError(409, 'No se pudo acomodar la tarjeta. Intenta de nuevo.');
	await cancellations.record(tx, {
		orgId: actor.orgId,
		installationId: newer.id,
		fromStage: locked.stage,
		reason: 'duplicado',
		reasonLabel: reasonLabel(null, 'duplicado'),
		note: cancelNote,
		refundChecklist: null,
		releasedIp: locked.ip,
		releasedZoneId: locked.ip ? locked.zoneId : null,
		by: actor.id
	});
	const moved = `${files} ${files === 1 ? 'archivo' : 'archivos'}, ${entries} ${entries === 1 ? 'entrada' : 'entradas'} del historial`;
	const copied = fills.length ? `, ${fills.length} ${fills.length === 1 ? 'dato' : 'datos'} que faltaban` : '';
	await note(tx, actor.orgId, older.id, actor.id, `Se fusionó #${newer.folio} en esta tarjeta: ${moved}${copied}`);
	await note(tx, actor.orgId, newer.id, actor.id, `Fusionada en #${older.folio}: sus archivos, historial y notas pasaron a esa tarjeta`);
}
