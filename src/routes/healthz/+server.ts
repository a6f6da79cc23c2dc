import { json } from '@sveltejs/kit';
import { health } from '$lib/server/services/health';

export async function GET() {
	const report = await health();
	return json(report, { status: report.status === 'ok' ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
