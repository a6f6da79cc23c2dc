import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vitestFailures } from './test-summary.js';

describe('vitestFailures', () => {
	const dir = mkdtempSync(join(tmpdir(), 'test-summary-'));
	const report = join(dir, 'vitest.json');

	it('names each failed test with the first lines of why, and a file that failed to load', () => {
		writeFileSync(
			report,
			JSON.stringify({
				testResults: [
					{ name: '/app/tests/a.test.ts', status: 'passed', assertionResults: [{ status: 'passed', title: 'ok' }] },
					{
						name: '/app/tests/b.test.ts',
						status: 'failed',
						assertionResults: [
							{ status: 'passed', title: 'ok' },
							{
								status: 'failed',
								fullName: 'on pglite cuenta bien',
								title: 'cuenta bien',
								failureMessages: ['AssertionError: expected 2 to be 3\n    at b.test.ts:10:5\n\n    at x\n    at y\n    at z']
							}
						]
					},
					{ name: '/app/tests/c.test.ts', status: 'failed', message: 'SyntaxError: Unexpected token', assertionResults: [] }
				]
			})
		);
		expect(vitestFailures(report, '/app')).toEqual([
			'  ✘ tests/b.test.ts › on pglite cuenta bien',
			'      AssertionError: expected 2 to be 3',
			'          at b.test.ts:10:5',
			'          at x',
			'          at y',
			'  ✘ tests/c.test.ts',
			'      SyntaxError: Unexpected token'
		]);
	});

	it('says so when there is no report', () => {
		rmSync(dir, { recursive: true, force: true });
		expect(vitestFailures(report, '/app')).toEqual(['  (no hay informe de Vitest: falló antes de terminar)']);
	});
});
