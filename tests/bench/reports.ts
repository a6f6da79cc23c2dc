// npx tsx tests/bench/reports.ts (the merger adds it as `npm run bench:reports`) — every report's
// latency (issue 21) through runReport, the service the JSON endpoint /api/reportes/<slug> calls,
// on 2,000 open and 20,000 closed cards with two years of history (≈8 stage changes per card,
// calls, payments, cancellations), over the last 90 days and over two years, on PGlite in-process
// and (when TEST_DATABASE_URL is set) on a fresh PostgreSQL database.
import { loadavg } from 'node:os';
import postgres from 'postgres';
import { openDatabase, type Database } from '../../src/lib/server/db/client';
import { migrate } from '../../src/lib/server/db/migrate';
import { createOrganization } from '../../src/lib/server/services/organizations';
import { runReport } from '../../src/lib/server/services/reports';
import { REPORT_KEYS } from '../../src/lib/domain/reports';
import { addDays, todayIn } from '../../src/lib/domain/dates';
import type { SessionUser } from '../../src/lib/server/auth';
import { chromium } from '@playwright/test';
import { findChromium, HEADLESS_ARGS } from '../../src/lib/server/pdf/find-chromium.js';
import { createSession } from '../../src/lib/server/auth';
import { hasBuild, startServer } from '../integration/support/server';
import { appendResults, machine, pct, type Row } from './report';

const OPEN = Number(process.env.BENCH_OPEN ?? 2000);
const CLOSED = Number(process.env.BENCH_CLOSED ?? 20000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 20);
const WARMUP = 3;
const TZ = 'America/Cancun';

