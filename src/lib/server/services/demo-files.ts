import { createHash, randomUUID } from 'node:crypto';
import type { Executor } from '../db';
import * as filesDb from '../db/files';
import type { FileCategory } from '../db/files';
import type { Storage } from '../storage';
import { CATEGORY_NAMES } from '$lib/schemas/files';

/**
 * The demo's customer documents. A card past «Documentos pendientes» had its INE and proof of
 * address uploaded (and, for a 12-month contract, the WhatsApp confirmation), so the demo board
 * shows what the guards expect instead of «faltan 4 documentos» on scheduled cards. Each file is a
 * one-page PDF that says it is a demonstration document and whose it is: no real person's data.
 */
export const DEMO_DOCUMENTS: readonly FileCategory[] = ['ine_frontal', 'ine_atras', 'comprobante_domicilio'];
export const DEMO_12_MONTH_DOCUMENT: FileCategory = 'confirmacion_12_meses';

export interface DemoDocumentCard {
	installationId: string;
	fullName: string;
	contractType: string | null | undefined;
}

/** A PDF string literal in WinAnsi (Latin-1): accents and ñ print with the standard Helvetica. */
function pdfText(s: string): string {
	return `(${s.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\xff]/g, '?')})`;
}

/** One page, plain text, uncompressed: small, valid, and its words can be read back from the bytes. */
export function demoPdf(title: string, lines: string[]): Uint8Array {
	const content = [
		'BT',
		'/F1 18 Tf 40 210 Td',
		`${pdfText(title)} Tj`,
		'/F1 11 Tf',
		...lines.map((l) => `0 -22 Td ${pdfText(l)} Tj`),
		'ET'
	].join('\n');
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 260] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'
	];
	let body = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((o, i) => {
		offsets.push(Buffer.byteLength(body, 'latin1'));
		body += `${i + 1} 0 obj\n${o}\nendobj\n`;
	});
	const xref = Buffer.byteLength(body, 'latin1');
	body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
	body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return new Uint8Array(Buffer.from(body, 'latin1'));
}

/**
 * Writes each card's documents to the store and their rows in the caller's transaction. Returns the
 * keys written, so the caller can remove them if its transaction fails.
 */
export async function attachDemoDocuments(
	tx: Executor,
	storage: Storage,
	orgId: string,
	uploadedBy: string,
	cards: DemoDocumentCard[],
	written: string[] = []
): Promise<string[]> {
	for (const card of cards) {
		const categories = [...DEMO_DOCUMENTS, ...(card.contractType === '12_meses' ? [DEMO_12_MONTH_DOCUMENT] : [])];
		for (const category of categories) {
			const id = randomUUID();
			const name = CATEGORY_NAMES[category];
			const bytes = demoPdf(name, ['Documento de demostración', `Cliente: ${card.fullName}`, 'Sin datos reales de ninguna persona.']);
			const key = `${orgId}/${card.installationId}/${id}.pdf`;
			written.push(key);
			await storage.put(key, bytes, 'application/pdf');
			await filesDb.insert(
				tx,
				{
					id,
					orgId,
					installationId: card.installationId,
					category,
					name,
					mime: 'application/pdf',
					sizeBytes: bytes.byteLength,
					sha256: createHash('sha256').update(bytes).digest('hex'),
					storageKey: key,
					thumbnailKey: null,
					uploadedBy
				},
				[]
			);
		}
	}
	return written;
}
