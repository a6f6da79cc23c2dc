// A local WispHub for tests and demos, built from what ../shared/WISPHUB.md documents of WispHub's
// public REST API (never checked against a live account): Api-Key auth, paginated catalogs, the
// asynchronous «agregar-cliente … ?instalacion» with its task, validation errors, HTML for a wrong
// base URL. Test knobs (not WispHub's): fail the first N calls, slow answers, task delay, and
// `/__state`, `/__control` to inspect and steer it from another process.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';

export interface FakeOptions {
	port?: number;
	apiKey?: string;
	/** How long a task stays PENDING before the installation exists. */
	taskDelayMs?: number;
	/** The first N API calls answer 503. */
	failFirst?: number;
	/** Every API answer waits this long. */
	slowMs?: number;
}

export interface FakeInstallation {
	id_servicio: number;
	zona: number;
	instalacion: boolean;
	fields: Record<string, unknown>;
}

interface Task {
	id: string;
	readyAt: number;
	zona: number;
	instalacion: boolean;
	fields: Record<string, unknown>;
	result: FakeInstallation | null;
}

export const FAKE_ZONES = [
	{ id: 1, nombre: 'RB1 ZONA CENTRO DÍA 5' },
	{ id: 2, nombre: 'RB2 ZONA NORTE DÍA 14' },
	{ id: 3, nombre: 'RB3 ZONA SUR DÍA 28' }
];
export const FAKE_PLANS = [
	{ id: 10, nombre: 'Básico 60 Mbps', precio: '350.00' },
	{ id: 11, nombre: 'Intermedio 120 Mbps', precio: '450.00' },
	{ id: 12, nombre: 'Alto rendimiento 300 Mbps', precio: '650.00' }
];
export const FAKE_STAFF = [
	{ id: 20, nombre: 'Carlos Técnico', usuario: 'carlos', rol: 'tecnico' },
	{ id: 21, nombre: 'Oficina Administración', usuario: 'oficina', rol: 'administrador' }
];

