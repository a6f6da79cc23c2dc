import { getDb } from '$lib/server/db';
import { dispatch, requireRole, respond, userOf } from '$lib/server/http/json-api';
import { connectionView, saveConnection } from '$lib/server/services/connection';
import { allocateIp, freeIp } from '$lib/server/services/ip-allocation';

export const GET = async (event) => respond(async () => connectionView(await getDb(), userOf(event), event.params.id));

export const POST = async (event) => {
	const user = userOf(event);
	requireRole(user, ['admin', 'coordinator'], 'cambiar los datos de conexión');
	const db = await getDb();
	const installationId = event.params.id;
	return dispatch(event.request, {
		guardar: (b) => saveConnection(db, user, { ...b, installationId }),
		ip: (b) => allocateIp(db, user, { ip: b.ip, installationId }),
		liberar: () => freeIp(db, user, { installationId })
	});
};
