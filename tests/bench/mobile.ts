/**
 * Lighthouse (mobile preset: a mid-range phone on a slow 4G link, simulated) on the built app:
 * the office's board (/tablero) and the technician's day (/tecnico), first with the demo data and
 * then with 2,000 open cards. Reports performance, FCP, LCP, TBT, CLS, accessibility and the
 * board's first-load transfer (compressed bytes of every request), with the machine's load average
 * next to each figure, and rewrites its section of docs/benchmarks.md.
 *
 *   npm run bench:mobile                  # one Lighthouse run per page and data set
 *   npm run bench:mobile -- --runs 3      # the median of three
 *   npm run bench:mobile -- --out other.md --label before   # another file, under another title
 *   npm run bench:mobile -- --port 4328   # the server's port, and the next one after the restart (free ones otherwise)
 *   npm run bench:mobile -- --reports dir # also keeps every run's full Lighthouse report (JSON) in dir
 *
 * Builds first when there is no build or the sources are newer. Needs a system Chromium
 * (CHROMIUM_PATH or the usual paths, see src/lib/server/pdf/find-chromium.js).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { findChromium } from '../../src/lib/server/pdf/find-chromium.js';
import { openDatabase } from '../../src/lib/server/db/client';
import { machine } from './report';
import { postAction, sessionCookie, startServer, type RunningServer } from '../integration/support/server';

const root = join(import.meta.dirname, '..', '..');
const arg = (name: string) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : undefined;
};
const runs = Math.max(1, Number(arg('runs') ?? 1));
const out = arg('out') ?? join(root, 'docs', 'benchmarks.md');
const label = arg('label');
const port = arg('port') ? Number(arg('port')) : undefined;
// The full reports say which audits fail, what shifts and what the transfer is made of.
const reports = arg('reports');
const OPEN_CARDS = 2000;
// A busy machine can take minutes to start a server on a fresh database.
const START_WAIT_MS = 300_000;
const PASSWORD = 'contraseña-bench-1';
const DEMO_PASSWORD = 'demo-tecnico-2026';
const step = (msg: string) => console.log(`· ${msg}`);

const chromePath = findChromium();
if (!chromePath) throw new Error('No encontré Chromium: instala `chromium` o define CHROMIUM_PATH.');

/** The newest modification time under a folder (the build is stale when a source is newer). */
function newest(dir: string): number {
	let t = 0;
	for (const e of readdirSync(dir, { withFileTypes: true })) {
		const p = join(dir, e.name);
		t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
	}
	return t;
}
const handler = join(root, 'build', 'handler.js');
if (!existsSync(handler) || newest(join(root, 'src')) > statSync(handler).mtimeMs) {
	step('compilando (vite build)…');
	execFileSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
}

interface Figures {
	performance: number;
	fcp: number;
	lcp: number;
	tbt: number;
	cls: number;
	accessibility: number;
	transfer: number;
	requests: number;
	load: string;
}

const load = () =>
	loadavg()
		.map((l) => l.toFixed(2))
		.join(' / ');

async function audit(url: string, cookie: string, data: string): Promise<Figures> {
	const all: Figures[] = [];
	for (let i = 0; i < runs; i++) {
		const chrome = await chromeLauncher.launch({
			chromePath: chromePath!,
			// --accept-lang sets the page's own navigator.languages: with only the header in Spanish, the
			// client picked English and re-rendered every text on hydration, which Lighthouse counted as layout shift.
			chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--lang=es-MX', '--accept-lang=es-MX']
		});
		try {
			const before = load();
			const result = await lighthouse(url, {
				port: chrome.port,
				output: 'json',
				logLevel: 'error',
				onlyCategories: ['performance', 'accessibility'],
				extraHeaders: { cookie, 'accept-language': 'es-MX,es;q=0.9' }
			});
			const lhr = result!.lhr;
			if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
			if (reports) {
				mkdirSync(reports, { recursive: true });
				const name = `${data}-${new URL(url).pathname.slice(1)}-${i + 1}.json`.replace(/[^\w.-]+/g, '-');
				writeFileSync(join(reports, name), JSON.stringify(lhr));
			}
			const num = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
			const items = (lhr.audits['network-requests']?.details as { items?: { transferSize?: number }[] } | undefined)?.items ?? [];
			all.push({
				performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
				fcp: num('first-contentful-paint'),
				lcp: num('largest-contentful-paint'),
				tbt: num('total-blocking-time'),
				cls: num('cumulative-layout-shift'),
				accessibility: Math.round((lhr.categories.accessibility.score ?? 0) * 100),
				transfer: num('total-byte-weight'),
				requests: items.length,
				load: `${before} → ${load()}`
			});
			const f = all[all.length - 1];
			console.log(
				`  ${url.replace(/^https?:\/\/[^/]+/, '')} run ${i + 1}: perf ${f.performance}, FCP ${ms(f.fcp)}, LCP ${ms(f.lcp)}, TBT ${Math.round(f.tbt)} ms, CLS ${f.cls.toFixed(3)}, a11y ${f.accessibility}, ${kb(f.transfer)} (${f.requests} requests); load ${f.load}`
			);
		} finally {
			await chrome.kill();
		}
	}
	// The run with the median performance score stands for the page.
	return [...all].sort((a, b) => a.performance - b.performance)[Math.floor(all.length / 2)];
}

