import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from '$lib/server/db/client';
import { saveSettings } from '$lib/server/services/whatsapp';
import { receiveWebhook } from '$lib/server/services/whatsapp-webhook';
import { refusalOf } from '$lib/server/services/errors';
import { makeCard, makeOrg } from './factories';
import { TEST_APP_SECRET } from './wisphub';
import type { FakeWhatsApp } from '../../whatsapp-fake/fake';

export const VERIFY_TOKEN = 'token-de-verificacion-del-webhook';

/** A provider connected to the fake (the same token, number and app secret), and one card with a phone. */
export async function cloudProvider(db: Database, fake: FakeWhatsApp) {
	process.env.APP_SECRET ??= TEST_APP_SECRET;
	process.env.WHATSAPP_API_BASE = fake.url;
	const org = await makeOrg(db);
	await saveSettings(db, org.admin, {
		enabled: 'on',
		phoneNumberId: fake.options.phoneNumberId,
		accessToken: fake.options.accessToken,
		appSecret: fake.options.appSecret,
		verifyToken: VERIFY_TOKEN
	});
	const card = await makeCard(db, org.org.id, { full_name: 'Lucía Hernández' });
	return { ...org, card };
}

/** What /api/whatsapp/webhook does, on a local port: the fake posts its signed statuses here. */
export async function webhookReceiver(db: Database) {
	const server = createServer(async (req, res) => {
		const chunks: Buffer[] = [];
		for await (const c of req) chunks.push(c as Buffer);
		try {
			const header = req.headers['x-hub-signature-256'];
			const result = await receiveWebhook(db, Buffer.concat(chunks), typeof header === 'string' ? header : null);
			res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
		} catch (err) {
			const refusal = refusalOf(err);
			res.writeHead(refusal?.status ?? 500, { 'content-type': 'application/json' }).end(JSON.stringify({ message: refusal?.message }));
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/whatsapp/webhook`,
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			})
	};
}
