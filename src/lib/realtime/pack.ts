import type { BoardCard, BoardSnapshot } from '$lib/types/board';
import type { Coded } from '$lib/domain/coded';

/**
 * devalue's cost grows with the number of values, so the board's page data carries its cards as one
 * JSON string of rows in FIELDS order (each card's `missing` list as an index into a table of the
 * lists, which many cards share), encoded once per board and reused while the board is unchanged;
 * the page's universal load decodes it before anything sees the cards.
 */
const FIELDS = [
	'id',
	'folio',
	'stage',
	'position',
	'version',
	'fullName',
	'colonia',
	'zoneId',
	'zoneName',
	'planId',
	'planName',
	'contractType',
	'installationDate',
	'installationTime',
	'technicianId',
	'technicianName',
	'technicianColor',
	'stageChangedAt',
	'createdAt',
	'cancelReason',
	'cancelNote',
	'wisphub',
	'sheetSigned',
	'contractSigned',
	'duplicateOf',
	'payment',
	'callAttempts',
	'lastCallAt',
	'lastCallOutcome',
	'nextContactAt',
	'badge',
	'missing'
] as const satisfies readonly (keyof BoardCard)[];

// Fails to compile when BoardCard gains a field that FIELDS doesn't carry.
type Unpacked = Exclude<keyof BoardCard, (typeof FIELDS)[number]>;
const everyField: [Unpacked] extends [never] ? true : never = true;
void everyField;

export interface PackedSnapshot extends Omit<BoardSnapshot, 'cards'> {
	/** JSON of { lists, rows } (see above). */
	cards: string;
}

// A cards array is encoded once however often it is packed. The board's page now carries only each
// column's first page (board-pages.ts), cut afresh per load, so its few cards are simply encoded.
const encoded = new WeakMap<BoardCard[], string>();

export function packSnapshot(snapshot: BoardSnapshot): PackedSnapshot {
	let cards = encoded.get(snapshot.cards);
	if (cards === undefined) encoded.set(snapshot.cards, (cards = encodeCards(snapshot.cards)));
	return { ...snapshot, cards };
}

function encodeCards(cards: BoardCard[]): string {
	const lists: Coded[][] = [];
	const listIndex = new Map<Coded[], number>();
	const rows = cards.map((card) =>
		FIELDS.map((f) => {
			if (f !== 'missing') return card[f];
			let i = listIndex.get(card.missing);
			if (i === undefined) listIndex.set(card.missing, (i = lists.push(card.missing) - 1));
			return i;
		})
	);
	return JSON.stringify({ lists, rows });
}

export function unpackSnapshot(packed: PackedSnapshot): BoardSnapshot {
	const { lists, rows } = JSON.parse(packed.cards) as { lists: Coded[][]; rows: unknown[][] };
	const last = FIELDS.length - 1;
	const cards = rows.map((row) => {
		const card: Record<string, unknown> = {};
		for (let i = 0; i < last; i++) card[FIELDS[i]] = row[i];
		card.missing = lists[row[last] as number];
		return card as unknown as BoardCard;
	});
	return { ...packed, cards };
}
