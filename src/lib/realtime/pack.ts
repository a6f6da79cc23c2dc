import type { BoardCard, BoardSnapshot } from './types';

/**
 * Page data travels as devalue, whose cost grows with the number of values: 2,000 cards as objects
 * repeat 24 keys each, and even as rows of values they were most of a snapshot's time. The board's
 * page data therefore carries its cards as one JSON string of rows in this order (each card's
 * `missing` list as an index into a table of the lists, which many cards share), encoded once per
 * board and reused while the board is unchanged; the page's universal load decodes it before
 * anything sees the cards.
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
	'cancelReason',
	'cancelNote',
	'sheetSigned',
	'contractSigned',
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

// The board read model (server/realtime/board-model.ts) hands out the same unfiltered cards array
// while its board is unchanged (its spec checks it), so an unchanged board is encoded once; any
// other array is simply encoded.
const encoded = new WeakMap<BoardCard[], string>();

export function packSnapshot(snapshot: BoardSnapshot): PackedSnapshot {
	let cards = encoded.get(snapshot.cards);
	if (cards === undefined) encoded.set(snapshot.cards, (cards = encodeCards(snapshot.cards)));
	return { ...snapshot, cards };
}

function encodeCards(cards: BoardCard[]): string {
	const lists: string[][] = [];
	const listIndex = new Map<string[], number>();
	const rows = cards.map((card) =>
		FIELDS.map((f) => {
			if (f !== 'missing') return card[f];
			let i = listIndex.get(card.missing);
			if (i === undefined) listIndex.set(card.missing, (i = lists.push(card.missing) - 1));
			return i;
		})
	);
	return swapQuotes(JSON.stringify({ lists, rows }));
}

/**
 * Page data escapes every `"` of a string, one concatenation each: 2,000 cards of JSON hold some
 * 100,000. Swapping `"` with `¶` (and `¶` with `"`, so any text survives) leaves almost nothing to
 * escape, which halves the cost of sending the string; the swap undoes itself on arrival.
 */
function swapQuotes(text: string): string {
	return text.replace(/["\u00b6]/g, (c) => (c === '"' ? '\u00b6' : '"'));
}

export function unpackSnapshot(packed: PackedSnapshot): BoardSnapshot {
	const { lists, rows } = JSON.parse(swapQuotes(packed.cards)) as { lists: string[][]; rows: unknown[][] };
	const last = FIELDS.length - 1;
	const cards = rows.map((row) => {
		const card: Record<string, unknown> = {};
		for (let i = 0; i < last; i++) card[FIELDS[i]] = row[i];
		card.missing = lists[row[last] as number];
		return card as unknown as BoardCard;
	});
	return { ...packed, cards };
}
