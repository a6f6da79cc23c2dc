import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeCard, makeOrg } from './support/factories';
import { pngBytes, tempStorage } from './support/documents';
import { uploadFile } from '$lib/server/services/files';
import { updateCardField } from '$lib/server/services/card-edit';
import { erasePersonalData, exportPersonalData } from '$lib/server/services/arco';
import { ServiceError } from '$lib/server/services/errors';
import { ERASED_NAME, PERSONAL_COLUMNS, REDACTED } from '$lib/domain/arco';

const NAME = 'Rosa Martínez Díaz';
const PERSON = {
	full_name: NAME,
	email: 'rosa.martinez@correo.mx',
	phone: '9981112233',
	phone_alt: '9984445566',
	addr_street: 'Calle Pino 12',
	addr_colonia: 'Supermanzana 63',
	lat: 21.16,
	lng: -86.85,
	dni: 'MRDZRS80010123H400',
	wifi_password: 'rosa-casa-2024',
	pppoe_user: 'rosa.martinez',
	pppoe_password: 'clave-pppoe',
	comments: 'Llamar después de las 5, vive con su mamá',
	paid_cents: 120000,
	installation_cost_cents: 120000,
	installation_date: '2026-11-20',
	stage: 'firmada'
};

async function refusal(call: () => Promise<unknown>): Promise<ServiceError> {
	const err = await call().then(
		() => null,
		(e) => e
	);
	expect(err).toBeInstanceOf(ServiceError);
	return err as ServiceError;
}

