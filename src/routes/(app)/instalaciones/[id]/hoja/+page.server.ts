import { getDb } from '$lib/server/db';
import { printableDocument } from '$lib/server/services/documents';
import { documentFragment } from '$lib/server/pdf/render';
import { toHttpError } from '$lib/server/forms';

export async function load({ locals, params }) {
	try {
		const p = await printableDocument(await getDb(), locals.user!, params.id, 'hoja_instalacion');
		// Rendered by the same server-only component as the PDF; values are escaped there.
		return { customer: p.doc.customer, html: documentFragment(p.doc, p.signature, p.timeZone).body };
	} catch (err) {
		toHttpError(err);
	}
}
