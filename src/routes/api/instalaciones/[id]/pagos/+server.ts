import { byAction, endpoint } from '$lib/server/http/endpoint';
import { paymentsView, recordPayment, voidPayment } from '$lib/server/services/payments';

// The hook already answered 404 for a card of another provider or a technician's job that isn't theirs.
export const GET = endpoint({ noStore: true }, ({ db, user, params }) => paymentsView(db, user, params.id));

export const POST = endpoint(
	{ roles: ['admin', 'coordinator', 'agent', 'technician'], what: 'registrar pagos', body: true },
	({ db, user, params: { id: installationId }, body }) =>
		byAction<unknown>(body, {
			registrar: (b) => recordPayment(db, user, { ...b, installationId }),
			anular: (b) => voidPayment(db, user, { ...b, installationId })
		})
);
