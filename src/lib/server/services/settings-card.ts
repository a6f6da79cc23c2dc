import type { Database } from '../db';
import type { SessionUser } from '../auth';
import { parseInput } from '../validation';
import { getOrg, saveSettings } from './settings';
import { callSettingsSchema, cancelReasonsFormSchema, stageSettingsSchema } from '$lib/schemas/settings-card';
import type { OrgSettings } from '$lib/schemas/settings';

/** Cities, how-heard list and objection snippets (what the card and the call script offer). */
export async function saveCallSettings(db: Database, actor: SessionUser, raw: unknown) {
	await getOrg(db, actor); // admin check before parsing, so others learn nothing from validation
	await saveSettings(db, actor, parseInput(callSettingsSchema, raw));
}

/** SLA thresholds and WIP limits per stage (the board colours and column limits). */
export async function saveStageSettings(db: Database, actor: SessionUser, raw: unknown) {
	await getOrg(db, actor);
	const v = parseInput(stageSettingsSchema, raw);
	await saveSettings(db, actor, v as Pick<OrgSettings, 'sla' | 'wipLimits'>);
}

/** The cancellation reasons the cancel dialog offers, in order (renamed, added, removed, reordered). */
export async function saveCancelReasons(db: Database, actor: SessionUser, raw: unknown) {
	await getOrg(db, actor);
	await saveSettings(db, actor, { cancelReasons: parseInput(cancelReasonsFormSchema, raw) });
}
