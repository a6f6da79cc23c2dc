import { describe, expect, it } from 'vitest';
import type { Database } from './db';
import { SharedRateLimiter } from './rate-limit';
import { LoginThrottle } from './login-throttle';

/** A PostgreSQL handle whose server is gone: every query fails as postgres.js reports it. */
function downDatabase(): Database & { calls: number } {
	const db = {
		driver: 'postgres',
		calls: 0,
		async query() {
			db.calls++;
			throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
		}
	};
	return db as unknown as Database & { calls: number };
}

describe('shared limits while PostgreSQL is down', () => {
	it('count in this process instead: no error, and the limit still holds', async () => {
		const db = downDatabase();
		const sut = new SharedRateLimiter('spec-down', 2, 60_000);
		const hits = [await sut.hit(db, 'k'), await sut.hit(db, 'k'), await sut.hit(db, 'k')];
		expect(hits).toEqual([true, true, false]);
		expect(await sut.hit(db, 'otra')).toBe(true);
		// It did try the database each time: it comes back on its own.
		expect(db.calls).toBe(4);
	});

	it('sign-in lockouts too', async () => {
		const db = downDatabase();
		const sut = new LoginThrottle('spec-down-login', { free: 2, baseMs: 60_000, maxMs: 600_000 });
		await sut.fail(db, 'k');
		expect(await sut.retryIn(db, 'k')).toBe(0);
		await sut.fail(db, 'k');
		expect(await sut.retryIn(db, 'k')).toBe(60_000);
	});

	it('on PGlite the counts are kept in memory, per database handle', async () => {
		const one = { driver: 'pglite' } as Database;
		const two = { driver: 'pglite' } as Database;
		const sut = new SharedRateLimiter('spec-memory', 1, 60_000);
		expect([await sut.hit(one, 'k'), await sut.hit(one, 'k'), await sut.hit(two, 'k')]).toEqual([true, false, true]);
	});
});
