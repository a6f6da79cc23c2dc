import { describe, expect, it } from 'vitest';
import { notFoundLine } from './log-lines';

describe('notFoundLine', () => {
	it('is one line with the method, the path and who asked', () => {
		const userId = '7d0c2f4e-5b1a-4c8e-9f3d-2a6b8c1d0e4f';
		expect(notFoundLine('GET', '/no-existe', userId)).toBe(`404 GET /no-existe (${userId})`);
		expect(notFoundLine('POST', '/api/x')).toBe('404 POST /api/x');
	});

	it('cannot be made into two lines nor grow without bound', () => {
		const line = notFoundLine('GET', '/a\n500 GET /forjada\r' + 'x'.repeat(500));
		expect(line).not.toMatch(/[\n\r]/);
		expect(line.length).toBeLessThan(220);
	});
});
