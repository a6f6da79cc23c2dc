// Meta's webhook against the local fake: the subscription check, signed statuses moving messages
// forward only, refusals of unsigned or wrongly signed posts, and the secrets never shown.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '$lib/server/db/client';
import { cardMessages, sendFromCard, settingsView, testConnection } from '$lib/server/services/whatsapp';
import { runOnce } from '$lib/server/services/whatsapp-outbox';
import { receiveWebhook, verifySubscription } from '$lib/server/services/whatsapp-webhook';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { cloudProvider, VERIFY_TOKEN, webhookReceiver } from './support/whatsapp';
import { startFakeWhatsApp, type FakeWhatsApp } from '../whatsapp-fake/fake';

type Provider = Awaited<ReturnType<typeof cloudProvider>>;

const statusOf = async (db: Database, id: string) =>
	(await db.query<{ status: string; error: string | null }>('select status, error from customer_messages where id = $1', [id]))[0];
const version = async (db: Database, id: string) =>
	(await db.query<{ version: number }>('select version from installations where id = $1', [id]))[0].version;

describe.each(drivers)('WhatsApp webhook (%s)', (driver) => {
	let t: TestDatabase;
	let fake: FakeWhatsApp;
	let hook: Awaited<ReturnType<typeof webhookReceiver>>;
	let p: Provider;

	/** One message sent through the outbox to the fake. */
	async function sentMessage(text = 'Hola') {
		const { id } = await sendFromCard(t.db, p.agent, p.card.id, { text });
		await runOnce(t.db);
		expect((await statusOf(t.db, id)).status).toBe('enviado');
		return { id, wire: fake.state.sent.at(-1)! };
	}

	beforeAll(async () => {
		t = await freshDatabase(driver);
		hook = await webhookReceiver(t.db);
	});
	afterAll(async () => {
		await hook.close();
		await t.cleanup();
	});
	beforeEach(async () => {
		fake = startFakeWhatsApp({ phoneNumberId: String(200000000000000 + Math.floor(Math.random() * 1e12)) });
		await fake.ready;
		fake.options.webhookUrl = hook.url;
		p = await cloudProvider(t.db, fake);
	});
	afterEach(() => fake.close());

	it('answers Meta’s subscription check only with the saved verify token', async () => {
		const q = (o: Record<string, string>) => new URLSearchParams(o);
		expect(
			await verifySubscription(t.db, q({ 'hub.mode': 'subscribe', 'hub.verify_token': VERIFY_TOKEN, 'hub.challenge': '1158201444' }))
		).toBe('1158201444');
		expect(await verifySubscription(t.db, q({ 'hub.mode': 'subscribe', 'hub.verify_token': 'otro', 'hub.challenge': '1' }))).toBeNull();
		expect(
			await verifySubscription(t.db, q({ 'hub.mode': 'unsubscribe', 'hub.verify_token': VERIFY_TOKEN, 'hub.challenge': '1' }))
		).toBeNull();
		expect(
			await verifySubscription(t.db, q({ 'hub.mode': 'subscribe', 'hub.verify_token': VERIFY_TOKEN, 'hub.challenge': '<b>' }))
		).toBeNull();
	});

	it('delivered then read update the message and the card’s version; a late «delivered» never moves it back', async () => {
		const { id, wire } = await sentMessage();
		const v0 = await version(t.db, p.card.id);
		expect((await fake.postStatus(wire, 'delivered')).body).toEqual({ updated: 1 });
		expect((await statusOf(t.db, id)).status).toBe('entregado');
		expect(await version(t.db, p.card.id)).toBeGreaterThan(v0);
		await fake.postStatus(wire, 'read');
		expect((await statusOf(t.db, id)).status).toBe('leido');
		expect((await fake.postStatus(wire, 'delivered')).body).toEqual({ updated: 0 });
		expect((await fake.postStatus(wire, 'sent')).body).toEqual({ updated: 0 });
		expect((await fake.postStatus(wire, 'failed', { errors: [{ code: 131026, title: 'Message undeliverable' }] })).body).toEqual({
			updated: 0
		});
		expect((await statusOf(t.db, id)).status).toBe('leido');
		expect((await cardMessages(t.db, p.coordinator, p.card.id)).messages[0].status).toBe('leido');
	});

	it('a «failed» status marks the message failed with the Spanish reason', async () => {
		const { id, wire } = await sentMessage();
		await fake.postStatus(wire, 'failed', { errors: [{ code: 131026, title: 'Message undeliverable' }] });
		expect(await statusOf(t.db, id)).toEqual({
			status: 'fallido',
			error: 'WhatsApp no pudo entregar el mensaje a ese número (quizá no usa WhatsApp o no aceptó las condiciones).'
		});
	});

	it('refuses a post without a signature (401) or signed with another secret (403), changing nothing', async () => {
		const { id, wire } = await sentMessage();
		const forged = await fake.postStatus(wire, 'read', { secret: 'otro-secreto' });
		expect(forged.status).toBe(403);
		const raw = Buffer.from(JSON.stringify({ entry: [] }));
		await expect(receiveWebhook(t.db, raw, null)).rejects.toMatchObject({ status: 401 });
		await expect(receiveWebhook(t.db, raw, 'sha256=zz')).rejects.toMatchObject({ status: 403 });
		await expect(receiveWebhook(t.db, Buffer.from('no es json'), 'sha256=' + '0'.repeat(64))).rejects.toMatchObject({ status: 400 });
		expect((await statusOf(t.db, id)).status).toBe('enviado');
	});

	it('a provider’s webhook cannot touch another provider’s messages', async () => {
		const { id, wire } = await sentMessage();
		const otherFake = startFakeWhatsApp({ phoneNumberId: '3' + String(Date.now()).padStart(14, '0'), appSecret: 'secreto-del-otro' });
		await otherFake.ready;
		try {
			await cloudProvider(t.db, otherFake);
			// Signed correctly by the other provider, naming our message's id.
			otherFake.options.webhookUrl = hook.url;
			const r = await otherFake.postStatus(wire, 'read');
			expect(r).toEqual({ status: 200, body: { updated: 0 } });
			expect((await statusOf(t.db, id)).status).toBe('enviado');
		} finally {
			await otherFake.close();
			process.env.WHATSAPP_API_BASE = fake.url;
		}
	});

	it('never shows or logs the token or the app secret', async () => {
		const logs: string[] = [];
		const spies = (['log', 'info', 'warn', 'error'] as const).map((level) =>
			vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logs.push(args.map(String).join(' ')))
		);
		try {
			fake.state.failNext.push({ status: 401, code: 190 });
			const { id } = await sendFromCard(t.db, p.agent, p.card.id, { text: 'Prueba de secretos' });
			await runOnce(t.db);
			await fake.postStatus({ id: 'wamid.x', to: '52', callbackData: null }, 'read', { secret: 'mal' });
			const seen = JSON.stringify([
				await settingsView(t.db, p.admin),
				await cardMessages(t.db, p.agent, p.card.id),
				await testConnection(t.db, p.admin, {}),
				await statusOf(t.db, id),
				await t.db.query('select * from whatsapp_connections'),
				fake.state.webhooks,
				logs
			]);
			expect(seen).toContain('Conexión correcta con WhatsApp Business');
			for (const secret of [fake.options.accessToken, fake.options.appSecret, VERIFY_TOKEN]) expect(seen).not.toContain(secret);
			expect(await settingsView(t.db, p.admin)).toMatchObject({ tokenLast4: fake.options.accessToken.slice(-4), appSecretSet: true });
		} finally {
			for (const s of spies) s.mockRestore();
		}
	});
});
