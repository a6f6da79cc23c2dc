import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeFault, faultHandlers } from './process-faults';
import { outage } from './db/outage';

function postgresError(code: string, message: string) {
	const err = Object.assign(new Error(message), { name: 'PostgresError', code });
	// postgres.js attaches the statement (not enumerable); parameters must never reach the log.
	Object.defineProperty(err, 'query', { value: 'select * from sessions where id = $1' });
	Object.defineProperty(err, 'parameters', { value: ['token-secreto'] });
	return err;
}

describe('process-level fault handlers', () => {
	const log = vi.spyOn(console, 'error').mockImplementation(() => {});
	afterEach(async () => {
		log.mockClear();
		// The gate is process-wide: a successful probe leaves it up for the other specs.
		if (outage.down) expect(await outage.check({ query: async () => [] as never[] })).toBe(true);
	});

	it('a rejection from a dropped connection is logged with its code and statement, marks the outage, and the process stays', () => {
		const exit = vi.fn();
		const sut = faultHandlers(exit);
		sut.rejection(postgresError('57P01', 'terminating connection due to administrator command'));
		expect(exit).not.toHaveBeenCalled();
		expect(outage.down).toBe(true);
		const line = String(log.mock.calls[0][0]);
		expect(line).toMatch(/el servidor sigue/);
		expect(line).toMatch(/código 57P01/);
		expect(line).toMatch(/consulta: select \* from sessions/);
		expect(line).not.toMatch(/token-secreto/);
	});

	it('any other unhandled rejection or uncaught exception is logged and ends the process with 1', () => {
		const exit = vi.fn();
		const sut = faultHandlers(exit);
		sut.rejection(new TypeError("Cannot read properties of null (reading 'write')"));
		sut.exception(new RangeError('fuera de rango'), 'uncaughtException');
		expect(exit.mock.calls).toEqual([[1], [1]]);
		expect(String(log.mock.calls[0][0])).toMatch(/termina para reiniciarse: TypeError/);
		expect(String(log.mock.calls[1][0])).toMatch(/Excepción no capturada \(uncaughtException\).*RangeError: fuera de rango/);
	});

	it('describes what it was given, errors or not, through Drizzle-style causes', () => {
		const wrapped = Object.assign(new Error('Failed query'), { cause: postgresError('08006', 'connection failure') });
		expect(describeFault(wrapped)).toMatch(/Failed query · causa: PostgresError: connection failure · código 08006/);
		expect(describeFault('texto')).toBe('texto');
	});
});