const ms = (v: number) => `${(v / 1000).toFixed(2)} s`;
const kb = (v: number) => `${(v / 1024).toFixed(1)} KB`;

async function signIn(server: RunningServer, email: string, password: string): Promise<string> {
	const res = await postAction(server, '/login', { email, password });
	return sessionCookie(res.setCookie);
}

/** Tops the provider's open columns up to OPEN_CARDS cards, straight into the stopped server's database. */
async function addOpenCards(dataDir: string, technicianEmail: string): Promise<void> {
	const db = await openDatabase({ dataDir: join(dataDir, 'pglite') });
	try {
		const [{ org_id, tech, open }] = await db.query<{ org_id: string; tech: string; open: number }>(
			`select u.org_id, u.id as tech,
			        (select count(*)::int from installations i where i.org_id = u.org_id and i.stage not in ('activa', 'cancelada')) as open
			   from users u where u.email = $1`,
			[technicianEmail]
		);
		const stages = ['preinstalacion', 'cobertura_confirmada', 'documentos_pendientes', 'agendada', 'asignada', 'firmada'];
		await db.query(
			`insert into installations (org_id, full_name, phone, addr_colonia, stage, position, stage_changed_at, technician_id)
			 select $1, 'Cliente de prueba ' || g, '998' || lpad(g::text, 7, '0'), 'SM ' || (g % 90), ($2::text[])[1 + g % 6],
			        1000000000 + g * 65536, now() - (g % 300) * interval '1 hour',
			        case when ($2::text[])[1 + g % 6] in ('asignada', 'firmada') and g % 40 = 5 then $3::uuid end
			   from generate_series(1, $4::int) g`,
			[org_id, stages, tech, Math.max(0, OPEN_CARDS - open)]
		);
	} finally {
		await db.close();
	}
}

const dataDir = mkdtempSync(join(tmpdir(), 'tablero-bench-movil-'));
const results: { data: string; page: string; f: Figures }[] = [];
let server = await startServer({ DATA_DIR: dataDir }, port, START_WAIT_MS);
try {
	step(`servidor en ${server.url}`);
	const setup = await postAction(server, '/setup', {
		orgName: 'Banco de pruebas',
		timeZone: 'America/Cancun',
		adminName: 'Ana Admin',
		email: 'ana@bench.mx',
		password: PASSWORD,
		passwordConfirm: PASSWORD,
		demo: 'on'
	});
	sessionCookie(setup.setCookie);
	const techEmail = 'tecnico1@demo.invalid';
	for (const [data, prepare] of [
		['demo', async () => {}],
		[
			`${OPEN_CARDS} open cards`,
			async () => {
				await server.stop('SIGTERM');
				await addOpenCards(dataDir, techEmail);
				// Another port: fetch keeps connections to the stopped server, and one reused would be reset.
				server = await startServer({ DATA_DIR: dataDir }, port ? port + 1 : undefined, START_WAIT_MS);
			}
		]
	] as const) {
		await prepare();
		step(`datos: ${data}`);
		const office = await signIn(server, 'ana@bench.mx', PASSWORD);
		const tech = await signIn(server, techEmail, DEMO_PASSWORD);
		results.push({ data, page: '/tablero', f: await audit(`${server.url}/tablero`, office, data) });
		results.push({ data, page: '/tecnico', f: await audit(`${server.url}/tecnico`, tech, data) });
	}
} finally {
	await server.stop('SIGTERM');
	rmSync(dataDir, { recursive: true, force: true });
}

const title = `Mobile Lighthouse${label ? ` (${label})` : ''} (\`npm run bench:mobile\`)`;
const section = [
	`## ${title}`,
	'',
	`Run ${new Date().toISOString()} on ${machine()}: Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, mobile preset`,
	`(simulated slow 4G and 4× CPU slowdown), headless Chromium, the built server on PGlite; median of ${runs} run(s) per page.`,
	'The machine is shared with other work: the load average (1 / 5 / 15 min, before → after each run) is given with every figure,',
	'and a busy machine lowers the performance score and raises TBT.',
	'',
	'| data | page | performance | FCP | LCP | TBT | CLS | accessibility | first-load transfer | load average |',
	'| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
	...results.map(
		({ data, page, f }) =>
			`| ${data} | ${page} | ${f.performance} | ${ms(f.fcp)} | ${ms(f.lcp)} | ${Math.round(f.tbt)} ms | ${f.cls.toFixed(3)} | ${f.accessibility} | ${kb(f.transfer)} (${f.requests} requests) | ${f.load} |`
	),
	'',
	'Goals: performance ≥ 90 (demo) and ≥ 80 (2,000 cards), CLS < 0.05, TBT < 300 ms, accessibility 100, and the',
	'board’s first-load transfer ≤ 150 KB compressed whatever the number of cards.',
	''
].join('\n');
const current = existsSync(out) ? readFileSync(out, 'utf8') : '# Benchmarks\n';
const start = current.indexOf(`## ${title}`);
let next: string;
if (start >= 0) {
	const end = current.indexOf('\n## ', start + 1);
	next = current.slice(0, start) + section + (end >= 0 ? current.slice(end) : '');
} else next = `${current.trimEnd()}\n\n${section}`;
writeFileSync(out, next.endsWith('\n') ? next : `${next}\n`);
console.log(`escrito en ${out}`);
process.exit(0);
