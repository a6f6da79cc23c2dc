import { endpoint } from '$lib/server/http/endpoint';
import { receiptPdf } from '$lib/server/services/payments';

/** «Recibo de pago» of one payment as a PDF download. */
export const GET = endpoint({}, async ({ db, user, params }) => {
	const { filename, pdf } = await receiptPdf(db, user, { installationId: params.id, id: params.pagoId });
	return new Response(pdf as BodyInit, {
		headers: {
			'content-type': 'application/pdf',
			'content-length': String(pdf.byteLength),
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
});
