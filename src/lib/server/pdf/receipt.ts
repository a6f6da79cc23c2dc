import { render } from 'svelte/server';
import ReceiptBody from './templates/ReceiptBody.svelte';
import { DOCUMENT_CSS } from './styles';
import { escapeHtml } from './render';
import type { ReceiptData } from '$lib/types/documents';

const CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:";

/** The receipt's page for Chromium, with the same styles and content policy as the documents. */
export function receiptHtml(receipt: ReceiptData): string {
	const body = render(ReceiptBody, { props: { receipt } }).body;
	return `<!doctype html><html lang="es"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${CSP}"><title>${escapeHtml(`Recibo de pago ${receipt.folio}`)}</title><style>${DOCUMENT_CSS} body{margin:0}</style></head><body>${body}</body></html>`;
}
