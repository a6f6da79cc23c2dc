import { describe, expect, it } from 'vitest';
import { SUMMARY_SHOW_MS, boardMsBeforeSummary as sut } from './rotation';

describe('boardMsBeforeSummary', () => {
	it('is off for 0 or nonsense', () => {
		expect(sut(0)).toBeNull();
		expect(sut(-3)).toBeNull();
		expect(sut(Number.NaN)).toBeNull();
	});

	it('shows a summary once per interval: board time plus slide time is the interval', () => {
		expect(sut(5)! + SUMMARY_SHOW_MS).toBe(5 * 60_000);
		expect(sut(1)! + SUMMARY_SHOW_MS).toBe(60_000);
	});
});
