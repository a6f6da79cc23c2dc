import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..', '..');

export const hasBuild = () => existsSync(join(root, 'build', 'handler.js'));

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as { port: number };
			srv.close(() => resolve(port));
		});
		srv.on('error', reject);
	});
}

export interface RunningServer {
	url: string;
	port: number;
	child: ChildProcess;
	log: () => string;
	stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts the built production server (src/server/index.js) and waits for /healthz (a minute unless told otherwise). */
export async function startServer(env: Record<string, string>, port?: number, waitMs = 60_000): Promise<RunningServer> {
	port ??= await freePort();
	let output = '';
	const child = spawn(process.execPath, [join(root, 'src', 'server', 'index.js')], {
		cwd: root,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout!.on('data', (d) => (output += d));
	child.stderr!.on('data', (d) => (output += d));
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + waitMs;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`el servidor terminó al arrancar:\n${output}`);
		try {
			const res = await fetch(`${url}/healthz`);
			if (res.ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`el servidor no respondió en ${waitMs / 1000} s:\n${output}`);
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	return {
		url,
		port,
		child,
		log: () => output,
		stop: (signal = 'SIGTERM') =>
			new Promise((resolve) => {
				if (child.exitCode !== null || child.signalCode) return resolve();
				child.once('exit', () => resolve());
				child.kill(signal);
			})
	};
}

/** Posts a SvelteKit form action the way `use:enhance` does and returns its JSON result. */
export async function postAction(
	server: RunningServer,
	path: string,
	fields: Record<string, string>,
	cookie?: string
): Promise<{ status: number; body: { type: string; status?: number; location?: string; data?: string }; setCookie: string[] }> {
	const res = await fetch(`${server.url}${path}`, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			origin: server.url,
			'x-sveltekit-action': 'true',
			accept: 'application/json',
			...(cookie ? { cookie } : {})
		},
		body: new URLSearchParams(fields),
		redirect: 'manual'
	});
	return { status: res.status, body: await res.json(), setCookie: res.headers.getSetCookie() };
}

export function sessionCookie(setCookie: string[]): string {
	const c = setCookie.find((h) => h.startsWith('session='));
	if (!c) throw new Error('sin cookie de sesión');
	return c.split(';')[0];
}
