import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeOrg } from './support/factories';
import { makeCard, makePlan, makeZone } from './support/scheduling-factories';
import { updateCardField } from '$lib/server/services/card-edit';
import { listAddons, updateAddon } from '$lib/server/services/addons';
import { paymentsView, receiptPdf, recordPayment, voidPayment } from '$lib/server/services/payments';
import { firstOf, rowsOf } from '$lib/server/db/card-tx';
import { getPdfEngine } from '$lib/server/pdf/engine';
import { prepareDocument } from '$lib/server/services/documents';
import { formatMXN } from '$lib/domain/money';
import { findChromium } from '$lib/server/pdf/chromium';

const pdfText = async (bytes: Uint8Array) =>
	(await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })).text.replace(/\s+/g, ' ');

describe.each(drivers)('servicios elegidos en la llamada y dinero en la puerta en %s', (driver) => {
	let t: TestDatabase;
	let org: Awaited<ReturnType<typeof makeOrg>>;
	let phonePlan: string;
	let tvPlan: string;
	beforeAll(async () => {
		t = await freshDatabase(driver);
		org = await makeOrg(t.db);
		const rows = await rowsOf<{ id: string; kind: string }>(
			t.db.orm,
			sql`insert into plans (org_id, kind, name, price_cents) values (${org.org.id}, 'telefonia', 'Renta telefónica 300 minutos', 14900),
				(${org.org.id}, 'television', 'Paquete hasta 60 canales', 19900) returning id, kind`
		);
		phonePlan = rows.find((r) => r.kind === 'telefonia')!.id;
		tvPlan = rows.find((r) => r.kind === 'television')!.id;
	});
	afterAll(async () => {
		await getPdfEngine().close();
		await t.cleanup();
	});

	const version = async (id: string) =>
		(await firstOf<{ v: number }>(t.db.orm, sql`select version as v from installations where id = ${id}`))!.v;
	const deposits = (id: string) =>
		rowsOf<{ name: string; priceCents: number }>(
			t.db.orm,
			sql`select p.name, ip.price_cents as "priceCents" from installation_products ip join products p on p.id = ip.product_id
				where ip.installation_id = ${id} and p.kind = 'deposito'`
		);

	it('lo que el agente marca en «Plan y contrato» crea los servicios con sus valores por defecto; desmarcar quita lo que coordinación no ha completado', async () => {
		const zoneId = await makeZone(t.db, org.org.id);
		const card = await makeCard(t.db, org.org.id, { zoneId, phone: '9981230000' });
		await updateCardField(t.db, org.agent, card, { field: 'addonPlanIds', value: [phonePlan, tvPlan] });
		let services = await listAddons(t.db.orm, org.org.id, card);
		expect(services.map((s) => s.kind).sort()).toEqual(['telefonia', 'television']);
		expect(services.find((s) => s.kind === 'telefonia')).toMatchObject({
			planName: 'Renta telefónica 300 minutos',
			username: '9981230000',
			phoneNumber: '0000000000',
			sipServer: 'sip.proveedor.mx',
			cutService: true,
			router: 'RB-PRUEBA',
			pendingNumber: true
		});
		expect(services.find((s) => s.kind === 'television')).toMatchObject({
			planName: 'Paquete hasta 60 canales',
			tvType: 'IPTV',
			onuSerial: null
		});

		// Saving the same ticks again creates nothing twice.
		await updateCardField(t.db, org.agent, card, { field: 'addonPlanIds', value: [tvPlan, phonePlan, tvPlan] });
		expect(await listAddons(t.db.orm, org.org.id, card)).toHaveLength(2);

		// The coordinator completes the telephony; unticking TV (untouched) removes it.
		const phone = services.find((s) => s.kind === 'telefonia')!;
		await updateAddon(t.db, org.coordinator, { id: phone.id, phoneNumber: '9985556677', cutService: 'on' });
		await updateCardField(t.db, org.agent, card, { field: 'addonPlanIds', value: [phonePlan] });
		services = await listAddons(t.db.orm, org.org.id, card);
		expect(services.map((s) => s.kind)).toEqual(['telefonia']);

		// Unticking the completed telephony is refused in Spanish and nothing is written.
		const before = await version(card);
		const err = await updateCardField(t.db, org.agent, card, { field: 'addonPlanIds', value: [] }).catch((e) => e);
		expect(err).toMatchObject({ status: 409 });
		expect(err.message).toContain('Coordinación ya capturó datos de Telefonía');
		expect(await version(card)).toBe(before);
		expect(await listAddons(t.db.orm, org.org.id, card)).toHaveLength(1);
		const extra = await firstOf<{ ids: string[] }>(
			t.db.orm,
			sql`select extra->'addonPlanIds' as ids from installations where id = ${card}`
		);
		expect(extra!.ids).toEqual([phonePlan]);
	});

	it('un contrato a 12 meses anexa el depósito en garantía como producto, y cambiar el tipo de contrato lo quita', async () => {
		const card = await makeCard(t.db, org.org.id);
		await updateCardField(t.db, org.agent, card, { field: 'contractType', value: '12_meses' });
		expect(await deposits(card)).toEqual([{ name: 'Depósito en garantía', priceCents: 50_000 }]);
		await updateCardField(t.db, org.agent, card, { field: 'contractType', value: 'indefinido' });
		expect(await deposits(card)).toEqual([]);
		await updateCardField(t.db, org.agent, card, { field: 'contractType', value: '12_meses' });
		expect(await deposits(card)).toHaveLength(1);
		// The catalog's deposit product is reused, not created again for the next card.
		const other = await makeCard(t.db, org.org.id);
		await updateCardField(t.db, org.coordinator, other, { field: 'contractType', value: '12_meses' });
		const n = await firstOf<{ n: number }>(
			t.db.orm,
			sql`select count(*)::int as n from products where org_id = ${org.org.id} and kind = 'deposito'`
		);
		expect(n!.n).toBe(1);
	});

	async function cardToCollect() {
		const zoneId = await makeZone(t.db, org.org.id, { paymentDay: 1 });
		const planId = await makePlan(t.db, org.org.id, 35_000);
		const card = await makeCard(t.db, org.org.id, { zoneId, planId, installationDate: '2026-07-15', stage: 'asignada' });
		await t.db.orm.execute(
			sql`update installations set technician_id = ${org.technician.id}, contract_type = '12_meses' where id = ${card}`
		);
		return card;
	}

	it('muestra el monto a cobrar desglosado, registra pagos parciales y la oficina anula uno con motivo (sin borrarlo)', async () => {
		const card = await cardToCollect();
		let view = await paymentsView(t.db, org.technician, card);
		expect(view.items.map((i) => i.key)).toEqual(expect.arrayContaining(['instalacion', 'garantia', 'prorrateo']));
		expect(view.totalCents).toBe(view.items.reduce((s, i) => s + i.amountCents, 0));
		expect(view.totalCents).toBeGreaterThan(170_000);
		expect(view).toMatchObject({ paidCents: 0, state: 'pendiente', payments: [], canVoid: false });
		// The installation sheet carries the same amount to collect, itemised.
		const sheet = (await prepareDocument(t.db, org.org.id, card, 'hoja_instalacion')).doc.sections.find((x) => x.title === 'Primer cobro')!;
		expect(sheet.fields.map(([label]) => label)).toEqual([...view.items.map((i) => i.label), 'Total a cobrar al instalar']);
		expect(sheet.fields.at(-1)![1]).toBe(formatMXN(view.totalCents));

		const v0 = await version(card);
		const first = await recordPayment(t.db, org.technician, { installationId: card, amount: '1,000', method: 'efectivo' });
		expect(await version(card)).toBeGreaterThan(v0);
		const second = await recordPayment(t.db, org.agent, {
			installationId: card,
			amount: '500.50',
			method: 'transferencia',
			reference: 'SPEI 123456'
		});
		expect(second.folio).toMatch(/-2$/);
		view = await paymentsView(t.db, org.coordinator, card);
		expect(view).toMatchObject({ paidCents: 150_050, state: 'parcial', canVoid: true });
		expect(view.pendingCents).toBe(view.totalCents - 150_050);
		expect(view.payments.map((p) => [p.amountCents, p.method, p.reference, p.receivedBy])).toEqual([
			[100_000, 'efectivo', null, 'Tomás Técnico'],
			[50_050, 'transferencia', 'SPEI 123456', 'Alma Agente']
		]);

		// Only the office voids; a reason is required; the payment stays, marked void.
		await expect(voidPayment(t.db, org.technician, { installationId: card, id: first.id, reason: 'error' })).rejects.toMatchObject({
			status: 403
		});
		await expect(voidPayment(t.db, org.agent, { installationId: card, id: first.id, reason: 'error' })).rejects.toMatchObject({
			status: 403
		});
		await expect(voidPayment(t.db, org.coordinator, { installationId: card, id: first.id, reason: '' })).rejects.toMatchObject({
			status: 400,
			message: 'Escribe el motivo de la anulación.'
		});
		await voidPayment(t.db, org.coordinator, { installationId: card, id: first.id, reason: 'Se capturó dos veces' });
		await expect(voidPayment(t.db, org.admin, { installationId: card, id: first.id, reason: 'otra vez' })).rejects.toMatchObject({
			status: 409
		});
		view = await paymentsView(t.db, org.admin, card);
		expect(view.paidCents).toBe(50_050);
		expect(view.payments[0]).toMatchObject({ voidReason: 'Se capturó dos veces', voidedBy: 'Carlos Coordinador' });
		expect(view.payments[0].voidedAt).not.toBeNull();

		// Paying the rest makes it paid.
		await recordPayment(t.db, org.technician, {
			installationId: card,
			amount: String(view.pendingCents / 100),
			method: 'tarjeta',
			reference: 'AUT 998877'
		});
		expect((await paymentsView(t.db, org.technician, card)).state).toBe('pagado');
	});

	it('rechaza en español montos negativos o vacíos, referencias faltantes y roles o tarjetas ajenas, sin escribir nada', async () => {
		const card = await cardToCollect();
		const other = await makeCard(t.db, org.org.id);
		const cases: [unknown, typeof org.admin, number, string][] = [
			[{ installationId: card, amount: '-100', method: 'efectivo' }, org.technician, 400, 'La cantidad no puede ser negativa'],
			[{ installationId: card, amount: 'NaN', method: 'efectivo' }, org.technician, 400, 'Escribe el monto recibido solo con números'],
			[{ installationId: card, amount: '0', method: 'efectivo' }, org.technician, 400, 'El monto recibido debe ser mayor que $0.'],
			[{ installationId: card, amount: 'mil', method: 'efectivo' }, org.technician, 400, 'Escribe el monto recibido solo con números'],
			[{ installationId: card, amount: '100', method: 'transferencia' }, org.technician, 400, 'Escribe la referencia del pago'],
			[
				{ installationId: card, amount: '100', method: 'tarjeta', reference: '   ' },
				org.coordinator,
				400,
				'Escribe la referencia del pago'
			],
			[{ installationId: card, amount: '100', method: 'cheque' }, org.coordinator, 400, 'Elige cómo pagó'],
			[{ installationId: other, amount: '100', method: 'efectivo' }, org.technician, 404, 'no tienes acceso']
		];
		for (const [input, actor, status, message] of cases) {
			const err = await recordPayment(t.db, actor, input).catch((e) => e);
			expect(err, JSON.stringify(input)).toMatchObject({ status });
			expect(err.message).toContain(message);
		}
		const n = await firstOf<{ n: number }>(
			t.db.orm,
			sql`select count(*)::int as n from payments where installation_id in (${card}, ${other})`
		);
		expect(n!.n).toBe(0);
		expect((await paymentsView(t.db, org.coordinator, card)).paidCents).toBe(0);
		await expect(paymentsView(t.db, org.technician, other)).rejects.toMatchObject({ status: 404 });
	});

	it.skipIf(!findChromium())(
		'el recibo de pago en PDF lleva proveedor, folio, cliente, conceptos, monto, forma de pago, referencia y quién recibió',
		async () => {
			const card = await cardToCollect();
			await t.db.orm.execute(sql`update installations set full_name = 'María Canché Pool' where id = ${card}`);
			const { id, folio } = await recordPayment(t.db, org.technician, {
				installationId: card,
				amount: '1,250',
				method: 'transferencia',
				reference: 'SPEI 445566'
			});
			const { filename, pdf } = await receiptPdf(t.db, org.technician, { installationId: card, id });
			expect(filename).toBe(`recibo-${folio}.pdf`);
			const text = await pdfText(pdf);
			for (const s of [
				'Recibo de pago',
				org.org.name,
				`Folio ${folio}`,
				'María Canché Pool',
				'Instalación',
				'Depósito en garantía',
				'Total a cobrar',
				'$1,250.00',
				'Transferencia',
				'SPEI 445566',
				'Tomás Técnico'
			]) {
				expect(text).toContain(s);
			}
			await expect(receiptPdf(t.db, org.technician, { installationId: card, id: org.admin.id })).rejects.toMatchObject({ status: 404 });
		}
	);
});
