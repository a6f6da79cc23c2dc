import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeOrg } from './support/factories';
import { makeCard, makePlan, makeZone } from './support/scheduling-factories';
import { billingRules, saveBillingRules } from '$lib/server/services/billing-rules';
import { billingView, recomputeBilling } from '$lib/server/services/billing';
import { getOrg, updateOrgForm } from '$lib/server/services/settings';
import { updateCardField } from '$lib/server/services/card-edit';
import { prepareDocument } from '$lib/server/services/documents';
import { firstOf } from '$lib/server/db/card-tx';
import { formatPesosForInput } from '$lib/domain/money';

/** The form as the page posts it, with the defaults: divisor 30, no thresholds, whole pesos. */
const form = (over: Record<string, string | null> = {}): Record<string, string> => {
	const all: Record<string, string | null> = {
		divisor: '30',
		chargeInstallationDay: 'on',
		fullMonthUntilDay: '',
		skipFromDay: '',
		rounding: 'pesos',
		freeDays: '0',
		prontoPagoKind: 'monto',
		prontoPagoDiscount: '',
		prontoPagoPercent: '',
		prontoPagoDays: '0',
		...over
	};
	// An unticked checkbox is not posted at all.
	return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== null)) as Record<string, string>;
};

describe.each(drivers)('reglas de cobro en %s', (driver) => {
	let t: TestDatabase;
	let o: Awaited<ReturnType<typeof makeOrg>>;
	let zoneId: string;
	let planId: string;
	beforeAll(async () => {
		t = await freshDatabase(driver);
		o = await makeOrg(t.db);
		zoneId = await makeZone(t.db, o.org.id, { paymentDay: 1, name: 'RB1 ZONA CENTRO DÍA 1' });
		planId = await makePlan(t.db, o.org.id, 35_000, 'Básico 60 Mbps');
	});
	afterAll(() => t.cleanup());

	const settingsRow = async () =>
		JSON.stringify((await firstOf<{ s: unknown }>(t.db.orm, sql`select settings as s from organizations where id = ${o.org.id}`))!.s);

	it('an admin saves every rule; the page reads them back', async () => {
		await saveBillingRules(
			t.db,
			o.admin,
			form({
				divisor: 'mes',
				chargeInstallationDay: null,
				fullMonthUntilDay: '5',
				skipFromDay: '26',
				rounding: 'centavos',
				freeDays: '7',
				prontoPagoKind: 'porcentaje',
				prontoPagoPercent: '10',
				prontoPagoDiscount: '50',
				prontoPagoDays: '3'
			})
		);
		expect((await billingRules(t.db, o.admin)).rules).toEqual({
			divisor: 'mes',
			chargeInstallationDay: false,
			fullMonthUntilDay: 5,
			skipFromDay: 26,
			roundToPesos: false,
			freeDays: 7,
			prontoPagoDays: 3,
			prontoPagoKind: 'porcentaje',
			// the amount typed under the other kind is not kept
			prontoPagoDiscountCents: 0,
			prontoPagoPercent: 10
		});
		// The other settings are untouched.
		expect((await getOrg(t.db, o.admin)).settings.installationCostCents).toBe(120_000);
	});

	it('bad input is refused in Spanish next to its field, and nothing is written', async () => {
		const before = await settingsRow();
		const cases: [Record<string, string>, string, RegExp][] = [
			[
				{ fullMonthUntilDay: '10', skipFromDay: '8' },
				'skipFromDay',
				/debe ser mayor que el día hasta el que se cobra el mes completo \(10\)/
			],
			[{ fullMonthUntilDay: '29' }, 'fullMonthUntilDay', /del 1 al 28/],
			[{ skipFromDay: 'veinte' }, 'skipFromDay', /número entero/],
			[{ divisor: '31' }, 'divisor', /días del periodo, días del mes o 30 días/],
			[{ rounding: 'decimos' }, 'rounding', /pesos enteros/],
			[{ freeDays: '-3' }, 'freeDays', /número entero/],
			[{ prontoPagoKind: 'porcentaje', prontoPagoPercent: '150', prontoPagoDays: '3' }, 'prontoPagoPercent', /del 0 al 100/],
			[{ prontoPagoDiscount: '50', prontoPagoDays: '0' }, 'prontoPagoDays', /cuántos días antes/],
			[{ prontoPagoDiscount: '', prontoPagoDays: '5' }, 'prontoPagoDiscount', /Escribe el descuento/],
			[{ prontoPagoDiscount: 'cincuenta', prontoPagoDays: '5' }, 'prontoPagoDiscount', /.+/]
		];
		for (const [over, field, message] of cases) {
			const err = await saveBillingRules(t.db, o.admin, form(over)).catch((e) => e);
			expect(err.status, field).toBe(400);
			expect(err.fieldErrors[field]?.[0], field).toMatch(message);
		}
		expect(await settingsRow()).toBe(before);
	});

	it('only an admin may read or change them', async () => {
		const before = await settingsRow();
		for (const actor of [o.coordinator, o.agent, o.technician]) {
			await expect(saveBillingRules(t.db, actor, form())).rejects.toMatchObject({ status: 403 });
			await expect(billingRules(t.db, actor)).rejects.toMatchObject({ status: 403 });
		}
		// Refused before validation: garbage from a non-admin gets the same 403.
		await expect(saveBillingRules(t.db, o.agent, { divisor: 'x' })).rejects.toMatchObject({ status: 403 });
		expect(await settingsRow()).toBe(before);
	});

	/** The service line (prorrateo or mensualidad) of a card installed on `date` under `rules`. */
	async function charged(date: string, rules: Record<string, string | null>) {
		await saveBillingRules(t.db, o.admin, form(rules));
		const id = await makeCard(t.db, o.org.id, { zoneId, planId, installationDate: date });
		const view = await billingView(t.db, o.coordinator, id);
		const items = view.snapshot!.charge.items;
		return { id, view, item: items[items.length - 1] };
	}

	it('the card shows the four cases of the issue with the rule that applied', async () => {
		const march = await charged('2026-03-03', { fullMonthUntilDay: '5' });
		expect([march.item.key, march.item.amountCents]).toEqual(['mensualidad', 35_000]);
		expect(march.item.detail).toBe('Instalada el día 3 (días 1–5): mes completo, $350.00, hasta el 31 mar 2026.');

		const august = await charged('2026-08-27', { skipFromDay: '26' });
		expect(august.item.amountCents).toBe(0);
		expect(august.view.snapshot!.dates.firstPaymentDate).toBe('2026-09-01');
		expect(august.item.detail).toMatch(
			/^Instalada el día 27 \(día 26 en adelante\): nada ahora; la primera mensualidad completa se paga el 1 sep 2026\.$/
		);

		const july = await charged('2026-07-15', { divisor: '30' });
		expect(july.item.amountCents).toBe(19_800);
		expect(july.item.detail).toContain('17 días (con el día de instalación) × $350.00 ÷ 30 = $198.33 → $198.00');

		const june = await charged('2026-06-15', { divisor: 'mes', chargeInstallationDay: null });
		expect(june.item.amountCents).toBe(17_500);
		expect(june.item.detail).toContain('15 días (sin el día de instalación) × $350.00 ÷ 30 (días de junio) = $175.00');

		// Whole card: installation $1,200 + indefinido guarantee line $0 + the month.
		expect(july.view.snapshot!.charge.totalCents).toBe(120_000 + 19_800);
	});

	it('pronto pago in percent shows on the card as a note, not as a charge', async () => {
		const { view } = await charged('2026-07-15', { prontoPagoKind: 'porcentaje', prontoPagoPercent: '10', prontoPagoDays: '5' });
		expect(view.snapshot!.charge.notes).toContain(
			'Pronto pago: si paga la mensualidad del 1 ago 2026 a más tardar el 27 jul 2026 (5 días antes), se le descuenta el 10 % ($35.00).'
		);
		expect(view.snapshot!.charge.totalCents).toBe(120_000 + 19_800);
	});

	it('the promotion chosen on the call makes the installation $0 on the card, the sheet and the contract', async () => {
		await saveBillingRules(t.db, o.admin, form());
		const id = await makeCard(t.db, o.org.id, { zoneId, planId, installationDate: '2026-07-15' });
		const before = await billingView(t.db, o.agent, id);
		expect(before.snapshot!.charge.items[0]).toMatchObject({ key: 'instalacion', amountCents: 120_000 });

		const r = await updateCardField(t.db, o.agent, id, { field: 'promotionFreeInstallation', value: true });
		expect(r).toMatchObject({ changed: true, value: true });

		const view = await billingView(t.db, o.agent, id);
		const charge = view.snapshot!.charge;
		expect(charge.items[0]).toMatchObject({ key: 'instalacion', label: 'Instalación gratis (promoción)', amountCents: 0 });
		expect(charge.totalCents).toBe(19_800);
		// The stored snapshot (what the agendada guard and the board read) follows the choice.
		const stored = await firstOf<{ total: number }>(
			t.db.orm,
			sql`select (billing->'charge'->>'totalCents')::int as total from installations where id = ${id}`
		);
		expect(stored!.total).toBe(19_800);

		const sheet = (await prepareDocument(t.db, o.org.id, id, 'hoja_instalacion')).doc;
		const fields = Object.fromEntries(sheet.sections.flatMap((s) => s.fields.map(([k, v]) => [k, v])));
		expect(fields['Costo de instalación']).toBe('$0.00 (gratis por promoción; costo normal $1,200.00)');
		expect(fields['Instalación gratis (promoción)']).toMatch(/^\$0\.00 · /);
		expect(fields['Prorrateo']).toMatch(/^\$198\.00 · .*17 días/);
		expect(fields['Total a cobrar al instalar']).toBe('$198.00');

		const contract = (await prepareDocument(t.db, o.org.id, id, 'contrato')).doc;
		const clauses = (contract.clauses ?? []).map((c) => c.text).join('\n');
		expect(clauses).toContain('El costo de instalación es de $0.00 (gratis por promoción; costo normal $1,200.00).');
		expect(clauses).toContain('Al instalar, el Cliente paga $198.00 (Instalación gratis (promoción) $0.00');
		// Indefinido with a free installation: no part of it is a guarantee.
		expect(clauses).toContain('El Cliente entrega $0.00 como depósito en garantía');

		// Unticking brings the installation back everywhere.
		await updateCardField(t.db, o.agent, id, { field: 'promotionFreeInstallation', value: false });
		expect((await billingView(t.db, o.agent, id)).snapshot!.charge.totalCents).toBe(139_800);
		const again = (await prepareDocument(t.db, o.org.id, id, 'hoja_instalacion')).doc;
		expect(again.sections.find((s) => s.title === 'Primer cobro')!.fields.at(-1)).toEqual(['Total a cobrar al instalar', '$1,398.00']);
	});

	it('a provider that does not offer the promotion refuses it, and nothing changes', async () => {
		const org = await getOrg(t.db, o.admin);
		const s = org.settings;
		const orgForm = {
			name: org.name,
			timeZone: org.timeZone,
			installationCost: formatPesosForInput(s.installationCostCents),
			deposit: formatPesosForInput(s.depositCents),
			wifiSuffix: s.wifiSuffix,
			activeVisibleDays: String(s.activeVisibleDays)
		};
		await updateOrgForm(t.db, o.admin, orgForm); // promotion box left unticked
		const id = await makeCard(t.db, o.org.id, { zoneId, planId, installationDate: '2026-07-15' });
		const err = await updateCardField(t.db, o.agent, id, { field: 'promotionFreeInstallation', value: true }).catch((e) => e);
		expect(err.status).toBe(400);
		expect(err.message).toMatch(/no ofrece la promoción/);
		const row = await firstOf<{ p: boolean }>(t.db.orm, sql`select promotion_free_installation as p from installations where id = ${id}`);
		expect(row!.p).toBe(false);
		await updateOrgForm(t.db, o.admin, { ...orgForm, promotionFreeInstallation: 'on' });
	});

	it('new rules recompute the stored first charge of cards not signed yet; signed ones keep theirs', async () => {
		await saveBillingRules(t.db, o.admin, form({ divisor: '30' }));
		const offered = await makeCard(t.db, o.org.id, { zoneId, planId, installationDate: '2026-07-15', stage: 'agendada' });
		const signed = await makeCard(t.db, o.org.id, { zoneId, planId, installationDate: '2026-07-15', stage: 'firmada' });
		await t.db.begin(async (tx) => {
			await recomputeBilling(tx, o.org.id, offered);
			await recomputeBilling(tx, o.org.id, signed);
		});
		const stored = async (id: string) =>
			(await firstOf<{ total: number; version: number }>(
				t.db.orm,
				sql`select (billing->'charge'->>'totalCents')::int as total, version from installations where id = ${id}`
			))!;
		expect((await stored(offered)).total).toBe(139_800);
		const signedBefore = await stored(signed);

		await saveBillingRules(t.db, o.admin, form({ divisor: 'mes', chargeInstallationDay: null }));
		// 16–31 jul: 16 × 350 ÷ 31 = 180.65 → 181
		expect((await stored(offered)).total).toBe(120_000 + 18_100);
		expect((await billingView(t.db, o.coordinator, offered)).snapshot!.charge.totalCents).toBe(120_000 + 18_100);
		expect(await stored(signed)).toEqual(signedBefore);
	});

	it('the sheet without zone, date or plan says what the first charge still needs', async () => {
		const id = await makeCard(t.db, o.org.id, { planId });
		const sheet = (await prepareDocument(t.db, o.org.id, id, 'hoja_instalacion')).doc;
		expect(sheet.sections.find((s) => s.title === 'Primer cobro')!.fields).toEqual([
			['Primer cobro', 'por confirmar (falta la zona (RB), la fecha de instalación)']
		]);
	});
});
