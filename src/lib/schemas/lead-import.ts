import { z } from 'zod';
import { leadSchema } from './lead';
import { fieldSchema, type FieldContext } from './card';
import { IMPORT_FIELDS, IMPORT_MAX_COLUMNS, emptyMapping, type ImportField, type ImportMapping } from '$lib/domain/lead-import';

/**
 * One row of an imported file: the board's lead schema (name, phone, email, where it came from)
 * plus the address and comments, each validated as the card validates it when edited.
 */
export const importRowSchema = (ctx: FieldContext) =>
	leadSchema.extend({
		addrStreet: fieldSchema('addrStreet', ctx),
		addrColonia: fieldSchema('addrColonia', ctx),
		addrCity: fieldSchema('addrCity', ctx),
		howHeard: fieldSchema('howHeard', ctx),
		comments: fieldSchema('comments', ctx)
	});
export type ImportRow = z.output<ReturnType<typeof importRowSchema>>;

const column = z
	.string()
	.optional()
	.transform((v, ctx): number | null => {
		const t = (v ?? '').trim();
		if (t === '') return null;
		const n = Number(t);
		if (!Number.isInteger(n) || n < 0 || n >= IMPORT_MAX_COLUMNS) {
			ctx.addIssue({ code: 'custom', message: 'Elige una columna del archivo.' });
			return z.NEVER;
		}
		return n;
	});

/** The form's field naming the column that fills `field`. */
export const mappingKey = (field: ImportField) => `col_${field}`;

/**
 * What the person chose besides the file: where the leads come from and, once they saw the
 * preview, which column fills each field (`col_fullName=0`…; blank = nothing). `mapping` is null
 * on the first upload (nothing chosen), when the page proposes one from the headers.
 */
export const importOptionsSchema = z
	.object({
		source: leadSchema.shape.source,
		...(Object.fromEntries(IMPORT_FIELDS.map((f) => [mappingKey(f), column])) as Record<string, typeof column>)
	})
	.transform((o) => {
		const mapping: ImportMapping = emptyMapping();
		for (const f of IMPORT_FIELDS) mapping[f] = ((o as Record<string, unknown>)[mappingKey(f)] as number | null | undefined) ?? null;
		const given = IMPORT_FIELDS.some((f) => mapping[f] !== null);
		return { source: o.source as z.output<typeof leadSchema>['source'], mapping: given ? mapping : null };
	});
export type ImportOptions = z.output<typeof importOptionsSchema>;