/** The data set, generated in SQL (generate_series) so 22,000 cards and their history take seconds. */
export async function seed(db: Database): Promise<SessionUser> {
	const { org, admin } = await createOrganization(db, {
		orgName: 'Bench reportes',
		timeZone: TZ,
		adminName: 'Bench Admin',
		email: `bench-reportes-${Date.now()}@bench.mx`,
		password: 'contraseña-bench-1'
	});
	const q = (text: string, params: unknown[] = []) => db.query(text, [org.id, ...params]);
	await q(`insert into zones (org_id, name, payment_day) select $1, 'RB' || g || ' ZONA ' || g, 1 + g * 4 from generate_series(1, 6) g`);
	await q(
		`insert into users (org_id, email, name, role, password_hash)
		 select $1, r || g || '-' || $2 || '@bench.mx', initcap(r) || ' ' || g, r, 'sin-contraseña'
		 from (values ('agent'), ('technician')) v(r), generate_series(1, 10) g`,
		[Date.now()]
	);
	// top = how far the card went (1 preinstalación … 7 activa); step = hours between its moves.
	await q(
		`with z as (select array_agg(id order by name) a from zones where org_id = $1),
		 ag as (select array_agg(id order by email) a from users where org_id = $1 and role = 'agent'),
		 te as (select array_agg(id order by email) a from users where org_id = $1 and role = 'technician'),
		 spec as (
			select g, g <= $2::int as open,
				case when g <= $2::int then 1 + g % 6 when g % 5 = 0 then 1 + g % 6 else 7 end as top,
				8 + (g * 7) % 70 as step
			from generate_series(1, $2::int + $3::int) g
		 ),
		 timed as (
			select s.*, case when s.open then now() - ((s.top - 1) * s.step + 1 + s.g % 20) * interval '1 hour'
				else now() - interval '20 days' - ((s.g * 7919) % (710 * 24)) * interval '1 hour' end as created
			from spec s
		 )
		 insert into installations (org_id, full_name, phone, stage, position, created_at, stage_changed_at, zone_id, created_by,
			coverage_confirmed_by, technician_id, how_heard, installation_date, billing, cancel_reason, extra)
		 select $1, 'Cliente ' || t.g, '99' || lpad(t.g::text, 8, '0'),
			case when not t.open and t.g % 5 = 0 then 'cancelada' else ($4::text[])[t.top] end, t.g * 1024, t.created,
			t.created + ((t.top - 1) * t.step + case when not t.open and t.g % 5 = 0 then 5 else 0 end) * interval '1 hour',
			z.a[1 + t.g % 6], ag.a[1 + t.g % 10], case when t.g % 3 = 0 then ag.a[1 + (t.g + 1) % 10] end,
			case when t.top >= 5 then te.a[1 + t.g % 10] end, ($5::text[])[1 + t.g % 6],
			case when t.top >= 4 then ((t.created + 4 * t.step * interval '1 hour') at time zone '${TZ}')::date end,
			case when t.top >= 4 then jsonb_build_object('charge', jsonb_build_object('totalCents', 50000 + (t.g % 10) * 10000)) end,
			case when not t.open and t.g % 5 = 0 then ($6::text[])[1 + t.g % 4] end,
			jsonb_build_object('benchTop', t.top, 'benchStep', t.step)
		 from timed t, z, ag, te`,
		[
			OPEN,
			CLOSED,
			'{preinstalacion,cobertura_confirmada,documentos_pendientes,agendada,asignada,firmada,activa}',
			'{Facebook,Volante,Página web,Cambaceo,Recomendación de un conocido,Otro}',
			'{sin_cobertura,declino,no_localizable,duplicado}'
		]
	);
	const flow = '{preinstalacion,cobertura_confirmada,documentos_pendientes,agendada,asignada,firmada,activa}';
	// The moves along the flow, one step apart …
	await q(
		`insert into stage_history (org_id, installation_id, from_stage, to_stage, user_id, created_at)
		 select $1, i.id, case when s > 1 then ($2::text[])[s - 1] end, ($2::text[])[s], i.created_by,
			i.created_at + (s - 1) * (i.extra->>'benchStep')::int * interval '1 hour'
		 from installations i, generate_series(1, (i.extra->>'benchTop')::int) s where i.org_id = $1`,
		[flow]
	);
	// … half of those that reached agendada went back to documentos for an hour (a missing paper) …
	await q(
		`insert into stage_history (org_id, installation_id, from_stage, to_stage, user_id, created_at)
		 select $1, i.id, b.f, b.t, i.created_by, i.created_at + (3 * (i.extra->>'benchStep')::int + b.h) * interval '1 hour'
		 from installations i, (values ('agendada', 'documentos_pendientes', 1), ('documentos_pendientes', 'agendada', 2)) b(f, t, h)
		 where i.org_id = $1 and (i.extra->>'benchTop')::int >= 5 and i.folio % 2 = 0`
	);
	// … and the cancelled ones left 5 hours after their last move.
	await q(
		`insert into stage_history (org_id, installation_id, from_stage, to_stage, user_id, created_at)
		 select $1, i.id, ($2::text[])[(i.extra->>'benchTop')::int], 'cancelada', i.created_by, i.stage_changed_at
		 from installations i where i.org_id = $1 and i.stage = 'cancelada'`,
		[flow]
	);
	await q(
		`insert into cancellations (org_id, installation_id, from_stage, reason, reason_label, cancelled_at)
		 select $1, i.id, ($2::text[])[(i.extra->>'benchTop')::int], i.cancel_reason, initcap(replace(i.cancel_reason, '_', ' ')), i.stage_changed_at
		 from installations i where i.org_id = $1 and i.stage = 'cancelada'`,
		[flow]
	);
	// Two calls per card on average in its first days, and the first charge paid for most activated ones.
	await q(
		`insert into lead_calls (org_id, installation_id, user_id, outcome, created_at)
		 select $1, i.id, i.created_by, ($2::text[])[1 + (i.folio::int + c) % 6], i.created_at + (c * 5 + i.folio % 7) * interval '1 hour'
		 from installations i, generate_series(1, 1 + (i.folio % 3)::int) c where i.org_id = $1`,
		['{contesto,no_contesto,buzon,numero_equivocado,llamar_despues,no_interesado}']
	);
	await q(
		`insert into payments (org_id, installation_id, seq, amount_cents, method, received_by, received_at)
		 select $1, i.id, 1, (i.billing->'charge'->>'totalCents')::int - case when i.folio % 4 = 0 then 10000 else 0 end, 'efectivo', i.technician_id,
			i.stage_changed_at
		 from installations i where i.org_id = $1 and i.stage = 'activa' and i.folio % 10 <> 0`
	);
	// A production database is vacuumed by autovacuum; right after a bulk load only VACUUM sets the visibility map the index-only scans need.
	await db.query('vacuum analyze');
	const [user] = await db.query<SessionUser>(
		`select u.id, u.org_id as "orgId", o.name as "orgName", o.time_zone as "timeZone", u.email, u.name, u.role, u.locale, u.color
		 from users u join organizations o on o.id = u.org_id where u.id = $1`,
		[admin.id]
	);
	return user;
}

