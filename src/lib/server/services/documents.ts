import type { Database } from '../db';
import type { RawRunner } from '../db/client';
import * as docsDb from '../db/documents';
import * as signatures from '../db/signatures';
import * as organizations from '../db/organizations';
import { insertCardHistory } from '../db/history';
import { setActor } from '../db/card-tx';
import type { SessionUser } from '../auth';
import { parseInput } from '../validation';
import { todayIn } from '$lib/domain/dates';
import { contractDataSchema, documentKindSchema, type DocumentKind } from '$lib/schemas/documents';
import { ServiceError, notFound } from './errors';
import { cardInScope } from './files';
import { orgSettings } from './board';
import { buildDocData, type DocData } from './doc-data';
import { cardFirstCharge } from './billing';
import { contractTemplate } from './contract-templates';
import { contentHash, documentContent } from '../pdf/render';
import type { SignatureEvidence } from '$lib/types/documents';
import { cardTarget, recordAudit } from './audit';

export const KIND_LABEL: Record<DocumentKind, string> = { contrato: 'el contrato', hoja_instalacion: 'la hoja de instalación' };

export interface Prepared {
	doc: DocData;
	html: string;
	sha: string;
	current: docsDb.DocumentRow | null;
	signature: SignatureEvidence | null;
	timeZone: string;
	phone: string | null;
}

/** The document as it stands: the signed snapshot once signed, otherwise built from the card now. */
export async function prepareDocument(
	db: Pick<RawRunner, 'query'>,
	orgId: string,
	installationId: string,
	kind: DocumentKind
): Promise<Prepared> {
	const src = await docsDb.source(db, orgId, installationId);
	if (!src) throw notFound('Esa instalación no existe o no tienes acceso a ella.');
	const timeZone = (await organizations.timeZoneOf(db, orgId))!;
	const current = await docsDb.current(db, installationId, kind);
	let doc: DocData;
	let signature: SignatureEvidence | null = null;
	if (current?.status === 'firmado') {
		doc = current.data as unknown as DocData;
		signature = await signatures.latestFor(db, current.id);
	} else {
		const template = kind === 'contrato' ? await contractTemplate(db, orgId, src.contractType ?? 'indefinido') : null;
		const charge = await cardFirstCharge(db, orgId, installationId);
		doc = buildDocData(src, kind, {
			template,
			startDate: current?.startDate,
			endDate: current?.endDate,
			today: todayIn(timeZone),
			charge: charge?.snapshot?.charge ?? null,
			missing: charge?.missing ?? []
		});
	}
	const html = documentContent(doc);
	return { doc, html, sha: contentHash(html), current, signature, timeZone, phone: src.phone };
}

/** What the card's Documents section shows. */
export async function documentsState(db: Database, actor: SessionUser, installationId: unknown) {
	const card = await cardInScope(db, actor, installationId);
	const out = {} as Record<
		DocumentKind,
		{
			status: 'borrador' | 'firmado';
			startDate: string | null;
			endDate: string | null;
			signedAt: string | null;
			signerName: string | null;
			fileId: string | null;
			versions: number;
			activeLink: { expiresAt: string } | null;
		}
	>;
	const all = await docsDb.history(db, actor.orgId, card.id);
	for (const kind of ['contrato', 'hoja_instalacion'] as const) {
		const cur = all.find((d) => d.kind === kind && !d.supersededAt) ?? null;
		const sig = cur?.status === 'firmado' ? await signatures.latestFor(db, cur.id) : null;
		const linkExpiry = await docsDb.openLinkExpiry(db, card.id, kind);
		out[kind] = {
			status: cur?.status ?? 'borrador',
			startDate: cur?.startDate ?? null,
			endDate: cur?.endDate ?? null,
			signedAt: sig?.signedAt ?? null,
			signerName: sig?.signerName ?? null,
			fileId: cur?.fileId ?? null,
			versions: all.filter((d) => d.kind === kind && d.fileId).length,
			activeLink: linkExpiry ? { expiresAt: linkExpiry } : null
		};
	}
	const { uploadMaxMb } = await orgSettings(db, actor.orgId);
	return {
		card: { id: card.id, fullName: card.fullName, phone: card.phone ?? null, contractType: card.contractType ?? null },
		provider: actor.orgName,
		uploadMaxMb,
		...out
	};
}

/** Contract data on the card (optional start/end dates); frozen once signed. */
export async function saveContractData(db: Database, actor: SessionUser, installationId: unknown, raw: unknown) {
	const card = await cardInScope(db, actor, installationId);
	if (actor.role === 'technician') throw new ServiceError(403, 'Los datos del contrato los captura la oficina.');
	const input = parseInput(contractDataSchema, raw);
	await db.begin(async (tx) => {
		await setActor(tx, actor);
		await docsDb.lockCard(tx, card.id);
		const cur = await docsDb.current(tx, card.id, 'contrato', true);
		if (cur?.status === 'firmado') throw new ServiceError(409, 'El contrato ya está firmado; sus datos ya no se pueden cambiar.');
		if (cur) await docsDb.setDates(tx, cur.id, input.startDate, input.endDate);
		else await docsDb.insertContractDraft(tx, { orgId: actor.orgId, installationId: card.id, ...input });
		await insertCardHistory(tx, {
			orgId: actor.orgId,
			installationId: card.id,
			userId: actor.id,
			kind: 'document',
			field: 'contrato',
			newValue: input,
			source: 'tarjeta'
		});
	});
	return input;
}

export async function printableDocument(db: Database, actor: SessionUser, installationId: unknown, rawKind: unknown) {
	const card = await cardInScope(db, actor, installationId);
	const kind = parseInput(documentKindSchema, rawKind);
	const p = await prepareDocument(db, actor.orgId, card.id, kind);
	await recordAudit(db, actor, {
		kind: 'document_opened',
		target: cardTarget(card),
		details: { document: kind === 'contrato' ? 'Contrato' : 'Hoja de instalación' }
	});
	return { doc: p.doc, signature: p.signature, timeZone: p.timeZone };
}

/** The exact content to show before signing in person, with the hash the signature will carry. */
export async function contentToSign(db: Database, actor: SessionUser, installationId: unknown, rawKind: unknown) {
	const card = await cardInScope(db, actor, installationId);
	const kind = parseInput(documentKindSchema, rawKind);
	const p = await prepareDocument(db, actor.orgId, card.id, kind);
	return { kind, html: p.html, sha: p.sha, customer: p.doc.customer, signed: p.current?.status === 'firmado' };
}
