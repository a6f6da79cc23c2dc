import type { RawRunner } from './client';
import { CARD_FIELDS, CARD_FIELD_KEYS, toWire, type CardField, type FieldValue } from '$lib/schemas/card';

export interface LockedCard {
	id: string;
	stage: string;
	version: number;
	position: number;
	technicianId: string | null;
	raw: Record<string, unknown>;
}

// Every column comes from the fixed CARD_FIELDS map, never from input, so interpolating is safe.
const COLUMNS = [...new Set(CARD_FIELD_KEYS.map((f) => CARD_FIELDS[f].column))]
	.map((c) => (c === 'installation_date' ? `${c}::text as ${c}` : c))
	.join(', ');

/** Reads (and with `lock`, locks until commit) the editable columns of one card. */
export async function readCardFields(db: RawRunner, orgId: string, id: string, lock = false): Promise<LockedCard | null> {
	const [row] = await db.query<Record<string, unknown>>(
		`select id, stage, version, position, technician_id, folio::int as folio, ${COLUMNS} from installations
		 where org_id = $1 and id = $2 ${lock ? 'for update' : ''}`,
		[orgId, id]
	);
	if (!row) return null;
	return {
		id: row.id as string,
		stage: row.stage as string,
		version: row.version as number,
		position: row.position as number,
		technicianId: (row.technician_id as string | null) ?? null,
		raw: row
	};
}

export function dbValueOf(card: LockedCard, field: CardField): unknown {
	const def = CARD_FIELDS[field];
	if (def.kind === 'list') {
		const extra = (typeof card.raw.extra === 'string' ? JSON.parse(card.raw.extra) : card.raw.extra) as Record<string, unknown> | null;
		return extra?.[field] ?? [];
	}
	return card.raw[def.column];
}

/** The wire values of every editable field, for the panel. */
export function wireValues(card: LockedCard): Record<CardField, FieldValue> {
	return Object.fromEntries(CARD_FIELD_KEYS.map((f) => [f, toWire(f, dbValueOf(card, f))])) as Record<CardField, FieldValue>;
}

/** Writes one field; `stamp` fields keep their first timestamp while they stay ticked. */
export async function writeCardField(db: RawRunner, card: LockedCard, field: CardField, value: unknown): Promise<void> {
	const def = CARD_FIELDS[field];
	if (def.kind === 'list') {
		await db.query(`update installations set extra = jsonb_set(extra, '{${field}}', $1::text::jsonb) where id = $2`, [
			JSON.stringify(value),
			card.id
		]);
		return;
	}
	if (def.kind === 'stamp') {
		await db.query(
			`update installations set ${def.column} = case when $1::boolean then coalesce(${def.column}, now()) else null end where id = $2`,
			[value, card.id]
		);
		return;
	}
	const cast =
		def.kind === 'date'
			? '::date'
			: def.kind === 'cents'
				? '::int'
				: def.kind === 'bool'
					? '::boolean'
					: field === 'planId'
						? '::uuid'
						: '';
	await db.query(`update installations set ${def.column} = $1${cast} where id = $2`, [value, card.id]);
}
