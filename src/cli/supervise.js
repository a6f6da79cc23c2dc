// `npm start` keeps the server up: after a crash it starts it again, waiting longer each time,
// and gives up on a crash loop with a clear message. Plain JavaScript with no dependencies,
// because `npm start` runs it before `npm install`.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

/** The server sends this over the IPC channel once it listens (src/server/index.js). */
export const READY = 'tablero:listo';

/**
 * @typedef {object} SuperviseOptions
 * @property {string} script the server's entry point, run with this Node
 * @property {NodeJS.ProcessEnv} [env]
 * @property {string} [cwd]
 * @property {'inherit' | 'pipe'} [output] the child's stdout/stderr
 * @property {number[]} [delays] pause before each restart of a series of crashes; one restart per entry, then it gives up
 * @property {number} [stableMs] a child up this long ends the series: its crash is the first of a new one
 * @property {(line: string) => void} [log]
 * @property {(child: import('node:child_process').ChildProcess) => void} [onSpawn]
 */

/**
 * Runs `script` and restarts it after an unexpected exit (a non-zero code or a signal). Exit
 * code 0 is the server closing on purpose (its SIGTERM/SIGINT handler), so nothing restarts. A
 * first start that fails before it listened is a configuration error (port taken, bad
 * DATABASE_URL): restarting would only repeat it, so that ends the supervisor at once. Once a
 * server has listened, a later one failing early (the database restarting too) is retried.
 * @param {SuperviseOptions} opts
 */
export function supervise(opts) {
	const delays = opts.delays ?? [1000, 2000, 4000, 8000, 16000];
	const stableMs = opts.stableMs ?? 60_000;
	const log = opts.log ?? ((line) => console.error(line));
	/** @type {import('node:child_process').ChildProcess | null} */
	let child = null;
	/** @type {NodeJS.Timeout | null} */
	let timer = null;
	let stopping = false;
	let everReady = false;
	let crashes = 0;
	/** @type {(code: number) => void} */
	let finish = () => {};
	/** @type {Promise<number>} */
	const done = new Promise((resolve) => (finish = resolve));

	const start = () => {
		timer = null;
		const startedAt = Date.now();
		const c = spawn(process.execPath, [opts.script], {
			env: opts.env ?? process.env,
			cwd: opts.cwd,
			stdio: ['inherit', opts.output ?? 'inherit', opts.output ?? 'inherit', 'ipc']
		});
		child = c;
		c.on('message', (msg) => {
			if (msg === READY) everReady = true;
		});
		c.on('error', (err) => {
			log(`✖ No se pudo iniciar el servidor: ${err.message}`);
			// A process that never started emits no 'exit'.
			if (c.pid === undefined) {
				child = null;
				finish(1);
			}
		});
		c.on('exit', (code, signal) => {
			child = null;
			if (stopping) return finish(code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 0));
			if (code === 0) return finish(0);
			const how = signal ? `por la señal ${signal}` : `con código ${code}`;
			if (!everReady) {
				log(`✖ El servidor no llegó a arrancar (terminó ${how}). Revisa el mensaje de arriba.`);
				return finish(code || 1);
			}
			if (Date.now() - startedAt >= stableMs) crashes = 0;
			if (crashes >= delays.length) {
				log(
					`✖ El servidor se cayó ${crashes + 1} veces seguidas (la última ${how}); ya no se reinicia. Revisa los mensajes de arriba y vuelve a iniciarlo.`
				);
				return finish(1);
			}
			const wait = delays[crashes++];
			log(`⚠ El servidor terminó inesperadamente (${how}). Reinicio ${crashes} de ${delays.length} en ${seconds(wait)}…`);
			timer = setTimeout(start, wait);
		});
		opts.onSpawn?.(c);
	};
	start();

	return {
		done,
		get child() {
			return child;
		},
		/**
		 * A deliberate stop: passes the signal on and never restarts.
		 * @param {NodeJS.Signals} [signal]
		 */
		stop(signal = 'SIGTERM') {
			stopping = true;
			if (timer) {
				clearTimeout(timer);
				timer = null;
				finish(0);
			} else child?.kill(signal);
			return done;
		}
	};
}

/** @param {number} ms */
const seconds = (ms) => (ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`);

/**
 * The supervisor as the process `npm start` runs: SIGINT/SIGTERM stop it (and the server)
 * without a restart, and it exits with the result.
 * @param {SuperviseOptions} opts
 */
export function runSupervised(opts) {
	const s = supervise(opts);
	for (const sig of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(sig, () => void s.stop(sig));
	void s.done.then((code) => process.exit(code));
	return s;
}
