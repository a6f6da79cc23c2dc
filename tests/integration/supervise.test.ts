import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { supervise } from '../../src/cli/supervise.js';
import { freePort, hasBuild } from './support/server';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'tablero-supervise-'));
const started: ReturnType<typeof supervise>[] = [];
afterAll(async () => {
	// A failed assertion must not leave a supervisor restarting children behind.
	await Promise.all(started.map((s) => s.stop('SIGKILL')));
	rmSync(dir, { recursive: true, force: true });
});

// A stand-in server: counts its starts and writes its pid; says it listens (never with NEVER_READY,
// only on its first start with READY_ONCE), then exits with code 3 after CRASH_AFTER ms while its
// start number is below CRASHES (-1: always).
const CHILD = join(dir, 'child.mjs');
writeFileSync(
	CHILD,
	`import { existsSync, readFileSync, writeFileSync } from 'node:fs';
const { COUNTER, PIDFILE, CRASHES, CRASH_AFTER = '20', NEVER_READY, READY_ONCE } = process.env;
const n = existsSync(COUNTER) ? Number(readFileSync(COUNTER, 'utf8')) : 0;
writeFileSync(COUNTER, String(n + 1));
writeFileSync(PIDFILE, String(process.pid));
if (NEVER_READY !== '1' && (READY_ONCE !== '1' || n === 0)) process.send?.('tablero:listo');
const crashes = Number(CRASHES);
const alive = setInterval(() => {}, 1000);
if (crashes < 0 || n < crashes) setTimeout(() => process.exit(3), Number(CRASH_AFTER));
process.on('SIGTERM', () => { clearInterval(alive); process.exit(0); });
`
);

const track = (s: ReturnType<typeof supervise>) => (started.push(s), s);

let runs = 0;
function childEnv(env: Record<string, string>) {
	const id = ++runs;
	const files = { COUNTER: join(dir, `count-${id}`), PIDFILE: join(dir, `pid-${id}`) };
	const starts = () => (existsSync(files.COUNTER) ? Number(readFileSync(files.COUNTER, 'utf8')) : 0);
	return { env: { ...process.env, ...files, ...env }, starts, pid: () => Number(readFileSync(files.PIDFILE, 'utf8')) };
}

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 30_000) {
	const deadline = Date.now() + ms;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`no pasó a tiempo: ${what}`);
		await new Promise((r) => setTimeout(r, 50));
	}
}

// A zombie (exited, not yet reaped by whoever adopted it) counts as gone.
const alive = (pid: number) => {
	try {
		process.kill(pid, 0);
	} catch {
		return false;
	}
	const stat = `/proc/${pid}/stat`;
	return !existsSync(stat) || readFileSync(stat, 'utf8').split(') ')[1]?.[0] !== 'Z';
};

