import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeOrg } from './support/factories';
import { makeCard, makePlan, makeZone } from './support/scheduling-factories';
import { billingView, recomputeBilling } from '$lib/server/services/billing';
import { attachProduct, detachProduct, refundState, setRefundCondition } from '$lib/server/services/products';
import { savePlan, saveProduct } from '$lib/server/services/catalog';
import { firstOf } from '$lib/server/db/card-tx';

describe.each(drivers)('productos, mensualidades y catálogo en %s', (driver) => {
	let t: TestDatabase;
	let org: Awaited<ReturnType<typeof makeOrg>>;
	beforeAll(async () => {
		t = await freshDatabase(driver);
		org = await makeOrg(t.db);
	});
	afterAll(() => t.cleanup());

	it('el catálogo guarda precios en pesos como centavos y solo lo edita un administrador', async () => {
		const { id } = await savePlan(t.db, org.admin, {
			kind: 'internet',
			name: 'Básico 60 Mbps',
			speedMbps: '60',
			price: '$350.00',
			routerosProfile: '60M',
			usageTier: 'basico'
		});
		const row = await firstOf<{ price: number }>(t.db.orm, sql`select price_cents as price from plans where id = ${id}`);
		expect(row!.price).toBe(35_000);
		const bad = await savePlan(t.db, org.admin, { kind: 'internet', name: 'X plan', price: '350,50' }).catch((e) => e);
		expect(bad.message).toMatch(/Usa punto para los centavos/);
		await expect(
			saveProduct(t.db, org.coordinator, { name: 'Promo', kind: 'promocion', price: '900', paymentType: 'unico', installments: '1' })
		).rejects.toMatchObject({ status: 403 });
	});

	it('«Promoción 3 meses» muestra sus 3 mensualidades desde la fecha de pago; el depósito trae su lista de devolución', async () => {
		const promo = await saveProduct(t.db, org.admin, {
			name: 'Promoción 3 meses',
			kind: 'promocion',
			price: '1,000.00',
			paymentType: 'mensualidades',
			installments: '3'
		});
		const deposit = await saveProduct(t.db, org.admin, {
			name: 'Depósito en garantía',
			kind: 'deposito',
			price: '500',
			paymentType: 'unico',
			installments: '1'
		});
		const zoneId = await makeZone(t.db, org.org.id, { paymentDay: 31 });
		const planId = await makePlan(t.db, org.org.id, 45_000, 'Intermedio');
		const card = await makeCard(t.db, org.org.id, { zoneId, planId, installationDate: '2027-01-31', registeredOn: '2027-01-20' });
		await t.db.orm.transaction((tx) => recomputeBilling(tx, org.org.id, card));
		await attachProduct(t.db, org.coordinator, { installationId: card, productId: promo.id });
		const { id: depositLine } = await attachProduct(t.db, org.coordinator, { installationId: card, productId: deposit.id });
		const view = await billingView(t.db, org.coordinator, card);
		// Installed on the 31st of a day-31 zone: first payment on the month's last day, 28 Feb 2027.
		expect(view.snapshot!.dates.firstPaymentDate).toBe('2027-02-28');
		const line = view.products.find((p) => p.name === 'Promoción 3 meses')!;
		expect(line.schedule.map((s) => [s.date, s.amountCents])).toEqual([
			['2027-02-28', 33_334],
			['2027-03-28', 33_333],
			['2027-04-28', 33_333]
		]);
		expect(view.refundConditions.map((c) => c.key)).toContain('equipo_devuelto');
		await setRefundCondition(t.db, org.coordinator, { installationId: card, key: 'equipo_devuelto', done: true });
		expect(await refundState(t.db, org.org.id, card)).toEqual({ equipo_devuelto: true });
		await detachProduct(t.db, org.coordinator, { id: depositLine });
		expect((await billingView(t.db, org.coordinator, card)).products).toHaveLength(1);
		await expect(attachProduct(t.db, org.agent, { installationId: card, productId: promo.id })).rejects.toMatchObject({ status: 403 });
	});
});
