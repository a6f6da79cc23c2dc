/**
 * The hand-built data set of the reports tests (issue 21): a dozen cards with known histories in
 * October 2026 (America/Cancun, UTC−5), their calls, cancellations and payments, inserted straight
 * in SQL with explicit timestamps. tests/integration/reports*.test.ts assert every number from it.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '$lib/server/db/client';
import { firstOf, run } from '$lib/server/db/card-tx';
import { makeOrg, sessionUserOf } from './factories';
import { createUser } from '$lib/server/services/users';
import { PASSWORD } from './factories';

type Who = 'A' | 'B' | null;

export interface CardSpec {
	name: string;
	zone: 'Z1' | 'Z2' | null;
	/** The agent who captured it (created_by). */
	agent: Who;
	/** Who confirmed coverage (coverage_confirmed_by), when not the one who captured it. */
	confirmedBy?: Who;
	tech?: 'T1' | 'T2';
	howHeard: string | null;
	/** Stage moves in order, the first into preinstalación (its created_at): [stage, UTC time]. */
	moves: [string, string][];
	cancel?: { reason: string; label: string; from: string; at: string; reopenedAt?: string };
	installationDate?: string;
	quotedCents?: number;
	payments?: { cents: number; at: string; voided?: boolean }[];
	calls?: { by: 'A' | 'B'; at: string; outcome: string }[];
	/** The technician's «Llegué» and completion, as recorded (either may be missing). */
	arrivedAt?: string;
	completedAt?: string;
}

