import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { retryRefusedHandshakes } from './socket';

function fakeSocket(active: boolean) {
	const handlers = new Map<string, () => void>();
	return {
		active,
		connects: 0,
		on(event: string, fn: () => void) {
			handlers.set(event, fn);
			return this;
		},
		connect() {
			this.connects++;
			return this;
		},
		fire(event: string) {
			handlers.get(event)?.();
		}
	};
}

describe('refused handshakes', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('are retried with a growing delay until the server accepts again', () => {
		const s = fakeSocket(false);
		retryRefusedHandshakes(s as never, 1000, 8000);
		s.fire('connect_error');
		vi.advanceTimersByTime(1300);
		expect(s.connects).toBe(1);
		s.fire('connect_error');
		vi.advanceTimersByTime(1300);
		expect(s.connects).toBe(1); // the second wait is about twice as long
		vi.advanceTimersByTime(1300);
		expect(s.connects).toBe(2);
		s.fire('connect');
		s.fire('connect_error');
		vi.advanceTimersByTime(1300);
		expect(s.connects).toBe(3); // back to the short wait after a success
	});

	it('leave network errors to socket.io, which is already reconnecting', () => {
		const s = fakeSocket(true);
		retryRefusedHandshakes(s as never, 1000, 8000);
		s.fire('connect_error');
		vi.advanceTimersByTime(60_000);
		expect(s.connects).toBe(0);
	});
});
