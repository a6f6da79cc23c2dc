import { describe, expect, it } from 'vitest';
import { notFoundLine } from './log-lines';

describe('notFoundLine', () => {
	it('is one line with the method, the path and who asked', () => {
		expect(notFoundLine('GET', '/no-existe', 'ana@red.mx')).toBe('404 GET /no-existe (ana@red.mx)');
		expect(notFoundLine('POST', '/api/x')).toBe('404 POST /api/x');
	});

	it('cannot be made into two lines nor grow without bound', () => {
		const line = notFoundLine('GET', '/a\n500 GET /forjada\r' + 'x'.repeat(500));
		expect(line).not.toMatch(/[\n\r]/);
		expect(line.length).toBeLessThan(220);
	});
});