export function startFakeWispHub(options: FakeOptions = {}) {
	const opts = { apiKey: 'clave-de-prueba-wisphub', taskDelayMs: 200, failFirst: 0, slowMs: 0, ...options };
	const state = {
		calls: [] as { method: string; path: string; status: number }[],
		installations: [] as FakeInstallation[],
		tasks: new Map<string, Task>(),
		failed: 0,
		nextId: 1001
	};

	const send = (res: ServerResponse, status: number, body: unknown) => {
		res.writeHead(status, { 'content-type': 'application/json' });
		res.end(JSON.stringify(body));
	};

	const page = (url: URL, items: unknown[]) => {
		const limit = Math.min(Number(url.searchParams.get('limit') ?? 50) || 50, 500);
		const offset = Number(url.searchParams.get('offset') ?? 0) || 0;
		const next = offset + limit < items.length ? `http://fake/api/?limit=${limit}&offset=${offset + limit}` : null;
		return { count: items.length, next, previous: null, results: items.slice(offset, offset + limit) };
	};

	function settle(task: Task) {
		if (task.result || Date.now() < task.readyAt) return;
		const taken = state.installations.some((i) => i.fields.usuario_rb === task.fields.usuario_rb);
		if (taken) return;
		task.result = { id_servicio: state.nextId++, zona: task.zona, instalacion: task.instalacion, fields: task.fields };
		state.installations.push(task.result);
	}

	async function readJson(req: IncomingMessage): Promise<unknown> {
		const chunks: Buffer[] = [];
		for await (const c of req) chunks.push(c as Buffer);
		try {
			return JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
		} catch {
			return undefined;
		}
	}

	async function api(req: IncomingMessage, res: ServerResponse, url: URL, path: string) {
		if (req.headers.authorization !== `Api-Key ${opts.apiKey}`) {
			return send(res, 401, { detail: 'Las credenciales de autenticación no son válidas.' });
		}
		if (state.failed < opts.failFirst) {
			state.failed++;
			return send(res, 503, { detail: 'Servicio no disponible temporalmente.' });
		}
		if (req.method === 'GET' && path === 'zonas/') return send(res, 200, page(url, FAKE_ZONES));
		if (req.method === 'GET' && path === 'plan-internet/') return send(res, 200, page(url, FAKE_PLANS));
		if (req.method === 'GET' && path === 'staff/') return send(res, 200, page(url, FAKE_STAFF));
		if (req.method === 'GET' && path === 'clientes/') {
			for (const t of state.tasks.values()) settle(t);
			const phone = url.searchParams.get('telefono__contains');
			const list = state.installations
				.filter((i) => !phone || String(i.fields.telefono ?? '').includes(phone))
				.map((i) => ({
					id_servicio: i.id_servicio,
					servicio: i.fields.usuario_rb,
					nombre: i.fields.nombre,
					telefono: i.fields.telefono,
					zona: i.zona
				}));
			return send(res, 200, page(url, list));
		}
		const add = /^clientes\/agregar-cliente\/(\d+)\/$/.exec(path);
		if (req.method === 'POST' && add) {
			const zona = Number(add[1]);
			if (!FAKE_ZONES.some((z) => z.id === zona)) return send(res, 404, { detail: 'No encontrado.' });
			const body = await readJson(req);
			if (!body || typeof body !== 'object' || Array.isArray(body)) return send(res, 400, { detail: 'JSON inválido.' });
			const fields = body as Record<string, unknown>;
			const errors: Record<string, string[]> = {};
			for (const f of ['usuario_rb', 'ip', 'plan_internet'])
				if (fields[f] === undefined || fields[f] === '') errors[f] = ['Este campo es requerido.'];
			if (fields.plan_internet !== undefined && !FAKE_PLANS.some((p) => String(p.id) === String(fields.plan_internet))) {
				errors.plan_internet = ['Plan de internet no válido.'];
			}
			if (fields.usuario_rb && state.installations.some((i) => i.fields.usuario_rb === fields.usuario_rb)) {
				errors.usuario_rb = ['Ya existe un servicio con este usuario.'];
			}
			if (Object.keys(errors).length) return send(res, 400, errors);
			const task: Task = {
				id: randomUUID(),
				readyAt: Date.now() + opts.taskDelayMs,
				zona,
				instalacion: url.searchParams.has('instalacion'),
				fields,
				result: null
			};
			state.tasks.set(task.id, task);
			return send(res, 200, { task_id: task.id });
		}
		const taskPath = /^tasks\/([0-9a-f-]+)\/$/.exec(path);
		if (req.method === 'GET' && taskPath) {
			const task = state.tasks.get(taskPath[1]);
			if (!task) return send(res, 404, { detail: 'No encontrado.' });
			settle(task);
			if (task.result) return send(res, 200, { task_id: task.id, status: 'SUCCESS', result: { id_servicio: task.result.id_servicio } });
			return send(res, 200, { task_id: task.id, status: 'PENDING', result: null });
		}
		return send(res, 404, { detail: 'No encontrado.' });
	}

	async function control(req: IncomingMessage, res: ServerResponse, url: URL) {
		if (url.pathname === '/__state') {
			return send(res, 200, { installations: state.installations, calls: state.calls.length, failed: state.failed });
		}
		const body = ((await readJson(req)) ?? {}) as Partial<FakeOptions> & { reset?: boolean };
		if (body.reset) {
			state.installations.length = 0;
			state.tasks.clear();
			state.calls.length = 0;
			state.failed = 0;
		}
		for (const k of ['failFirst', 'slowMs', 'taskDelayMs'] as const) if (typeof body[k] === 'number') opts[k] = body[k];
		if (typeof body.failFirst === 'number') state.failed = 0;
		return send(res, 200, { ok: true });
	}

	const server: Server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://fake');
		if (url.pathname.startsWith('/__')) return void control(req, res, url);
		const respond = async () => {
			if (!url.pathname.startsWith('/api/')) {
				// A wrong base URL lands on WispHub's web pages.
				res.writeHead(200, { 'content-type': 'text/html' });
				return res.end('<!DOCTYPE html><html><body>WispHub</body></html>');
			}
			if (opts.slowMs) await new Promise((r) => setTimeout(r, opts.slowMs));
			const path = url.pathname.slice('/api/'.length);
			res.on('finish', () => state.calls.push({ method: req.method ?? '', path, status: res.statusCode }));
			await api(req, res, url, path);
		};
		respond().catch(() => send(res, 500, { detail: 'Error interno.' }));
	});

	const ready = new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
	return {
		ready,
		state,
		options: opts,
		get url() {
			return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

export type FakeWispHub = ReturnType<typeof startFakeWispHub>;
