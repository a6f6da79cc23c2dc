// The demo provider loads in one go on PGlite (and on PostgreSQL when TEST_DATABASE_URL is set),
import { randomBytes } from 'node:crypto';
// fills every column consistently with its stage, never gives one IP or PPPoE user twice, and a
// second run changes nothing. Also covers the org:create argument validation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/client';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { createOrganization } from '../../src/lib/server/services/organizations';
import { verifyPassword } from '../../src/lib/server/auth';
import { DEMO_PASSWORD, seedDemo } from '../../src/lib/server/services/demo';
import { parseOrgCreateArgs } from '../../src/cli/org-create';
import { getCard } from '../../src/lib/server/db/cards';
import { orgSettings } from '../../src/lib/server/services/board';
import { missingForNext, requirementsFor } from '../../src/lib/domain/stages';
import { tempStorage } from './support/documents';

const ALL_STAGES = [
	'preinstalacion',
	'cobertura_confirmada',
	'documentos_pendientes',
	'agendada',
	'asignada',
	'firmada',
	'activa',
	'cancelada'
] as const;

type Row = Record<string, unknown>;

interface Card {
	id: string;
	stage: string;
	position: number;
	full_name: string;
	phone: string | null;
	zone_id: string | null;
	service_type: string | null;
	lat: number | null;
	lng: number | null;
	plan_id: string | null;
	contract_type: string | null;
	accepted_12m_at: unknown;
	email: string | null;
	phone_alt: string | null;
	installation_date: unknown;
	installation_cost_cents: number | null;
	technician_id: string | null;
	pppoe_user: string | null;
	pppoe_password: string | null;
	wifi_password: string | null;
	ip: string | null;
	sheet_signed_at: unknown;
	completed_at: unknown;
	cpe_mac: string | null;
	cancel_reason: string | null;
	stage_changed_at: unknown;
}

const asNumber = (v: unknown) => Number(v);

function pointInPolygon(lng: number, lat: number, ring: number[][]): boolean {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i];
		const [xj, yj] = ring[j];
		if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

async function newOrg(db: Database, email: string) {
	const { org } = await createOrganization(db, {
		orgName: 'Internet Cancún',
		timeZone: 'America/Cancun',
		adminName: 'Ana López',
		email,
		password: 'contraseña-segura-2026'
	});
	return org;
}

