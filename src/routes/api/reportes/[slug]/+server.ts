import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/http/endpoint';
import { isReportKey } from '$lib/domain/reports';
import { REPORT_ROLES, runReport } from '$lib/server/services/reports';

// /api/reportes/<embudo|tiempos|flujo|…>?desde=&hasta=&zona=&agente=&tecnico= (docs/api.md «Reportes»).
export const GET = endpoint({ roles: REPORT_ROLES, what: 'ver los reportes', noStore: true }, async ({ db, user, params, url }) => {
	if (!isReportKey(params.slug)) return json({ message: 'Ese reporte no existe.' }, { status: 404 });
	return runReport(db, user, params.slug, Object.fromEntries(url.searchParams));
});
