import type { AuditKind } from '$lib/domain/audit-kinds';

/** One row of the organisation's audit log as the admin's page and the CSV read it. */
export interface AuditEntry {
	id: number;
	at: string;
	kind: AuditKind;
	userId: string | null;
	userName: string | null;
	target: string | null;
	details: Record<string, string | number | boolean | null>;
	ip: string | null;
}

export interface AuditFilters {
	kind: AuditKind | null;
	user: string | null;
	desde: string | null;
	hasta: string | null;
}

export interface AuditPage {
	entries: AuditEntry[];
	users: { id: string; name: string }[];
	filters: AuditFilters;
	timeZone: string;
	/** More rows matched than the page shows (the CSV has them all). */
	truncated: boolean;
}
