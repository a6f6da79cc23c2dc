import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeOrg } from './support/factories';
import { makeCard, makePlan, makeZone } from './support/scheduling-factories';
import { downloadResponse, installationsCsv, routerOsForCard, routerOsForZone } from '$lib/server/services/exports';
import { saveConnection } from '$lib/server/services/connection';
import { allocateIp } from '$lib/server/services/ip-allocation';

describe.each(drivers)('exportaciones en %s', (driver) => {
	let t: TestDatabase;
	let org: Awaited<ReturnType<typeof makeOrg>>;
	let card: string;
	let zoneId: string;
	beforeAll(async () => {
		t = await freshDatabase(driver);
		org = await makeOrg(t.db);
		zoneId = await makeZone(t.db, org.org.id, { name: 'RB3 ZONA SUR DÍA 28', cidr: '10.60.0.0/29', reserved: ['10.60.0.1'] });
		const planId = await makePlan(t.db, org.org.id);
		card = await makeCard(t.db, org.org.id, {
			fullName: 'José "Pepe" Núñez Peña',
			zoneId,
			stage: 'asignada',
			installationDate: '2026-11-20',
			planId
		});
		await saveConnection(t.db, org.coordinator, { installationId: card, pppoeUser: 'pepe.nunez', pppoePassword: 'cla ve"$x?' });
		await allocateIp(t.db, org.coordinator, { installationId: card });
	});
	afterAll(() => t.cleanup());

	it('el script RouterOS escapa comillas, espacios, $ y ? y acentos', async () => {
		const d = await routerOsForCard(t.db, org.coordinator, card);
		const line = (d.body as string).split('\n').find((l) => l.startsWith('/ppp secret add'))!;
		expect(line).toContain('name="pepe.nunez"');
		expect(line).toContain('password="cla ve\\"\\$x\\?"');
		expect(line).toContain('profile="120M"');
		expect(line).toContain('remote-address=10.60.0.2');
		expect(line).toMatch(/comment="#\d+ Jos\\C3\\A9 \\"Pepe\\" N\\C3\\BA\\C3\\B1ez Pe\\C3\\B1a"/);
		const zone = await routerOsForZone(t.db, org.coordinator, zoneId);
		expect(zone.filename).toBe('pppoe-rb3-zona-sur-dia-28.rsc');
		expect(zone.body as string).toContain('# 1 cliente');
		await expect(routerOsForCard(t.db, org.agent, card)).rejects.toMatchObject({ status: 403 });
	});

	it('el CSV lleva BOM y UTF-8, con acentos intactos, y se descarga como adjunto', async () => {
		const d = await installationsCsv(t.db, org.coordinator, { desde: '2026-11-01', hasta: '2026-11-30' });
		const bytes = d.body as Uint8Array;
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = new TextDecoder().decode(bytes.slice(3));
		expect(text.startsWith('Folio,Nombre,Etapa')).toBe(true);
		expect(text).toContain('"José ""Pepe"" Núñez Peña",Asignada');
		// "ñ" is C3 B1 in UTF-8, never a Latin-1 F1.
		expect(Buffer.from(bytes).includes(Buffer.from([0xc3, 0xb1]))).toBe(true);
		expect(Buffer.from(bytes).includes(Buffer.from([0xf1]))).toBe(false);
		const res = downloadResponse(d);
		expect(res.headers.get('content-disposition')).toBe('attachment; filename="instalaciones-2026-11-01-a-2026-11-30.csv"');
		expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
		const bad = await installationsCsv(t.db, org.coordinator, { desde: '2026-12-01', hasta: '2026-11-01' }).catch((e) => e);
		expect(bad.message).toBe('La fecha inicial debe ser anterior o igual a la final.');
	});
});
