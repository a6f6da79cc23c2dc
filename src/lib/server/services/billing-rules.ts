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

/** The rules as stored (defaults filled in) and the provider's today, for the page's example; admin only. */
export async function billingRules(db: Database, actor: SessionUser): Promise<{ rules: ProrationPolicy; today: string }> {
	const org = await getOrg(db, actor);
	return { rules: org.settings.proration, today: todayIn(org.timeZone) };
}

/** Validates the whole form first: a refused form writes nothing. */
export async function saveBillingRules(db: Database, actor: SessionUser, raw: unknown): Promise<ProrationPolicy> {
	await getOrg(db, actor); // admin check before parsing, so others learn nothing from validation
	const proration = parseInput(billingRulesFormSchema, raw);
	await saveSettings(db, actor, { proration });
	return proration;
}