export const CARDS: CardSpec[] = [
	{
		name: 'C1',
		zone: 'Z1',
		agent: 'A',
		tech: 'T1',
		howHeard: 'Facebook',
		moves: [
			['preinstalacion', '2026-10-01T12:00:00Z'],
			['cobertura_confirmada', '2026-10-02T12:00:00Z'],
			['documentos_pendientes', '2026-10-03T12:00:00Z'],
			['agendada', '2026-10-05T12:00:00Z'],
			['asignada', '2026-10-06T12:00:00Z'],
			['firmada', '2026-10-07T12:00:00Z'],
			['activa', '2026-10-07T18:00:00Z']
		],
		installationDate: '2026-10-07',
		arrivedAt: '2026-10-07T15:00:00Z',
		completedAt: '2026-10-07T17:30:00Z',
		quotedCents: 100_000,
		payments: [
			{ cents: 60_000, at: '2026-10-07T18:00:00Z' },
			{ cents: 40_000, at: '2026-10-09T15:00:00Z' }
		],
		calls: [
			{ by: 'A', at: '2026-10-01T13:00:00Z', outcome: 'no_contesto' },
			{ by: 'A', at: '2026-10-01T15:00:00Z', outcome: 'contesto' }
		]
	},
	{
		name: 'C2',
		zone: 'Z1',
		agent: 'A',
		tech: 'T1',
		howHeard: 'Facebook',
		moves: [
			['preinstalacion', '2026-10-02T12:00:00Z'],
			['cobertura_confirmada', '2026-10-03T12:00:00Z'],
			['documentos_pendientes', '2026-10-04T12:00:00Z'],
			['agendada', '2026-10-06T12:00:00Z'],
			['asignada', '2026-10-07T12:00:00Z'],
			['firmada', '2026-10-08T12:00:00Z'],
			['activa', '2026-10-08T14:00:00Z']
		],
		installationDate: '2026-10-08',
		arrivedAt: '2026-10-08T12:30:00Z',
		completedAt: '2026-10-08T13:30:00Z',
		quotedCents: 80_000,
		payments: [
			{ cents: 50_000, at: '2026-10-08T14:00:00Z' },
			{ cents: 30_000, at: '2026-10-08T14:30:00Z', voided: true }
		],
		calls: [{ by: 'A', at: '2026-10-02T14:00:00Z', outcome: 'contesto' }]
	},
	{
		name: 'C3',
		zone: 'Z2',
		agent: 'B',
		tech: 'T2',
		howHeard: 'Volante',
		moves: [
			['preinstalacion', '2026-10-05T12:00:00Z'],
			['cobertura_confirmada', '2026-10-05T18:00:00Z'],
			['documentos_pendientes', '2026-10-06T12:00:00Z'],
			['agendada', '2026-10-10T12:00:00Z'],
			['asignada', '2026-10-12T12:00:00Z'],
			['firmada', '2026-10-13T12:00:00Z'],
			['activa', '2026-10-13T16:00:00Z']
		],
		installationDate: '2026-10-13',
		completedAt: '2026-10-13T15:00:00Z',
		quotedCents: 120_000,
		calls: [
			{ by: 'B', at: '2026-10-05T16:00:00Z', outcome: 'buzon' },
			{ by: 'A', at: '2026-10-05T17:00:00Z', outcome: 'contesto' }
		]
	},
	{
		name: 'C4',
		zone: 'Z2',
		agent: 'B',
		tech: 'T2',
		howHeard: null,
		moves: [
			['preinstalacion', '2026-09-20T12:00:00Z'],
			['cobertura_confirmada', '2026-09-25T12:00:00Z'],
			['documentos_pendientes', '2026-09-28T12:00:00Z'],
			['agendada', '2026-10-01T12:00:00Z'],
			['asignada', '2026-10-02T12:00:00Z'],
			['firmada', '2026-10-13T12:00:00Z'],
			['activa', '2026-10-13T20:00:00Z']
		],
		installationDate: '2026-10-13',
		arrivedAt: '2026-10-13T17:00:00Z',
		completedAt: '2026-10-13T19:15:00Z',
		quotedCents: 90_000,
		payments: [{ cents: 90_000, at: '2026-10-02T15:00:00Z' }],
		calls: [{ by: 'B', at: '2026-09-21T12:00:00Z', outcome: 'contesto' }]
	},
	{
		name: 'C5',
		zone: 'Z1',
		agent: 'A',
		tech: 'T1',
		howHeard: 'Facebook',
		moves: [
			['preinstalacion', '2026-10-08T12:00:00Z'],
			['cobertura_confirmada', '2026-10-09T12:00:00Z'],
			['documentos_pendientes', '2026-10-10T12:00:00Z'],
			['agendada', '2026-10-12T12:00:00Z'],
			['asignada', '2026-10-13T12:00:00Z']
		],
		installationDate: '2026-10-20',
		arrivedAt: '2026-10-20T15:00:00Z',
		completedAt: '2026-10-20T20:00:00Z',
		quotedCents: 70_000,
		calls: [{ by: 'A', at: '2026-10-08T20:00:00Z', outcome: 'llamar_despues' }]
	},
	{
		name: 'C6',
		zone: 'Z1',
		agent: 'A',
		howHeard: 'Volante',
		moves: [
			['preinstalacion', '2026-10-10T12:00:00Z'],
			['cobertura_confirmada', '2026-10-11T12:00:00Z'],
			['documentos_pendientes', '2026-10-12T12:00:00Z']
		],
		calls: [{ by: 'A', at: '2026-10-10T13:00:00Z', outcome: 'numero_equivocado' }]
	},
	{
		name: 'C7',
		zone: 'Z2',
		agent: 'B',
		howHeard: 'Facebook',
		moves: [
			['preinstalacion', '2026-10-12T12:00:00Z'],
			['cancelada', '2026-10-13T12:00:00Z']
		],
		cancel: { reason: 'no_localizable', label: 'No localizable', from: 'preinstalacion', at: '2026-10-13T12:00:00Z' },
		calls: [
			{ by: 'B', at: '2026-10-12T15:00:00Z', outcome: 'no_contesto' },
			{ by: 'B', at: '2026-10-12T18:00:00Z', outcome: 'no_contesto' }
		]
	},
	{
		name: 'C8',
		zone: 'Z1',
		agent: 'A',
		howHeard: 'Volante',
		moves: [
			['preinstalacion', '2026-10-14T12:00:00Z'],
			['cobertura_confirmada', '2026-10-15T12:00:00Z'],
			['cancelada', '2026-10-16T12:00:00Z']
		],
		cancel: { reason: 'declino', label: 'Declinó', from: 'cobertura_confirmada', at: '2026-10-16T12:00:00Z' },
		installationDate: '2026-10-20',
		quotedCents: 50_000
	},
	{
		name: 'C9',
		zone: 'Z2',
		agent: 'B',
		tech: 'T2',
		howHeard: 'Facebook',
		moves: [
			['preinstalacion', '2026-10-15T12:00:00Z'],
			['cobertura_confirmada', '2026-10-16T12:00:00Z'],
			['documentos_pendientes', '2026-10-17T12:00:00Z'],
			['agendada', '2026-10-19T12:00:00Z'],
			['cancelada', '2026-10-20T12:00:00Z'],
			['agendada', '2026-10-22T12:00:00Z']
		],
		cancel: { reason: 'declino', label: 'Declinó', from: 'agendada', at: '2026-10-20T12:00:00Z', reopenedAt: '2026-10-22T12:00:00Z' }
	},
	{
		name: 'C10',
		zone: 'Z1',
		agent: null,
		howHeard: 'Recomendación',
		moves: [['preinstalacion', '2026-10-20T12:00:00Z']],
		calls: [{ by: 'B', at: '2026-10-20T22:00:00Z', outcome: 'contesto' }]
	},
	{
		name: 'C11',
		zone: 'Z2',
		agent: 'B',
		confirmedBy: 'A',
		howHeard: 'Volante',
		moves: [
			['preinstalacion', '2026-10-22T12:00:00Z'],
			['cobertura_confirmada', '2026-10-23T12:00:00Z']
		]
	},
	{
		name: 'C12',
		zone: 'Z1',
		agent: 'B',
		howHeard: 'Facebook',
		moves: [
			['preinstalacion', '2026-10-25T12:00:00Z'],
			['cancelada', '2026-10-26T12:00:00Z']
		],
		cancel: { reason: 'sin_cobertura', label: 'Sin cobertura', from: 'preinstalacion', at: '2026-10-26T12:00:00Z' }
	},
	{
		name: 'C13',
		zone: 'Z1',
		agent: 'A',
		howHeard: 'Facebook',
		moves: [['preinstalacion', '2026-11-05T12:00:00Z']]
	}
];

