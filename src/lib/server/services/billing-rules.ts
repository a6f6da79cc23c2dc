/**
 * Ajustes → Reglas de cobro: the organisation's proration policy, pronto pago and free days
 * (DOMAIN.md «Billing dates and the first charge»). The card, the call script, the sheet and the
 * contract read it through services/billing.ts.
 */
import type { Database } from '../db';
import type { SessionUser } from '../auth';
import { parseInput } from '../validation';
import { getOrg, saveSettings } from './settings';
import { billingRulesFormSchema } from '$lib/schemas/billing-rules';
import type { ProrationPolicy } from '$lib/domain/billing-dates';
import { todayIn } from '$lib/domain/dates';
import { STAGES, stageIndex } from '$lib/domain/stage-registry';
import * as billingDb from '../db/billing';
import { setActor } from '../db/card-tx';
import { recomputeBilling } from './billing';

/** The rules as stored (defaults filled in) and the provider's today, for the page's example; admin only. */
export async function billingRules(db: Database, actor: SessionUser): Promise<{ rules: ProrationPolicy; today: string }> {
	const org = await getOrg(db, actor);
	return { rules: org.settings.proration, today: todayIn(org.timeZone) };
}

/** Stages whose first charge is still being offered; from «firmada» on the customer signed for it. */
const OFFERED = STAGES.slice(0, stageIndex('firmada'));

/**
 * Validates the whole form first: a refused form writes nothing. Then the stored first charge of
 * every card not signed yet is recomputed under the new rules, so the board's copy says what the
 * card, the script and the sheet now say; signed and later cards keep what was agreed.
 */
export async function saveBillingRules(db: Database, actor: SessionUser, raw: unknown): Promise<ProrationPolicy> {
	await getOrg(db, actor); // admin check before parsing, so others learn nothing from validation
	const proration = parseInput(billingRulesFormSchema, raw);
	await saveSettings(db, actor, { proration });
	await db.begin(async (tx) => {
		await setActor(tx, actor);
		for (const id of await billingDb.unsignedWithSnapshot(tx, actor.orgId, OFFERED)) await recomputeBilling(tx, actor.orgId, id);
	});
	return proration;
}
