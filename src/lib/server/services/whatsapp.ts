/**
 * The optional WhatsApp Business Cloud API (issue 20, item 5): the admin's connection (secrets
 * sealed with APP_SECRET, never shown again), and the card's messages: a send from the card queues
 * a row (status «en_cola») with its history line in one transaction; services/whatsapp-outbox.ts
 * sends it. Without a connection the card keeps click-to-chat and offers no Cloud button.
 */
import { createHash } from 'node:crypto';
import type { Database } from '../db';
import type { SessionUser } from '../auth';
import * as connections from '../db/whatsapp';
import * as outbox from '../db/whatsapp-messages';
import { CloudApiError, phoneInfo, type CloudConfig } from '../whatsapp/client';
import { hasAppSecret, MissingAppSecret, open, seal, UnreadableSecret } from '../secret-box';
import { parseInput } from '../validation';
import { cloudRetrySchema, cloudSendSchema, cloudSettingsSchema, cloudTestSchema } from '$lib/schemas/whatsapp';
import { uuidSchema } from '$lib/schemas/common';
import { cloudRecipient } from '$lib/domain/whatsapp-cloud';
import { forbidden, notFound, ServiceError } from './errors';
import { recordAudit } from './audit';
import type { CloudMessagesView, CloudSettingsView } from '$lib/types/whatsapp';

export const TOKEN_PURPOSE = 'whatsapp-access-token';
export const APP_SECRET_PURPOSE = 'whatsapp-app-secret';
export const WEBHOOK_PATH = '/api/whatsapp/webhook';

/** Who may send a message from a card. */
const SENDERS = new Set(['admin', 'coordinator', 'agent']);

export const verifyTokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

function adminOnly(actor: SessionUser) {
	if (actor.role !== 'admin') throw forbidden('Solo un administrador puede configurar WhatsApp Business.');
}

function opened(sealed: string, purpose: string): string {
	try {
		return open(sealed, purpose);
	} catch (err) {
		if (err instanceof MissingAppSecret || err instanceof UnreadableSecret) throw new ServiceError(409, err.message);
		throw err;
	}
}

/** The configuration the worker uses; null when the provider has none or switched it off. */
export async function configOf(db: Database, orgId: string): Promise<CloudConfig | null> {
	const row = await connections.connectionOf(db, orgId);
	if (!row?.enabled || !row.phoneNumberId || !row.accessTokenSealed) return null;
	return { phoneNumberId: row.phoneNumberId, accessToken: opened(row.accessTokenSealed, TOKEN_PURPOSE) };
}

export async function settingsView(db: Database, actor: SessionUser): Promise<CloudSettingsView> {
	adminOnly(actor);
	const row = await connections.connectionOf(db, actor.orgId);
	return {
		enabled: row?.enabled ?? false,
		phoneNumberId: row?.phoneNumberId ?? '',
		tokenLast4: row?.accessTokenLast4 ?? null,
		appSecretSet: !!row?.appSecretSealed,
		verifyTokenSet: !!row?.verifyTokenHash,
		appSecretConfigured: hasAppSecret(),
		webhookPath: WEBHOOK_PATH
	};
}

function sealed(value: string, purpose: string, field: string): string {
	try {
		return seal(value, purpose);
	} catch (err) {
		if (err instanceof MissingAppSecret) throw new ServiceError(400, err.message, { [field]: [err.message] });
		throw err;
	}
}

export async function saveSettings(db: Database, actor: SessionUser, input: unknown): Promise<void> {
	adminOnly(actor);
	const v = parseInput(cloudSettingsSchema, input);
	const accessToken = v.accessToken
		? { sealed: sealed(v.accessToken, TOKEN_PURPOSE, 'accessToken'), last4: v.accessToken.slice(-4) }
		: undefined;
	const appSecretSealed = v.appSecret ? sealed(v.appSecret, APP_SECRET_PURPOSE, 'appSecret') : undefined;
	await db.begin(async (tx) => {
		const stored = await connections.connectionOf(tx, actor.orgId);
		if (v.enabled && !(v.phoneNumberId && (accessToken || stored?.accessTokenSealed))) {
			throw new ServiceError(400, 'Para activar WhatsApp Business escribe el identificador del número y el token de acceso.');
		}
		const saved = await connections.saveConnection(tx, actor.orgId, {
			enabled: v.enabled,
			phoneNumberId: v.phoneNumberId || null,
			accessToken,
			appSecretSealed,
			verifyTokenHash: v.verifyToken ? verifyTokenHash(v.verifyToken) : undefined,
			userId: actor.id
		});
		if (!saved) {
			const message = 'Ese número de WhatsApp ya está conectado en otra cuenta del tablero.';
			throw new ServiceError(409, message, { phoneNumberId: [message] });
		}
		const changed = [
			stored?.enabled !== v.enabled && 'activación',
			(stored?.phoneNumberId ?? '') !== v.phoneNumberId && 'número',
			accessToken && 'token',
			appSecretSealed && 'clave secreta de la app',
			v.verifyToken && 'token de verificación'
		].filter(Boolean);
		if (changed.length) {
			await recordAudit(tx, actor, { kind: 'settings_changed', target: 'WhatsApp Business', details: { changed: changed.join(', ') } });
		}
	});
}

