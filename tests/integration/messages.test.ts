import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeCard, makeOrg } from './support/factories';
import { makePlan, makeZone } from './support/scheduling-factories';
import { firstOf, rowsOf } from '$lib/server/db/card-tx';
import { cardMessages, recordMessage, renderMessage, sendClickToChat } from '$lib/server/services/messages';
import { messageSettings, saveMessageTexts } from '$lib/server/services/message-settings';
import { tomorrowReminders } from '$lib/server/services/reminders';
import { cardFirstCharge } from '$lib/server/services/billing';
import { cardHistory } from '$lib/server/services/history';
import { forgetSettings } from '$lib/server/services/board';
import { saveConnection } from '$lib/server/services/connection';
import { MESSAGE_TEMPLATES } from '$lib/domain/message-templates';
import { addDays, formatDateLong, todayIn } from '$lib/domain/dates';
import { formatMXN } from '$lib/domain/money';

describe.each(drivers)('mensajes al cliente en %s', (driver) => {
	let t: TestDatabase;
	let org: Awaited<ReturnType<typeof makeOrg>>;
	let zoneId: string;
	let planId: string;
	const tomorrow = addDays(todayIn('America/Cancun'), 1);

	beforeAll(async () => {
		t = await freshDatabase(driver);
		org = await makeOrg(t.db, 'Red Caribe');
		zoneId = await makeZone(t.db, org.org.id);
		planId = await makePlan(t.db, org.org.id);
	});
	afterAll(() => t.cleanup());

	const scheduled = async (fields: Record<string, unknown> = {}) =>
		(
			await makeCard(t.db, org.org.id, {
				full_name: 'Lucía Canul Pech',
				phone: '9981234567',
				stage: 'agendada',
				zone_id: zoneId,
				plan_id: planId,
				contract_type: 'indefinido',
				installation_date: tomorrow,
				installation_time: 'manana',
				...fields
			})
		).id;
	const counts = async (id: string) =>
		(await firstOf<{ m: number; h: number }>(
			t.db.orm,
			sql`select (select count(*)::int from customer_messages where installation_id = ${id}) as m,
				(select count(*)::int from card_history where installation_id = ${id} and kind = 'message') as h`
		))!;

	it('fills the reminder with the card values: name, date, time and its first charge', async () => {
		const id = await scheduled();
		const charge = await cardFirstCharge(t.db.orm, org.org.id, id);
		const total = charge!.snapshot!.charge.totalCents;
		const r = await renderMessage(t.db, org.agent, id, 'recordatorio');
		expect(r.missing).toEqual([]);
		expect(r.phone).toBe('529981234567');
		expect(r.text).toBe(
			`Hola Lucía Canul Pech, le recordamos que mañana ${formatDateLong(tomorrow)}, por la mañana, vamos a instalar su internet de Red Caribe. Por favor tenga listo el pago de ${formatMXN(total)} y que haya alguien en casa. ¡Gracias!`
		);
	});

	it('says which variables the card lacks and sends nothing until they are there', async () => {
		const id = await scheduled({ installation_date: null, installation_time: null });
		const r = await renderMessage(t.db, org.agent, id, 'recordatorio');
		expect(r.missing).toEqual(['fecha_instalacion', 'hora', 'monto']);
		const view = await cardMessages(t.db, org.agent, id);
		expect(view.templates.find((x) => x.key === 'recordatorio')!.missing).toEqual([
			'la fecha de instalación',
			'la hora de instalación',
			'el monto del primer cobro (zona, fecha y plan)'
		]);
		await expect(sendClickToChat(t.db, org.agent, id, { templateKey: 'recordatorio' })).rejects.toMatchObject({
			status: 422,
			message: expect.stringContaining('falta la fecha de instalación, la hora de instalación y el monto')
		});
		expect(await counts(id)).toEqual({ m: 0, h: 0 });
	});

	it('sending records the message and the history, and answers the exact click-to-chat link', async () => {
		const id = await scheduled();
		const sent = await sendClickToChat(t.db, org.agent, id, { templateKey: 'recordatorio' });
		expect(sent.url).toBe(`https://wa.me/529981234567?text=${encodeURIComponent(sent.text)}`);
		const row = await firstOf<Record<string, unknown>>(
			t.db.orm,
			sql`select template_key, channel, phone, body, status, sent_by from customer_messages where installation_id = ${id}`
		);
		expect(row).toEqual({
			template_key: 'recordatorio',
			channel: 'click_to_chat',
			phone: '529981234567',
			body: sent.text,
			status: 'abierto',
			sent_by: org.agent.id
		});
		const [entry] = await cardHistory(t.db, org.coordinator, id, { kind: 'message' });
		expect(entry.userName).toBe('Alma Agente');
		expect(entry.changes).toEqual([{ label: 'Mensaje enviado: recordatorio', from: null, to: 'WhatsApp a 998 123 4567' }]);
		const view = await cardMessages(t.db, org.agent, id);
		expect(view.sent).toMatchObject([{ templateKey: 'recordatorio', sentBy: 'Alma Agente', status: 'abierto' }]);
	});

	it('recordMessage records a Cloud API message in the caller transaction', async () => {
		const id = await scheduled();
		await t.db.orm.transaction((tx) =>
			recordMessage(tx, org.coordinator, {
				installationId: id,
				templateKey: 'confirmacion_fecha',
				channel: 'cloud_api',
				phone: '529981234567',
				body: 'hola',
				status: 'en_cola'
			})
		);
		expect(await counts(id)).toEqual({ m: 1, h: 1 });
	});

	it('refuses a template key that does not exist, in Spanish, writing nothing', async () => {
		const id = await scheduled();
		for (const bad of ['recordatorioX', '', null, 42, { a: 1 }]) {
			await expect(sendClickToChat(t.db, org.agent, id, { templateKey: bad })).rejects.toMatchObject({
				status: 400,
				message: 'Ese mensaje no existe: elige uno de la lista.'
			});
		}
		await expect(renderMessage(t.db, org.agent, id, 'nada')).rejects.toMatchObject({ status: 400 });
		await expect(sendClickToChat(t.db, org.agent, 'no-es-uuid', { templateKey: 'recordatorio' })).rejects.toMatchObject({ status: 400 });
		expect(await counts(id)).toEqual({ m: 0, h: 0 });
	});

	it('a template that does not fit the card stage is refused', async () => {
		const id = await scheduled();
		await expect(sendClickToChat(t.db, org.agent, id, { templateKey: 'bienvenida' })).rejects.toMatchObject({ status: 409 });
		expect(await counts(id)).toEqual({ m: 0, h: 0 });
	});

	it('a technician sends only «en camino», only on their own job', async () => {
		const mine = await scheduled({ stage: 'asignada', technician_id: org.technician.id });
		const other = await scheduled({ stage: 'asignada' });
		await expect(sendClickToChat(t.db, org.technician, mine, { templateKey: 'recordatorio' })).rejects.toMatchObject({ status: 403 });
		await expect(sendClickToChat(t.db, org.technician, other, { templateKey: 'en_camino' })).rejects.toMatchObject({ status: 404 });
		expect(await counts(mine)).toEqual({ m: 0, h: 0 });
		expect((await cardMessages(t.db, org.technician, mine)).templates.map((x) => x.key)).toEqual(['en_camino']);
		const sent = await sendClickToChat(t.db, org.technician, mine, { templateKey: 'en_camino' });
		expect(sent.text).toBe(
			'Hola Lucía Canul Pech, soy Tomás Técnico, técnico de Red Caribe. Voy en camino a su domicilio para instalar su internet.'
		);
		const [entry] = await cardHistory(t.db, org.coordinator, mine, { kind: 'message' });
		expect(entry.source).toBe('el teléfono del técnico');
	});

	it('the documents message lists only what process 3 step 6.1 still lacks', async () => {
		const id = await scheduled({
			stage: 'documentos_pendientes',
			email: 'lucia@correo.mx',
			how_heard: 'Facebook',
			lat: 21.16,
			lng: -86.85
		});
		const r = await renderMessage(t.db, org.agent, id, 'documentos');
		expect(r.text).toContain(
			'• Foto de su identificación oficial (INE) por ambos lados\n• Comprobante de domicilio\n• Número de contacto adicional'
		);
		expect(r.text).toContain('• ¿La casa es propia o rentada?');
		expect(r.text).not.toContain('Correo electrónico');
		expect(r.text).not.toContain('Ubicación');
	});

	it('the signing link message makes a fresh link when sent', async () => {
		const id = await scheduled({ stage: 'asignada', contract_type: '12_meses' });
		const view = await cardMessages(t.db, org.agent, id);
		expect(view.templates.find((x) => x.key === 'link_firma')!.text).toContain('se crea uno nuevo al enviar');
		const sent = await sendClickToChat(t.db, org.agent, id, { templateKey: 'link_firma' }, 'https://tablero.example.mx');
		expect(sent.text).toMatch(/abra este enlace: https:\/\/tablero\.example\.mx\/firmar\/[A-Za-z0-9_-]{43}$/);
		const links = await rowsOf<{ kind: string }>(
			t.db.orm,
			sql`select document_kind as kind from signing_links where installation_id = ${id}`
		);
		expect(links).toEqual([{ kind: 'contrato' }]);
	});

	it('the welcome carries the Wi-Fi name and password, or says they are missing', async () => {
		const id = await scheduled({ stage: 'activa' });
		expect((await renderMessage(t.db, org.agent, id, 'bienvenida')).missing).toEqual(['red_wifi', 'clave_wifi']);
		await saveConnection(t.db, org.coordinator, {
			installationId: id,
			pppoeUser: '9981234567',
			pppoePassword: '9981234567M',
			wifiPassword: 'canul2024MB',
			wifiName: 'Canul_5G'
		});
		await expect(
			saveConnection(t.db, org.coordinator, {
				installationId: id,
				pppoeUser: '9981234567',
				pppoePassword: '9981234567M',
				wifiName: 'x'.repeat(33)
			})
		).rejects.toMatchObject({ status: 400, message: 'El nombre de la red Wi-Fi puede tener como máximo 32 caracteres.' });
		const r = await renderMessage(t.db, org.agent, id, 'bienvenida');
		expect(r.text).toContain('Red Wi-Fi: Canul_5G\nContraseña: canul2024MB');
	});

	describe('Ajustes → Mensajes', () => {
		const form = (patch: Record<string, string> = {}) => ({
			...Object.fromEntries(MESSAGE_TEMPLATES.map((x) => [x.key, x.text])),
			...patch
		});

		it('only an admin edits the texts', async () => {
			await expect(saveMessageTexts(t.db, org.coordinator, form())).rejects.toMatchObject({ status: 403 });
			await expect(messageSettings(t.db, org.agent)).rejects.toMatchObject({ status: 403 });
		});

		it('refuses unknown variables by name, and an empty text, saving nothing', async () => {
			await expect(saveMessageTexts(t.db, org.admin, form({ recordatorio: 'Hola {nombre}, mañana {fecha}' }))).rejects.toMatchObject({
				status: 400,
				message: expect.stringContaining('{nombre}, {fecha} no son variables'),
				fieldErrors: { recordatorio: [expect.stringContaining('Usa solo: {cliente}')] }
			});
			await expect(saveMessageTexts(t.db, org.admin, form({ montos: '  ' }))).rejects.toMatchObject({ status: 400 });
			expect((await messageSettings(t.db, org.admin)).templates.every((x) => !x.custom)).toBe(true);
		});

		it('a saved text is what the cards render, audited; reset puts the default back', async () => {
			const id = await scheduled();
			await saveMessageTexts(t.db, org.admin, form({ recordatorio: 'Mañana vamos, {cliente}. Pago: {monto}.' }));
			forgetSettings(org.org.id);
			expect((await renderMessage(t.db, org.agent, id, 'recordatorio')).text).toMatch(
				/^Mañana vamos, Lucía Canul Pech\. Pago: \$[\d,]+\.\d\d\.$/
			);
			const audit = await firstOf<{ details: { changed: string } }>(
				t.db.orm,
				sql`select details from audit_log where org_id = ${org.org.id} and kind = 'settings_changed' order by created_at desc limit 1`
			);
			expect(audit!.details.changed).toBe('textos de los mensajes al cliente');
			const view = await messageSettings(t.db, org.admin);
			expect(view.templates.find((x) => x.key === 'recordatorio')).toMatchObject({ custom: true });
			await saveMessageTexts(t.db, org.admin, { ...form({ recordatorio: 'Mañana vamos, {cliente}.' }), reset: 'recordatorio' });
			forgetSettings(org.org.id);
			expect((await messageSettings(t.db, org.admin)).templates.find((x) => x.key === 'recordatorio')).toMatchObject({ custom: false });
		});
	});

	describe('«Para mañana»', () => {
		it('lists tomorrow installations with the reminder rendered and ticks one off after sending', async () => {
			const fresh = await makeOrg(t.db, 'Red Sur');
			const z = await makeZone(t.db, fresh.org.id);
			const p = await makePlan(t.db, fresh.org.id);
			const base = {
				phone: '9991112233',
				stage: 'asignada',
				zone_id: z,
				plan_id: p,
				contract_type: 'indefinido',
				installation_time: '10:00'
			};
			const a = (await makeCard(t.db, fresh.org.id, { ...base, full_name: 'Pedro Chan', installation_date: tomorrow })).id;
			await makeCard(t.db, fresh.org.id, { ...base, full_name: 'Hoy No', installation_date: addDays(tomorrow, -1) });
			await makeCard(t.db, fresh.org.id, {
				...base,
				full_name: 'Ya Cancelado',
				stage: 'cancelada',
				installation_date: tomorrow,
				cancel_reason: 'declino'
			});
			let view = await tomorrowReminders(t.db, fresh.agent);
			expect(view.date).toBe(tomorrow);
			expect(view.rows.map((r) => r.fullName)).toEqual(['Pedro Chan']);
			expect(view.rows[0].preview.text).toContain('mañana');
			expect(view.rows[0].preview.text).toContain('a las 10:00');
			expect(view.rows[0].sent).toBeNull();
			await sendClickToChat(t.db, fresh.coordinator, a, { templateKey: 'recordatorio' });
			view = await tomorrowReminders(t.db, fresh.agent);
			expect(view.rows[0].sent).toMatchObject({ by: 'Carlos Coordinador' });
			await expect(tomorrowReminders(t.db, fresh.technician)).rejects.toMatchObject({ status: 403 });
		});
	});
});
