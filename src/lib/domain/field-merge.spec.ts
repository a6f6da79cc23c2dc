import { describe, expect, it } from 'vitest';
import { mergeFields } from './field-merge';

type F = 'dni' | 'cpeMac' | 'signalNotes';
const current = (over: Partial<Record<F, string | null>> = {}): Record<F, string | null> => ({
	dni: null,
	cpeMac: null,
	signalNotes: null,
	...over
});

describe('mergeFields', () => {
	it('applies what the office did not touch', () => {
		const sut = mergeFields(current({ dni: 'A1' }), { dni: 'A1', cpeMac: null }, { dni: 'B2', cpeMac: 'AA:BB:CC:DD:EE:FF' });
		expect(sut).toEqual({ apply: { dni: 'B2', cpeMac: 'AA:BB:CC:DD:EE:FF' }, conflicts: [] });
	});

	it('keeps the office value of a field both changed, and reports both values', () => {
		const sut = mergeFields(current({ dni: 'OFICINA', cpeMac: null }), { dni: 'A1', cpeMac: null }, { dni: 'MIO', cpeMac: 'X' });
		expect(sut.apply).toEqual({ cpeMac: 'X' });
		expect(sut.conflicts).toEqual([{ field: 'dni', office: 'OFICINA', mine: 'MIO' }]);
	});

	it('is no conflict when both wrote the same value, and blank equals missing', () => {
		expect(mergeFields(current({ dni: 'MIO' }), { dni: 'A1' }, { dni: 'MIO' })).toEqual({ apply: {}, conflicts: [] });
		expect(mergeFields(current({ signalNotes: null }), { signalNotes: '' }, { signalNotes: 'ok' }).apply).toEqual({ signalNotes: 'ok' });
	});

	it('a field the technician did not send is left alone', () => {
		expect(mergeFields(current({ dni: 'OFICINA' }), {}, {})).toEqual({ apply: {}, conflicts: [] });
	});
});
