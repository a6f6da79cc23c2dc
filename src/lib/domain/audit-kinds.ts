/**
 * What the organisation's audit log records: one row per kind of action an admin may need to
 * answer for (LFPDPPP: who saw a customer's personal data, and when). The page's filter, the
 * labels and the CSV derive from this table; services record through `services/audit.ts`.
 */
export const AUDIT_KINDS = [
	'login',
	'login_failed',
	'user_created',
	'user_role_changed',
	'user_deactivated',
	'user_reactivated',
	'settings_changed',
	'display_created',
	'display_revoked',
	'signing_link_created',
	'signing_link_used',
	'export_csv',
	'export_routeros',
	'file_viewed',
	'file_downloaded',
	'document_opened',
	'audit_exported',
	'report_exported',
	'leads_imported'
] as const;

export type AuditKind = (typeof AUDIT_KINDS)[number];

export const isAuditKind = (v: unknown): v is AuditKind => typeof v === 'string' && (AUDIT_KINDS as readonly string[]).includes(v);

/** Spanish and English names of each kind (the CSV is written in the reader's language too). */
export const AUDIT_KIND_LABELS: Record<AuditKind, { es: string; en: string }> = {
	login: { es: 'Inicio de sesión', en: 'Sign-in' },
	login_failed: { es: 'Inicio de sesión fallido', en: 'Failed sign-in' },
	user_created: { es: 'Usuario creado', en: 'User created' },
	user_role_changed: { es: 'Rol cambiado', en: 'Role changed' },
	user_deactivated: { es: 'Usuario desactivado', en: 'User deactivated' },
	user_reactivated: { es: 'Usuario reactivado', en: 'User reactivated' },
	settings_changed: { es: 'Ajustes cambiados', en: 'Settings changed' },
	display_created: { es: 'Pantalla creada', en: 'Display created' },
	display_revoked: { es: 'Pantalla revocada', en: 'Display revoked' },
	signing_link_created: { es: 'Enlace de firma creado', en: 'Signing link created' },
	signing_link_used: { es: 'Enlace de firma usado', en: 'Signing link used' },
	export_csv: { es: 'Exportación CSV', en: 'CSV export' },
	export_routeros: { es: 'Exportación RouterOS', en: 'RouterOS export' },
	file_viewed: { es: 'Archivo del cliente visto', en: 'Customer file viewed' },
	file_downloaded: { es: 'Archivo del cliente descargado', en: 'Customer file downloaded' },
	document_opened: { es: 'Documento abierto para imprimir', en: 'Document opened to print' },
	audit_exported: { es: 'Bitácora exportada', en: 'Audit log exported' },
	report_exported: { es: 'Reporte descargado', en: 'Report downloaded' },
	leads_imported: { es: 'Clientes importados de un archivo', en: 'Leads imported from a file' }
};

type Lang = 'es' | 'en';

/** Names of the details a row may carry; a detail is always stored as readable text or a number. */
export const AUDIT_DETAIL_LABELS: Record<string, Record<Lang, string>> = {
	file: { es: 'archivo', en: 'file' },
	document: { es: 'documento', en: 'document' },
	role: { es: 'rol', en: 'role' },
	previousRole: { es: 'rol anterior', en: 'previous role' },
	email: { es: 'correo', en: 'email' },
	changed: { es: 'cambió', en: 'changed' },
	rows: { es: 'filas', en: 'rows' },
	created: { es: 'creadas', en: 'created' },
	skipped: { es: 'sin importar', en: 'not imported' },
	desde: { es: 'desde', en: 'from' },
	hasta: { es: 'hasta', en: 'to' },
	kind: { es: 'tipo', en: 'kind' },
	user: { es: 'persona', en: 'person' },
	zone: { es: 'zona', en: 'zone' },
	signer: { es: 'firmó', en: 'signed by' },
	expires: { es: 'vence', en: 'expires' },
	formato: { es: 'formato', en: 'format' }
};

const ROLE_LABELS: Record<string, Record<Lang, string>> = {
	admin: { es: 'administrador', en: 'admin' },
	coordinator: { es: 'coordinador', en: 'coordinator' },
	agent: { es: 'asesor', en: 'agent' },
	technician: { es: 'técnico', en: 'technician' }
};

function detailValue(key: string, v: string | number | boolean | null, lang: Lang): string {
	if (v === null) return '—';
	if (typeof v === 'boolean') return v ? (lang === 'en' ? 'yes' : 'sí') : 'no';
	if ((key === 'role' || key === 'previousRole') && typeof v === 'string') return ROLE_LABELS[v]?.[lang] ?? v;
	if (key === 'kind' && isAuditKind(v)) return AUDIT_KIND_LABELS[v][lang];
	return String(v);
}

/** «archivo: INE frontal.jpg · filas: 12», in the reader's language. */
export function auditDetailsText(details: Record<string, string | number | boolean | null> | null, lang: Lang): string {
	return Object.entries(details ?? {})
		.map(([k, v]) => `${AUDIT_DETAIL_LABELS[k]?.[lang] ?? k}: ${detailValue(k, v, lang)}`)
		.join(' · ');
}
