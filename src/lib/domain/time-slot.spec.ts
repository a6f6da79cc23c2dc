import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseTimeSlot, slotSortKey, timeSlotEs } from './time-slot';

describe('timeSlotEs', () => {
	it.each([
		['mañana', 'por la mañana'],
		['Mañana', 'por la mañana'],
		['manana', 'por la mañana'],
		['tarde', 'por la tarde'],
		[' TARDE ', 'por la tarde'],
		['por la tarde', 'por la tarde'],
		['noche', 'por la noche'],
		['09:00:00', '09:00'],
		['9:30', '09:30'],
		['09:00–11:00', '09:00–11:00'],
		['09:00 - 11:00', '09:00–11:00'],
		['después de las 4', 'después de las 4']
	])('%s → %s', (raw, text) => {
		expect(timeSlotEs(raw)).toBe(text);
	});

	it('is null when nothing was agreed', () => {
		expect(timeSlotEs(null)).toBeNull();
		expect(timeSlotEs('   ')).toBeNull();
	});

	it('never shows a bare «mañana», which under a date reads as "tomorrow"', () => {
		fc.assert(
			fc.property(fc.constantFrom('mañana', 'MAÑANA', ' mañana', 'Manana', 'tarde'), fc.string(), (slot, pad) => {
				const text = timeSlotEs(slot + pad.replace(/\S/g, ' '));
				expect(text).toMatch(/^por la /);
			})
		);
	});
});

describe('parseTimeSlot and slotSortKey', () => {
	it('tells parts of the day from clock times', () => {
		expect(parseTimeSlot('mañana')).toEqual({ kind: 'part', part: 'manana' });
		expect(parseTimeSlot('13:00:00')).toEqual({ kind: 'time', text: '13:00' });
		expect(parseTimeSlot('al mediodía')).toEqual({ kind: 'text', text: 'al mediodía' });
	});

	it('sorts the morning before the afternoon, clock times in between', () => {
		const times = ['tarde', '15:00–17:00', 'mañana', '11:00–13:00', null, '09:00'];
		expect([...times].sort((a, b) => slotSortKey(a).localeCompare(slotSortKey(b)))).toEqual([
			'mañana',
			'09:00',
			'11:00–13:00',
			'tarde',
			'15:00–17:00',
			null
		]);
	});
});
