/**
 * THE permissions matrix: every page, form action, API endpoint and socket event, and which
 * audiences may use it. Anyone not listed in `allow` must be refused (401/403/404/410 or a
 * redirect to the login). tests/integration/permissions.test.ts walks it against the built
 * server and fails when a route exists that is not in this table.
 *
 * Audiences: admin, coordinator, agent, technician (demo provider A), otherOrg (the admin of
 * provider B, using provider A's ids), anon (signed out), display (an office TV token; on HTTP
 * it carries no session, so it is refused wherever anon is).
 * Ids: card = an unassigned card of A, techCard = a card assigned to the technician,
 * zone = a zone of A, file = a file of the card, signing/display = valid tokens of A.
 * Mutations are sent with an empty body: passing authorization then means a validation answer
 * (400/409/422), never a change.
 */
export type Audience = 'admin' | 'coordinator' | 'agent' | 'technician' | 'otherOrg' | 'anon' | 'display';
export interface Ids {
	card: string;
	techCard: string;
	zone: string;
	file: string;
	/** A payment recorded on `card`. */
	payment: string;
	signing: string;
	display: string;
}
export interface Entry {
	kind: 'page' | 'action' | 'endpoint' | 'socket';
	/** Route id as SvelteKit names it (folder under src/routes), or the socket event name. */
	route: string;
	method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
	action?: string;
	url?: (ids: Ids) => string;
	allow: Audience[];
	/** The route's success is a redirect to the login page (logout). */
	loginRedirectIsSuccess?: boolean;
}

const SIGNED: Audience[] = ['admin', 'coordinator', 'agent', 'technician', 'otherOrg'];
const OFFICE_OWN: Audience[] = ['admin', 'coordinator', 'agent'];
const OFFICE_ANY_ORG: Audience[] = ['admin', 'coordinator', 'agent', 'otherOrg'];
const ADMINS: Audience[] = ['admin', 'otherOrg'];
const COORD: Audience[] = ['admin', 'coordinator'];
const EVERYONE: Audience[] = ['admin', 'coordinator', 'agent', 'technician', 'otherOrg', 'anon', 'display'];
/** A well-formed link token no invitation or reset has (those pages answer «not valid» to everyone). */
const UNKNOWN_TOKEN = 'A'.repeat(43);
const card =
	(sub = '') =>
	(ids: Ids) =>
		`/api/instalaciones/${ids.card}${sub}`;

