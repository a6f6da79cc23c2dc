import { PGlite, parse, protocol } from '@electric-sql/pglite';

const { serialize } = protocol;

/**
 * A parameterised statement in one protocol exchange (parse, bind, describe, execute, sync)
 * instead of the six PGlite's query() makes, asking first for the parameter types: every hop
 * crosses into WebAssembly and back, and a board move is one such statement.
 *
 * PostgreSQL reads each parameter from its text form by the type it infers for it, which is what
 * PGlite would send for strings, numbers and booleans anyway. For anything else (dates, arrays,
 * objects, bytes) this answers null and the caller uses PGlite's query(), which serialises by type.
 */
export async function queryInOneExchange<T>(pg: PGlite, text: string, params: unknown[]): Promise<T[] | null> {
	const values: (string | null)[] = [];
	for (const p of params) {
		if (p === null || p === undefined) values.push(null);
		else if (typeof p === 'string') values.push(p);
		else if (typeof p === 'number' || typeof p === 'bigint' || typeof p === 'boolean') values.push(String(p));
		else return null;
	}
	const parts = [
		serialize.parse({ text }),
		serialize.bind({ values }),
		serialize.describe({ type: 'P' }),
		serialize.execute({}),
		serialize.sync()
	];
	const message = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
	let offset = 0;
	for (const part of parts) {
		message.set(part, offset);
		offset += part.length;
	}
	// The same locks and the same after-statement sync as query(): never inside someone else's
	// transaction, one statement at a time.
	const messages = await pg._runExclusiveTransaction(() =>
		pg._runExclusiveQuery(async () => {
			const out = await pg.execProtocolStream(message, { syncToFs: false });
			await pg.syncToFs();
			return out;
		})
	);
	return (parse.parseResults(messages, pg.parsers)[0]?.rows ?? []) as T[];
}
