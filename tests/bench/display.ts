/**
 * Soak: one wall display (real Chromium on the built app) open while a coordinator moves a card
 * every second. Reports the page's JS heap after a forced GC at the start and at the end, plus DOM
 * nodes and listeners, and appends the figures to docs/benchmarks.md.
 *
 *   npm run bench:display                  # 30 minutes
 *   npm run bench:display -- --minutes 2   # quick run
 *
 * Needs `npx vite build` first and a system Chromium (CHROMIUM_PATH or /usr/bin/chromium).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { findChromium, HEADLESS_ARGS } from '../../src/lib/server/pdf/find-chromium.js';
import { io, type Socket } from 'socket.io-client';
import { hasBuild, postAction, sessionCookie, startServer } from '../integration/support/server';

const root = join(import.meta.dirname, '..', '..');
const arg = (name: string) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : undefined;
};
const minutes = Number(arg('minutes') ?? 30);
const out = arg('out') ?? join(root, 'docs', 'benchmarks.md');
const chromium = findChromium();
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;
const ORIGINAL_STAGES = ['preinstalacion', 'cobertura_confirmada', 'documentos_pendientes', 'agendada', 'asignada', 'firmada'] as const;

if (!hasBuild()) throw new Error('Falta el build: ejecuta `npx vite build` primero.');
if (!chromium) throw new Error('No encontré Chromium: instala `chromium` o define CHROMIUM_PATH.');

const dataDir = mkdtempSync(join(tmpdir(), 'tablero-bench-pantalla-'));
const step = (msg: string) => console.log(`· ${msg}`);
const server = await startServer({ DATA_DIR: dataDir });
step(`servidor en ${server.url}`);
const browser = await puppeteer.launch({
	executablePath: chromium,
	headless: true,
	args: [...HEADLESS_ARGS, '--lang=es-MX', '--js-flags=--expose-gc']
});
let mover: Socket | null = null;
try {
	const setup = await postAction(server, '/setup', {
		orgName: 'Banco de pruebas',
		timeZone: 'America/Cancun',
		adminName: 'Ana Admin',
		email: 'ana@bench.mx',
		password: 'contraseña-bench-1',
		passwordConfirm: 'contraseña-bench-1',
		demo: 'on'
	});
	const cookie = sessionCookie(setup.setCookie);
	const created = await postAction(server, '/ajustes/pantallas?/create', { name: 'TV soak' }, cookie);
	const token = /pantalla\/([a-z2-7]{32})/.exec(created.body.data ?? '')?.[1];
	if (!token) throw new Error('No se creó el enlace de pantalla.');

	step('enlace de pantalla creado');
	const page = await browser.newPage();
	await page.setExtraHTTPHeaders({ 'accept-language': 'es-MX,es;q=0.9' });
	await page.setViewport({ width: 1920, height: 1080 });
	await page.goto(`${server.url}/pantalla/${token}`, { waitUntil: 'networkidle0' });
	await page.waitForFunction(() => document.querySelector('[data-testid="live-indicator"]')?.getAttribute('data-status') === 'live', {
		timeout: 20_000
	});
	step('pantalla en vivo');
	const cdp = await page.createCDPSession();
	const measure = async () => {
		await cdp.send('HeapProfiler.collectGarbage');
		await new Promise((r) => setTimeout(r, 500));
		await cdp.send('HeapProfiler.collectGarbage');
		const m = await page.metrics();
		return { heap: m.JSHeapUsedSize ?? 0, nodes: m.Nodes ?? 0, listeners: m.JSEventListeners ?? 0 };
	};

	// The cards to move, from the display's own (redacted) snapshot.
	const tv = io(`${server.url}/pantalla`, { path: '/socket.io', transports: ['websocket'], auth: { token }, forceNew: true });
	const snap = await new Promise<{ snapshot: { cards: { id: string; stage: string; version: number }[] } }>((r) =>
		tv.emit('display:snapshot', r)
	);
	tv.close();
	const cards = snap.snapshot.cards.filter((c) => (ORIGINAL_STAGES as readonly string[]).includes(c.stage));
	mover = io(server.url, { path: '/socket.io', transports: ['websocket'], extraHeaders: { cookie }, forceNew: true });
	await new Promise<void>((r) => mover!.once('connect', () => r()));
	step(`coordinador conectado; ${cards.length} tarjetas para mover`);

	await new Promise((r) => setTimeout(r, 5000));
	const start = await measure();
	const samples: { minute: number; heap: number }[] = [{ minute: 0, heap: start.heap }];
	console.log(
		`inicio: heap ${mb(start.heap)}, nodos ${start.nodes}, listeners ${start.listeners}; ${cards.length} tarjetas, ${minutes} min`
	);

	let moves = 0;
	let refused = 0;
	const endAt = Date.now() + minutes * 60_000;
	let nextSample = Date.now() + 60_000;
	for (let i = 0; Date.now() < endAt; i++) {
		const card = cards[i % cards.length];
		// Alternate each card between its own column and the one before it; coordinators may override guards.
		const home = card.stage;
		const here = (card as { at?: string }).at ?? home;
		const idx = ORIGINAL_STAGES.indexOf(home as (typeof ORIGINAL_STAGES)[number]);
		const to = here === home ? ORIGINAL_STAGES[Math.max(0, idx - 1)] : home;
		const res = await new Promise<{ ok: boolean; card?: { version: number } }>((r) =>
			mover!
				.timeout(5000)
				.emit(
					'card:move',
					{ cardId: card.id, toStage: to, version: card.version, overrideReason: 'Simulación de carga' },
					(err: Error | null, v: never) => r(err ? { ok: false } : v)
				)
		);
		if (res.ok) {
			moves++;
			(card as { at?: string }).at = to;
			card.version = res.card!.version;
		} else refused++;
		if (Date.now() >= nextSample) {
			nextSample += 60_000;
			const s = await measure();
			samples.push({ minute: samples.length, heap: s.heap });
			console.log(`min ${samples.length - 1}: heap ${mb(s.heap)}, nodos ${s.nodes}, listeners ${s.listeners}, movimientos ${moves}`);
		}
		await new Promise((r) => setTimeout(r, 1000));
	}
	const end = await measure();
	const live = await page.$eval('[data-testid="live-indicator"]', (el) => el.textContent?.trim() ?? '');
	const maxHeap = Math.max(...samples.map((s) => s.heap), end.heap);
	const growth = ((end.heap - start.heap) / start.heap) * 100;
	console.log(
		`fin: heap ${mb(end.heap)} (${growth >= 0 ? '+' : ''}${growth.toFixed(1)} %), nodos ${end.nodes}, listeners ${end.listeners}; ${moves} movimientos, ${refused} rechazados; indicador «${live}»`
	);

	const section = [
		`## Wall display soak (\`npm run bench:display\`)`,
		'',
		`Run ${new Date().toISOString()}: one display page in headless Chromium at 1920×1080 on the built server (PGlite, demo data),`,
		`a coordinator socket moving a card every second for ${minutes} min. Heap = Chromium's JSHeapUsedSize after two forced GCs.`,
		'',
		'| | start | end | max sampled |',
		'|---|---|---|---|',
		`| JS heap | ${mb(start.heap)} | ${mb(end.heap)} (${growth >= 0 ? '+' : ''}${growth.toFixed(1)} %) | ${mb(maxHeap)} |`,
		`| DOM nodes | ${start.nodes} | ${end.nodes} | |`,
		`| JS event listeners | ${start.listeners} | ${end.listeners} | |`,
		'',
		`Moves applied: ${moves} (refused: ${refused}). Indicator at the end: «${live}».`,
		`Per-minute heap: ${samples.map((s) => (s.heap / 1024 / 1024).toFixed(2)).join(', ')} MB.`,
		''
	].join('\n');
	// Other benches append their own sections: re-read right before writing and replace only ours.
	const current = existsSync(out) ? readFileSync(out, 'utf8') : '# Benchmarks\n';
	const re = /## Wall display soak[\s\S]*?(?=\n## |$)/;
	const next = re.test(current) ? current.replace(re, section) : `${current.trimEnd()}\n\n${section}`;
	writeFileSync(out, next.endsWith('\n') ? next : `${next}\n`);
	console.log(`escrito en ${out}`);
} finally {
	mover?.close();
	await browser.close();
	await server.stop('SIGTERM');
	rmSync(dataDir, { recursive: true, force: true });
}
