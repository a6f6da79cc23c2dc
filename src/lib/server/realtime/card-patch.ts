import type { CardRow } from '../db/cards';

const ISO_MS = (value: string) => new Date(value).toISOString();

/**
 * The row at `version`, built from the row at the version right before it and the event's patch
 * (to_jsonb spelling), or null when the patch names a column that needs a join, another format
 * or a big value, or names none (a touch): the caller re-reads the card then.
 */
export function patched(row: CardRow, version: number, patch: Record<string, unknown>): CardRow | null {
	if (row.version !== version - 1) return null;
	// A bare version bump is a touch: a joined name or a file changed, which only a read shows.
	if (Object.keys(patch).every((column) => column === 'version')) return null;
	const next: CardRow = { ...row, version };
	for (const [column, value] of Object.entries(patch)) {
		if (!applyColumn(next, column, value)) return null;
	}
	return next;
}

/** Columns a move or a simple edit changes. */
function applyColumn(row: CardRow, column: string, value: unknown): boolean {
	switch (column) {
		case 'version':
			return value === row.version;
		case 'stage':
			row.stage = value as CardRow['stage'];
			return typeof value === 'string';
		case 'position':
			row.position = value as number;
			return typeof value === 'number';
		case 'stage_changed_at':
			if (typeof value !== 'string') return false;
			row.stageChangedAt = ISO_MS(value);
			return true;
		case 'cancel_reason':
			row.cancelReason = value as string | null;
			return value === null || typeof value === 'string';
		case 'cancel_note':
			row.cancelNote = value as string | null;
			return value === null || typeof value === 'string';
		case 'cancelled_at':
			// Read back as PostgreSQL's text form; only its clearing can be applied here.
			row.cancelledAt = null;
			return value === null;
		case 'ip':
			// inet as JSON is "10.0.0.5" for a host address, like host(ip) in the card query.
			row.ip = value as string | null;
			return value === null || (typeof value === 'string' && !value.includes('/'));
		case 'wisphub_state':
			// A move into the provider's WispHub stage queues the sync (the id and error only change by re-read).
			row.wisphubState = value as CardRow['wisphubState'];
			return value === null || typeof value === 'string';
		case 'call_attempts':
			row.callAttempts = value as number;
			return typeof value === 'number';
		case 'last_call_outcome':
			row.lastCallOutcome = value as CardRow['lastCallOutcome'];
			return value === null || typeof value === 'string';
		case 'last_call_at':
		case 'next_contact_at':
			if (value !== null && typeof value !== 'string') return false;
			row[column === 'last_call_at' ? 'lastCallAt' : 'nextContactAt'] = value === null ? null : ISO_MS(value);
			return true;
		default:
			return false;
	}
}
