// npm run bench:pdf — installation-sheet PDFs through the real engine; appends the figures to docs/benchmarks.md.
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { register } from 'node:module';
import type { SignatureEvidence } from '../../src/lib/server/pdf/render';
import type { DocumentSource } from '../../src/lib/server/db/documents';

// The templates are .svelte files: compile them on import (Vite does this inside the app).
register('./svelte-hooks.mjs', import.meta.url);
const { PdfEngine } = await import('../../src/lib/server/pdf/engine');
const { documentHtml } = await import('../../src/lib/server/pdf/render');
const { buildDocData } = await import('../../src/lib/server/services/doc-data');

const N_WARM = Number(process.env.BENCH_WARM ?? 200);
const N_SUSTAINED = Number(process.env.BENCH_SUSTAINED ?? 300);
const N_MEMORY = Number(process.env.BENCH_MEMORY ?? 1000);

const src = (i: number): DocumentSource => ({
	id: 'x',
	orgId: 'o',
	folio: 1000 + i,
	orgName: 'Internet Cancún Demo',
	orgSettings: {},
	fullName: `José Ñúñez Peña ${i}`,
	email: 'cliente@correo.mx',
	phone: '9981234567',
	phoneAlt: '9987654321',
	addrSm: '12',
	addrMz: '3',
	addrLt: '4',
	addrExt: '10',
	addrInt: null,
	addrBuilding: null,
	addrStreet: 'Calle Ébano',
	addrColonia: 'Fracc Las Palmas',
	addrCity: 'Cancún',
	lat: 21.161908,
	lng: -86.851528,
	zoneName: 'RB3 ZONA SUR DÍA 28',
	serviceType: 'fibra',
	planName: 'Intermedio 120',
	planPriceCents: 45000,
	contractType: '12_meses',
	installationDate: '2026-11-25',
	installationTime: '10:00',
	installationCostCents: 120000,
	promotionFreeInstallation: false,
	technicianId: null,
	technicianName: 'Tomás Técnico',
	pppoeUser: '9981234567',
	pppoePassword: '9981234567M',
	wifiPassword: 'pena2024MB',
	ip: '10.30.3.17',
	externalId: 'EXT-1',
	rooftopAccess: true,
	rooftopKey: 'conserje',
	fiberCrossing: false,
	fiberCrossingNote: null,
	modemNearOutlet: true,
	houseOwnership: 'propia',
	comments: 'Perro en la entrada',
	contractSignedAt: null,
	sheetSignedAt: null,
	addons: [
		{
			kind: 'telefonia',
			planName: 'Renta 300 min',
			ip: '10.30.3.17',
			username: '9981234567',
			password: '9981234567M',
			externalId: '2000123',
			phoneNumber: '0000000000',
			sipServer: 'sip.proveedor.mx',
			onuSerial: null,
			tvType: null,
			router: 'RB1 NORTE'
		}
	]
});
// A realistic drawn signature is a few KB of PNG.
const signature: SignatureEvidence = {
	signerName: 'José Ñúñez',
	imagePng: 'data:image/png;base64,' + 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
	signedAt: new Date().toISOString(),
	ip: '203.0.113.9',
	userAgent: 'bench',
	contentSha256: 'a'.repeat(64),
	method: 'link'
};
const page = (i: number) => documentHtml(buildDocData(src(i), 'hoja_instalacion', { today: '2026-11-21' }), signature, 'America/Cancun');

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const mb = (n: number) => Math.round(n / 1024 / 1024);

async function main() {
	const loadBefore = loadavg()[0];
	const engine = new PdfEngine();
	let t = performance.now();
	const first = page(0);
	await engine.render(first.html, { footer: first.footer! });
	const cold = performance.now() - t;

	const warm: number[] = [];
	for (let i = 0; i < N_WARM; i++) {
		const p = page(i);
		t = performance.now();
		await engine.render(p.html, { footer: p.footer! });
		warm.push(performance.now() - t);
	}

	// Sustained: several requests in flight, as when many people press "Ver PDF" at once.
	const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 4);
	let next = 0;
	t = performance.now();
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < N_SUSTAINED) {
				const p = page(next++);
				await engine.render(p.html, { footer: p.footer! });
			}
		})
	);
	const perSecond = N_SUSTAINED / ((performance.now() - t) / 1000);

	const rss = async () => {
		const pid = engine.status().pid;
		const { execSync } = await import('node:child_process');
		// Chromium's memory is spread over its child processes; sum the whole tree.
		const out = pid ? execSync(`ps -o rss= --ppid ${pid} -p ${pid} 2>/dev/null || true`).toString() : '';
		return (
			out
				.split('\n')
				.map(Number)
				.filter(Boolean)
				.reduce((a, b) => a + b, 0) * 1024
		);
	};
	const samples: { n: number; node: number; chrome: number }[] = [];
	next = 0;
	while (next < N_MEMORY) {
		await Promise.all(
			Array.from({ length: concurrency }, async () => {
				const p = page(next++);
				await engine.render(p.html, { footer: p.footer! });
			})
		);
		if (next % 200 < concurrency) samples.push({ n: next, node: process.memoryUsage().rss, chrome: await rss() });
	}
	await engine.close();

	const row = {
		date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
		machine: `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${mb(totalmem())} MB RAM, Node ${process.version}`,
		cold: Math.round(cold),
		p50: Math.round(pct(warm, 50)),
		p95: Math.round(pct(warm, 95)),
		perSecond: perSecond.toFixed(1)
	};
	const memLines = samples.map((s) => `| ${s.n} | ${mb(s.node)} | ${mb(s.chrome)} |`).join('\n');
	const section = `
## PDF engine (installation sheet) — ${row.date}

Machine: ${row.machine}. Pool of ${process.env.PDF_POOL_SIZE ?? 3} pages, JavaScript off, every request blocked.
Load average (1 min) before/after: ${loadBefore.toFixed(1)} / ${loadavg()[0].toFixed(1)} — other work on the machine inflates latencies.
Command: \`npm run bench:pdf\` (tests/bench/pdf.ts).

| Measure | Result | Goal |
| --- | --- | --- |
| Cold start (launch Chromium + first PDF) | ${row.cold} ms | — |
| Warm PDF p50 (one at a time, n=${N_WARM}) | ${row.p50} ms | ≤ 120 ms |
| Warm PDF p95 | ${row.p95} ms | — |
| Sustained throughput (${concurrency} in flight, n=${N_SUSTAINED}) | ${row.perSecond} documents/s | ≥ 10 |

Memory while rendering ${N_MEMORY} documents (RSS, MB):

| Documents | Node | Chromium (all processes) |
| --- | --- | --- |
${memLines}
`;
	const file = join(import.meta.dirname, '..', '..', 'docs', 'benchmarks.md');
	if (!existsSync(file)) writeFileSync(file, "# Benchmarks\n\nFigures measured on this project's machines; newest sections at the end.\n");
	appendFileSync(file, section);
	console.log(section);
}

main().catch((err) => {
	console.error(err);
	process.exit(1);
});
