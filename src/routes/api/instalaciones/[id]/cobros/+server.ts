import { getDb } from '$lib/server/db';
import { dispatch, requireRole, respond, userOf } from '$lib/server/http/json-api';
import { billingView } from '$lib/server/services/billing';
import { updateScheduling } from '$lib/server/services/calendar';
import { zoneOptions } from '$lib/server/services/zones';
import { refundState, setRefundCondition } from '$lib/server/services/products';

export const GET = async (event) =>
	respond(async () => {
		const db = await getDb();
		const user = userOf(event);
		const view = await billingView(db, user, event.params.id);
		return { ...view, zones: await zoneOptions(db, user), refund: await refundState(db, user.orgId, event.params.id) };
	});

export const POST = async (event) => {
	const user = userOf(event);
	requireRole(user, ['admin', 'coordinator', 'agent'], 'cambiar los cobros');
	const db = await getDb();
	const installationId = event.params.id;
	return dispatch(event.request, {
		agendar: (b) => updateScheduling(db, user, { ...b, installationId }),
		devolucion: (b) => setRefundCondition(db, user, { ...b, installationId })
	});
};
