import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { contrastWithWhite, MIN_TEXT_CONTRAST, NEUTRAL_FILL, whiteTextFill } from './colors';

const hex = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255)).map((c) => `#${c.map((x) => x.toString(16).padStart(2, '0')).join('')}`);

describe('whiteTextFill', () => {
	it('darkens the palette colours that white text could not be read on', () => {
		expect(contrastWithWhite('#059669')).toBeLessThan(MIN_TEXT_CONTRAST);
		expect(contrastWithWhite('#d97706')).toBeLessThan(MIN_TEXT_CONTRAST);
		for (const color of ['#059669', '#d97706', '#0891b2']) {
			const fill = whiteTextFill(color);
			expect(fill).not.toBe(color);
			expect(contrastWithWhite(fill)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
			// Only just: no darker than needed.
			expect(contrastWithWhite(fill)).toBeLessThan(MIN_TEXT_CONTRAST + 0.1);
		}
	});

	it('keeps a colour that already reads, and falls back to slate for none or garbage', () => {
		expect(whiteTextFill('#2563eb')).toBe('#2563eb');
		expect(whiteTextFill('#DC2626')).toBe('#dc2626');
		expect(whiteTextFill('#fff')).not.toBe('#ffffff');
		expect(whiteTextFill(null)).toBe(NEUTRAL_FILL);
		expect(whiteTextFill('red; background: url(x)')).toBe(NEUTRAL_FILL);
	});

	it('always gives white text at least 4.5:1, keeping the hue (channels scale together)', () => {
		fc.assert(
			fc.property(hex, (color) => {
				const fill = whiteTextFill(color);
				expect(contrastWithWhite(fill)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
				const [a, b] = [color, fill].map((c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)));
				for (let i = 0; i < 3; i++) expect(b![i]).toBeLessThanOrEqual(a![i]!);
				if (contrastWithWhite(color)! >= MIN_TEXT_CONTRAST) expect(fill).toBe(color);
			})
		);
	});
});