async function measure(db: Database, driver: string, actor: SessionUser): Promise<Row[]> {
	const counts = await db.query<{ cards: number; moves: number; calls: number }>(
		`select (select count(*)::int from installations) as cards, (select count(*)::int from stage_history) as moves,
			(select count(*)::int from lead_calls) as calls`
	);
	console.log(driver, counts[0]);
	const today = todayIn(TZ);
	const ranges = [
		{ name: '90 días', filters: { desde: addDays(today, -89), hasta: today }, goal: 100 },
		{ name: '2 años', filters: { desde: addDays(today, -729), hasta: today }, goal: 300 }
	];
	const rows: Row[] = [];
	for (const range of ranges) {
		for (const key of REPORT_KEYS) {
			const times: number[] = [];
			for (let i = 0; i < WARMUP + SAMPLES; i++) {
				const t0 = performance.now();
				await runReport(db, actor, key, range.filters);
				if (i >= WARMUP) times.push(performance.now() - t0);
			}
			const row: Row = {
				driver,
				metric: `${key}, ${range.name}`,
				p50: pct(times, 50),
				p95: pct(times, 95),
				goal: `p95 ≤ ${range.goal} ms`
			};
			console.log(row);
			rows.push(row);
		}
	}
	return rows;
}

/**
 * The Reportes page over 90 days on the built server (PostgreSQL): from navigation until it is
 * hydrated (its charts are drawn on the server, so then it is readable and responds), in headless
 * Chromium, 6 loads after 1 untimed.
 */
async function pageInteractive(db: Database, url: string, actor: SessionUser): Promise<Row[]> {
	if (!hasBuild()) {
		console.log('Sin build (npx vite build): no mido la página de Reportes.');
		return [];
	}
	const server = await startServer({ DATABASE_URL: url });
	const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: HEADLESS_ARGS });
	try {
		const { token } = await createSession(db.orm, { id: actor.id, orgId: actor.orgId });
		const today = todayIn(TZ);
		const times: number[] = [];
		for (let i = 0; i < 7; i++) {
			const context = await browser.newContext({ locale: 'es-MX', viewport: { width: 1440, height: 900 } });
			await context.addCookies([{ name: 'session', value: token, url: server.url }]);
			const page = await context.newPage();
			const t0 = performance.now();
			await page.goto(`${server.url}/reportes?desde=${addDays(today, -89)}&hasta=${today}`);
			await page.waitForSelector('.reports[data-ready]', { timeout: 60_000 });
			if (i > 0) times.push(performance.now() - t0);
			await context.close();
		}
		return [
			{
				driver: 'postgres',
				metric: 'página Reportes, 90 días: navegación → interactiva',
				p50: pct(times, 50),
				p95: pct(times, 95),
				goal: '≤ 2000 ms'
			}
		];
	} finally {
		await browser.close();
		await server.stop();
	}
}

async function main() {
	// BENCH_SEED_ONLY=<postgres url>: seed that database and stop (to inspect the plans with EXPLAIN).
	if (process.env.BENCH_SEED_ONLY) {
		const db = await openDatabase({ url: process.env.BENCH_SEED_ONLY, maxConnections: 2 });
		await migrate(db);
		console.log(JSON.stringify(await seed(db)));
		await db.close();
		return;
	}
	const rows: Row[] = [];
	// Written after each driver, so a long run leaves its first half on the page.
	const write = () =>
		appendResults(
			'Reports (`npm run bench:reports`)',
			rows,
			`${machine()}; ${OPEN} open + ${CLOSED} closed cards, ${SAMPLES} runs per report after ${WARMUP} untimed; load average at the end ${loadavg()
				.map((x) => x.toFixed(1))
				.join(' / ')} (1/5/15 min)`
		);
	if (process.env.TEST_DATABASE_URL) {
		const admin = postgres(process.env.TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
		const name = `bench_reportes_${Date.now().toString(36)}`;
		await admin.unsafe(`create database ${name}`);
		const url = new URL(process.env.TEST_DATABASE_URL);
		url.pathname = `/${name}`;
		const pg = await openDatabase({ url: url.toString(), maxConnections: 4 });
		try {
			await migrate(pg);
			const actor = await seed(pg);
			rows.push(...(await measure(pg, 'postgres', actor)));
			rows.push(...(await pageInteractive(pg, url.toString(), actor)));
		} finally {
			await pg.close();
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		}
		write();
	}
	const lite = await openDatabase({ dataDir: 'memory://' });
	try {
		await migrate(lite);
		rows.push(...(await measure(lite, 'pglite', await seed(lite))));
	} finally {
		await lite.close();
	}
	write();
}

main().then(
	() => process.exit(0),
	(err) => {
		console.error(err);
		process.exit(1);
	}
);
