import type { Database } from '../db';
import type { RawRunner } from '../db/client';
import type { SessionUser } from '../auth';
import * as audit from '../db/audit';
import { AUDIT_KIND_LABELS, SYSTEM_ACTOR, auditDetailsText, auditTarget, type AuditKind } from '$lib/domain/audit-kinds';
import { csvWithBom, toCsv } from '$lib/domain/exports';
import { auditFilterSchema } from '$lib/schemas/audit';
import type { AuditPage } from '$lib/types/audit';
import { parseInput } from '../validation';
import { forbidden } from './errors';

type Runner = Pick<RawRunner, 'query'>;

/** Who did it: a signed-in user (with the address of the request), or nobody (a customer's link). */
export type AuditActor = Pick<SessionUser, 'id' | 'orgId' | 'name'> & { ip?: string | null };

export interface AuditRecord {
	kind: AuditKind;
	/** What it was done to, readable: «#43 Juan Pérez», a user's name, a display's name. */
	target?: string | null;
	details?: Record<string, string | number | boolean | null>;
}

/**
 * THE one way to write the audit log. Call it after the action succeeded, inside its transaction
 * when there is one, so a rolled-back action leaves no row.
 */
export async function recordAudit(db: Runner, actor: AuditActor, r: AuditRecord): Promise<void> {
	await audit.append(db, {
		orgId: actor.orgId,
		userId: actor.id,
		userName: actor.name,
		kind: r.kind,
		target: r.target ?? null,
		details: r.details ?? {},
		ip: actor.ip ?? null
	});
}

/** An action without a signed-in user (a customer signing through a link), still the organisation's. */
export async function recordAnonymousAudit(db: Runner, orgId: string, ip: string | null, r: AuditRecord): Promise<void> {
	await audit.append(db, { orgId, userId: null, userName: null, kind: r.kind, target: r.target ?? null, details: r.details ?? {}, ip });
}

/** What the app's own background work did (the retention purge), named as such in the log. */
export async function recordSystemAudit(db: Runner, orgId: string, r: AuditRecord): Promise<void> {
	await audit.append(db, {
		orgId,
		userId: null,
		userName: SYSTEM_NAME,
		kind: r.kind,
		target: r.target ?? null,
		details: r.details ?? {},
		ip: null
	});
}
export const SYSTEM_NAME = SYSTEM_ACTOR.es;

/** A failed sign-in, on the account of that email when it is one (an unknown email writes nothing). */
export async function recordLoginFailure(db: Runner, email: string, ip: string | null): Promise<void> {
	await audit.appendLoginFailure(db, { email, ip });
}

/** «#43 Juan Pérez»: how the log names a customer's installation. */
export const cardTarget = (card: { folio?: number | null; fullName: string }) =>
	card.folio ? `#${card.folio} ${card.fullName}` : card.fullName;

function requireAdmin(actor: SessionUser) {
	if (actor.role !== 'admin') throw forbidden('Solo un administrador puede ver la bitácora de auditoría.');
}

const PAGE_ROWS = 500;
const CSV_ROWS = 50_000;

export async function auditPage(db: Database, actor: SessionUser, raw: unknown): Promise<AuditPage> {
	requireAdmin(actor);
	const filters = parseInput(auditFilterSchema, raw ?? {});
	const rows = await audit.list(db, actor.orgId, query(filters, actor.timeZone, PAGE_ROWS + 1));
	return {
		entries: rows.slice(0, PAGE_ROWS),
		truncated: rows.length > PAGE_ROWS,
		users: await audit.people(db, actor.orgId),
		filters,
		timeZone: actor.timeZone
	};
}

const query = (f: ReturnType<typeof auditFilterSchema.parse>, timeZone: string, limit: number): audit.AuditQuery => ({
	kind: f.kind,
	userId: f.user,
	from: f.desde,
	to: f.hasta,
	timeZone,
	limit
});

/** The filtered log as CSV, in the admin's language; the export is itself recorded. */
export async function auditCsv(
	db: Database,
	actor: SessionUser,
	raw: unknown
): Promise<{ filename: string; contentType: string; body: Uint8Array }> {
	requireAdmin(actor);
	const filters = parseInput(auditFilterSchema, raw ?? {});
	const rows = await audit.list(db, actor.orgId, query(filters, actor.timeZone, CSV_ROWS));
	const en = actor.locale === 'en';
	const when = new Intl.DateTimeFormat(en ? 'en-US' : 'es-MX', { timeZone: actor.timeZone, dateStyle: 'short', timeStyle: 'medium' });
	const data = rows.map((r) => ({
		at: when.format(new Date(r.at)),
		kind: AUDIT_KIND_LABELS[r.kind as AuditKind]?.[en ? 'en' : 'es'] ?? r.kind,
		user: r.userName === SYSTEM_NAME ? SYSTEM_ACTOR[en ? 'en' : 'es'] : (r.userName ?? (en ? 'Customer (link)' : 'Cliente (enlace)')),
		target: auditTarget(r.kind, r.target ?? null, en ? 'en' : 'es').text,
		details: auditDetailsText(r.details, en ? 'en' : 'es'),
		ip: r.ip ?? ''
	}));
	const columns = en
		? [
				{ key: 'at', label: 'When' },
				{ key: 'kind', label: 'Action' },
				{ key: 'user', label: 'Who' },
				{ key: 'target', label: 'On' },
				{ key: 'details', label: 'Details' },
				{ key: 'ip', label: 'IP' }
			]
		: [
				{ key: 'at', label: 'Fecha y hora' },
				{ key: 'kind', label: 'Acción' },
				{ key: 'user', label: 'Quién' },
				{ key: 'target', label: 'Sobre' },
				{ key: 'details', label: 'Detalle' },
				{ key: 'ip', label: 'IP' }
			];
	await recordAudit(db, actor, {
		kind: 'audit_exported',
		details: { rows: rows.length, ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) }
	});
	return {
		filename: `bitacora-${new Date().toISOString().slice(0, 10)}.csv`,
		contentType: 'text/csv; charset=utf-8',
		body: csvWithBom(toCsv(data, columns))
	};
}
