import type { RawRunner } from './client';
import type { SignatureEvidence } from '$lib/types/documents';

/** The latest signature of a document, as its evidence line prints it. */
export async function latestFor(db: Pick<RawRunner, 'query'>, documentId: string): Promise<SignatureEvidence | null> {
	const [row] = await db.query<SignatureEvidence>(
		`select signer_name as "signerName", image_png as "imagePng", signed_at as "signedAt", ip, user_agent as "userAgent",
			content_sha256 as "contentSha256", method from signatures where document_id = $1 order by signed_at desc limit 1`,
		[documentId]
	);
	// Depending on the driver a timestamptz arrives as a Date or as text; the evidence carries ISO text.
	if (row) row.signedAt = new Date(row.signedAt).toISOString();
	return row ?? null;
}
