import { afterEach, describe, expect, it, vi } from 'vitest';
import { startPolling } from './poll-worker';

afterEach(() => vi.useRealTimers());

describe('startPolling', () => {
	it('runs a round per interval, sooner after a busy one, and stops', async () => {
		vi.useFakeTimers();
		const handled = [2, 0, 0];
		const run = vi.fn(async () => handled.shift() ?? 0);
		const w = startPolling({ run, intervalMs: 1000, onError: () => {} });
		await vi.advanceTimersByTimeAsync(999);
		expect(run).toHaveBeenCalledTimes(0);
		await vi.advanceTimersByTimeAsync(1); // first round: 2 handled
		await vi.advanceTimersByTimeAsync(50); // busy: again after 50 ms
		expect(run).toHaveBeenCalledTimes(2);
		await vi.advanceTimersByTimeAsync(999);
		expect(run).toHaveBeenCalledTimes(2);
		await vi.advanceTimersByTimeAsync(1);
		expect(run).toHaveBeenCalledTimes(3);
		await w.stop();
		await vi.advanceTimersByTimeAsync(10_000);
		expect(run).toHaveBeenCalledTimes(3);
	});

	it('logs a failed round and keeps going; kick runs one at once', async () => {
		vi.useFakeTimers();
		const errors: string[] = [];
		let calls = 0;
		const run = async () => {
			calls++;
			if (calls === 1) throw new Error('la base de datos no responde');
			return 0;
		};
		const w = startPolling({ run, intervalMs: 1000, firstDelayMs: 10, onError: (e) => errors.push(e.message) });
		await vi.advanceTimersByTimeAsync(10);
		expect(errors).toEqual(['la base de datos no responde']);
		w.kick();
		await vi.advanceTimersByTimeAsync(0);
		expect(calls).toBe(2);
		await w.stop();
	});
});
