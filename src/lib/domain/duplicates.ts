import type { DuplicateField } from '$lib/types/duplicates';

/** A closed card (activa, cancelada) still catches duplicates this many days after it closed. */
export const DUPLICATE_RECENT_DAYS = 90;

/** The customer data a merge copies from the newer card into the older one's empty fields. */
export const MERGE_FILL_FIELDS = [
	'email',
	'phoneAlt',
	'addrSm',
	'addrMz',
	'addrLt',
	'addrExt',
	'addrInt',
	'addrBuilding',
	'addrStreet',
	'addrColonia',
	'addrCity',
	'howHeard',
	'houseOwnership',
	'rooftopAccess',
	'rooftopKey',
	'fiberCrossing',
	'fiberCrossingNote',
	'modemNearOutlet'
] as const;

/** «mismo teléfono», «mismo correo», «mismo teléfono y correo» (the history and the 409s are Spanish). */
export function sharedLabel(fields: readonly DuplicateField[]): string {
	const phone = fields.includes('phone');
	const email = fields.includes('email');
	return phone && email ? 'mismo teléfono y correo' : phone ? 'mismo teléfono' : 'mismo correo';
}

const empty = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/**
 * What a merge writes into the kept (older) card: each empty customer field takes the newer card's
 * value; a different main phone of the newer becomes the additional phone when that is empty; the
 * newer's comments are appended under a line naming its folio. Values are database values.
 */
export function mergeFill(
	older: Record<string, unknown>,
	newer: Record<string, unknown>,
	newerFolio: number
): { field: string; value: unknown }[] {
	const out: { field: string; value: unknown }[] = [];
	for (const field of MERGE_FILL_FIELDS) {
		let value = newer[field];
		if (field === 'phoneAlt' && empty(value) && newer.phone !== older.phone) value = newer.phone;
		if (field === 'phoneAlt' && value === older.phone) continue;
		if (empty(older[field]) && !empty(value)) out.push({ field, value });
	}
	const comments = typeof newer.comments === 'string' ? newer.comments.trim() : '';
	if (comments) {
		const mine = typeof older.comments === 'string' ? older.comments.trim() : '';
		out.push({ field: 'comments', value: `${mine ? `${mine}\n\n` : ''}De #${newerFolio}: ${comments}` });
	}
	return out;
}
