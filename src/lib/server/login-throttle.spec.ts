import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
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

describe('LoginThrottle', () => {
	it('locks a key after its free failures, each time for longer', () => {
		const sut = new LoginThrottle(policy);
		let now = 1_000_000;
		for (let i = 0; i < 4; i++) sut.fail('k', now);
		expect(sut.retryIn('k', now)).toBe(0);
		sut.fail('k', now);
		expect(sut.retryIn('k', now)).toBe(MIN);
		now += MIN;
		expect(sut.retryIn('k', now)).toBe(0);
		sut.fail('k', now);
		expect(sut.retryIn('k', now)).toBe(2 * MIN);
		now += 2 * MIN;
		sut.fail('k', now);
		expect(sut.retryIn('k', now)).toBe(4 * MIN);
		expect(sut.retryIn('otra', now)).toBe(0);
	});

	it('forgets a key a day after its last failure, and on reset', () => {
		const sut = new LoginThrottle(policy);
		for (let i = 0; i < 6; i++) sut.fail('k', 0);
		sut.fail('j', 0);
		sut.fail('k', 24 * 60 * MIN + 1);
		expect(sut.retryIn('k', 24 * 60 * MIN + 1)).toBe(0);
		for (let i = 0; i < 5; i++) sut.fail('j', 1);
		expect(sut.retryIn('j', 1)).toBeGreaterThan(0);
		sut.reset('j');
		expect(sut.retryIn('j', 1)).toBe(0);
	});
});
