import { byAction, endpoint } from '$lib/server/http/endpoint';
import { billingView } from '$lib/server/services/billing';
import { updateScheduling } from '$lib/server/services/calendar';
import { zoneOptions } from '$lib/server/services/zones';
import { refundState, setRefundCondition } from '$lib/server/services/products';

export const GET = endpoint({}, async ({ db, user, params }) => {
	const view = await billingView(db, user, params.id);
	return { ...view, zones: await zoneOptions(db, user), refund: await refundState(db, user.orgId, params.id) };
});

export const POST = endpoint(
	{ roles: ['admin', 'coordinator', 'agent'], what: 'cambiar los cobros', body: true },
	({ db, user, params: { id: installationId }, body }) =>
		byAction<unknown>(body, {
			agendar: (b) => updateScheduling(db, user, { ...b, installationId }),
			devolucion: (b) => setRefundCondition(db, user, { ...b, installationId })
		})
);
