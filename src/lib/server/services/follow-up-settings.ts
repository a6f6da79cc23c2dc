/**
 * Ajustes → Seguimiento (issue 20): the office's cadence rules for following up leads (when to
 * call again after each outcome, office hours, when to suggest «no localizable», how long a card
 * waits in «documentos pendientes»). Admin only; saved through saveSettings (audited).
 */
import type { Database } from '../db';
import type { SessionUser } from '../auth';
import { parseInput } from '../validation';
import { getOrg, saveSettings } from './settings';
import { followUpFormSchema } from '$lib/schemas/follow-up-form';
import type { FollowUpRules } from '$lib/domain/follow-up';

export async function followUpSettings(db: Database, actor: SessionUser): Promise<{ rules: FollowUpRules; timeZone: string }> {
	const org = await getOrg(db, actor);
	return { rules: org.settings.followUp, timeZone: org.timeZone };
}

/** Validates the whole form first: a refused form writes nothing. */
export async function saveFollowUpSettings(db: Database, actor: SessionUser, raw: unknown): Promise<FollowUpRules> {
	await getOrg(db, actor); // admin check before parsing, so others learn nothing from validation
	const followUp = parseInput(followUpFormSchema, raw);
	await saveSettings(db, actor, { followUp });
	return followUp;
}
