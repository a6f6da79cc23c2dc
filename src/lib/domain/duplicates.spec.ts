import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MERGE_FILL_FIELDS, mergeFill, sharedLabel } from './duplicates';

const value = fc.oneof(fc.constant(null), fc.constant(''), fc.constant('  '), fc.string({ minLength: 1, maxLength: 8 }), fc.boolean());
const phone = fc.constantFrom('9981112233', '9984445566', null);
const card = fc.record({
	...Object.fromEntries(MERGE_FILL_FIELDS.map((f) => [f, value])),
	phone,
	comments: fc.oneof(fc.constant(null), fc.string({ maxLength: 12 }))
}) as fc.Arbitrary<Record<string, unknown>>;
const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && !v.trim());

describe('mergeFill', () => {
	it('fills only the older card’s empty fields, never overwrites one, and keeps both cards’ comments', () => {
		fc.assert(
			fc.property(card, card, (older, newer) => {
				const fills = mergeFill(older, newer, 44);
				for (const { field, value } of fills) {
					if (field === 'comments') continue;
					expect(blank(older[field])).toBe(true);
					expect(blank(value)).toBe(false);
					if (field !== 'phoneAlt') expect(value).toBe(newer[field]);
				}
				expect(new Set(fills.map((f) => f.field)).size).toBe(fills.length);
				const comments = fills.find((f) => f.field === 'comments');
				const theirs = typeof newer.comments === 'string' ? newer.comments.trim() : '';
				expect(!!comments).toBe(!!theirs);
				if (comments) {
					expect(comments.value).toContain(`De #44: ${theirs}`);
					if (typeof older.comments === 'string' && older.comments.trim())
						expect(String(comments.value).startsWith(`${older.comments.trim()}\n\n`)).toBe(true);
				}
			})
		);
	});

	it('a different main phone of the newer card becomes the additional phone when there is none', () => {
		const older = { phone: '9981112233', phoneAlt: null };
		expect(mergeFill(older, { phone: '9984445566', phoneAlt: null }, 44)).toEqual([{ field: 'phoneAlt', value: '9984445566' }]);
		expect(mergeFill(older, { phone: '9981112233', phoneAlt: null }, 44)).toEqual([]);
		expect(mergeFill(older, { phone: '9984445566', phoneAlt: '9981112233' }, 44)).toEqual([]);
		expect(mergeFill({ ...older, phoneAlt: '9987778899' }, { phone: '9984445566', phoneAlt: null }, 44)).toEqual([]);
	});
});

describe('sharedLabel', () => {
	it.each([
		[['phone'], 'mismo teléfono'],
		[['email'], 'mismo correo'],
		[['phone', 'email'], 'mismo teléfono y correo']
	] as const)('%j → %s', (fields, label) => expect(sharedLabel(fields)).toBe(label));
});
