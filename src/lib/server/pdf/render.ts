import { createHash } from 'node:crypto';
import { render } from 'svelte/server';
import DocumentBody from '$lib/documents/DocumentBody.svelte';
import { DOCUMENT_CSS } from './styles';
import type { DocData, SignatureEvidence } from '$lib/types/documents';

export type { SignatureEvidence };

/** The exact HTML the customer sees and signs; its SHA-256 goes into the signature evidence. */
export function documentContent(doc: DocData): string {
	return render(DocumentBody, { props: { doc } }).body;
}

export function contentHash(html: string): string {
	return createHash('sha256').update(html, 'utf8').digest('hex');
}

const METHOD: Record<string, string> = { en_persona: 'en persona', link: 'por enlace', telefono_tecnico: 'en el teléfono del técnico' };

export function evidenceLine(sig: SignatureEvidence, timeZone: string): string {
	const when = new Intl.DateTimeFormat('es-MX', { dateStyle: 'long', timeStyle: 'short', timeZone }).format(new Date(sig.signedAt));
	return `Firmado electrónicamente por ${sig.signerName} el ${when} (${timeZone}) ${METHOD[sig.method] ?? ''} · IP ${sig.ip ?? 'desconocida'} · SHA-256 del documento ${sig.contentSha256}`;
}

// Defense in depth beside the engine's request blocking: the page itself may load nothing but data: URIs.
const CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:";

/** A complete HTML page for Chromium: the signed content, then the signature at the bottom. */
export function documentHtml(doc: DocData, signature: SignatureEvidence | null, timeZone: string): { html: string; footer: string | null } {
	const { body, evidence } = documentFragment(doc, signature, timeZone);
	const html = `<!doctype html><html lang="es"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${CSP}"><title>${escapeHtml(doc.title)}</title><style>${DOCUMENT_CSS} body{margin:0}</style></head><body>${body}</body></html>`;
	return { html, footer: evidence };
}

/** The signed content followed by the signature block; also used by the on-screen printable view. */
export function documentFragment(doc: DocData, signature: SignatureEvidence | null, timeZone: string) {
	const evidence = signature ? evidenceLine(signature, timeZone) : null;
	return { body: render(DocumentBody, { props: { doc, signed: { signature, evidence } } }).body, evidence };
}

export function escapeHtml(s: string): string {
	return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