/** «Probar conexión»: reads the phone number's data with what is typed (or stored). */
export async function testConnection(db: Database, actor: SessionUser, input: unknown): Promise<{ message: string }> {
	adminOnly(actor);
	const v = parseInput(cloudTestSchema, input);
	const row = await connections.connectionOf(db, actor.orgId);
	const phoneNumberId = v.phoneNumberId || row?.phoneNumberId;
	const accessToken = v.accessToken || (row?.accessTokenSealed ? opened(row.accessTokenSealed, TOKEN_PURPOSE) : '');
	if (!phoneNumberId || !accessToken) {
		throw new ServiceError(400, 'Escribe el identificador del número y el token de acceso para probar la conexión.');
	}
	try {
		const info = await phoneInfo({ phoneNumberId, accessToken });
		const who = [info.verifiedName, info.displayPhoneNumber].filter(Boolean).join(' · ');
		return { message: `Conexión correcta con WhatsApp Business${who ? `: ${who}` : ''}.` };
	} catch (err) {
		if (err instanceof CloudApiError) throw new ServiceError(400, err.message);
		throw err;
	}
}

export async function cardMessages(db: Database, actor: SessionUser, rawId: unknown): Promise<CloudMessagesView> {
	const id = parseInput(uuidSchema, rawId);
	const card = await outbox.cardPhone(db, actor.orgId, id);
	if (!card) throw notFound('Esa instalación no existe o no tienes acceso a ella.');
	const row = await connections.connectionOf(db, actor.orgId);
	const enabled = !!(row?.enabled && row.phoneNumberId && row.accessTokenSealed);
	const recipient = cloudRecipient(card.phone);
	return {
		enabled,
		recipient,
		canSend: enabled && !!recipient && SENDERS.has(actor.role),
		messages: await outbox.listForCard(db, actor.orgId, id)
	};
}

function mustSend(actor: SessionUser) {
	if (!SENDERS.has(actor.role)) throw forbidden('Tu rol no permite enviar mensajes a clientes.');
}

/** Queues one message (the worker sends it); the history line is written in the same transaction. */
export async function sendFromCard(db: Database, actor: SessionUser, installationId: string, input: unknown): Promise<{ id: string }> {
	mustSend(actor);
	const id = parseInput(uuidSchema, installationId);
	const v = parseInput(cloudSendSchema, input);
	if (!(await configOf(db, actor.orgId))) {
		throw new ServiceError(409, 'WhatsApp Business no está configurado: usa «Abrir WhatsApp» o pide al administrador que lo conecte.');
	}
	return db.begin(async (tx) => {
		const card = await outbox.lockCardPhone(tx, actor.orgId, id);
		if (!card) throw notFound('Esa instalación no existe o no tienes acceso a ella.');
		const to = cloudRecipient(card.phone);
		if (!to) throw new ServiceError(400, 'La tarjeta no tiene un teléfono de México válido para WhatsApp: corrígelo primero.');
		return outbox.enqueue(tx, {
			orgId: actor.orgId,
			installationId: id,
			templateKey: v.templateKey,
			phone: to,
			body: v.text,
			userId: actor.id
		});
	});
}

/** «Reintentar» on a failed message: back in the queue, attempts from zero. */
export async function retryMessage(db: Database, actor: SessionUser, installationId: string, input: unknown): Promise<{ ok: true }> {
	mustSend(actor);
	const card = parseInput(uuidSchema, installationId);
	const v = parseInput(cloudRetrySchema, input);
	if (!(await configOf(db, actor.orgId))) throw new ServiceError(409, 'WhatsApp Business no está configurado o está apagado.');
	const row = await db.begin((tx) => outbox.retryNow(tx, actor.orgId, card, v.id));
	if (!row) throw new ServiceError(409, 'Ese mensaje no está en «Falló»: no hay nada que reintentar.');
	return { ok: true };
}
