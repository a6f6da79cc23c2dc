import type { Database } from '../db';
import type { SessionUser } from '../auth';
import { parseInput } from '../validation';
import { regenerateSchema } from '$lib/schemas/documents';
import { ServiceError } from './errors';
import { cardInScope, storeFile } from './files';
import { KIND_LABEL, prepareDocument } from './documents';
import { documentHtml } from '../pdf/render';
import { getPdfEngine } from '../pdf/engine';
import { getStorage, type Storage } from '../storage';
import * as docsDb from '../db/documents';

/**
 * The PDF exists only once the document is signed. Regenerating needs `confirm` and keeps the
 * earlier document row and file as history (superseded), never overwriting them.
 * Simultaneous requests render on their own but store one after the other (the card's lock on the
 * PDF's file category): a request that finds a PDF stored meanwhile and did not confirm gets the
 * same 409 as if it had come later, and its file is discarded.
 */
export async function generatePdf(
	db: Database,
	actor: SessionUser,
	installationId: unknown,
	raw: unknown,
	storage: Storage = getStorage()
) {
	const card = await cardInScope(db, actor, installationId);
	const { kind, confirm } = parseInput(regenerateSchema, raw);
	const p = await prepareDocument(db, actor.orgId, card.id, kind);
	if (!p.current || p.current.status !== 'firmado' || !p.signature)
		throw new ServiceError(422, `Aún no se puede generar el PDF: primero hay que firmar ${KIND_LABEL[kind]}.`);
	const exists = () =>
		new ServiceError(409, `Ya existe un PDF de ${KIND_LABEL[kind]}. Confirma para generar uno nuevo; el anterior queda en el historial.`);
	if (p.current.fileId && !confirm) throw exists();
	const { html, footer } = documentHtml(p.doc, p.signature, p.timeZone);
	const pdf = await getPdfEngine().render(html, { footer: footer ?? undefined });
	let replaced = false;
	const fileId = await storeFile(
		db,
		{
			orgId: actor.orgId,
			installationId: card.id,
			category: kind === 'contrato' ? 'contrato_pdf' : 'hoja_instalacion_pdf',
			name: `${kind === 'contrato' ? 'Contrato' : 'Hoja de instalación'} ${p.doc.customer}`.slice(0, 120),
			mime: 'application/pdf',
			ext: 'pdf',
			bytes: pdf,
			thumbnail: null,
			uploadedBy: actor.id
		},
		storage,
		async (tx, id) => {
			const outcome = await docsDb.attachPdf(tx, {
				installationId: card.id,
				kind,
				fileId: id,
				contentSha256: p.current!.contentSha256,
				replace: !!confirm
			});
			if (outcome === 'exists') throw exists();
			if (outcome === 'changed')
				throw new ServiceError(
					409,
					`${KIND_LABEL[kind][0].toUpperCase()}${KIND_LABEL[kind].slice(1)} cambió mientras se generaba el PDF. Vuelve a generarlo.`
				);
			replaced = outcome === 'replaced';
		},
		actor.id
	);
	return { fileId, replaced };
}
