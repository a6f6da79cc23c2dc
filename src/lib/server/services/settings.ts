import type { Database } from '../db';
import * as organizations from '../db/organizations';
import type { SessionUser } from '../auth';
import { forbidden } from './errors';
import { parseInput } from '../validation';
import { orgFormSchema } from '$lib/schemas/org';
import { readSettings, type OrgSettings } from '$lib/schemas/settings';
import { forgetSettings } from './board';
import { recordAudit } from './audit';
import { settingsLabel } from '$lib/domain/settings-labels';

function requireAdmin(actor: SessionUser) {
	if (actor.role !== 'admin') throw forbidden('Solo un administrador puede cambiar los ajustes.');
}

export async function getOrg(db: Database, actor: SessionUser) {
	requireAdmin(actor);
	const org = (await organizations.byId(db, actor.orgId))!;
	return { name: org.name, slug: org.slug, timeZone: org.timeZone, settings: readSettings(org.settings) };
}

/** Merges a partial settings change over what is stored (each form owns its keys). */
export async function saveSettings(
	db: Database,
	actor: SessionUser,
	patch: Partial<OrgSettings>,
	org: { name?: string; timeZone?: string } = {}
) {
	requireAdmin(actor);
	await db.begin(async (tx) => {
		const row = (await organizations.lock(tx, actor.orgId))!;
		const before = readSettings(row.settings);
		const settings = readSettings({ ...(row.settings as object), ...patch });
		await organizations.update(tx, actor.orgId, { settings, ...org });
		const changed = (Object.keys(settings) as (keyof OrgSettings)[]).filter(
			(k) => JSON.stringify(settings[k]) !== JSON.stringify(before[k])
		);
		const orgChanged = (Object.keys(org) as ('name' | 'timeZone')[]).filter((k) => org[k] !== undefined && org[k] !== row[k]);
		if (changed.length || orgChanged.length) {
			await recordAudit(tx, actor, {
				kind: 'settings_changed',
				details: { changed: [...orgChanged, ...changed].map(settingsLabel).join(', ') }
			});
		}
	});
	forgetSettings(actor.orgId);
}

export async function updateOrgForm(db: Database, actor: SessionUser, raw: unknown) {
	requireAdmin(actor);
	const input = parseInput(orgFormSchema, raw);
	await saveSettings(
		db,
		actor,
		{
			installationCostCents: input.installationCost,
			depositCents: input.deposit,
			promotionFreeInstallation: input.promotionFreeInstallation,
			wifiSuffix: input.wifiSuffix,
			activeVisibleDays: input.activeVisibleDays
		},
		{ name: input.name, timeZone: input.timeZone }
	);
}
