/**
 * Meta's webhook for the WhatsApp Cloud API (public, no session): the subscription check (GET with
 * hub.verify_token) and the status notifications (POST signed with the app secret in
 * X-Hub-Signature-256). A POST is applied only for the providers whose app secret signs its exact
 * raw body; statuses only move a message forward (read > delivered > sent).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Database } from '../db';
import * as connections from '../db/whatsapp';
import * as outbox from '../db/whatsapp-messages';
import { open } from '../secret-box';
import { describeCloudError, WEBHOOK_STATUS } from '$lib/domain/whatsapp-cloud';
import { ServiceError } from './errors';
import { APP_SECRET_PURPOSE, verifyTokenHash } from './whatsapp';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** GET: echoes hub.challenge when the verify token is one an enabled provider saved; null otherwise. */
export async function verifySubscription(db: Database, params: URLSearchParams): Promise<string | null> {
	const mode = params.get('hub.mode');
	const token = params.get('hub.verify_token') ?? '';
	const challenge = params.get('hub.challenge') ?? '';
	if (mode !== 'subscribe' || !token || token.length > 1000 || !/^[\w.-]{1,200}$/.test(challenge)) return null;
	return (await connections.verifyTokenKnown(db, verifyTokenHash(token))) ? challenge : null;
}

const statusSchema = z.object({
	id: z.string().min(1).max(200),
	status: z.string().max(40),
	timestamp: z.string().max(20).optional(),
	recipient_id: z.string().max(40).optional(),
	biz_opaque_callback_data: z.string().max(512).optional(),
	errors: z
		.array(z.object({ code: z.number().optional(), title: z.string().max(500).optional() }))
		.max(10)
		.optional()
});

const payloadSchema = z.object({
	object: z.string().optional(),
	entry: z
		.array(
			z.object({
				id: z.string().optional(),
				changes: z
					.array(
						z.object({
							field: z.string().optional(),
							value: z
								.object({
									metadata: z.object({ phone_number_id: z.string().max(40).optional() }).optional(),
									statuses: z.array(z.unknown()).max(1000).optional()
								})
								.optional()
						})
					)
					.max(100)
			})
		)
		.max(100)
});

export function signatureValid(raw: Buffer, header: string | null, appSecret: string): boolean {
	const m = /^sha256=([0-9a-f]{64})$/i.exec(header?.trim() ?? '');
	if (!m) return false;
	const expected = createHmac('sha256', appSecret).update(raw).digest();
	return timingSafeEqual(expected, Buffer.from(m[1], 'hex'));
}

/** POST: 401 without a signature, 403 when no provider's app secret signs the body; otherwise how many messages changed. */
export async function receiveWebhook(db: Database, raw: Buffer, signature: string | null): Promise<{ updated: number }> {
	if (!signature) throw new ServiceError(401, 'Falta la firma X-Hub-Signature-256.');
	let parsed: z.infer<typeof payloadSchema>;
	try {
		parsed = payloadSchema.parse(JSON.parse(raw.toString('utf8')));
	} catch {
		throw new ServiceError(400, 'El aviso de WhatsApp no tiene la forma esperada.');
	}
	const values = parsed.entry.flatMap((e) => e.changes.map((c) => c.value ?? {}));
	const phoneIds = [...new Set(values.map((v) => v.metadata?.phone_number_id).filter((v): v is string => !!v))];
	const candidates = await connections.connectionsForWebhook(db, phoneIds);
	const signers = candidates.filter((c) => {
		try {
			return signatureValid(raw, signature, open(c.appSecretSealed!, APP_SECRET_PURPOSE));
		} catch {
			return false;
		}
	});
	if (!signers.length) throw new ServiceError(403, 'La firma del aviso no corresponde a ninguna conexión de WhatsApp.');
	let updated = 0;
	for (const value of values) {
		const owners = signers.filter((s) => !value.metadata?.phone_number_id || s.phoneNumberId === value.metadata.phone_number_id);
		for (const item of value.statuses ?? []) {
			const s = statusSchema.safeParse(item);
			const status = s.success ? WEBHOOK_STATUS[s.data.status] : undefined;
			if (!s.success || !status) continue;
			const code = s.data.errors?.[0]?.code ?? null;
			const error = status === 'fallido' ? describeCloudError(code, null).message : null;
			const ourId = s.data.biz_opaque_callback_data && UUID.test(s.data.biz_opaque_callback_data) ? s.data.biz_opaque_callback_data : null;
			for (const owner of owners) {
				if (await outbox.applyStatus(db, owner.orgId, { providerId: s.data.id, ourId, status, error })) updated++;
			}
		}
	}
	return { updated };
}
