import { describe, expect, it } from 'vitest';
import { fitInside } from './resize-photo';

describe('fitInside', () => {
	it('brings the longest side to 2000 px and keeps the shape', () => {
		expect(fitInside(6000, 4000)).toEqual({ width: 2000, height: 1333 });
		expect(fitInside(3000, 4500)).toEqual({ width: 1333, height: 2000 });
	});
	it('never enlarges a small photo', () => {
		expect(fitInside(800, 600)).toEqual({ width: 800, height: 600 });
	});
});
