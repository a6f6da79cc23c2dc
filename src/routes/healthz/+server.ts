import type { IncomingMessage } from 'node:http';
import { json, type RequestEvent } from '@sveltejs/kit';
import { health } from '$lib/server/services/health';
import { isLoopbackClient } from '$lib/server/client-address';

// The details (Chromium's path and pid, migration, last event) help an attacker more than a
// monitor: an admin session or this machine sees them, everyone else the status alone.
function mayReadDetails(event: RequestEvent): boolean {
	if (event.locals.user?.role === 'admin') return true;
	const req = (event.platform as { req?: IncomingMessage } | undefined)?.req;
	if (req) return isLoopbackClient(req.headers, req.socket?.remoteAddress);
	try {
		return isLoopbackClient({}, event.getClientAddress(), { header: '', depth: 1 });
	} catch {
		return false;
	}
}

export async function GET(event) {
	const report = await health();
	const body = mayReadDetails(event) ? report : { status: report.status };
	return json(body, { status: report.status === 'ok' ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
