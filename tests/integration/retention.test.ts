import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeCard, makeOrg } from './support/factories';
import { pngBytes, tempStorage } from './support/documents';
import { uploadFile } from '$lib/server/services/files';
import { previewPurge, purgeNow, retentionSettings, runRetention, saveRetention } from '$lib/server/services/retention';
import { ServiceError } from '$lib/server/services/errors';

const DAY = 86_400_000;

async function refusal(call: () => Promise<unknown>): Promise<ServiceError> {
	const err = await call().then(
		() => null,
		(e) => e
	);
	expect(err).toBeInstanceOf(ServiceError);
	return err as ServiceError;
}

describe.each(drivers)('retention of cancelled customers’ documents on %s', (driver) => {
	let t: TestDatabase;
	let org: Awaited<ReturnType<typeof makeOrg>>;
	const store = tempStorage();
	const now = new Date();
	const cards: Record<'old' | 'recent' | 'active', string> = { old: '', recent: '', active: '' };

	const filesOf = (id: string) =>
		t.db.query<{ category: string; key: string }>(
			'select category, storage_key as key from files where installation_id = $1 order by category',
			[id]
		);
	const onDisk = (key: string) => existsSync(join(store.dir, 'files', key));
	const audits = () =>
		t.db.query<{ user_name: string; target: string; details: Record<string, unknown> }>(
			`select user_name, target, details from audit_log where org_id = $1 and kind = 'documents_purged' order by id`,
			[org.org.id]
		);

	beforeAll(async () => {
		t = await freshDatabase(driver);
		org = await makeOrg(t.db);
		const png = await pngBytes();
		const cancelledAgo = (days: number) => ({
			stage: 'cancelada',
			cancel_reason: 'declino',
			cancelled_at: new Date(now.getTime() - days * DAY).toISOString()
		});
		cards.old = (await makeCard(t.db, org.org.id, cancelledAgo(200))).id;
		cards.recent = (await makeCard(t.db, org.org.id, cancelledAgo(30))).id;
		cards.active = (await makeCard(t.db, org.org.id, { stage: 'activa' })).id;
		const up = (id: string, category: string) =>
			uploadFile(t.db, org.agent, { installationId: id, category, name: '', fileName: 'doc.png', bytes: png }, store.storage);
		for (const id of Object.values(cards)) await up(id, 'ine_frontal');
		await up(cards.old, 'ine_atras');
		// A photo of the installation is not an identity document: it stays.
		await up(cards.old, 'foto_instalacion');
	});
	afterAll(async () => {
		await t.cleanup();
		store.cleanup();
	});

	it('is off by default, with 180 days; only an admin sees, changes, counts or purges', async () => {
		expect((await retentionSettings(t.db, org.admin)).privacy).toEqual({ retentionEnabled: false, retentionDays: 180 });
		for (const who of [org.coordinator, org.agent, org.technician]) {
			expect((await refusal(() => retentionSettings(t.db, who))).status).toBe(403);
			expect((await refusal(() => saveRetention(t.db, who, { retentionEnabled: 'on', retentionDays: '1' }))).status).toBe(403);
			expect((await refusal(() => previewPurge(t.db, who, { now }))).status).toBe(403);
			expect((await refusal(() => purgeNow(t.db, who, { cards: '1', files: '2' }, { now, storage: store.storage }))).status).toBe(403);
		}
		expect((await refusal(() => saveRetention(t.db, org.admin, { retentionDays: '0' }))).message).toMatch(/al menos 1 día/);
		expect((await refusal(() => saveRetention(t.db, org.admin, { retentionDays: 'diez' }))).message).toMatch(/número entero de días/);
		expect((await retentionSettings(t.db, org.admin)).privacy.retentionDays).toBe(180);
		expect((await filesOf(cards.old)).length).toBe(3);
	});

	it('the dry run counts the cards and files; moving the clock forward counts more, deleting nothing', async () => {
		expect(await previewPurge(t.db, org.admin, { now })).toEqual({ cards: 1, files: 2, days: 180 });
		expect(await previewPurge(t.db, org.admin, { now: new Date(now.getTime() + 160 * DAY) })).toEqual({ cards: 2, files: 3, days: 180 });
		expect((await filesOf(cards.old)).length).toBe(3);
		expect(await audits()).toEqual([]);
	});

	it('refuses a purge whose counts no longer match the dry run, then purges what it showed: rows, disk and audit', async () => {
		expect((await refusal(() => purgeNow(t.db, org.admin, { cards: '1', files: '1' }, { now, storage: store.storage }))).status).toBe(409);
		const before = await filesOf(cards.old);
		expect(before.every((f) => onDisk(f.key))).toBe(true);

		expect(await purgeNow(t.db, org.admin, { cards: '1', files: '2' }, { now, storage: store.storage })).toEqual({
			cards: 1,
			files: 2,
			days: 180
		});
		const after = await filesOf(cards.old);
		expect(after.map((f) => f.category)).toEqual(['foto_instalacion']);
		for (const f of before) expect(onDisk(f.key), f.category).toBe(f.category === 'foto_instalacion');
		expect((await filesOf(cards.recent)).length).toBe(1);
		expect((await filesOf(cards.active)).length).toBe(1);
		const [row] = await audits();
		expect(row).toMatchObject({ user_name: 'Ana Admin', details: { cards: 1, files: 2, days: 180 } });
		expect(row.target).toMatch(/^#\d+$/);
		expect(await previewPurge(t.db, org.admin, { now })).toEqual({ cards: 0, files: 0, days: 180 });
	});

	it('the daily worker purges only for providers that switched it on, with the clock it is given', async () => {
		const later = new Date(now.getTime() + 160 * DAY);
		expect(await runRetention(t.db, { now: later, storage: store.storage })).toBe(0);
		expect((await filesOf(cards.recent)).length).toBe(1);

		await saveRetention(t.db, org.admin, { retentionEnabled: 'on', retentionDays: '180' });
		expect((await retentionSettings(t.db, org.admin)).privacy).toEqual({ retentionEnabled: true, retentionDays: 180 });
		// Today nothing is old enough any more; 160 days on, the recent cancellation is.
		expect(await runRetention(t.db, { now, storage: store.storage })).toBe(0);
		expect(await runRetention(t.db, { now: later, storage: store.storage })).toBe(1);
		expect((await filesOf(cards.recent)).length).toBe(0);
		expect((await filesOf(cards.active)).length).toBe(1);
		const rows = await audits();
		expect(rows).toHaveLength(2);
		expect(rows[1]).toMatchObject({ user_name: 'Tarea automática', details: { cards: 1, files: 1, days: 180, automatic: true } });
	});
});
