import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { backoffDelay, Retry } from './backoff';

describe('backoffDelay', () => {
	it('doubles from 1 s up to 30 s, always in the upper half of its ceiling', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 40 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, r) => {
				const ceiling = Math.min(30_000, 1000 * 2 ** attempt);
				const d = backoffDelay(attempt, { random: () => r });
				expect(d).toBeGreaterThanOrEqual(ceiling / 2);
				expect(d).toBeLessThanOrEqual(ceiling);
			})
		);
		expect([0, 1, 2, 3, 4, 5, 6, 20].map((n) => backoffDelay(n, { random: () => 0.999999 }))).toEqual([
			1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000
		]);
	});
});

describe('Retry', () => {
	beforeEach(() => void vi.useFakeTimers());
	afterEach(() => void vi.useRealTimers());
	const sut = (run: () => void) => new Retry(run, { random: () => 0.999999 });

	it('schedules each retry further out, and starts over after a success', async () => {
		const runs: number[] = [];
		const start = Date.now();
		const retry = sut(() => runs.push(Date.now() - start));
		for (let i = 0; i < 4; i++) {
			retry.failed();
			expect(retry.waiting).toBe(true);
			await vi.runOnlyPendingTimersAsync();
		}
		expect(runs).toEqual([1000, 3000, 7000, 15000]);
		retry.succeeded();
		retry.failed();
		await vi.runOnlyPendingTimersAsync();
		expect(runs.at(-1)! - runs.at(-2)!).toBe(1000);
	});

	it('lets an outside signal try sooner, but not within a second of the last failure', async () => {
		const run = vi.fn();
		const retry = sut(run);
		expect(retry.begin()).toBe(true);
		retry.failed();
		retry.failed();
		expect(retry.begin()).toBe(false);
		await vi.advanceTimersByTimeAsync(999);
		expect(retry.begin()).toBe(false);
		await vi.advanceTimersByTimeAsync(1);
		expect(retry.begin()).toBe(true);
		// The try that began replaces the scheduled one.
		expect(retry.waiting).toBe(false);
		await vi.advanceTimersByTimeAsync(60_000);
		expect(run).not.toHaveBeenCalled();
	});

	it('schedules nothing once stopped, until started again', async () => {
		const run = vi.fn();
		const retry = sut(run);
		retry.failed();
		retry.stop();
		retry.failed();
		await vi.advanceTimersByTimeAsync(60_000);
		expect(run).not.toHaveBeenCalled();
		retry.start();
		retry.failed();
		await vi.advanceTimersByTimeAsync(60_000);
		expect(run).toHaveBeenCalledTimes(1);
	});
});
