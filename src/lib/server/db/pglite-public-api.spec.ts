import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// PGlite's underscore methods (_runExclusiveQuery, _runExclusiveTransaction, …) are private and may
// change in any release; the database layer uses only its public API.
describe('the database layer', () => {
	it('calls no private PGlite method', () => {
		const dir = import.meta.dirname;
		const offenders = readdirSync(dir)
			.filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
			.filter((f) => /\.\s*_run[A-Z]|execProtocolStream/.test(readFileSync(join(dir, f), 'utf8')));
		expect(offenders).toEqual([]);
	});
});
