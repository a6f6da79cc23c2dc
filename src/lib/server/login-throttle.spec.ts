import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import type { Database } from './db';
import { LoginThrottle, lockoutMs } from './login-throttle';

const MIN = 60_000;
const policy = { free: 5, baseMs: MIN, maxMs: 30 * MIN };

describe('lockoutMs', () => {
	it('is free up to the limit, then doubles up to the cap', () => {
		expect([1, 2, 3, 4].map((n) => lockoutMs(n, policy))).toEqual([0, 0, 0, 0]);
		expect([5, 6, 7, 8, 9, 10, 11, 1000].map((n) => lockoutMs(n, policy) / MIN)).toEqual([1, 2, 4, 8, 16, 30, 30, 30]);
	});

	it('never shrinks as failures grow and never passes the cap', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 5000 }), (n) => {
				expect(lockoutMs(n + 1, policy)).toBeGreaterThanOrEqual(lockoutMs(n, policy));
				expect(lockoutMs(n, policy)).toBeLessThanOrEqual(policy.maxMs);
			})
		);
	});
});

describe('LoginThrottle (in memory, as on PGlite)', () => {
	// The store only reads the driver: PGlite counts in memory.
	const db = { driver: 'pglite' } as Database;
	beforeEach(() => {
		vi.useFakeTimers();
		vi.setSystemTime(1_000_000);
	});
	afterEach(() => vi.useRealTimers());

	it('locks a key after its free failures, each time for longer', async () => {
		const sut = new LoginThrottle('spec-grow', policy);
		for (let i = 0; i < 4; i++) await sut.fail(db, 'k');
		expect(await sut.retryIn(db, 'k')).toBe(0);
		await sut.fail(db, 'k');
		expect(await sut.retryIn(db, 'k')).toBe(MIN);
		vi.advanceTimersByTime(MIN);
		expect(await sut.retryIn(db, 'k')).toBe(0);
		await sut.fail(db, 'k');
		expect(await sut.retryIn(db, 'k')).toBe(2 * MIN);
		vi.advanceTimersByTime(2 * MIN);
		await sut.fail(db, 'k');
		expect(await sut.retryIn(db, 'k')).toBe(4 * MIN);
		expect(await sut.retryIn(db, 'otra')).toBe(0);
	});

	it('forgets a key a day after its first failure, and on reset', async () => {
		const sut = new LoginThrottle('spec-forget', policy);
		for (let i = 0; i < 6; i++) await sut.fail(db, 'k');
		await sut.fail(db, 'j');
		vi.advanceTimersByTime(24 * 60 * MIN + 1);
		await sut.fail(db, 'k');
		expect(await sut.retryIn(db, 'k')).toBe(0);
		for (let i = 0; i < 5; i++) await sut.fail(db, 'j');
		expect(await sut.retryIn(db, 'j')).toBeGreaterThan(0);
		await sut.reset(db, 'j');
		expect(await sut.retryIn(db, 'j')).toBe(0);
	});

	it('clear forgets every key of the throttle and no other', async () => {
		const sut = new LoginThrottle('spec-clear', policy);
		const other = new LoginThrottle('spec-other', policy);
		for (let i = 0; i < 5; i++) await Promise.all([sut.fail(db, 'k'), other.fail(db, 'k')]);
		await sut.clear(db);
		expect(await sut.retryIn(db, 'k')).toBe(0);
		expect(await other.retryIn(db, 'k')).toBe(MIN);
	});
});