export const MATRIX: Entry[] = [
	// pages
	{ kind: 'page', route: '/', url: () => '/', allow: SIGNED },
	{ kind: 'page', route: '/login', url: () => '/login', allow: EVERYONE },
	{ kind: 'page', route: '/setup', url: () => '/setup', allow: [] },
	{ kind: 'page', route: '/solicitar', url: () => '/solicitar', allow: EVERYONE },
	{ kind: 'page', route: '/firmar/[token]', url: (i) => `/firmar/${i.signing}`, allow: EVERYONE },
	{ kind: 'page', route: '/pantalla/[token]', url: (i) => `/pantalla/${i.display}`, allow: EVERYONE },
	// The code step opens only mid sign-in: a signed-in person goes home, anyone else back to the login.
	{ kind: 'page', route: '/login/codigo', url: () => '/login/codigo', allow: SIGNED },
	{ kind: 'page', route: '/recuperar', url: () => '/recuperar', allow: EVERYONE },
	{ kind: 'page', route: '/recuperar/[token]', url: () => `/recuperar/${UNKNOWN_TOKEN}`, allow: EVERYONE },
	{ kind: 'page', route: '/invitacion/[token]', url: () => `/invitacion/${UNKNOWN_TOKEN}`, allow: EVERYONE },
	{ kind: 'page', route: '/(app)/cuenta', url: () => '/cuenta', allow: SIGNED },
	{ kind: 'page', route: '/(app)/tablero', url: () => '/tablero', allow: SIGNED },
	{ kind: 'page', route: '/(app)/calendario', url: () => '/calendario', allow: OFFICE_ANY_ORG },
	{ kind: 'page', route: '/(app)/calendario/mapa', url: () => '/calendario/mapa', allow: OFFICE_ANY_ORG },
	{ kind: 'page', route: '/(app)/llamadas', url: () => '/llamadas', allow: OFFICE_ANY_ORG },
	{ kind: 'page', route: '/(app)/reportes', url: () => '/reportes', allow: ['admin', 'coordinator', 'otherOrg'] },
	{ kind: 'page', route: '/(app)/usuarios', url: () => '/usuarios', allow: ADMINS },
	{ kind: 'page', route: '/(app)/ajustes', url: () => '/ajustes', allow: ADMINS },
	{ kind: 'page', route: '/(app)/ajustes/llamada', url: () => '/ajustes/llamada', allow: ADMINS },
	{ kind: 'page', route: '/(app)/ajustes/cobro', url: () => '/ajustes/cobro', allow: ADMINS },
	{ kind: 'page', route: '/(app)/ajustes/mensajes', url: () => '/ajustes/mensajes', allow: ADMINS },
	{ kind: 'page', route: '/(app)/recordatorios', url: () => '/recordatorios', allow: OFFICE_ANY_ORG },
	{ kind: 'page', route: '/(app)/ajustes/seguimiento', url: () => '/ajustes/seguimiento', allow: ADMINS },
	{ kind: 'page', route: '/(app)/ajustes/cancelacion', url: () => '/ajustes/cancelacion', allow: ADMINS },
	{ kind: 'page', route: '/(app)/ajustes/checklists', url: () => '/ajustes/checklists', allow: ADMINS },
	{ kind: 'page', route: '/(app)/ajustes/etapas', url: () => '/ajustes/etapas', allow: ADMINS },
	{ kind: 'page', route: '/(app)/ajustes/contratos', url: () => '/ajustes/contratos', allow: ADMINS },
	{ kind: 'page', route: '/(app)/ajustes/pantallas', url: () => '/ajustes/pantallas', allow: ADMINS },
	{ kind: 'page', route: '/(app)/ajustes/integraciones', url: () => '/ajustes/integraciones', allow: ADMINS },
	{ kind: 'page', route: '/(app)/ajustes/zonas', url: () => '/ajustes/zonas', allow: ADMINS },
	{ kind: 'page', route: '/(app)/ajustes/zonas/[id]', url: (i) => `/ajustes/zonas/${i.zone}`, allow: ['admin'] },
	{ kind: 'page', route: '/(app)/ajustes/catalogo', url: () => '/ajustes/catalogo', allow: ADMINS },
	{ kind: 'page', route: '/(app)/ajustes/auditoria', url: () => '/ajustes/auditoria', allow: ADMINS },
	{ kind: 'page', route: '/(app)/ajustes/privacidad', url: () => '/ajustes/privacidad', allow: ADMINS },
	{ kind: 'page', route: '/(app)/instalaciones/nueva', url: () => '/instalaciones/nueva', allow: OFFICE_ANY_ORG },
	{
		kind: 'page',
		route: '/(app)/instalaciones/importar',
		url: () => '/instalaciones/importar',
		allow: ['admin', 'coordinator', 'otherOrg']
	},
	{ kind: 'page', route: '/(app)/instalaciones/[id]', url: (i) => `/instalaciones/${i.card}`, allow: OFFICE_OWN },
	{ kind: 'page', route: '/(app)/instalaciones/[id]/hoja', url: (i) => `/instalaciones/${i.card}/hoja`, allow: OFFICE_OWN },
	{ kind: 'page', route: '/(app)/tecnico', url: () => '/tecnico', allow: ['technician'] },
	{ kind: 'page', route: '/(app)/tecnico/mapa', url: () => '/tecnico/mapa', allow: ['technician'] },
	{ kind: 'page', route: '/(app)/tecnico/[id]', url: (i) => `/tecnico/${i.techCard}`, allow: ['technician'] },
	{ kind: 'page', route: '/(app)/notificaciones', url: () => '/notificaciones', allow: SIGNED },

	// form actions
	{ kind: 'action', route: '/login', action: 'default', url: () => '/login', allow: EVERYONE },
	{ kind: 'action', route: '/setup', action: 'default', url: () => '/setup', allow: [] },
	{ kind: 'action', route: '/solicitar', action: 'default', url: () => '/solicitar', allow: EVERYONE },
	{ kind: 'action', route: '/firmar/[token]', action: 'default', url: (i) => `/firmar/${i.signing}`, allow: EVERYONE },
	{ kind: 'action', route: '/(app)/usuarios', action: 'create', url: () => '/usuarios', allow: ADMINS },
	{ kind: 'action', route: '/(app)/usuarios', action: 'update', url: () => '/usuarios', allow: ADMINS },
	...(['resetPassword', 'removeTwoFactor', 'invite', 'revokeInvitation'] as const).map((action) => ({
		kind: 'action' as const,
		route: '/(app)/usuarios',
		action,
		url: () => '/usuarios',
		allow: ADMINS
	})),
	// Without the sealed proof of a right password, the code step refuses everyone.
	{ kind: 'action', route: '/login/codigo', action: 'default', url: () => '/login/codigo', allow: [] },
	{ kind: 'action', route: '/recuperar', action: 'default', url: () => '/recuperar', allow: EVERYONE },
	{ kind: 'action', route: '/recuperar/[token]', action: 'default', url: () => `/recuperar/${UNKNOWN_TOKEN}`, allow: EVERYONE },
	{ kind: 'action', route: '/invitacion/[token]', action: 'default', url: () => `/invitacion/${UNKNOWN_TOKEN}`, allow: EVERYONE },
	{ kind: 'action', route: '/(app)/cuenta', action: 'password', url: () => '/cuenta', allow: SIGNED },
	{ kind: 'action', route: '/(app)/cuenta', action: 'twoFactorStart', url: () => '/cuenta', allow: [...COORD, 'otherOrg'] },
	{ kind: 'action', route: '/(app)/cuenta', action: 'twoFactorConfirm', url: () => '/cuenta', allow: [...COORD, 'otherOrg'] },
	{ kind: 'action', route: '/(app)/cuenta', action: 'twoFactorDisable', url: () => '/cuenta', allow: SIGNED },
	{ kind: 'action', route: '/(app)/ajustes', action: 'org', url: () => '/ajustes', allow: ADMINS },
	{ kind: 'action', route: '/(app)/ajustes/llamada', action: 'default', url: () => '/ajustes/llamada', allow: ADMINS },
	{ kind: 'action', route: '/(app)/ajustes/cobro', action: 'default', url: () => '/ajustes/cobro', allow: ADMINS },
	{ kind: 'action', route: '/(app)/ajustes/mensajes', action: 'default', url: () => '/ajustes/mensajes', allow: ADMINS },
	{ kind: 'action', route: '/(app)/ajustes/seguimiento', action: 'default', url: () => '/ajustes/seguimiento', allow: ADMINS },
	...(['save', 'preview', 'purge'] as const).map((action) => ({
		kind: 'action' as const,
		route: '/(app)/ajustes/privacidad',
		action,
		url: () => '/ajustes/privacidad',
		allow: ADMINS
	})),
	{ kind: 'action', route: '/(app)/ajustes/cancelacion', action: 'default', url: () => '/ajustes/cancelacion', allow: ADMINS },
	{ kind: 'action', route: '/(app)/ajustes/checklists', action: 'default', url: () => '/ajustes/checklists', allow: ADMINS },
	{ kind: 'action', route: '/(app)/ajustes/etapas', action: 'default', url: () => '/ajustes/etapas', allow: ADMINS },
	{ kind: 'action', route: '/(app)/ajustes/contratos', action: 'default', url: () => '/ajustes/contratos', allow: ADMINS },
	{ kind: 'action', route: '/(app)/ajustes/pantallas', action: 'create', url: () => '/ajustes/pantallas', allow: ADMINS },
	{ kind: 'action', route: '/(app)/ajustes/pantallas', action: 'revoke', url: () => '/ajustes/pantallas', allow: ADMINS },
	{ kind: 'action', route: '/(app)/ajustes/pantallas', action: 'summary', url: () => '/ajustes/pantallas', allow: ADMINS },
	...(['save', 'test', 'import', 'map', 'retry', 'waSave', 'waTest'] as const).map((action) => ({
		kind: 'action' as const,
		route: '/(app)/ajustes/integraciones',
		action,
		url: () => '/ajustes/integraciones',
		allow: ADMINS
	})),
	{ kind: 'action', route: '/(app)/ajustes/zonas', action: 'delete', url: () => '/ajustes/zonas', allow: ADMINS },
	{ kind: 'action', route: '/(app)/ajustes/zonas/[id]', action: 'default', url: (i) => `/ajustes/zonas/${i.zone}`, allow: ['admin'] },
	{ kind: 'action', route: '/(app)/ajustes/catalogo', action: 'plan', url: () => '/ajustes/catalogo', allow: ADMINS },
	{ kind: 'action', route: '/(app)/ajustes/catalogo', action: 'product', url: () => '/ajustes/catalogo', allow: ADMINS },
	{
		kind: 'action',
		route: '/(app)/calendario',
		action: 'reschedule',
		url: () => '/calendario',
		allow: ['admin', 'coordinator', 'otherOrg']
	},
	{ kind: 'action', route: '/(app)/llamadas', action: 'siguiente', url: () => '/llamadas', allow: OFFICE_ANY_ORG },
	{ kind: 'action', route: '/(app)/llamadas', action: 'soltar', url: () => '/llamadas', allow: OFFICE_ANY_ORG },
	{ kind: 'action', route: '/(app)/instalaciones/nueva', action: 'default', url: () => '/instalaciones/nueva', allow: OFFICE_ANY_ORG },
	...(['preview', 'importar'] as const).map((action) => ({
		kind: 'action' as const,
		route: '/(app)/instalaciones/importar',
		action,
		url: () => '/instalaciones/importar',
		allow: ['admin', 'coordinator', 'otherOrg'] as Audience[]
	})),
	{ kind: 'action', route: '/(app)/tecnico/[id]', action: 'campos', url: (i) => `/tecnico/${i.techCard}`, allow: ['technician'] },
	{ kind: 'action', route: '/(app)/tecnico/[id]', action: 'completar', url: (i) => `/tecnico/${i.techCard}`, allow: ['technician'] },
	{ kind: 'action', route: '/(app)/tecnico/[id]', action: 'firmar', url: (i) => `/tecnico/${i.techCard}`, allow: ['technician'] },
	{ kind: 'action', route: '/(app)/notificaciones', action: 'preferencias', url: () => '/notificaciones', allow: SIGNED },

	// endpoints
	{ kind: 'endpoint', route: '/healthz', method: 'GET', url: () => '/healthz', allow: EVERYONE },
	// Open to this machine (the tests' own address), no session involved; elsewhere it needs METRICS_TOKEN (metrics.test.ts).
	{ kind: 'endpoint', route: '/metrics', method: 'GET', url: () => '/metrics', allow: EVERYONE },
	{ kind: 'endpoint', route: '/archivos/[fileId]', method: 'GET', url: (i) => `/archivos/${i.file}`, allow: OFFICE_OWN },
	{
		kind: 'endpoint',
		route: '/api/exportar/csv',
		method: 'GET',
		url: () => '/api/exportar/csv?desde=2026-01-01&hasta=2026-12-31',
		allow: ['admin', 'coordinator', 'otherOrg']
	},
	{ kind: 'endpoint', route: '/(app)/ajustes/auditoria/csv', method: 'GET', url: () => '/ajustes/auditoria/csv', allow: ADMINS },
	{
		kind: 'endpoint',
		route: '/(app)/reportes/descargar/[key]',
		method: 'GET',
		url: () => '/reportes/descargar/embudo?formato=xlsx',
		allow: ['admin', 'coordinator', 'otherOrg']
	},
	{ kind: 'endpoint', route: '/pantalla/[token]/resumen', method: 'GET', url: (i) => `/pantalla/${i.display}/resumen`, allow: EVERYONE },
	{
		kind: 'endpoint',
		route: '/api/exportar/routeros',
		method: 'GET',
		url: (i) => `/api/exportar/routeros?instalacion=${i.card}`,
		allow: COORD
	},
	{ kind: 'endpoint', route: '/api/instalaciones/[id]/tarjeta', method: 'GET', url: card('/tarjeta'), allow: OFFICE_OWN },
	{ kind: 'endpoint', route: '/api/instalaciones/[id]/campo', method: 'PATCH', url: card('/campo'), allow: OFFICE_OWN },
	{ kind: 'endpoint', route: '/api/instalaciones/[id]/guion', method: 'POST', url: card('/guion'), allow: OFFICE_OWN },
	{ kind: 'endpoint', route: '/api/instalaciones/[id]/cobertura', method: 'POST', url: card('/cobertura'), allow: OFFICE_OWN },
	{ kind: 'endpoint', route: '/api/instalaciones/[id]/checklist', method: 'POST', url: card('/checklist'), allow: OFFICE_OWN },
	{ kind: 'endpoint', route: '/api/instalaciones/[id]/historial', method: 'GET', url: card('/historial'), allow: OFFICE_OWN },
	{ kind: 'endpoint', route: '/api/instalaciones/[id]/mover', method: 'POST', url: card('/mover'), allow: OFFICE_OWN },
	{ kind: 'endpoint', route: '/api/instalaciones/[id]/cancelacion', method: 'GET', url: card('/cancelacion'), allow: OFFICE_OWN },
	{ kind: 'endpoint', route: '/api/instalaciones/[id]/reabrir', method: 'POST', url: card('/reabrir'), allow: COORD },
	// ARCO: the customer's personal data, exported or erased; only their provider's admin.
	{ kind: 'endpoint', route: '/api/instalaciones/[id]/arco', method: 'GET', url: card('/arco'), allow: ['admin'] },
	{ kind: 'endpoint', route: '/api/instalaciones/[id]/arco', method: 'POST', url: card('/arco'), allow: ['admin'] },
	{ kind: 'endpoint', route: '/api/instalaciones/[id]/duplicados', method: 'POST', url: card('/duplicados'), allow: OFFICE_OWN },
	{ kind: 'endpoint', route: '/api/instalaciones/[id]/archivos', method: 'GET', url: card('/archivos'), allow: OFFICE_OWN },
	{ kind: 'endpoint', route: '/api/instalaciones/[id]/archivos', method: 'POST', url: card('/archivos'), allow: OFFICE_OWN },
	// The technician's offline queue: their own card only.
	{
		kind: 'endpoint',
		route: '/api/instalaciones/[id]/tecnico',
		method: 'POST',
		url: (i) => `/api/instalaciones/${i.techCard}/tecnico`,
		allow: ['technician']
	},
	{
		kind: 'endpoint',
		route: '/api/instalaciones/[id]/tecnico/foto',
		method: 'POST',
		url: (i) => `/api/instalaciones/${i.techCard}/tecnico/foto`,
		allow: ['technician']
	},
	{ kind: 'endpoint', route: '/api/instalaciones/[id]/conexion', method: 'GET', url: card('/conexion'), allow: OFFICE_OWN },
	{ kind: 'endpoint', route: '/api/instalaciones/[id]/conexion', method: 'POST', url: card('/conexion'), allow: COORD },
	{ kind: 'endpoint', route: '/api/instalaciones/[id]/asignacion', method: 'GET', url: card('/asignacion'), allow: OFFICE_OWN },
	{ kind: 'endpoint', route: '/api/instalaciones/[id]/asignacion', method: 'POST', url: card('/asignacion'), allow: COORD },
	{ kind: 'endpoint', route: '/api/instalaciones/[id]/cobros', method: 'GET', url: card('/cobros'), allow: OFFICE_OWN },
	{ kind: 'endpoint', route: '/api/instalaciones/[id]/cobros', method: 'POST', url: card('/cobros'), allow: OFFICE_OWN },
	{ kind: 'endpoint', route: '/api/reportes/[slug]', method: 'GET', url: () => '/api/reportes/embudo', allow: [...COORD, 'otherOrg'] },
	{ kind: 'endpoint', route: '/api/instalaciones/[id]/pagos', method: 'GET', url: card('/pagos'), allow: OFFICE_OWN },
	{ kind: 'endpoint', route: '/api/instalaciones/[id]/whatsapp', method: 'GET', url: card('/whatsapp'), allow: OFFICE_OWN },
	{ kind: 'endpoint', route: '/api/instalaciones/[id]/whatsapp', method: 'POST', url: card('/whatsapp'), allow: OFFICE_OWN },
	// Meta's webhook is public but proves itself: without the verify token or the signature everyone is refused.
	{ kind: 'endpoint', route: '/api/whatsapp/webhook', method: 'GET', url: () => '/api/whatsapp/webhook', allow: [] },
	{ kind: 'endpoint', route: '/api/whatsapp/webhook', method: 'POST', url: () => '/api/whatsapp/webhook', allow: [] },
	{ kind: 'endpoint', route: '/api/instalaciones/[id]/pagos', method: 'POST', url: card('/pagos'), allow: OFFICE_OWN },
	{ kind: 'endpoint', route: '/api/instalaciones/[id]/mensajes', method: 'GET', url: card('/mensajes'), allow: OFFICE_OWN },
	{ kind: 'endpoint', route: '/api/instalaciones/[id]/mensajes', method: 'POST', url: card('/mensajes'), allow: OFFICE_OWN },
	{ kind: 'endpoint', route: '/api/notificaciones', method: 'GET', url: () => '/api/notificaciones', allow: SIGNED },
	{ kind: 'endpoint', route: '/api/notificaciones', method: 'POST', url: () => '/api/notificaciones', allow: SIGNED },
	{ kind: 'endpoint', route: '/api/instalaciones/[id]/llamadas', method: 'GET', url: card('/llamadas'), allow: OFFICE_OWN },
	{ kind: 'endpoint', route: '/api/instalaciones/[id]/llamadas', method: 'POST', url: card('/llamadas'), allow: OFFICE_OWN },
	{
		kind: 'endpoint',
		route: '/api/instalaciones/[id]/pagos/[pagoId]/recibo',
		method: 'GET',
		url: (i) => `/api/instalaciones/${i.card}/pagos/${i.payment}/recibo`,
		allow: OFFICE_OWN
	},
	{ kind: 'endpoint', route: '/api/instalaciones/[id]/servicios', method: 'GET', url: card('/servicios'), allow: OFFICE_OWN },
	{ kind: 'endpoint', route: '/api/instalaciones/[id]/servicios', method: 'POST', url: card('/servicios'), allow: OFFICE_OWN },
	{ kind: 'endpoint', route: '/api/instalaciones/[id]/documentos', method: 'GET', url: card('/documentos'), allow: OFFICE_OWN },
	{
		kind: 'endpoint',
		route: '/api/instalaciones/[id]/documentos/contenido',
		method: 'GET',
		url: card('/documentos/contenido?tipo=hoja_instalacion'),
		allow: OFFICE_OWN
	},
	{
		kind: 'endpoint',
		route: '/api/instalaciones/[id]/documentos/contrato',
		method: 'POST',
		url: card('/documentos/contrato'),
		allow: OFFICE_OWN
	},
	{
		kind: 'endpoint',
		route: '/api/instalaciones/[id]/documentos/enlace',
		method: 'POST',
		url: card('/documentos/enlace'),
		allow: OFFICE_OWN
	},
	{
		kind: 'endpoint',
		route: '/api/instalaciones/[id]/documentos/enlace',
		method: 'DELETE',
		url: card('/documentos/enlace'),
		allow: OFFICE_OWN
	},
	{
		kind: 'endpoint',
		route: '/api/instalaciones/[id]/documentos/firmar',
		method: 'POST',
		url: card('/documentos/firmar'),
		allow: OFFICE_OWN
	},
	{ kind: 'endpoint', route: '/api/instalaciones/[id]/documentos/pdf', method: 'POST', url: card('/documentos/pdf'), allow: OFFICE_OWN },

	{ kind: 'endpoint', route: '/(app)/intentos-fallidos', method: 'POST', url: () => '/intentos-fallidos', allow: SIGNED },

	// last, because it ends the sessions used above
	{ kind: 'endpoint', route: '/logout', method: 'POST', url: () => '/logout', allow: EVERYONE, loginRedirectIsSuccess: true },

	// socket events (main namespace; anon and display tokens can't even connect)
	{ kind: 'socket', route: 'card:move', allow: OFFICE_OWN },
	{ kind: 'socket', route: 'board:since', allow: SIGNED },
	{ kind: 'socket', route: 'presence:open', allow: SIGNED },
	{ kind: 'socket', route: 'heartbeat', allow: SIGNED }
];
