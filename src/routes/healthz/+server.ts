import { json, type RequestEvent } from '@sveltejs/kit';
import { health } from '$lib/server/services/health';
import { isLocalClient } from '$lib/server/forms';

// The details (Chromium's path and pid, migration, last event) help an attacker more than a
// monitor: an admin session or this machine sees them, everyone else the status alone.
function mayReadDetails(event: RequestEvent): boolean {
	return event.locals.user?.role === 'admin' || isLocalClient(event);
}

export async function GET(event) {
	const report = await health();
	const body = mayReadDetails(event) ? report : { status: report.status };
	return json(body, { status: report.status === 'ok' ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