/** Seeds the demo into a fresh org and checks everything the board relies on. */
async function seedAndCheck(db: Database): Promise<void> {
	const org = await newOrg(db, `ana.${randomBytes(3).toString('hex')}@example.com`);
	const result = await seedDemo(db, org.id);
	expect(result).toMatchObject({ zones: 4, plans: 6, technicians: 4, password: DEMO_PASSWORD });
	expect(result.installations).toBeGreaterThanOrEqual(36);
	expect(result.installations).toBeLessThanOrEqual(45);
	expect(result.logins).toHaveLength(6);

	const q = <T extends Row>(text: string, params: unknown[] = [org.id]) => db.query<T>(text, params);
	const cards = await q<Card & Row>(
		`select id, stage, position, full_name, phone, zone_id, service_type, lat, lng, plan_id, contract_type,
		        accepted_12m_at, email, phone_alt, installation_date, installation_cost_cents, technician_id,
		        pppoe_user, pppoe_password, wifi_password, host(ip) as ip, sheet_signed_at, completed_at, cpe_mac,
		        cancel_reason, stage_changed_at
		   from installations where org_id = $1`
	);
	expect(cards).toHaveLength(result.installations);

	// Every column has cards, and 3–4 cancelled ones carry a reason.
	for (const stage of ALL_STAGES) expect(cards.filter((c) => c.stage === stage).length, stage).toBeGreaterThanOrEqual(1);
	const cancelled = cards.filter((c) => c.stage === 'cancelada');
	expect(cancelled.length).toBeGreaterThanOrEqual(3);
	expect(cancelled.length).toBeLessThanOrEqual(4);
	for (const c of cancelled) expect(c.cancel_reason).toBeTruthy();

	// Positions increase by the gap within each column, without ties.
	for (const stage of ALL_STAGES) {
		const positions = cards
			.filter((c) => c.stage === stage)
			.map((c) => asNumber(c.position))
			.sort((a, b) => a - b);
		expect(positions).toEqual(positions.map((_, i) => (i + 1) * 65536));
	}

	// Fields follow the stage.
	const index = (s: string) => ALL_STAGES.indexOf(s as (typeof ALL_STAGES)[number]);
	for (const c of cards) {
		expect(c.phone, c.full_name).toMatch(/^998\d{7}$/);
		if (c.stage === 'cancelada') continue;
		const i = index(c.stage);
		if (i >= 1)
			expect(
				[c.zone_id, c.service_type, c.lat, c.lng].every((v) => v != null),
				c.full_name
			).toBe(true);
		if (i >= 2) {
			expect(c.plan_id && c.contract_type, c.full_name).toBeTruthy();
			if (c.contract_type === '12_meses') expect(c.accepted_12m_at, c.full_name).toBeTruthy();
		}
		if (i >= 3) {
			expect(c.email, c.full_name).toMatch(/@/);
			expect(c.phone_alt, c.full_name).toMatch(/^\d{10}$/);
			expect(c.installation_date, c.full_name).toBeTruthy();
			expect(c.installation_cost_cents).toBe(120_000);
		}
		if (i >= 4) {
			expect(c.technician_id && c.ip, c.full_name).toBeTruthy();
			expect(c.pppoe_user).toBe(c.phone);
			expect(c.pppoe_password).toBe(`${c.phone}M`);
			expect(c.wifi_password, c.full_name).toMatch(/^[a-z]+2024MB$/);
		}
		if (i >= 5) expect(c.sheet_signed_at, c.full_name).toBeTruthy();
		if (i >= 6) {
			expect(c.completed_at && c.cpe_mac, c.full_name).toBeTruthy();
			const ageDays = (Date.now() - new Date(c.stage_changed_at as string).getTime()) / 86_400_000;
			expect(ageDays).toBeLessThanOrEqual(14);
		}
	}
	const cocom = cards.find((c) => c.full_name === 'José Luis Cocom Pech');
	expect(cocom?.stage).toBe('preinstalacion');
	expect(cards.some((c) => c.wifi_password === 'nunez2024MB')).toBe(true); // Ricardo Núñez Balam, ñ folded

	// Unique PPPoE users and IPs, every IP allocated in its card's zone, inside the pool, not reserved.
	const pppoe = cards.map((c) => c.pppoe_user).filter(Boolean);
	expect(new Set(pppoe).size).toBe(pppoe.length);
	const ips = cards.map((c) => c.ip).filter(Boolean);
	expect(ips.length).toBeGreaterThanOrEqual(10);
	expect(new Set(ips).size).toBe(ips.length);
	const [alloc] = await q<{ total: number; bad: number }>(
		`select count(*)::int as total,
		        count(*) filter (where i.ip is distinct from a.ip or i.zone_id is distinct from a.zone_id
		          or not exists (select 1 from zone_ip_pools p
		                          where p.zone_id = a.zone_id and a.ip << p.cidr and a.ip <> all (p.reserved)
		                            and a.ip <> network(p.cidr) and a.ip <> broadcast(p.cidr)))::int as bad
		   from ip_allocations a join installations i on i.id = a.installation_id
		  where a.org_id = $1`
	);
	expect(alloc).toEqual({ total: ips.length, bad: 0 });

	// Coordinates fall inside one of their zone's coverage polygons, of the card's service type.
	const areas = await q<{ zone_id: string; service_type: string; geojson: { coordinates: number[][][] } }>(
		'select zone_id, service_type, geojson from zone_coverage_areas where org_id = $1'
	);
	const serviceTypes = new Set(areas.map((a) => a.service_type));
	expect(serviceTypes).toEqual(new Set(['inalambrico', 'fibra']));
	for (const c of cards.filter((c) => c.zone_id)) {
		const hit = areas.find((a) => a.zone_id === c.zone_id && pointInPolygon(asNumber(c.lng), asNumber(c.lat), a.geojson.coordinates[0]));
		expect(hit?.service_type, c.full_name).toBe(c.service_type);
	}

	// Zones, pools, staff and their links.
	const [counts] = await q<Record<string, number>>(
		`select (select count(*)::int from zones where org_id = $1) as zones,
		        (select count(*)::int from zone_ip_pools where org_id = $1) as pools,
		        (select count(*)::int from plans where org_id = $1) as plans,
		        (select count(*)::int from products where org_id = $1) as products,
		        (select count(*)::int from users where org_id = $1 and role = 'technician' and daily_capacity = 4) as technicians,
		        (select count(*)::int from users where org_id = $1 and role in ('coordinator', 'agent')) as office,
		        (select count(*)::int from zones z where org_id = $1
		            and not exists (select 1 from zone_technicians t where t.zone_id = z.id)) as zones_without_tech,
		        (select count(*)::int from stage_history where org_id = $1) as history,
		        (select count(*)::int from board_events where org_id = $1 and kind = 'card:created') as events,
		        (select count(*)::int from installations where org_id = $1 and zone_id is not null and installation_date is not null and billing is null) as unbilled`
	);
	expect(counts).toMatchObject({
		zones: 4,
		pools: 4,
		plans: 6,
		products: 3,
		technicians: 4,
		office: 2,
		zones_without_tech: 0,
		history: cards.length,
		events: cards.length,
		// every card with a zone and a date has its billing dates computed
		unbilled: 0
	});
	const zoneNames = await q<{ name: string; payment_day: number }>('select name, payment_day from zones where org_id = $1');
	for (const z of zoneNames) expect(z.name).toMatch(new RegExp(`DÍA ${z.payment_day}$`));

	// The documented demo password works for the demo logins.
	const [tech] = await q<{ password_hash: string }>(`select password_hash from users where org_id = $1 and role = 'technician' limit 1`);
	expect(await verifyPassword(tech.password_hash, DEMO_PASSWORD)).toBe(true);

	// A second run is a no-op.
	const again = await seedDemo(db, org.id);
	expect(again).toMatchObject({ zones: 0, plans: 0, technicians: 0, installations: 0 });
	const [after] = await q<{ n: number; z: number; u: number }>(
		`select (select count(*)::int from installations where org_id = $1) as n,
		        (select count(*)::int from zones where org_id = $1) as z,
		        (select count(*)::int from users where org_id = $1) as u`
	);
	expect(after).toEqual({ n: cards.length, z: 4, u: 7 });
}

