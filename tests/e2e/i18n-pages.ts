/**
 * Every page of the app, per audience, for the language scan (i18n-scan.test.ts). A page added to
 * the app belongs here too, so its text is checked in both languages.
 */
export interface ScanPage {
	path: string;
	/**
	 * Text on this page still in one language only, and why: its findings are printed but do not
	 * fail the scan. Take the page off this list once it is translated.
	 */
	pending?: string;
}

/** The office pages an administrator sees; `{card}` is an assigned card, `{zone}` a zone. */
export const ADMIN_PAGES: ScanPage[] = [
	{ path: '/tablero' },
	{ path: '/calendario' },
	{ path: '/calendario/mapa' },
	{ path: '/llamadas' },
	{ path: '/recordatorios' },
	{ path: '/notificaciones' },
	{ path: '/cuenta' },
	{ path: '/reportes' },
	{ path: '/usuarios' },
	{ path: '/instalaciones/nueva' },
	{ path: '/instalaciones/importar' },
	{ path: '/instalaciones/{card}' },
	{ path: '/instalaciones/{card}?tab=datos' },
	{ path: '/instalaciones/{card}/hoja' },
	{ path: '/ajustes' },
	{ path: '/ajustes/auditoria' },
	{ path: '/ajustes/cancelacion' },
	{ path: '/ajustes/catalogo' },
	{ path: '/ajustes/checklists' },
	{ path: '/ajustes/cobro' },
	{ path: '/ajustes/contratos' },
	{ path: '/ajustes/etapas' },
	{ path: '/ajustes/integraciones' },
	{ path: '/ajustes/llamada' },
	{ path: '/ajustes/mensajes' },
	{ path: '/ajustes/pantallas' },
	{ path: '/ajustes/privacidad' },
	{ path: '/ajustes/seguimiento' },
	{ path: '/ajustes/zonas' },
	{ path: '/ajustes/zonas/{zone}' }
];

export const COORDINATOR_PAGES: ScanPage[] = [
	{ path: '/tablero' },
	{ path: '/calendario' },
	{ path: '/calendario/mapa' },
	{ path: '/llamadas' },
	{ path: '/recordatorios' },
	{ path: '/notificaciones' },
	{ path: '/cuenta' },
	{ path: '/reportes' },
	{ path: '/instalaciones/nueva' },
	{ path: '/instalaciones/{card}' },
	{ path: '/instalaciones/{card}/hoja' }
];

export const AGENT_PAGES: ScanPage[] = [
	{ path: '/tablero' },
	{ path: '/calendario' },
	{ path: '/calendario/mapa' },
	{ path: '/llamadas' },
	{ path: '/recordatorios' },
	{ path: '/notificaciones' },
	{ path: '/cuenta' },
	{ path: '/instalaciones/nueva' },
	{ path: '/instalaciones/{card}' }
];

/** `{job}` is one of the technician's assigned jobs. */
export const TECHNICIAN_PAGES: ScanPage[] = [
	{ path: '/tecnico' },
	{ path: '/tecnico/{job}' },
	{ path: '/tecnico/mapa' },
	{ path: '/tablero' },
	{ path: '/notificaciones' },
	{ path: '/cuenta' }
];

/**
 * Without a session: `{display}` is a TV link, `{sign}` a signing link, `{invite}` an invitation.
 * The password-reset link and the two-step code page need a mailbox and an authenticator app:
 * i18n-account.test.ts scans them.
 */
export const PUBLIC_PAGES: ScanPage[] = [
	{ path: '/login' },
	{ path: '/recuperar' },
	{ path: '/solicitar' },
	{ path: '{display}' },
	{ path: '{sign}' },
	{ path: '{invite}' }
];
