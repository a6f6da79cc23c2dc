import { byAction, endpoint } from '$lib/server/http/endpoint';
import { assignTechnician, assignmentOptions } from '$lib/server/services/assignment';

export const GET = endpoint({}, ({ db, user, params, url }) =>
	assignmentOptions(db, user, params.id, url.searchParams.get('fecha') ?? undefined)
);

export const POST = endpoint({ roles: ['admin', 'coordinator'], what: 'asignar técnicos', body: true }, ({ db, user, params, body }) =>
	byAction(body, {
		asignar: (b) => assignTechnician(db, user, { ...b, installationId: params.id })
	})
);
