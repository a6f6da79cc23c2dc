/**
 * What the organisation's audit log records: one row per kind of action an admin may need to
 * answer for (LFPDPPP: who saw a customer's personal data, and when). The page's filter, the
 * labels and the CSV derive from this table; services record through `services/audit.ts`.
 */
import { REPORTS } from './reports';
import { SETTINGS_LABELS, SETTINGS_LABELS_EN } from './settings-labels';

export const AUDIT_KINDS = [
	'login',
	'login_failed',
	'user_created',
	'user_role_changed',
	'user_deactivated',
	'user_reactivated',
	'password_changed',
	'password_reset_by_admin',
	'password_reset_requested',
	'password_reset_completed',
	'invitation_created',
	'invitation_revoked',
	'invitation_accepted',
	'two_factor_enabled',
	'two_factor_disabled',
	'two_factor_failed',
	'recovery_code_used',
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
	'leads_imported',
	'personal_data_exported',
	'personal_data_erased',
	'documents_purged'
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
	password_changed: { es: 'Contraseña cambiada', en: 'Password changed' },
	password_reset_by_admin: { es: 'Contraseña restablecida por un administrador', en: 'Password reset by an admin' },
	password_reset_requested: { es: 'Enlace para restablecer la contraseña enviado', en: 'Password reset link sent' },
	password_reset_completed: { es: 'Contraseña restablecida por correo', en: 'Password reset by email' },
	invitation_created: { es: 'Invitación creada', en: 'Invitation created' },
	invitation_revoked: { es: 'Invitación revocada', en: 'Invitation revoked' },
	invitation_accepted: { es: 'Invitación aceptada', en: 'Invitation accepted' },
	two_factor_enabled: { es: 'Verificación en dos pasos activada', en: 'Two-factor authentication enabled' },
	two_factor_disabled: { es: 'Verificación en dos pasos desactivada', en: 'Two-factor authentication disabled' },
	two_factor_failed: { es: 'Código de verificación incorrecto', en: 'Wrong verification code' },
	recovery_code_used: { es: 'Código de recuperación usado', en: 'Recovery code used' },
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
	leads_imported: { es: 'Clientes importados de un archivo', en: 'Leads imported from a file' },
	personal_data_exported: { es: 'Datos personales exportados (ARCO)', en: 'Personal data exported (ARCO)' },
	personal_data_erased: { es: 'Datos personales eliminados (ARCO)', en: 'Personal data erased (ARCO)' },
	documents_purged: { es: 'Documentos de cancelados borrados (retención)', en: 'Cancelled customers’ documents deleted (retention)' }
};

type Lang = 'es' | 'en';

/** Who the log names for a scheduled job (retention, reminders): the app's own words, not a person. */
export const SYSTEM_ACTOR: Record<Lang, string> = { es: 'Tarea automática', en: 'Automatic task' };

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
	formato: { es: 'formato', en: 'format' },
	reason: { es: 'motivo', en: 'reason' },
	files: { es: 'archivos', en: 'files' },
	cards: { es: 'tarjetas', en: 'cards' },
	days: { es: 'días', en: 'days' },
	automatic: { es: 'automático', en: 'automatic' },
	remaining: { es: 'códigos restantes', en: 'codes left' },
	via: { es: 'enviada por', en: 'sent by' },
	sessionsEnded: { es: 'sesiones cerradas', en: 'sessions ended' }
};

const ROLE_LABELS: Record<string, Record<Lang, string>> = {
	admin: { es: 'administrador', en: 'admin' },
	coordinator: { es: 'coordinador', en: 'coordinator' },
	agent: { es: 'asesor', en: 'agent' },
	technician: { es: 'técnico', en: 'technician' }
};

/**
 * The words services store inside details (older rows hold them too), by detail: a document's
 * name, how an invitation went out, the settings that changed. Anything else is shown as stored.
 */
const STORED_WORDS_EN: Record<string, Record<string, string>> = {
	document: {
		Contrato: 'Contract',
		'Hoja de instalación': 'Installation sheet',
		'INE frontal': 'ID card (front)',
		'INE atrás': 'ID card (back)',
		'Comprobante de domicilio': 'Proof of address',
		'Confirmación contrato a 12 meses': '12-month contract confirmation',
		'Foto de la instalación': 'Installation photo',
		Otro: 'Other file',
		'Contrato firmado': 'Signed contract',
		'Hoja de instalación firmada': 'Signed installation sheet'
	},
	via: { correo: 'email', enlace: 'link' },
	changed: {
		...Object.fromEntries(Object.entries(SETTINGS_LABELS).map(([key, es]) => [es, SETTINGS_LABELS_EN[key] ?? key])),
		activación: 'enabled',
		número: 'number',
		token: 'token',
		'clave secreta de la app': 'app secret',
		'token de verificación': 'verify token'
	}
};

/** Details whose value is the organisation's or a customer's own text: a file's or person's name, an email, a reason typed by an admin. */
const DATA_DETAILS = new Set(['file', 'email', 'user', 'zone', 'reason', 'signer']);

function detailValue(key: string, v: string | number | boolean | null, lang: Lang): string {
	if (v === null) return '—';
	if (typeof v === 'boolean') return v ? (lang === 'en' ? 'yes' : 'sí') : 'no';
	if ((key === 'role' || key === 'previousRole') && typeof v === 'string') return ROLE_LABELS[v]?.[lang] ?? v;
	if (key === 'kind' && isAuditKind(v)) return AUDIT_KIND_LABELS[v][lang];
	const words = lang === 'en' ? STORED_WORDS_EN[key] : undefined;
	if (words && typeof v === 'string')
		return key === 'changed'
			? v
					.split(', ')
					.map((w) => words[w] ?? w)
					.join(', ')
			: (words[v] ?? v);
	return String(v);
}

export interface AuditDetailPart {
	label: string;
	value: string;
	/** The value is someone's own text (a name, an email, a reason): the same in every language. */
	data: boolean;
}

/** Each detail as «label: value», in the reader's language. */
export function auditDetailParts(details: Record<string, string | number | boolean | null> | null, lang: Lang): AuditDetailPart[] {
	return Object.entries(details ?? {}).map(([k, v]) => ({
		label: AUDIT_DETAIL_LABELS[k]?.[lang] ?? k,
		value: detailValue(k, v, lang),
		data: DATA_DETAILS.has(k)
	}));
}

/** «archivo: INE frontal.jpg · filas: 12», in the reader's language. */
export function auditDetailsText(details: Record<string, string | number | boolean | null> | null, lang: Lang): string {
	return auditDetailParts(details, lang)
		.map((p) => `${p.label}: ${p.value}`)
		.join(' · ');
}

/** What a row is about: a report's name is translated; a person, customer or display is their own name. */
export function auditTarget(kind: string, target: string | null, lang: Lang): { text: string; data: boolean } {
	if (!target) return { text: '', data: false };
	if (kind === 'report_exported') {
		const report = Object.values(REPORTS).find((r) => r.es === target);
		return { text: report ? report[lang] : target, data: false };
	}
	return { text: target, data: true };
}
