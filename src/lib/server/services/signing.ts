import { createHash } from 'node:crypto';
import type { Database } from '../db';
import type { RawRunner } from '../db/client';
import * as signing from '../db/signing';
import * as documents from '../db/documents';
import { insertCardHistory } from '../db/history';
import { setActor } from '../db/card-tx';
import type { SessionUser } from '../auth';
import { parseInput } from '../validation';
import { inPersonSignSchema, linkRequestSchema, signSchema, tokenSchema } from '$lib/schemas/signing';
import type { DocumentKind } from '$lib/schemas/documents';
import { ServiceError, forbidden } from './errors';
import { cardInScope } from './files';
import { orgSettings } from './board';
import { KIND_LABEL, prepareDocument, type Prepared } from './documents';
import { customerView } from './doc-data';
import { contentHash, documentContent } from '../pdf/render';
import { getCard } from '../db/cards';
import { cardTarget, recordAnonymousAudit, recordAudit } from './audit';
import * as notify from './notify';

const DOC_NAME: Record<DocumentKind, string> = { contrato: 'Contrato', hoja_instalacion: 'Hoja de instalación' };

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** 32 random bytes (256 bits), base64url: the link carries it, the database only its SHA-256. */
function newToken(): string {
	const bytes = new Uint8Array(32);
	crypto.getRandomValues(bytes);
	return Buffer.from(bytes).toString('base64url');
}

function canSign(actor: SessionUser, kind: DocumentKind) {
	// Option B: the technician has the customer sign the sheet (or contract) on their own job.
	if (actor.role === 'technician' && kind !== 'hoja_instalacion' && kind !== 'contrato') throw forbidden();
}

/** A new link invalidates every earlier unused one for the same document. */
export async function createLink(db: Database, actor: SessionUser, installationId: unknown, raw: unknown) {
	const card = await cardInScope(db, actor, installationId);
	const { kind } = parseInput(linkRequestSchema, raw);
	canSign(actor, kind);
	const p = await prepareDocument(db, actor.orgId, card.id, kind);
	if (p.current?.status === 'firmado') throw new ServiceError(409, `${cap(KIND_LABEL[kind])} ya está firmado; no hace falta otro enlace.`);
	const { signingLinkDays } = await orgSettings(db, actor.orgId);
	const token = newToken();
	const expiresAt = new Date(Date.now() + signingLinkDays * 86_400_000);
	await db.begin(async (tx) => {
		await signing.revokeOpen(tx, card.id, kind);
		await signing.insertLink(tx, {
			orgId: actor.orgId,
			installationId: card.id,
			kind,
			tokenHash: hashToken(token),
			expiresAt,
			createdBy: actor.id
		});
		await recordAudit(tx, actor, {
			kind: 'signing_link_created',
			target: cardTarget(card),
			details: { document: DOC_NAME[kind], expires: expiresAt.toISOString().slice(0, 10) }
		});
	});
	return {
		token,
		path: `/firmar/${token}`,
		expiresAt: expiresAt.toISOString(),
		phone: p.phone,
		customer: p.doc.customer,
		orgName: actor.orgName
	};
}

export async function revokeLinks(db: Database, actor: SessionUser, installationId: unknown, raw: unknown) {
	const card = await cardInScope(db, actor, installationId);
	const { kind } = parseInput(linkRequestSchema, raw);
	canSign(actor, kind);
	return { revoked: await signing.revokeOpen(db, card.id, kind) };
}

export type LinkState = 'ok' | 'invalid' | 'used' | 'expired' | 'revoked';

type LinkRow = signing.LinkRow;

function findLink(db: Pick<RawRunner, 'query'>, token: string, lock = false): Promise<LinkRow | null> {
	return signing.findLink(db, hashToken(token), lock);
}

function stateOf(link: LinkRow | null): LinkState {
	if (!link) return 'invalid';
	if (link.usedAt) return 'used';
	if (link.revokedAt) return 'revoked';
	if (new Date(link.expiresAt).getTime() <= Date.now()) return 'expired';
	return 'ok';
}

/** The public page: the document to sign, or why the link no longer works. */
export async function openLink(db: Database, rawToken: unknown) {
	const parsed = tokenSchema.safeParse(rawToken);
	const refused = (state: Exclude<LinkState, 'ok'>) => ({ state, message: LINK_MESSAGES[state] });
	if (!parsed.success) return refused('invalid');
	const link = await findLink(db, parsed.data);
	const state = stateOf(link);
	if (state !== 'ok' || !link) return refused(state === 'ok' ? 'invalid' : state);
	const p = await prepareDocument(db, link.orgId, link.installationId, link.kind);
	if (p.current?.status === 'firmado') return refused('used');
	const shown = shownContent(p, 'link');
	return {
		state: 'ok' as const,
		kind: link.kind,
		html: shown.html,
		sha: shown.sha,
		customer: p.doc.customer,
		provider: p.doc.provider,
		expiresAt: new Date(link.expiresAt).toISOString()
	};
}

