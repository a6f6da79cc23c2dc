// CPU time (not wall time) per move and per board snapshot, in one process on PGlite: a load the
// shared machine can't distort as much as the wall-clock benchmark.
import { stringify } from 'devalue';
import { openDatabase } from '../../src/lib/server/db/client';
import { migrate } from '../../src/lib/server/db/migrate';
import { createOrganization } from '../../src/lib/server/services/organizations';
import { moveCard } from '../../src/lib/server/services/moves';
import { boardSnapshot } from '../../src/lib/server/services/board';
import { packSnapshot } from '../../src/lib/realtime/pack';

const db = await openDatabase({ dataDir: 'memory://' });
await migrate(db);
const { org, admin } = await createOrganization(db, {
	orgName: 'Bench',
	timeZone: 'America/Cancun',
	adminName: 'Bench Admin',
	email: 'cpu@bench.mx',
	password: 'contraseña-bench-1'
});
const open = ['preinstalacion', 'cobertura_confirmada', 'documentos_pendientes', 'agendada', 'asignada', 'firmada'];
await db.query(
	`insert into installations (org_id, full_name, phone, addr_colonia, stage, position, stage_changed_at)
	 select $1, 'Cliente ' || g, '998' || lpad(g::text, 7, '0'), 'SM ' || (g % 90), ($2::text[])[1 + g % 6], g * 65536,
	        now() - (g % 200) * interval '1 hour' from generate_series(1, 2000) g`,
	[org.id, open]
);
await db.query(
	`insert into installations (org_id, full_name, phone, addr_colonia, stage, position, stage_changed_at, cancel_reason)
	 select $1, 'Histórico ' || g, '997' || lpad(g::text, 7, '0'), 'SM ' || (g % 90), case when g % 5 = 0 then 'cancelada' else 'activa' end,
	        g * 65536, now() - (g % 900) * interval '1 day', case when g % 5 = 0 then 'declino' end from generate_series(1, 20000) g`,
	[org.id]
);
const actor = { ...admin, orgId: org.id, role: 'admin' } as never;
const cards = (
	await db.query<{ id: string }>(
		`select id from installations where org_id = $1 and stage = 'preinstalacion' order by position limit 300`,
		[org.id]
	)
).map((r) => r.id);

const cpu = () => {
	const u = process.cpuUsage();
	return (u.user + u.system) / 1000;
};
async function timed(label: string, n: number, fn: (i: number) => Promise<unknown>) {
	for (let i = 0; i < Math.min(50, n); i++) await fn(i); // warm-up
	const c0 = cpu();
	const w0 = performance.now();
	for (let i = 0; i < n; i++) await fn(i);
	const c = (cpu() - c0) / n,
		w = (performance.now() - w0) / n;
	console.log(`${label}: ${c.toFixed(3)} ms CPU, ${w.toFixed(3)} ms wall per op (n=${n})`);
}
const stages = ['preinstalacion', 'cobertura_confirmada'];
await timed('move (10 rounds of 300 cards)', 3000, (i) =>
	moveCard(db, actor, {
		cardId: cards[i % cards.length],
		toStage: stages[Math.floor(i / cards.length) % 2],
		version: 1,
		overrideReason: 'benchmark de movimientos',
		beforeId: cards[(i * 7 + 3) % cards.length] === cards[i % cards.length] ? undefined : cards[(i * 7 + 3) % cards.length]
	})
);
const page = async () => stringify(packSnapshot(await boardSnapshot(db, actor, {})));
await timed('snapshot + page data, board unchanged', 200, page);
await timed('snapshot + page data after a move', 100, async (i) => {
	await moveCard(db, actor, {
		cardId: cards[i % cards.length],
		toStage: 'preinstalacion',
		version: 1,
		overrideReason: 'benchmark de movimientos'
	});
	return page();
});
await db.close();
process.exit(0);
