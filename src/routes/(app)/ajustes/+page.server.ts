import { getDb } from '$lib/server/db';
import { getOrg, updateOrgForm } from '$lib/server/services/settings';
import { saveAction, toHttpError } from '$lib/server/forms';
import { mexicoZoneCount, timeZoneList } from '$lib/domain/time-zones';

export async function load({ locals, url }) {
	try {
		const org = await getOrg(await getDb(), locals.user!);
		return {
			org,
			publicFormUrl: `${url.origin}/solicitar?p=${encodeURIComponent(org.slug)}`,
			timeZones: timeZoneList(),
			mexicoZones: mexicoZoneCount()
		};
	} catch (err) {
		toHttpError(err);
	}
}

export const actions = { org: saveAction(updateOrgForm) };
