import type { BoardCard, BoardSnapshot } from './types';

/**
 * Page data travels as devalue, whose cost grows with the number of values, and 2,000 cards as
 * objects repeat 24 keys each. The board's page data therefore sends each card as a row of values
 * in this order; the page's universal load turns them back into cards before anything sees them.
 */
const FIELDS = [
	'id', 'folio', 'stage', 'position', 'version', 'fullName', 'colonia', 'zoneId', 'zoneName', 'planId', 'planName',
	'contractType', 'installationDate', 'installationTime', 'technicianId', 'technicianName', 'technicianColor',
	'stageChangedAt', 'cancelReason', 'cancelNote', 'sheetSigned', 'contractSigned', 'badge', 'missing'
] as const satisfies readonly (keyof BoardCard)[];

// Fails to compile when BoardCard gains a field that FIELDS doesn't carry.
type Unpacked = Exclude<keyof BoardCard, (typeof FIELDS)[number]>;
const everyField: [Unpacked] extends [never] ? true : never = true;
void everyField;

export interface PackedSnapshot extends Omit<BoardSnapshot, 'cards'> {
	cards: unknown[][];
}

// Cards are immutable once projected, so each is packed once.
const packed = new WeakMap<BoardCard, unknown[]>();

export function packSnapshot(snapshot: BoardSnapshot): PackedSnapshot {
	return {
		...snapshot,
		cards: snapshot.cards.map((card) => {
			let row = packed.get(card);
			if (!row) packed.set(card, (row = FIELDS.map((f) => card[f])));
			return row;
		})
	};
}

export function unpackSnapshot(packed: PackedSnapshot): BoardSnapshot {
	const cards = packed.cards.map((row) => {
		const card: Record<string, unknown> = {};
		for (let i = 0; i < FIELDS.length; i++) card[FIELDS[i]] = row[i];
		return card as unknown as BoardCard;
	});
	return { ...packed, cards };
}
