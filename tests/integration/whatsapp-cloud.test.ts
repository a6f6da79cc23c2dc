// Sending from the card through the WhatsApp Cloud API outbox, against the local fake
// (tests/whatsapp-fake): queued with its history line, sent once, retried on temporary failures,
// failed in Spanish on the others, and never sent twice after a crash.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/client';
import * as outbox from '$lib/server/db/whatsapp-messages';
import { cardMessages, retryMessage, sendFromCard } from '$lib/server/services/whatsapp';
import { runOnce } from '$lib/server/services/whatsapp-outbox';
import { sendText } from '$lib/server/whatsapp/client';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { cloudProvider, webhookReceiver } from './support/whatsapp';
import { startFakeWhatsApp, type FakeWhatsApp } from '../whatsapp-fake/fake';

process.env.WHATSAPP_RETRY_BASE_MS = '10';
process.env.WHATSAPP_UNCERTAIN_RETRY_SECONDS = '0';

type Provider = Awaited<ReturnType<typeof cloudProvider>>;

interface MessageRow {
	status: string;
	error: string | null;
	attempts: number;
	providerId: string | null;
	sendingSince: string | null;
}
const messageRow = async (db: Database, id: string) =>
	(
		await db.query<MessageRow>(
			`select status, error, attempts, provider_message_id as "providerId", sending_since::text as "sendingSince"
			   from customer_messages where id = $1`,
			[id]
		)
	)[0];

/** Worker rounds until the message leaves «en_cola» (due rows only; waits are made due at once). */
async function untilSettled(db: Database, id: string) {
	const deadline = Date.now() + 20_000;
	for (;;) {
		await db.query(`update customer_messages set next_attempt_at = now() where id = $1 and status = 'en_cola'`, [id]);
		await runOnce(db);
		const row = await messageRow(db, id);
		if (row.status !== 'en_cola') return row;
		if (Date.now() > deadline) throw new Error(`sin terminar: ${JSON.stringify(row)}`);
		await new Promise((r) => setTimeout(r, 20));
	}
}

const version = async (db: Database, id: string) =>
	(await db.query<{ version: number }>('select version from installations where id = $1', [id]))[0].version;

