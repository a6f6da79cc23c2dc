/**
 * The retention rule of Ajustes → Privacidad (LFPDPPP: keep personal data no longer than needed):
 * the images of identity documents of cards cancelled more than N days ago are deleted, rows and
 * bytes. The admin sees the count first (a dry run) and confirms it; a provider that switched
 * the rule on also has it run by the background loop once a day. Each purge is audited.
 */
import type { Database } from '../db';
import type { SessionUser } from '../auth';
import * as retention from '../db/retention';
import { setActor } from '../db/card-tx';
import { getStorage, type Storage } from '../storage';
import { parseInput } from '../validation';
import { purgeSchema, retentionFormSchema } from '$lib/schemas/arco';
import { readSettings, type OrgSettings } from '$lib/schemas/settings';
import { RETENTION_CATEGORIES, retentionCutoff } from '$lib/domain/arco';
import { ServiceError } from './errors';
import { getOrg, saveSettings } from './settings';
import { recordAudit, recordSystemAudit } from './audit';
import { startPolling, type PollWorker } from './poll-worker';

export type Privacy = OrgSettings['privacy'];

export interface PurgeCount {
	cards: number;
	files: number;
	days: number;
}

export interface RetentionOptions {
	now?: Date;
	storage?: Storage;
}

export async function retentionSettings(db: Database, actor: SessionUser): Promise<{ privacy: Privacy }> {
	const org = await getOrg(db, actor);
	return { privacy: org.settings.privacy };
}

/** Saves the rule; a refused form writes nothing. */
export async function saveRetention(db: Database, actor: SessionUser, raw: unknown): Promise<Privacy> {
	await getOrg(db, actor); // admin check before parsing, so others learn nothing from validation
	const privacy = parseInput(retentionFormSchema, raw);
	await saveSettings(db, actor, { privacy });
	return privacy;
}

/** The dry run: how many cards and files the rule would delete now, with the saved number of days. */
export async function previewPurge(db: Database, actor: SessionUser, opts: RetentionOptions = {}): Promise<PurgeCount> {
	const { privacy } = await retentionSettings(db, actor);
	const counts = await retention.count(
		db,
		actor.orgId,
		retentionCutoff(opts.now ?? new Date(), privacy.retentionDays),
		RETENTION_CATEGORIES
	);
	return { ...counts, days: privacy.retentionDays };
}

/**
 * The purge the admin confirmed, with the counts the dry run showed: when they changed meanwhile
 * nothing is deleted and the admin sees the new ones first.
 */
export async function purgeNow(db: Database, actor: SessionUser, raw: unknown, opts: RetentionOptions = {}): Promise<PurgeCount> {
	await getOrg(db, actor); // admin check before parsing, so others learn nothing from validation
	const expected = parseInput(purgeSchema, raw);
	const preview = await previewPurge(db, actor, opts);
	if (preview.cards !== expected.cards || preview.files !== expected.files) {
		throw new ServiceError(409, 'Los números cambiaron desde que los calculaste: revisa el nuevo conteo y confirma otra vez.');
	}
	const done = await purgeOrg(db, actor.orgId, preview.days, opts, actor);
	return { ...done, days: preview.days };
}

async function purgeOrg(
	db: Database,
	orgId: string,
	days: number,
	{ now = new Date(), storage = getStorage() }: RetentionOptions,
	actor: SessionUser | null
): Promise<{ cards: number; files: number }> {
	return db.begin(async (tx) => {
		if (actor) await setActor(tx, actor);
		const deleted = await retention.deleteMatching(tx, orgId, retentionCutoff(now, days), RETENTION_CATEGORIES);
		if (!deleted.length) return { cards: 0, files: 0 };
		const cards = new Set(deleted.map((f) => f.installationId)).size;
		const folios = [...new Set(deleted.map((f) => `#${f.folio}`))];
		const record = {
			kind: 'documents_purged' as const,
			target: folios.length > 10 ? `${folios.slice(0, 10).join(', ')}…` : folios.join(', '),
			details: { cards, files: deleted.length, days, ...(actor ? {} : { automatic: true }) }
		};
		if (actor) await recordAudit(tx, actor, record);
		else await recordSystemAudit(tx, orgId, record);
		// Last step inside the transaction: if the store refuses, the rows stay and the next run retries.
		await storage.remove(deleted.flatMap((f) => (f.thumbnailKey ? [f.storageKey, f.thumbnailKey] : [f.storageKey])));
		return { cards, files: deleted.length };
	});
}

/** One pass over every provider with the rule on; answers how many files were deleted. */
export async function runRetention(db: Database, opts: RetentionOptions = {}): Promise<number> {
	let files = 0;
	for (const org of await retention.enabledOrgs(db)) {
		const { privacy } = readSettings(org.settings);
		if (!privacy.retentionEnabled) continue;
		files += (await purgeOrg(db, org.id, privacy.retentionDays, opts, null)).files;
	}
	return files;
}

/** A pass a minute after start, then daily; the purge is idempotent, so a restart running it again is harmless. */
export function startRetentionWorker(db: Database, intervalMs = Number(process.env.RETENTION_POLL_MS ?? 86_400_000)): PollWorker {
	return startPolling({
		run: () => runRetention(db),
		intervalMs,
		firstDelayMs: Math.min(intervalMs, 60_000),
		busyDelayMs: intervalMs,
		onError: (err) => console.error('Retención: no se pudieron borrar los documentos de cancelados:', err.message)
	});
}
