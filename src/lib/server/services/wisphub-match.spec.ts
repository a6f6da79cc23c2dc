import { describe, expect, it } from 'vitest';
import { suggestMatch } from './wisphub-match';

const zones = [
	{ id: 'a', name: 'RB1 ZONA CENTRO DÍA 5' },
	{ id: 'b', name: 'RB3 ZONA SUR DÍA 28' },
	{ id: 'c', name: 'RB3 ZONA SUR DÍA 28 ANEXO' }
];

describe('suggestMatch', () => {
	it('matches a name ignoring case, accents and punctuation', () => {
		expect(suggestMatch('rb1 zona centro dia 5', zones)).toBe('a');
		expect(suggestMatch('RB3 - Zona Sur, Día 28', zones)).toBe('b');
	});
	it('takes a containment only when it is the only one', () => {
		expect(suggestMatch('Centro', zones)).toBe('a');
		expect(suggestMatch('Zona Sur', zones)).toBeNull();
		expect(suggestMatch('Otra zona', zones)).toBeNull();
		expect(suggestMatch('', zones)).toBeNull();
	});
});