describe.each(drivers)('WhatsApp Cloud API outbox (%s)', (driver) => {
	let t: TestDatabase;
	let fake: FakeWhatsApp;
	let p: Provider;

	beforeAll(async () => {
		t = await freshDatabase(driver);
	});
	afterAll(() => t.cleanup());
	beforeEach(async () => {
		// Each provider connects its own number (a number belongs to one provider).
		fake = startFakeWhatsApp({ phoneNumberId: String(100000000000000 + Math.floor(Math.random() * 1e12)) });
		await fake.ready;
		p = await cloudProvider(t.db, fake);
	});
	afterEach(() => fake.close());

	it('queues the message with its history line, then sends it once: «enviado» with Meta’s id', async () => {
		const before = await version(t.db, p.card.id);
		const { id } = await sendFromCard(t.db, p.agent, p.card.id, { templateKey: 'recordatorio', text: 'Hola Lucía, mañana vamos.' });
		expect(await messageRow(t.db, id)).toMatchObject({ status: 'en_cola', attempts: 0 });
		const [history] = await t.db.query<{ kind: string; field: string; newValue: unknown }>(
			`select kind, field, new_value as "newValue" from card_history where installation_id = $1 and kind = 'message'`,
			[p.card.id]
		);
		expect(history).toEqual({ kind: 'message', field: 'whatsapp_api', newValue: 'Hola Lucía, mañana vamos.' });
		expect(await version(t.db, p.card.id)).toBeGreaterThan(before);

		const row = await untilSettled(t.db, id);
		expect(row).toMatchObject({ status: 'enviado', error: null, attempts: 1, sendingSince: null });
		expect(fake.state.sent).toHaveLength(1);
		expect(row.providerId).toBe(fake.state.sent[0].id);
		const [request] = fake.state.requests;
		expect(request).toMatchObject({ method: 'POST', path: `/v21.0/${fake.options.phoneNumberId}/messages`, authorized: true });
		const [{ phone }] = await t.db.query<{ phone: string }>('select phone from installations where id = $1', [p.card.id]);
		expect(request.body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: `52${phone}`,
			type: 'text',
			text: { preview_url: false, body: 'Hola Lucía, mañana vamos.' },
			biz_opaque_callback_data: id
		});
		const view = await cardMessages(t.db, p.agent, p.card.id);
		expect(view).toMatchObject({ enabled: true, canSend: true, recipient: `52${phone}` });
		expect(view.messages.map((m) => [m.status, m.sentBy])).toEqual([['enviado', 'Alma Agente']]);
		// Another round sends nothing more.
		await runOnce(t.db);
		expect(fake.state.sent).toHaveLength(1);
	});

	it('retries a temporary failure (5xx, rate limit) with backoff, then sends', async () => {
		fake.state.failNext.push({ status: 500, code: 1 }, { status: 429, code: 130429 });
		const { id } = await sendFromCard(t.db, p.coordinator, p.card.id, { text: 'Seguimos en contacto.' });
		await runOnce(t.db);
		const waiting = await messageRow(t.db, id);
		expect(waiting).toMatchObject({ status: 'en_cola', attempts: 1, error: 'WhatsApp tuvo una falla temporal (HTTP 500).' });
		const row = await untilSettled(t.db, id);
		expect(row).toMatchObject({ status: 'enviado', attempts: 3, error: null });
		expect(fake.state.sent).toHaveLength(1);
	});

	it('fails at once in Spanish on a refusal that retrying won’t fix, and «Reintentar» queues it again', async () => {
		fake.state.failNext.push({ status: 400, code: 131047 });
		const { id } = await sendFromCard(t.db, p.agent, p.card.id, { text: 'Hola de nuevo.' });
		const row = await untilSettled(t.db, id);
		expect(row.status).toBe('fallido');
		expect(row.attempts).toBe(1);
		expect(row.error).toMatch(/^Pasaron más de 24 horas desde el último mensaje del cliente/);
		expect(fake.state.sent).toHaveLength(0);

		await expect(retryMessage(t.db, p.technician, p.card.id, { id })).rejects.toMatchObject({ status: 403 });
		await retryMessage(t.db, p.agent, p.card.id, { id });
		expect(await messageRow(t.db, id)).toMatchObject({ status: 'en_cola', error: null, attempts: 0 });
		expect((await untilSettled(t.db, id)).status).toBe('enviado');
		await expect(retryMessage(t.db, p.agent, p.card.id, { id })).rejects.toMatchObject({ status: 409 });
	});

	it('an expired token fails with the Spanish reason; the last temporary failure gives up after the attempts', async () => {
		fake.state.failNext.push({ status: 401, code: 190 });
		const a = await sendFromCard(t.db, p.agent, p.card.id, { text: 'Uno' });
		expect((await untilSettled(t.db, a.id)).error).toMatch(/^El token de acceso de WhatsApp venció o no es válido/);

		process.env.WHATSAPP_MAX_ATTEMPTS = '3';
		try {
			for (let i = 0; i < 3; i++) fake.state.failNext.push({ status: 503, code: 2 });
			const b = await sendFromCard(t.db, p.agent, p.card.id, { text: 'Dos' });
			const row = await untilSettled(t.db, b.id);
			expect(row).toMatchObject({ status: 'fallido', attempts: 3 });
			expect(row.error).toBe('WhatsApp no aceptó el mensaje tras 3 intentos: WhatsApp tuvo una falla temporal (HTTP 503).');
		} finally {
			delete process.env.WHATSAPP_MAX_ATTEMPTS;
		}
	});

	it('refuses bad input, the wrong role and a card without a Mexican phone, writing nothing', async () => {
		const count = async () =>
			(await t.db.query<{ n: number }>('select count(*)::int as n from customer_messages where org_id = $1', [p.org.id]))[0].n;
		await expect(sendFromCard(t.db, p.agent, p.card.id, { text: '' })).rejects.toMatchObject({
			status: 400,
			message: 'Escribe el mensaje.'
		});
		await expect(sendFromCard(t.db, p.agent, p.card.id, { text: 'x'.repeat(5000) })).rejects.toMatchObject({ status: 400 });
		await expect(sendFromCard(t.db, p.agent, p.card.id, { text: 'hola', templateKey: 'Nope!' })).rejects.toMatchObject({ status: 400 });
		await expect(sendFromCard(t.db, p.technician, p.card.id, { text: 'hola' })).rejects.toMatchObject({ status: 403 });
		await expect(sendFromCard(t.db, p.agent, 'no-es-uuid', { text: 'hola' })).rejects.toMatchObject({ status: 400 });
		await t.db.query(`update installations set phone = null where id = $1`, [p.card.id]);
		await expect(sendFromCard(t.db, p.agent, p.card.id, { text: 'hola' })).rejects.toMatchObject({ status: 400 });
		expect(await count()).toBe(0);
	});

	it('a crash between the send and the mark never sends again: the webhook names it, or it fails saying so', async () => {
		const hook = await webhookReceiver(t.db);
		fake.options.webhookUrl = hook.url;
		try {
			// The worker claimed it, committed the attempt, Meta took the message… and the process died.
			const { id } = await sendFromCard(t.db, p.agent, p.card.id, { text: 'Antes del corte' });
			const [row] = await outbox.claimDue(t.db, 10, 60);
			await outbox.markSending(t.db, row.id);
			await sendText({ phoneNumberId: fake.options.phoneNumberId, accessToken: fake.options.accessToken }, row.phone, row.body, row.id);
			// After the restart the lock has expired: the next worker finds the uncertain attempt.
			await t.db.query(`update customer_messages set locked_until = now() - interval '1 second' where id = $1`, [id]);
			await runOnce(t.db);
			expect(fake.state.sent).toHaveLength(1);
			expect(await messageRow(t.db, id)).toMatchObject({ status: 'en_cola', attempts: 1 });
			// Meta's «sent» webhook carries our id: the row gets its wamid, nothing is resent.
			expect((await fake.postStatus(fake.state.sent[0], 'sent')).status).toBe(200);
			expect(await messageRow(t.db, id)).toMatchObject({ status: 'enviado', providerId: fake.state.sent[0].id, sendingSince: null });
			await runOnce(t.db);
			expect(fake.state.sent).toHaveLength(1);

			// The same crash without any webhook: after the window it fails, asking a person to check.
			process.env.WHATSAPP_UNCERTAIN_SECONDS = '0';
			const second = await sendFromCard(t.db, p.agent, p.card.id, { text: 'Otro corte' });
			const [again] = await outbox.claimDue(t.db, 10, 60);
			await outbox.markSending(t.db, again.id);
			await t.db.query(`update customer_messages set locked_until = null where id = $1`, [second.id]);
			const settled = await untilSettled(t.db, second.id);
			expect(settled.status).toBe('fallido');
			expect(settled.error).toMatch(/^No se pudo confirmar si WhatsApp recibió el mensaje/);
			expect(fake.state.sent).toHaveLength(1);
		} finally {
			delete process.env.WHATSAPP_UNCERTAIN_SECONDS;
			await hook.close();
		}
	});

	it('a lost answer (the connection dropped) is not resent once the webhook names the message', async () => {
		const hook = await webhookReceiver(t.db);
		fake.options.webhookUrl = hook.url;
		fake.options.autoStatuses = ['sent'];
		fake.options.autoDelayMs = 10;
		process.env.WHATSAPP_UNCERTAIN_RETRY_SECONDS = '30';
		try {
			fake.state.dropNext = 1;
			const { id } = await sendFromCard(t.db, p.agent, p.card.id, { text: 'Sin respuesta' });
			await runOnce(t.db);
			await expect.poll(async () => (await messageRow(t.db, id)).status).toBe('enviado');
			expect((await messageRow(t.db, id)).providerId).toBe(fake.state.sent[0].id);
			await t.db.query(`update customer_messages set next_attempt_at = now() where id = $1`, [id]);
			await runOnce(t.db);
			expect(fake.state.sent).toHaveLength(1);
		} finally {
			process.env.WHATSAPP_UNCERTAIN_RETRY_SECONDS = '0';
			await hook.close();
		}
	});

	it('a provider without the Cloud API gets no button and cannot queue', async () => {
		const { makeOrg, makeCard } = await import('./support/factories');
		const other = await makeOrg(t.db);
		const card = await makeCard(t.db, other.org.id);
		expect(await cardMessages(t.db, other.agent, card.id)).toMatchObject({ enabled: false, canSend: false, messages: [] });
		await expect(sendFromCard(t.db, other.agent, card.id, { text: 'hola' })).rejects.toMatchObject({ status: 409 });
		// And another provider's card is not found from here.
		await expect(cardMessages(t.db, other.agent, p.card.id)).rejects.toMatchObject({ status: 404 });
	});
});
