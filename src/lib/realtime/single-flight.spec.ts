import { describe, expect, it } from 'vitest';
import { singleFlight } from './single-flight';

/** A task whose runs end when the test says so. */
function gated() {
	const ends: (() => void)[] = [];
	let runs = 0;
	const task = () =>
		new Promise<void>((resolve) => {
			runs++;
			ends.push(resolve);
		});
	return { task, runs: () => runs, endNext: async () => (ends.shift()?.(), await Promise.resolve()) };
}

describe('singleFlight', () => {
	it('turns 50 calls during a run into one more run after it', async () => {
		const g = gated();
		const refresh = singleFlight(g.task);
		const first = refresh();
		for (let i = 0; i < 50; i++) void refresh();
		expect(g.runs()).toBe(1);
		await g.endNext();
		await new Promise((r) => setTimeout(r, 0));
		expect(g.runs()).toBe(2);
		await g.endNext();
		await first;
		expect(g.runs()).toBe(2);
	});

	it('runs again for a call that comes after the last run ended', async () => {
		let runs = 0;
		const refresh = singleFlight(async () => void runs++);
		await refresh();
		await refresh();
		expect(runs).toBe(2);
	});

	it('keeps working after a failed run', async () => {
		let runs = 0;
		const refresh = singleFlight(async () => {
			runs++;
			if (runs === 1) throw new Error('sin conexión');
		});
		await refresh();
		await refresh();
		expect(runs).toBe(2);
	});
});
