/** Signing links (only the SHA-256 of a token is stored) and the evidence a signature leaves. */
import type { RawRunner } from './client';
import type { DocumentKind } from '$lib/schemas/documents';

type Runner = Pick<RawRunner, 'query'>;

/** Revokes the unused links of one document; how many were open. */
export async function revokeOpen(db: Runner, installationId: string, kind: DocumentKind): Promise<number> {
	const rows = await db.query(
		`update signing_links set revoked_at = now() where installation_id = $1 and document_kind = $2 and used_at is null and revoked_at is null returning id`,
		[installationId, kind]
	);
	return rows.length;
}

export async function insertLink(
	db: Runner,
	link: { orgId: string; installationId: string; kind: DocumentKind; tokenHash: string; expiresAt: Date; createdBy: string }
): Promise<void> {
	await db.query(
		`insert into signing_links (org_id, installation_id, document_kind, token_hash, expires_at, created_by) values ($1, $2, $3, $4, $5, $6)`,
		[link.orgId, link.installationId, link.kind, link.tokenHash, link.expiresAt.toISOString(), link.createdBy]
	);
}

export interface LinkRow {
	id: string;
	orgId: string;
	installationId: string;
	kind: DocumentKind;
	expiresAt: string;
	usedAt: string | null;
	revokedAt: string | null;
}

/** `lock` holds the row until the transaction ends, so two submits of one link can't both sign. */
export async function findLink(db: Runner, tokenHash: string, lock = false): Promise<LinkRow | null> {
	const [row] = await db.query<LinkRow>(
		`select id, org_id as "orgId", installation_id as "installationId", document_kind as kind, expires_at as "expiresAt",
			used_at as "usedAt", revoked_at as "revokedAt" from signing_links where token_hash = $1${lock ? ' for update' : ''}`,
		[tokenHash]
	);
	return row ?? null;
}

export async function markUsed(db: Runner, id: string): Promise<void> {
	await db.query('update signing_links set used_at = now() where id = $1', [id]);
}

/** Freezes the document as signed: the current draft when there is one, a new row otherwise; its id. */
export async function freezeSigned(
	db: Runner,
	doc: { id: string | undefined; orgId: string; installationId: string; kind: DocumentKind; data: unknown; sha: string }
): Promise<string> {
	if (doc.id) {
		await db.query(`update documents set status = 'firmado', data = $1::jsonb, content_sha256 = $2, signed_at = now() where id = $3`, [
			JSON.stringify(doc.data),
			doc.sha,
			doc.id
		]);
		return doc.id;
	}
	const [{ id }] = await db.query<{ id: string }>(
		`insert into documents (org_id, installation_id, kind, status, data, content_sha256, signed_at) values ($1, $2, $3, 'firmado', $4::jsonb, $5, now()) returning id`,
		[doc.orgId, doc.installationId, doc.kind, JSON.stringify(doc.data), doc.sha]
	);
	return id;
}

export interface SignatureRow {
	orgId: string;
	documentId: string;
	installationId: string;
	kind: DocumentKind;
	signerName: string;
	imagePng: string;
	ip: string | null;
	userAgent: string | null;
	contentSha256: string;
	method: 'link' | 'en_persona' | 'telefono_tecnico';
}

export async function insertSignature(db: Runner, s: SignatureRow): Promise<void> {
	await db.query(
		`insert into signatures (org_id, document_id, installation_id, document_kind, signer_name, image_png, ip, user_agent, content_sha256, method)
		 values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
		[s.orgId, s.documentId, s.installationId, s.kind, s.signerName, s.imagePng, s.ip, s.userAgent, s.contentSha256, s.method]
	);
}

/** Marks the card's contract or sheet signed; the card trigger shows it live and the "firmada" guard reads it. */
export async function markCardSigned(db: Runner, installationId: string, kind: DocumentKind): Promise<void> {
	const column = kind === 'contrato' ? 'contract_signed_at' : 'sheet_signed_at';
	await db.query(`update installations set ${column} = now(), updated_at = now() where id = $1`, [installationId]);
}