describe.each(drivers)('seedDemo on %s', (driver) => {
	let t: TestDatabase;
	beforeAll(async () => {
		t = await freshDatabase(driver);
	});
	afterAll(async () => t.cleanup());

	it('loads a consistent Cancún provider once', async () => {
		await seedAndCheck(t.db);
	});

	it('puts every card where its guards allow: no demo card lacks what its own column needs', async () => {
		const files = tempStorage();
		try {
			const org = await newOrg(t.db, `guardas.${randomBytes(3).toString('hex')}@example.com`);
			await seedDemo(t.db, org.id, { storage: files.storage });
			const settings = await orgSettings(t.db, org.id);
			const ids = await t.db.query<{ id: string }>('select id from installations where org_id = $1', [org.id]);
			expect(ids.length).toBeGreaterThanOrEqual(36);
			for (const { id } of ids) {
				const card = (await getCard(t.db, org.id, id))!;
				// The guard a move into its column runs (requirementsFor is canEnter's data half).
				expect(
					requirementsFor(card, card.stage, settings).map((r) => r.message),
					`${card.fullName} en ${card.stage}`
				).toEqual([]);
				// Nothing past «Agendada» waits for documents: they came before the date was agreed.
				if (['agendada', 'asignada', 'firmada', 'activa'].includes(card.stage))
					expect(
						missingForNext(card, settings).missing.filter((r) => r.kind === 'document'),
						card.fullName
					).toEqual([]);
			}
			// The documents are real files in the store, one per category and card, readable as PDFs.
			const rows = await t.db.query<{ storage_key: string; mime: string; name: string }>(
				'select storage_key, mime, name from files where org_id = $1',
				[org.id]
			);
			expect(rows.length).toBeGreaterThanOrEqual(3 * 12);
			for (const r of rows) {
				const bytes = await files.storage.get(r.storage_key);
				expect(r.mime).toBe('application/pdf');
				const text = Buffer.from(bytes!).toString('latin1');
				expect(text.slice(0, 5), r.name).toBe('%PDF-');
				expect(text).toContain(`(${r.name})`);
				expect(text).toContain('demostración');
			}
		} finally {
			files.cleanup();
		}
	});

	it('gives a second provider its own demo logins (emails are unique across providers)', async () => {
		const other = await newOrg(t.db, 'beto@example.com');
		const result = await seedDemo(t.db, other.id);
		expect(result.installations).toBeGreaterThan(0);
		expect(result.logins.every((l) => l.email.endsWith(`@${other.slug}.demo.invalid`))).toBe(true);
	});
});

describe('org:create arguments', () => {
	const base = ['--name', 'Internet Cancún', '--admin-name', 'Ana López', '--password', 'contraseña-segura-2026'];

	it('rejects a bad email with a Spanish message on --email', () => {
		const parsed = parseOrgCreateArgs([...base, '--email', 'no-es-un-correo']);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.errors).toEqual([{ flag: '--email', message: expect.stringMatching(/correo electrónico válido/) }]);
	});

	it('reports every missing field and unknown options in Spanish', () => {
		const missing = parseOrgCreateArgs([]);
		expect(missing.ok).toBe(false);
		if (!missing.ok) expect(missing.errors.map((e) => e.flag).sort()).toEqual(['--admin-name', '--email', '--name', '--password']);
		const unknown = parseOrgCreateArgs([...base, '--email', 'ana@x.mx', '--color', 'rojo']);
		expect(unknown).toMatchObject({ ok: false, errors: [{ flag: '--color', message: expect.stringMatching(/no existe/) }] });
		const short = parseOrgCreateArgs(['--name', 'Internet Cancún', '--admin-name', 'Ana', '--email', 'ana@x.mx', '--password', 'corta']);
		expect(short).toMatchObject({ ok: false, errors: [{ flag: '--password', message: expect.stringMatching(/10 caracteres/) }] });
	});

	it('accepts a valid command line with defaults', () => {
		expect(parseOrgCreateArgs([...base, '--email', 'Ana@X.mx', '--demo'])).toEqual({
			ok: true,
			input: {
				orgName: 'Internet Cancún',
				adminName: 'Ana López',
				email: 'ana@x.mx',
				password: 'contraseña-segura-2026',
				timeZone: 'America/Cancun',
				demo: true
			}
		});
		expect(parseOrgCreateArgs(['--help'])).toEqual({ ok: false, help: true, errors: [] });
	});
});
