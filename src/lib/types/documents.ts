import type { DocumentKind } from '$lib/schemas/documents';

/**
 * A label/value pair shown on the sheet; values are always plain text. `office` marks what only
 * the provider keeps (network credentials, addresses, its own ids): the office's copy shows it,
 * the public signing page never carries it.
 */
export type Field = [label: string, value: string, office?: 'office'];

export type DocLocale = 'es' | 'en';

/** A titled table of fields; `fill` sections are blank lines the installer writes on paper. */
export interface DocSection {
	title: string;
	fields: Field[];
	fill?: boolean;
}

/** The snapshot a document shows and the customer signs (stored in documents.data). */
export interface DocData {
	kind: DocumentKind;
	title: string;
	provider: string;
	folio: number;
	customer: string;
	/** The document's language (its fixed labels); snapshots signed before it existed are Spanish. */
	locale?: DocLocale;
	/** Contract text of the first editor, placeholders filled (plain text); kept for documents signed with it. */
	body: string | null;
	/** The contract's clauses with their variables filled (plain text; rendered escaped). */
	clauses?: { title: string; text: string }[];
	sections: DocSection[];
}

/** The evidence a signature carries, printed under the signed content. */
export interface SignatureEvidence {
	signerName: string;
	imagePng: string;
	signedAt: string;
	ip: string | null;
	userAgent: string | null;
	contentSha256: string;
	method: string;
}

/** «Recibo de pago»: one payment taken for an installation, as its PDF prints it (all values are text). */
export interface ReceiptData {
	provider: string;
	/** «<card folio>-<payment number>». */
	folio: string;
	cardFolio: number;
	customer: string;
	/** What is collected at the door: [label, amount]. */
	items: [string, string][];
	total: string;
	amount: string;
	method: string;
	reference: string | null;
	receivedBy: string;
	receivedAt: string;
	/** Set when the office voided this payment. */
	voided: string | null;
}