/** Loads the data set into a new organisation; returns its users, zones and cards by name. */
export async function loadReportData(db: Database) {
	const org = await makeOrg(db);
	const orgId = org.org.id;
	const beto = await sessionUserOf(
		db,
		(await createUser(db, org.admin, { name: 'Beto Asesor', email: `beto-${Date.now()}@prueba.mx`, role: 'agent', password: PASSWORD })).id
	);
	const tina = await sessionUserOf(
		db,
		(
			await createUser(db, org.admin, {
				name: 'Tina Técnica',
				email: `tina-${Date.now()}@prueba.mx`,
				role: 'technician',
				password: PASSWORD
			})
		).id
	);
	const users = { A: org.agent.id, B: beto.id, T1: org.technician.id, T2: tina.id };
	const zone = async (name: string) =>
		(await firstOf<{ id: string }>(db.orm, sql`insert into zones (org_id, name, payment_day) values (${orgId}, ${name}, 28) returning id`))!
			.id;
	const zones = { Z1: await zone('RB1 NORTE'), Z2: await zone('RB2 SUR') };
	const ids: Record<string, string> = {};
	let n = 0;
	for (const c of CARDS) {
		n++;
		const [stage, changedAt] = c.moves[c.moves.length - 1];
		const billing = c.quotedCents === undefined ? null : JSON.stringify({ charge: { totalCents: c.quotedCents, items: [] } });
		const row = await firstOf<{ id: string }>(
			db.orm,
			sql`insert into installations (org_id, full_name, phone, stage, position, stage_changed_at, created_at, zone_id, created_by,
					coverage_confirmed_by, technician_id, how_heard, installation_date, billing, cancel_reason, arrived_at, completed_at)
				values (${orgId}, ${`Cliente ${c.name}`}, ${`99800000${String(n).padStart(2, '0')}`}, ${stage}, ${n * 1000}, ${changedAt}::timestamptz,
					${c.moves[0][1]}::timestamptz, ${c.zone ? zones[c.zone] : null}, ${c.agent ? users[c.agent] : null},
					${c.confirmedBy ? users[c.confirmedBy] : null}, ${c.tech ? users[c.tech] : null}, ${c.howHeard},
					${c.installationDate ?? null}::date, ${billing}::jsonb, ${stage === 'cancelada' ? c.cancel!.reason : null},
					${c.arrivedAt ?? null}::timestamptz, ${c.completedAt ?? null}::timestamptz)
				returning id`
		);
		const id = row!.id;
		ids[c.name] = id;
		let from: string | null = null;
		for (const [to, at] of c.moves) {
			await run(
				db.orm,
				sql`insert into stage_history (org_id, installation_id, from_stage, to_stage, user_id, created_at)
					values (${orgId}, ${id}, ${from}, ${to}, ${c.agent ? users[c.agent] : null}, ${at}::timestamptz)`
			);
			from = to;
		}
		if (c.cancel) {
			const x = c.cancel;
			await run(
				db.orm,
				sql`insert into cancellations (org_id, installation_id, from_stage, reason, reason_label, cancelled_at, reopened_to, reopened_at, reopen_reason)
					values (${orgId}, ${id}, ${x.from}, ${x.reason}, ${x.label}, ${x.at}::timestamptz, ${x.reopenedAt ? x.from : null},
						${x.reopenedAt ?? null}::timestamptz, ${x.reopenedAt ? 'Volvió a llamar' : null})`
			);
		}
		let seq = 0;
		for (const p of c.payments ?? []) {
			await run(
				db.orm,
				sql`insert into payments (org_id, installation_id, seq, amount_cents, method, received_by, received_at, voided_at, voided_by, void_reason)
					values (${orgId}, ${id}, ${++seq}, ${p.cents}, 'efectivo', ${org.coordinator.id}, ${p.at}::timestamptz,
						${p.voided ? p.at : null}::timestamptz, ${p.voided ? org.coordinator.id : null}, ${p.voided ? 'Monto equivocado' : null})`
			);
		}
		for (const call of c.calls ?? []) {
			await run(
				db.orm,
				sql`insert into lead_calls (org_id, installation_id, user_id, outcome, created_at)
					values (${orgId}, ${id}, ${users[call.by]}, ${call.outcome}, ${call.at}::timestamptz)`
			);
		}
	}
	// One card waiting 30 hours in preinstalación right now (past the warning, not yet late).
	const fresh = await firstOf<{ id: string }>(
		db.orm,
		sql`insert into installations (org_id, full_name, phone, stage, position, stage_changed_at, created_at, zone_id, created_by, how_heard)
			values (${orgId}, 'Cliente C14', '9980000014', 'preinstalacion', 14000, now() - interval '30 hours', now() - interval '30 hours',
				${zones.Z1}, ${users.A}, 'Facebook') returning id`
	);
	await run(
		db.orm,
		sql`insert into stage_history (org_id, installation_id, from_stage, to_stage, user_id, created_at)
			values (${orgId}, ${fresh!.id}, null, 'preinstalacion', ${users.A}, now() - interval '30 hours')`
	);
	ids.C14 = fresh!.id;
	return { org, beto, tina, users, zones, ids };
}
