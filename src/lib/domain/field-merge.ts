/**
 * Three-way merge of the equipment fields a technician saved offline: what the phone loaded (base),
 * what the technician typed (mine) and what the card holds now (current, maybe edited by the office
 * meanwhile). A field the office did not touch takes the technician's value; a field both changed
 * to different values is a conflict, kept as the office left it until the technician chooses.
 */
export type FieldValues<K extends string> = Partial<Record<K, string | null>>;

export interface FieldConflict<K extends string> {
	field: K;
	office: string | null;
	mine: string | null;
}

export interface MergeResult<K extends string> {
	apply: FieldValues<K>;
	conflicts: FieldConflict<K>[];
}

/** Empty and missing are the same value («» typed into a blank field changes nothing). */
const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? '') === (b ?? '');

export function mergeFields<K extends string>(
	current: Record<K, string | null>,
	base: FieldValues<K>,
	mine: FieldValues<K>
): MergeResult<K> {
	const apply: FieldValues<K> = {};
	const conflicts: FieldConflict<K>[] = [];
	for (const field of Object.keys(mine) as K[]) {
		const value = mine[field];
		if (value === undefined || same(current[field], value)) continue;
		if (same(current[field], base[field])) apply[field] = value;
		else conflicts.push({ field, office: current[field] ?? null, mine: value });
	}
	return { apply, conflicts };
}
