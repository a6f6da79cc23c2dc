// postgres.js 3.4.x takes the whole process down when a connection dies under a transaction
// (upstream issues #1154, #1208): the transaction's next statement (or its ROLLBACK) is written
// to the dead connection from a setImmediate, where `socket` is already null, and the TypeError
// thrown there can't be caught. src/patches/postgres+3.4.9.patch (applied by patch-package on install)
// rejects those statements with CONNECTION_CLOSED instead. The scenario runs in a child process
// because without the patch it kills whoever runs it.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const adminUrl = process.env.TEST_DATABASE_URL;
const root = join(import.meta.dirname, '..', '..');

const scenario = `
import postgres from 'postgres';
const url = process.env.FAULT_URL;
const sql = postgres(url, { max: 2, onnotice: () => {} });
const admin = postgres(url, { max: 1, onnotice: () => {} });
const seen = {};
let statementDone;
const statement = new Promise((r) => (statementDone = r));
try {
	await sql.begin(async (tx) => {
		const [{ pid }] = await tx\`select pg_backend_pid() as pid\`;
		await admin\`select pg_terminate_backend(\${pid})\`;
		// The pool has seen the close by now; the transaction carries on, as app code does.
		await new Promise((r) => setTimeout(r, 300));
		try {
			await tx\`select 2 as n\`;
		} catch (e) {
			seen.statement = e.code;
			throw e;
		} finally {
			statementDone();
		}
	});
} catch (e) {
	seen.begin = e.code;
}
await statement;
await new Promise((r) => setTimeout(r, 300));
const [{ n }] = await sql\`select 3 as n\`;
seen.after = n;
await Promise.all([sql.end({ timeout: 5 }), admin.end({ timeout: 5 })]);
console.log(JSON.stringify(seen));
`;

describe.skipIf(!adminUrl)('postgres.js when a connection dies under a transaction', () => {
	it('rejects the transaction and its later statements with CONNECTION_CLOSED; the process survives', async () => {
		const child = spawn(process.execPath, ['--input-type=module', '-e', scenario], {
			cwd: root,
			env: { ...process.env, FAULT_URL: adminUrl },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (out += d));
		const code = await new Promise<number | null>((resolve) => {
			const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
			child.once('exit', (c) => {
				clearTimeout(timer);
				resolve(c);
			});
		});
		expect(out).not.toMatch(/Cannot read properties of null/);
		expect(code, out).toBe(0);
		expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual({ begin: 'CONNECTION_CLOSED', statement: 'CONNECTION_CLOSED', after: 3 });
	}, 60_000);
});