describe('the npm start supervisor', () => {
	it('restarts a crashed server with growing pauses, and a deliberate stop does not restart', async () => {
		const c = childEnv({ CRASHES: '2' });
		const lines: string[] = [];
		const s = track(supervise({ script: CHILD, env: c.env, delays: [50, 100, 200], log: (l) => lines.push(l) }));
		await until(() => c.starts() === 3, 'tercer arranque');
		await new Promise((r) => setTimeout(r, 300));
		expect(s.child?.pid).toBe(c.pid());
		expect(lines).toEqual([
			'⚠ El servidor terminó inesperadamente (con código 3). Reinicio 1 de 3 en 50 ms…',
			'⚠ El servidor terminó inesperadamente (con código 3). Reinicio 2 de 3 en 100 ms…'
		]);
		expect(await s.stop('SIGTERM')).toBe(0);
		await new Promise((r) => setTimeout(r, 300));
		expect(c.starts()).toBe(3);
		expect(lines).toHaveLength(2);
	});

	it('gives up on a crash loop with a Spanish message and a non-zero result', async () => {
		const c = childEnv({ CRASHES: '-1' });
		const lines: string[] = [];
		const s = track(supervise({ script: CHILD, env: c.env, delays: [20, 40, 80], log: (l) => lines.push(l) }));
		expect(await s.done).toBe(1);
		expect(c.starts()).toBe(4);
		expect(lines.at(-1)).toBe(
			'✖ El servidor se cayó 4 veces seguidas (la última con código 3); ya no se reinicia. Revisa los mensajes de arriba y vuelve a iniciarlo.'
		);
	});

	it('starts a new series once the server stayed up long enough', async () => {
		// One restart per series: without the reset the second crash would end it.
		const c = childEnv({ CRASHES: '-1', CRASH_AFTER: '400' });
		const lines: string[] = [];
		const s = track(supervise({ script: CHILD, env: c.env, delays: [20], stableMs: 250, log: (l) => lines.push(l) }));
		await until(() => c.starts() >= 4, 'cuarto arranque');
		expect(lines.slice(0, 3).every((l) => l.includes('Reinicio 1 de 1'))).toBe(true);
		expect(await s.stop()).toBe(0);
	});

	it('does not retry a server that never started listening (a configuration error)', async () => {
		const c = childEnv({ CRASHES: '-1', NEVER_READY: '1' });
		const lines: string[] = [];
		const s = track(supervise({ script: CHILD, env: c.env, delays: [20, 40], log: (l) => lines.push(l) }));
		expect(await s.done).toBe(3);
		expect(c.starts()).toBe(1);
		expect(lines).toEqual(['✖ El servidor no llegó a arrancar (terminó con código 3). Revisa el mensaje de arriba.']);
	});

	it('retries a restart that fails before listening, once a server has listened', async () => {
		const c = childEnv({ CRASHES: '3', READY_ONCE: '1' });
		const lines: string[] = [];
		const s = track(supervise({ script: CHILD, env: c.env, delays: [20, 40, 80], log: (l) => lines.push(l) }));
		await until(() => c.starts() === 4, 'cuarto arranque');
		expect(lines).toHaveLength(3);
		expect(lines.at(-1)).toContain('Reinicio 3 de 3');
		expect(await s.stop()).toBe(0);
	});

	it('as a process: SIGTERM stops the server it runs and exits 0 without restarting', async () => {
		const c = childEnv({ CRASHES: '0' });
		const proc = runWrapper(CHILD, c.env);
		try {
			await until(() => c.starts() === 1 && alive(c.pid()), 'arranque');
			const serverPid = c.pid();
			const code = new Promise((r) => proc.once('exit', (code) => r(code)));
			proc.kill('SIGTERM');
			await until(() => proc.exitCode !== null || proc.signalCode !== null, 'el supervisor termina', 20_000);
			expect(await code).toBe(0);
			expect(alive(serverPid)).toBe(false);
			expect(c.starts()).toBe(1);
		} finally {
			for (const pid of [proc.pid!, existsSync(c.env.PIDFILE!) ? c.pid() : 0]) if (pid && alive(pid)) process.kill(pid, 'SIGKILL');
		}
	});
});

/** `npm start`'s own wiring (runSupervised), printing each child's pid. */
function runWrapper(script: string, env: NodeJS.ProcessEnv): ChildProcess & { output: () => string } {
	const code = `import { runSupervised } from ${JSON.stringify(join(root, 'src', 'cli', 'supervise.js'))};
runSupervised({ script: ${JSON.stringify(script)}, onSpawn: (c) => console.log('hijo ' + c.pid) });`;
	const proc = spawn(process.execPath, ['--input-type=module', '-e', code], { env, cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	proc.stdout!.on('data', (d) => (output += d));
	proc.stderr!.on('data', (d) => (output += d));
	return Object.assign(proc, { output: () => output });
}

describe.skipIf(!hasBuild())('the supervisor with the built server', () => {
	it('brings the server back after SIGKILL, and the server closes when the supervisor dies', async () => {
		const port = await freePort();
		const dataDir = mkdtempSync(join(tmpdir(), 'tablero-supervise-data-'));
		const url = `http://127.0.0.1:${port}/healthz`;
		const up = async () => {
			try {
				return (await fetch(url)).status === 200;
			} catch {
				return false;
			}
		};
		const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir };
		const proc = runWrapper(join(root, 'src', 'server', 'index.js'), env);
		const pids = () => [...proc.output().matchAll(/^hijo (\d+)$/gm)].map((m) => Number(m[1]));
		try {
			await until(up, '/healthz 200', 90_000);
			const [first] = pids();
			process.kill(first, 'SIGKILL');
			await until(() => pids().length === 2, 'un segundo servidor', 30_000);
			await until(up, '/healthz 200 otra vez', 90_000);
			expect(proc.output()).toContain('⚠ El servidor terminó inesperadamente (por la señal SIGKILL). Reinicio 1 de 5 en 1 s…');
			const second = pids()[1];
			expect(alive(second)).toBe(true);

			proc.kill('SIGKILL');
			await until(() => !alive(second), 'el servidor se cierra sin su supervisor', 30_000);
		} finally {
			for (const pid of [proc.pid!, ...pids()]) if (alive(pid)) process.kill(pid, 'SIGKILL');
			rmSync(dataDir, { recursive: true, force: true });
		}
	}, 240_000);
});
