import type { Database } from '../db';
import type { RawRunner } from '../db/client';
import type { SessionUser } from '../auth';
import { insertCardHistory, insertStageHistory } from '../db/history';
import * as leads from '../db/leads';
import * as organizations from '../db/organizations';
import { leadSchema, publicRequestSchema, PUBLIC_REQUEST_MAX_BYTES } from '$lib/schemas/lead';
import { POSITION_GAP } from '$lib/domain/positions';
import { parseInput } from '../validation';
import { forbidden, ServiceError } from './errors';
import { orgSettings } from './board';
import { actAs } from './card-edit';
import { SharedRateLimiter, type RateLimiter } from '../rate-limit';
import { limitKey } from '../client-address';
import { flagDuplicates } from './duplicates';

interface NewCard {
	fullName: string;
	phone: string;
	email: string | null;
	source: string;
	addrColonia?: string | null;
	addrStreet?: string | null;
	addrCity?: string | null;
	howHeard?: string | null;
	comments?: string | null;
}

/**
 * Inserts a card at the bottom of "preinstalacion"; the trigger puts it on every open board. Every
 * way a card is created goes through here (the board's form, the public form, an import), so every
 * new card is checked for possible duplicates in the same transaction.
 */
export async function insertLead(tx: RawRunner, orgId: string, userId: string | null, card: NewCard, costCents: number, source: string) {
	if (userId) await actAs(tx, { id: userId });
	// The lock keeps two leads created at the same moment from taking the same position.
	await organizations.lock(tx, orgId);
	const row = await leads.insert(tx, {
		orgId,
		position: (await leads.lastPosition(tx, orgId)) + POSITION_GAP,
		fullName: card.fullName,
		phone: card.phone,
		email: card.email,
		source: card.source,
		addrColonia: card.addrColonia ?? null,
		addrStreet: card.addrStreet ?? null,
		addrCity: card.addrCity ?? null,
		howHeard: card.howHeard ?? null,
		comments: card.comments ?? null,
		installationCostCents: costCents,
		createdBy: userId
	});
	await insertStageHistory(tx, { orgId, installationId: row.id, from: null, to: 'preinstalacion', userId });
	await insertCardHistory(tx, { orgId, installationId: row.id, userId, kind: 'field', field: 'created', newValue: card.fullName, source });
	await flagDuplicates(tx, orgId, row.id, row.folio, userId);
	return row;
}

/** "+ Nueva preinstalación" from the board (office roles only). */
export async function createLead(db: Database, actor: SessionUser, raw: unknown) {
	if (!['admin', 'coordinator', 'agent'].includes(actor.role)) throw forbidden('Solo la oficina puede registrar preinstalaciones.');
	const input = parseInput(leadSchema, raw);
	const settings = await orgSettings(db, actor.orgId);
	return db.begin((tx) => insertLead(tx, actor.orgId, actor.id, input, settings.installationCostCents, 'tablero'));
}

/** Per IP: a person asks once or twice; a script asks hundreds of times. */
export const publicRequestLimiter = new SharedRateLimiter('public-request', 5, 60 * 60 * 1000);

export interface PublicRequestContext {
	orgSlug: string | null;
	ip: string;
	bodyBytes: number;
	/** Tests: a limit of their own instead of the shared one. */
	limiter?: RateLimiter | SharedRateLimiter;
}

/**
 * The public /solicitar form. Spam gets a normal-looking success (so bots learn nothing) but
 * nothing is saved; too many requests from one address get a 429.
 */
export async function submitPublicRequest(db: Database, ctx: PublicRequestContext, raw: unknown): Promise<{ saved: boolean }> {
	if (ctx.bodyBytes > PUBLIC_REQUEST_MAX_BYTES) {
		throw new ServiceError(413, 'La solicitud es demasiado grande: escribe un mensaje más corto.');
	}
	const limiter = ctx.limiter ?? publicRequestLimiter;
	const key = limitKey(ctx.ip);
	if (!(limiter instanceof SharedRateLimiter ? await limiter.hit(db, key) : limiter.hit(key))) {
		throw new ServiceError(429, 'Recibimos demasiadas solicitudes desde tu conexión. Intenta de nuevo en una hora o llámanos.');
	}
	const input = parseInput(publicRequestSchema, raw);
	if (input.website && input.website.trim()) return { saved: false };
	const org = await organizations.forPublicForm(db, ctx.orgSlug);
	if (!org) throw new ServiceError(404, 'Este proveedor no recibe solicitudes en línea por ahora.');
	const settings = await orgSettings(db, org.id);
	await db.begin((tx) =>
		insertLead(tx, org.id, null, { ...input, source: 'solicitud', addrColonia: input.colonia }, settings.installationCostCents, 'solicitud')
	);
	return { saved: true };
}
