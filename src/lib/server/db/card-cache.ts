import type { CardRow } from './cards';

/**
 * Committed card rows this process has seen, by id, each at a known version. Nothing here is
 * trusted blindly: a move applies only if the database still holds that version (board_move
 * answers 'stale' otherwise), a snapshot uses a row only when the database lists the same
 * version, and the fan-out advances a row only from the version right before an event.
 * Rows come from reads outside transactions and from the results of committed statements, so a
 * rolled-back change never lands here.
 */
export class CardCache {
	#rows = new Map<string, { row: CardRow; fetchedAt: number }>();

	constructor(
		readonly maxRows = 50_000,
		/** Joined names (zone, plan, technician) may change without a card event; re-read a row
		 * at least this often when events keep advancing it. */
		readonly maxAgeMs = 60_000
	) {}

	get size(): number {
		return this.#rows.size;
	}

	get(id: string): CardRow | undefined {
		return this.#rows.get(id)?.row;
	}

	/** The row only if it is at exactly this version. */
	at(id: string, version: number): CardRow | undefined {
		const hit = this.#rows.get(id);
		return hit && hit.row.version === version ? hit.row : undefined;
	}

	/** Keeps a committed row unless a newer version is already here. */
	remember(row: CardRow, now = Date.now()): void {
		const hit = this.#rows.get(row.id);
		if (hit && hit.row.version > row.version) return;
		this.#set(row, now);
	}

	/**
	 * Applies a board event to the version before it. Returns the row at `version`, or null when
	 * this process can't build it without reading the database (no previous version, a gap, an
	 * old row, or a patch touching columns that need joins or other formats).
	 */
	advance(id: string, version: number, patch: Record<string, unknown> | null | undefined, now = Date.now()): CardRow | null {
		const hit = this.#rows.get(id);
		if (!hit) return null;
		if (hit.row.version === version) return hit.row;
		if (!patch || hit.row.version !== version - 1 || now - hit.fetchedAt > this.maxAgeMs) return null;
		const next: CardRow = { ...hit.row, version };
		for (const [column, value] of Object.entries(patch)) {
			if (!applyColumn(next, column, value)) return null;
		}
		this.#rows.set(id, { row: next, fetchedAt: hit.fetchedAt });
		return next;
	}

	forget(id: string): void {
		this.#rows.delete(id);
	}

	forgetOrg(orgId: string): void {
		for (const [id, { row }] of this.#rows) if (row.orgId === orgId) this.#rows.delete(id);
	}

	#set(row: CardRow, fetchedAt: number) {
		this.#rows.delete(row.id); // re-inserting keeps the Map in least-recently-written order
		this.#rows.set(row.id, { row, fetchedAt });
		if (this.#rows.size > this.maxRows) this.#rows.delete(this.#rows.keys().next().value!);
	}
}

const ISO_MS = (value: string) => new Date(value).toISOString();

/** Columns a move or a simple edit changes, as the board event's patch (to_jsonb) spells them. */
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
		default:
			return false;
	}
}

const caches = new WeakMap<object, CardCache>();

/** One cache per database handle, so two databases in one process (tests) never mix rows. */
export function cardCacheFor(db: object): CardCache {
	let cache = caches.get(db);
	if (!cache) caches.set(db, (cache = new CardCache()));
	return cache;
}