/**
 * What the signer read, and so what their signature's hash covers. Whoever holds a link sees the
 * customer's copy; its hash must not cover the office-only fields either, or the page would hand
 * out a hash to guess a short PPPoE password against. In person the office's full copy is shown.
 */
function shownContent(p: Prepared, method: SignInput['method']): { html: string; sha: string } {
	if (method !== 'link') return { html: p.html, sha: p.sha };
	const html = documentContent(customerView(p.doc));
	return { html, sha: contentHash(html) };
}

export interface SignMeta {
	ip: string | null;
	userAgent: string | null;
}

/** Remote signing: single use, checked again under a row lock so two submits can't both sign. */
export async function signByLink(db: Database, rawToken: unknown, raw: unknown, meta: SignMeta) {
	const token = parseInput(tokenSchema, rawToken);
	const input = parseInput(signSchema, raw);
	return db.begin(async (tx) => {
		const link = await findLink(tx, token, true);
		const state = stateOf(link);
		if (state !== 'ok' || !link) throw new ServiceError(410, LINK_MESSAGES[state]);
		await sign(tx, {
			orgId: link.orgId,
			installationId: link.installationId,
			kind: link.kind,
			actorId: null,
			method: 'link',
			...input,
			...meta
		});
		await signing.markUsed(tx, link.id);
		const card = await getCard(tx, link.orgId, link.installationId);
		await recordAnonymousAudit(tx, link.orgId, meta.ip, {
			kind: 'signing_link_used',
			target: card ? cardTarget(card) : null,
			details: { document: DOC_NAME[link.kind], signer: input.signerName }
		});
		return { kind: link.kind };
	});
}

/** In person on the office screen, or on the technician's phone (option B). */
export async function signInPerson(db: Database, actor: SessionUser, installationId: unknown, raw: unknown, meta: SignMeta) {
	const card = await cardInScope(db, actor, installationId);
	const input = parseInput(inPersonSignSchema, raw);
	canSign(actor, input.kind);
	const method = actor.role === 'technician' ? 'telefono_tecnico' : 'en_persona';
	await db.begin(async (tx) => {
		await setActor(tx, actor);
		await sign(tx, { orgId: actor.orgId, installationId: card.id, actorId: actor.id, method, ...input, ...meta });
		await signing.revokeOpen(tx, card.id, input.kind);
	});
	return { kind: input.kind };
}

export const LINK_MESSAGES: Record<LinkState, string> = {
	ok: '',
	invalid: 'Este enlace no es válido. Pide a tu proveedor que te envíe uno nuevo.',
	used: 'Este enlace ya se usó: el documento ya está firmado. Gracias.',
	expired: 'Este enlace venció. Pide a tu proveedor que te envíe uno nuevo.',
	revoked: 'Este enlace fue revocado. Pide a tu proveedor que te envíe uno nuevo.'
};

interface SignInput {
	orgId: string;
	installationId: string;
	kind: DocumentKind;
	actorId: string | null;
	method: 'link' | 'en_persona' | 'telefono_tecnico';
	signerName: string;
	signature: string;
	contentSha256: string;
	ip: string | null;
	userAgent: string | null;
}

/** Freezes the document snapshot, stores the evidence and marks the card signed, in the caller's transaction. */
async function sign(tx: RawRunner, s: SignInput) {
	// Lock the card so the content can't change between hashing and signing.
	await documents.lockCard(tx, s.installationId);
	const p = await prepareDocument(tx, s.orgId, s.installationId, s.kind);
	if (p.current?.status === 'firmado') throw new ServiceError(409, `${cap(KIND_LABEL[s.kind])} ya está firmado.`);
	const shown = shownContent(p, s.method);
	if (shown.sha !== s.contentSha256)
		throw new ServiceError(409, 'El documento cambió mientras lo leías. Recarga la página, revísalo y vuelve a firmar.');
	const documentId = await signing.freezeSigned(tx, {
		id: p.current?.id,
		orgId: s.orgId,
		installationId: s.installationId,
		kind: s.kind,
		data: p.doc,
		sha: p.sha
	});
	await signing.insertSignature(tx, {
		orgId: s.orgId,
		documentId,
		installationId: s.installationId,
		kind: s.kind,
		signerName: s.signerName,
		imagePng: s.signature,
		ip: s.ip,
		userAgent: s.userAgent?.slice(0, 300) ?? null,
		contentSha256: shown.sha,
		method: s.method
	});
	await signing.markCardSigned(tx, s.installationId, s.kind);
	await notify.customerSigned(tx, s.actorId, s.installationId, s.kind);
	await insertCardHistory(tx, {
		orgId: s.orgId,
		installationId: s.installationId,
		userId: s.actorId,
		kind: 'signature',
		field: s.kind,
		newValue: { signer: s.signerName, method: s.method, sha256: shown.sha },
		source: s.method === 'link' ? 'enlace' : 'tarjeta'
	});
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