describe.each(drivers)('ARCO export and erasure on %s', (driver) => {
	let t: TestDatabase;
	let org: Awaited<ReturnType<typeof makeOrg>>;
	let other: Awaited<ReturnType<typeof makeOrg>>;
	let cardId: string;
	let folio: number;
	const store = tempStorage();
	const ine: { bytes: Uint8Array; id: string } = { bytes: new Uint8Array(), id: '' };

	const one = async <T>(text: string, params: unknown[] = []) => (await t.db.query<T>(text, params))[0];
	const auditRows = (kind: string) =>
		t.db.query<{ target: string; details: Record<string, unknown>; user_name: string }>(
			'select target, details, user_name from audit_log where org_id = $1 and kind = $2 order by id',
			[org.org.id, kind]
		);

	beforeAll(async () => {
		t = await freshDatabase(driver);
		org = await makeOrg(t.db);
		other = await makeOrg(t.db);
		const card = await makeCard(t.db, org.org.id, PERSON);
		cardId = card.id;
		folio = (await one<{ folio: number }>('select folio::int as folio from installations where id = $1', [cardId])).folio;
		// Real writes through the services: a field edit (its history quotes the old email) and an upload.
		await updateCardField(t.db, org.agent, cardId, { field: 'email', value: 'rosa@correo.mx', source: 'tarjeta' });
		ine.bytes = await pngBytes();
		ine.id = (
			await uploadFile(
				t.db,
				org.agent,
				{ installationId: cardId, category: 'ine_frontal', name: '', fileName: 'ine.png', bytes: ine.bytes },
				store.storage
			)
		).id;
		await uploadFile(
			t.db,
			org.agent,
			{ installationId: cardId, category: 'otro', name: 'Recibo CFE de Rosa', fileName: 'recibo.png', bytes: ine.bytes },
			store.storage
		);
		await t.db.query(
			`insert into customer_messages (org_id, installation_id, template_key, channel, phone, body, status)
			 values ($1, $2, 'bienvenida', 'click_to_chat', '9981112233', $3, 'enviado')`,
			[org.org.id, cardId, `Hola ${NAME}, tu red Wi-Fi es casa-rosa y su clave rosa-casa-2024`]
		);
		await t.db.query(
			`insert into card_history (org_id, installation_id, user_id, kind, field, new_value, source)
			 values ($1, $2, $3, 'message', 'bienvenida', to_jsonb($4::text), 'tarjeta')`,
			[org.org.id, cardId, org.agent.id, `WhatsApp a 998 111 2233: Hola ${NAME}`]
		);
		await t.db.query(`insert into lead_calls (org_id, installation_id, user_id, outcome, note) values ($1, $2, $3, 'contesto', $4)`, [
			org.org.id,
			cardId,
			org.agent.id,
			'Rosa pide que la visiten en Calle Pino 12'
		]);
		await t.db.query(
			`insert into payments (org_id, installation_id, seq, amount_cents, method, received_by) values ($1, $2, 1, 120000, 'efectivo', $3)`,
			[org.org.id, cardId, org.admin.id]
		);
		await t.db.query(
			`insert into stage_history (org_id, installation_id, from_stage, to_stage, user_id) values ($1, $2, 'agendada', 'firmada', $3)`,
			[org.org.id, cardId, org.coordinator.id]
		);
	});
	afterAll(async () => {
		await t.cleanup();
		store.cleanup();
	});

	it('refuses the export and the erasure to everyone but an admin, recording nothing', async () => {
		for (const who of [org.coordinator, org.agent, org.technician]) {
			expect((await refusal(() => exportPersonalData(t.db, who, cardId, store.storage))).status).toBe(403);
			expect(
				(
					await refusal(() =>
						erasePersonalData(t.db, who, cardId, { confirm: `ELIMINAR ${folio}`, reason: 'Solicitud ARCO' }, store.storage)
					)
				).status
			).toBe(403);
		}
		// Another provider's admin does not find the card.
		expect((await refusal(() => exportPersonalData(t.db, other.admin, cardId, store.storage))).status).toBe(404);
		expect(
			(
				await refusal(() =>
					erasePersonalData(t.db, other.admin, cardId, { confirm: `ELIMINAR ${folio}`, reason: 'Solicitud ARCO' }, store.storage)
				)
			).status
		).toBe(404);
		expect(await auditRows('personal_data_exported')).toEqual([]);
		expect(await auditRows('personal_data_erased')).toEqual([]);
		expect((await one<{ full_name: string }>('select full_name from installations where id = $1', [cardId])).full_name).toBe(NAME);
	});

	it('exports everything held about the customer as a zip: the JSON and the files, and audits it', async () => {
		const out = await exportPersonalData(t.db, org.admin, cardId, store.storage);
		expect(out.contentType).toBe('application/zip');
		expect(out.filename).toBe(`datos-personales-${folio}-${new Date().toISOString().slice(0, 10)}.zip`);
		const zip = unzipSync(out.body);
		const data = JSON.parse(strFromU8(zip['datos.json']));
		expect(data.instalacion).toMatchObject({
			full_name: NAME,
			phone: '9981112233',
			email: 'rosa@correo.mx',
			dni: PERSON.dni,
			paid_cents: 120000
		});
		expect(data.relacionados.customer_messages[0].body).toContain(NAME);
		expect(data.relacionados.lead_calls[0].note).toContain('Calle Pino 12');
		expect(data.relacionados.payments[0].amount_cents).toBe(120000);
		expect(data.relacionados.stage_history).toHaveLength(1);
		expect(data.relacionados.card_history.map((h: { field: string }) => h.field)).toEqual(
			expect.arrayContaining(['email', 'ine_frontal', 'otro', 'bienvenida'])
		);
		expect(data.relacionados.files).toHaveLength(2);
		expect(data.relacionados.files[0]).not.toHaveProperty('storage_key');
		// Every table keyed to the card is in the JSON, even when empty.
		for (const table of ['documents', 'signatures', 'addon_services', 'installation_products', 'cancellations', 'ip_allocations'])
			expect(data.relacionados[table], table).toEqual([]);
		const ineEntry = data.archivos.find((a: { id: string }) => a.id === ine.id);
		expect(ineEntry.path).toMatch(/^archivos\/ine_frontal-/);
		expect(zip[ineEntry.path].byteLength).toBeGreaterThan(0);
		expect(Object.keys(zip).filter((k) => k.startsWith('archivos/'))).toHaveLength(2);
		const [row] = await auditRows('personal_data_exported');
		expect(row).toMatchObject({ target: `#${folio} ${NAME}`, details: { files: 2 }, user_name: 'Ana Admin' });
	});

	it('refuses an erasure without the typed confirmation, changing nothing', async () => {
		const disk = store.files().length;
		const err = await refusal(() =>
			erasePersonalData(t.db, org.admin, cardId, { confirm: 'ELIMINAR', reason: 'Solicitud ARCO del cliente' }, store.storage)
		);
		expect(err.status).toBe(400);
		expect(err.message).toContain(`ELIMINAR ${folio}`);
		expect(
			(await refusal(() => erasePersonalData(t.db, org.admin, cardId, { confirm: `ELIMINAR ${folio}`, reason: '' }, store.storage))).status
		).toBe(400);
		expect(store.files().length).toBe(disk);
		expect((await one<{ n: number }>('select count(*)::int as n from files where installation_id = $1', [cardId])).n).toBe(2);
		expect(await auditRows('personal_data_erased')).toEqual([]);
	});

	it('erases: files gone from disk, personal fields replaced, history scrubbed but kept, board told, audited', async () => {
		const keys = await t.db.query<{ k: string }>(
			`select storage_key as k from files where installation_id = $1 union all select thumbnail_key from files where installation_id = $1 and thumbnail_key is not null`,
			[cardId]
		);
		const onDisk = keys.map((r) => join(store.dir, 'files', r.k));
		for (const p of onDisk) expect(existsSync(p), p).toBe(true);
		const before = await one<{ seq: number; version: number; history: number }>(
			`select (select max(seq)::int from board_events) as seq, (select version from installations where id = $1) as version,
			        (select count(*)::int from card_history where installation_id = $1) as history`,
			[cardId]
		);

		const result = await erasePersonalData(
			t.db,
			org.admin,
			cardId,
			{ confirm: ` eliminar  ${folio} `, reason: 'Solicitud ARCO del cliente por correo' },
			store.storage
		);
		expect(result).toEqual({ folio, files: 2, releasedIp: null });

		for (const p of onDisk) expect(existsSync(p), p).toBe(false);
		expect((await one<{ n: number }>('select count(*)::int as n from files where installation_id = $1', [cardId])).n).toBe(0);
		const card = await one<Record<string, unknown>>('select *, folio::int as folio from installations where id = $1', [cardId]);
		expect(card.full_name).toBe(ERASED_NAME);
		for (const c of PERSONAL_COLUMNS) expect(card[c], c).toBeNull();
		// The numbers stay for the accounting.
		expect(card).toMatchObject({ folio, stage: 'firmada', paid_cents: 120000, installation_cost_cents: 120000 });
		expect(card.version).toBeGreaterThan(before.version);
		// Stage history and payments untouched; card history kept (plus the erasure's own row), without the person.
		expect((await one<{ n: number }>('select count(*)::int as n from stage_history where installation_id = $1', [cardId])).n).toBe(1);
		expect((await one<{ n: number }>('select count(*)::int as n from payments where installation_id = $1', [cardId])).n).toBe(1);
		expect((await one<{ n: number }>('select count(*)::int as n from card_history where installation_id = $1', [cardId])).n).toBe(
			before.history + 1
		);
		const emailRow = await one<{ old_value: unknown; new_value: unknown }>(
			`select old_value, new_value from card_history where installation_id = $1 and field = 'email'`,
			[cardId]
		);
		expect(emailRow).toEqual({ old_value: REDACTED, new_value: REDACTED });
		const quoting = await one<{ history: number; messages: number; calls: number; events: number }>(
			`select (select count(*)::int from card_history where installation_id = $1 and (coalesce(old_value::text, '') || coalesce(new_value::text, '')) ~* 'rosa') as history,
			        (select count(*)::int from customer_messages where installation_id = $1 and body ~* 'rosa') as messages,
			        (select count(*)::int from lead_calls where installation_id = $1 and note is not null) as calls,
			        (select count(*)::int from board_events where card_id = $1 and patch::text ~* 'rosa|9981112233|pino') as events`,
			[cardId]
		);
		expect(quoting).toEqual({ history: 0, messages: 0, calls: 0, events: 0 });
		// The change went out through the card's trigger like any edit, so open boards update live.
		const event = await one<{ kind: string; patch: Record<string, unknown> }>(
			`select kind, patch from board_events where card_id = $1 and seq > $2 and patch ? 'full_name' order by seq desc limit 1`,
			[cardId, before.seq]
		);
		expect(event).toMatchObject({ kind: 'card:updated', patch: { full_name: ERASED_NAME } });
		const [audit] = await auditRows('personal_data_erased');
		expect(audit).toMatchObject({ target: `#${folio}`, details: { reason: 'Solicitud ARCO del cliente por correo', files: 2 } });
		expect(JSON.stringify(audit)).not.toMatch(/rosa/i);
	});

	it('an erased card exports only what is left', async () => {
		const zip = unzipSync((await exportPersonalData(t.db, org.admin, cardId, store.storage)).body);
		const data = JSON.parse(strFromU8(zip['datos.json']));
		expect(data.instalacion.full_name).toBe(ERASED_NAME);
		expect(data.archivos).toEqual([]);
		expect(JSON.stringify(data)).not.toMatch(/rosa|9981112233/i);
	});

	it('a cancelled card erased releases its IP allocation; an active one keeps it', async () => {
		const [zone] = await t.db.query<{ id: string }>(`insert into zones (org_id, name, payment_day) values ($1, 'Z ARCO', 5) returning id`, [
			org.org.id
		]);
		const make = async (stage: string, ip: string) => {
			const c = await makeCard(t.db, org.org.id, { stage, zone_id: zone.id, ip });
			await t.db.query(`insert into ip_allocations (org_id, zone_id, installation_id, ip) values ($1, $2, $3, $4)`, [
				org.org.id,
				zone.id,
				c.id,
				ip
			]);
			const f = (await one<{ folio: number }>('select folio::int as folio from installations where id = $1', [c.id])).folio;
			return { id: c.id, folio: f };
		};
		const cancelled = await make('cancelada', '10.9.0.2');
		const active = await make('activa', '10.9.0.3');
		expect(
			(
				await erasePersonalData(
					t.db,
					org.admin,
					cancelled.id,
					{ confirm: `ELIMINAR ${cancelled.folio}`, reason: 'Solicitud ARCO' },
					store.storage
				)
			).releasedIp
		).toBe('10.9.0.2');
		expect(
			(
				await erasePersonalData(
					t.db,
					org.admin,
					active.id,
					{ confirm: `ELIMINAR ${active.folio}`, reason: 'Solicitud ARCO' },
					store.storage
				)
			).releasedIp
		).toBeNull();
		const ips = await t.db.query<{ id: string; ip: string | null }>(
			'select id, host(ip) as ip from installations where id = any($1::uuid[]) order by ip nulls first',
			[[cancelled.id, active.id]]
		);
		expect(ips).toEqual([
			{ id: cancelled.id, ip: null },
			{ id: active.id, ip: '10.9.0.3' }
		]);
	});
});
