import { byAction, endpoint } from '$lib/server/http/endpoint';
import { connectionView, saveConnection } from '$lib/server/services/connection';
import { allocateIp, freeIp } from '$lib/server/services/ip-allocation';

export const GET = endpoint({}, ({ db, user, params }) => connectionView(db, user, params.id));

export const POST = endpoint(
	{ roles: ['admin', 'coordinator'], what: 'cambiar los datos de conexión', body: true },
	({ db, user, params: { id: installationId }, body }) =>
		byAction<unknown>(body, {
			guardar: (b) => saveConnection(db, user, { ...b, installationId }),
			ip: (b) => allocateIp(db, user, { ip: b.ip, installationId }),
			liberar: () => freeIp(db, user, { installationId })
		})
);
