import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { perKeyThrottle } from './per-key-throttle';

describe('perKeyThrottle', () => {
	beforeEach(() => void vi.useFakeTimers());
	afterEach(() => void vi.useRealTimers());

	it('sends the first call at once and folds a burst into one more at the end of the window', () => {
		const sent: string[] = [];
		const t = perKeyThrottle((k) => sent.push(k), 250);
		t.call('ana');
		expect(sent).toEqual(['ana']);
		for (let i = 0; i < 300; i++) t.call('ana');
		expect(sent).toEqual(['ana']);
		vi.advanceTimersByTime(250);
		expect(sent).toEqual(['ana', 'ana']);
		vi.advanceTimersByTime(1000);
		expect(sent).toEqual(['ana', 'ana']);
	});

	it('keeps sending once per window while calls keep coming, and the last call is never lost', () => {
		const sent: number[] = [];
		const t = perKeyThrottle(() => sent.push(Date.now()), 100);
		const start = Date.now();
		for (let ms = 0; ms < 1000; ms += 10) {
			t.call('ana');
			vi.advanceTimersByTime(10);
		}
		vi.advanceTimersByTime(100);
		expect(sent.length).toBeGreaterThanOrEqual(10);
		expect(sent.length).toBeLessThanOrEqual(11);
		expect(sent.at(-1)! - start).toBeGreaterThanOrEqual(990);
	});

	it('throttles each key on its own', () => {
		const sent: string[] = [];
		const t = perKeyThrottle((k) => sent.push(k), 250);
		t.call('ana');
		t.call('beto');
		t.call('ana');
		expect(sent).toEqual(['ana', 'beto']);
		vi.advanceTimersByTime(250);
		expect(sent).toEqual(['ana', 'beto', 'ana']);
	});

	it('stop drops what was waiting', () => {
		const sent: string[] = [];
		const t = perKeyThrottle((k) => sent.push(k), 250);
		t.call('ana');
		t.call('ana');
		t.stop();
		vi.advanceTimersByTime(1000);
		expect(sent).toEqual(['ana']);
	});
});
