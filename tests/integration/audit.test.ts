import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeOrg, PASSWORD } from './support/factories';
import { makeCard, makePlan, makeZone } from './support/scheduling-factories';
import { pngBytes, tempStorage } from './support/documents';
import { setStorage } from '$lib/server/storage';
import type { SessionUser } from '$lib/server/auth';
import { AUDIT_KINDS } from '$lib/domain/audit-kinds';
import { reportDownload } from '$lib/server/services/report-downloads';
import { auditCsv, auditPage } from '$lib/server/services/audit';
import { login, resetLoginLimits } from '$lib/server/services/login';
import { createUser, updateUser } from '$lib/server/services/users';
import { updateOrgForm } from '$lib/server/services/settings';
import { saveCallSettings } from '$lib/server/services/settings-card';
import { createDisplay, revokeDisplay } from '$lib/server/services/displays';
import { createLink, openLink, signByLink } from '$lib/server/services/signing';
import { installationsCsv, routerOsForCard, routerOsForZone } from '$lib/server/services/exports';
import { printableDocument } from '$lib/server/services/documents';
import { importLeads } from '$lib/server/services/lead-import';
import { saveConnection } from '$lib/server/services/connection';
import { getOrg } from '$lib/server/services/settings';
import { uploadFile } from '$lib/server/services/files';
import { erasePersonalData, exportPersonalData } from '$lib/server/services/arco';
import { purgeNow } from '$lib/server/services/retention';
import { exerciseAccountFlows } from './support/account-flows';
import * as uploadRoute from '../../src/routes/api/instalaciones/[id]/archivos/+server';
import * as downloadRoute from '../../src/routes/archivos/[fileId]/+server';
import * as csvRoute from '../../src/routes/(app)/ajustes/auditoria/csv/+server';

const DB_KEY = Symbol.for('tablero.db');
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe.each(drivers)('audit log on %s', (driver) => {
	let t: TestDatabase;
	let org: Awaited<ReturnType<typeof makeOrg>>;
	let other: Awaited<ReturnType<typeof makeOrg>>;
	let cardId: string;
	let zoneId: string;
	const store = tempStorage();
	const at = (u: SessionUser, ip: string): SessionUser => ({ ...u, ip });

	beforeAll(async () => {
		t = await freshDatabase(driver);
		(globalThis as Record<symbol, unknown>)[DB_KEY] = Promise.resolve(t.db);
		setStorage(store.storage);
		org = await makeOrg(t.db);
		other = await makeOrg(t.db);
		zoneId = await makeZone(t.db, org.org.id, { name: 'RB1 CENTRO DÍA 5', cidr: '10.70.0.0/29', reserved: ['10.70.0.1'] });
		cardId = await makeCard(t.db, org.org.id, {
			fullName: 'Rosa Ine Pérez',
			zoneId,
			stage: 'asignada',
			installationDate: '2026-11-20',
			planId: await makePlan(t.db, org.org.id)
		});
		await saveConnection(t.db, org.coordinator, { installationId: cardId, pppoeUser: 'rosa.perez', pppoePassword: '9981112233M' });
	});
	afterAll(async () => {
		delete (globalThis as Record<symbol, unknown>)[DB_KEY];
		setStorage(null);
		await t.cleanup();
		store.cleanup();
	});

	const rows = (kind?: string) =>
		t.db.query<{
			kind: string;
			user_id: string | null;
			user_name: string | null;
			target: string | null;
			details: Record<string, unknown>;
			ip: string | null;
			created_at: Date;
		}>(
			`select kind, user_id, user_name, target, details, ip, created_at from audit_log where org_id = $1 ${kind ? 'and kind = $2' : ''} order by id`,
			kind ? [org.org.id, kind] : [org.org.id]
		);
	const folio = async () =>
		(await t.db.query<{ folio: number }>('select folio::int as folio from installations where id = $1', [cardId]))[0].folio;

	it('records who viewed and who downloaded a customer INE through the real route, when and from where', async () => {
		const form = new FormData();
		form.set('category', 'ine_frontal');
		form.set('file', new File([(await pngBytes()) as BlobPart], 'ine.png'));
		const up = await uploadRoute.POST({
			locals: { user: org.agent },
			params: { id: cardId },
			request: new Request('http://localhost/api', { method: 'POST', body: form })
		} as never);
		const { id: fileId } = await up.json();
		expect(await rows('file_viewed')).toHaveLength(0);

		const get = (user: SessionUser | null, query = '') =>
			downloadRoute
				.GET({ locals: { user }, params: { fileId }, url: new URL(`http://localhost/archivos/${fileId}${query}`) } as never)
				.catch((e: { status: number }) => e);
		const before = Date.now();
		expect(((await get(at(org.coordinator, '198.51.100.4'), '?descargar')) as Response).status).toBe(200);
		expect(((await get(at(org.agent, '198.51.100.5'))) as Response).status).toBe(200);
		// A thumbnail in the file list is not a look at the document; a refusal leaves no row either.
		expect(((await get(org.agent, '?miniatura')) as Response).status).toBe(200);
		expect(((await get(at(other.admin, '198.51.100.6'))) as { status: number }).status).toBe(403);

		const [download] = await rows('file_downloaded');
		expect(download).toMatchObject({
			user_id: org.coordinator.id,
			user_name: 'Carlos Coordinador',
			target: `#${await folio()} Rosa Ine Pérez`,
			ip: '198.51.100.4',
			details: { document: 'INE frontal', file: 'INE frontal.png' }
		});
		expect(new Date(download.created_at).getTime()).toBeGreaterThanOrEqual(before - 5_000);
		expect(await rows('file_viewed')).toEqual([expect.objectContaining({ user_id: org.agent.id, ip: '198.51.100.5' })]);
		const otherRows = await t.db.query('select 1 from audit_log where org_id = $1 and kind like $2', [other.org.id, 'file_%']);
		expect(otherRows).toHaveLength(0);
	});

	it('records every other kind of action', async () => {
		await resetLoginLimits(t.db);
		const meta = { ip: '192.0.2.10', userAgent: 'Prueba' };
		await login(t.db, { email: org.coordinator.email, password: PASSWORD }, meta);
		await expect(login(t.db, { email: org.coordinator.email, password: 'no-es-esta' }, meta)).rejects.toMatchObject({ status: 400 });
		await expect(login(t.db, { email: 'nadie@prueba.mx', password: 'no-es-esta' }, meta)).rejects.toMatchObject({ status: 400 });

		const admin = at(org.admin, '192.0.2.1');
		const u = await createUser(t.db, admin, {
			name: 'Nora Nueva',
			email: `nora-${Date.now()}@prueba.mx`,
			role: 'agent',
			password: PASSWORD
		});
		await updateUser(t.db, admin, { id: u.id, role: 'coordinator' });
		await updateUser(t.db, admin, { id: u.id, active: 'false' });
		await updateUser(t.db, admin, { id: u.id, active: 'true' });
		await exerciseAccountFlows(t.db, admin, u.id, '192.0.2.11');
		const s = (await getOrg(t.db, admin)).settings;
		await updateOrgForm(t.db, admin, {
			name: org.org.name,
			timeZone: 'America/Cancun',
			installationCost: '1500',
			deposit: '500',
			promotionFreeInstallation: s.promotionFreeInstallation ? 'on' : '',
			wifiSuffix: s.wifiSuffix,
			activeVisibleDays: String(s.activeVisibleDays)
		});
		const snippets = Object.fromEntries(
			s.objectionSnippets.flatMap((o, i) => [
				[`objTitle_${i}`, o.title],
				[`objText_${i}`, o.text]
			])
		);
		await saveCallSettings(t.db, admin, { cities: 'Cancún\nPuerto Morelos', howHeard: s.howHeard.join('\n'), ...snippets });
		const d = await createDisplay(t.db, admin, { name: 'TV oficina' });
		await revokeDisplay(t.db, admin, { id: d.id });

		const link = await createLink(t.db, at(org.agent, '192.0.2.2'), cardId, { kind: 'hoja_instalacion' });
		const opened = await openLink(t.db, link.token);
		if (opened.state !== 'ok') throw new Error(opened.state);
		await signByLink(
			t.db,
			link.token,
			{ signerName: 'Rosa Pérez', consent: 'on', signature: PNG, contentSha256: opened.sha },
			{
				ip: '203.0.113.50',
				userAgent: 'Cliente'
			}
		);
		const coord = at(org.coordinator, '192.0.2.3');
		await installationsCsv(t.db, coord, { desde: '2026-11-01', hasta: '2026-11-30' });
		await routerOsForCard(t.db, coord, cardId);
		await routerOsForZone(t.db, coord, zoneId);
		await printableDocument(t.db, coord, cardId, 'hoja_instalacion');
		await auditCsv(t.db, admin, {});
		await reportDownload(t.db, coord, 'embudo', { formato: 'xlsx' });
		const leadsFile = new TextEncoder().encode('Nombre,Teléfono\nRosa Importada Pech,9985550101\n');
		await importLeads(t.db, coord, { name: 'clientes.csv', bytes: leadsFile }, { source: 'ventas' });
		// ARCO (issue 23): the INE of a card cancelled long ago purged by the retention rule, then the customer's export and erasure.
		const [gone] = await t.db.query<{ id: string; folio: number }>(
			`insert into installations (org_id, full_name, position, stage, cancel_reason, cancelled_at)
			 values ($1, 'Lidia Cancelada Uc', 1, 'cancelada', 'declino', now() - interval '400 days') returning id, folio::int as folio`,
			[org.org.id]
		);
		await uploadFile(t.db, org.agent, {
			installationId: gone.id,
			category: 'ine_frontal',
			name: '',
			fileName: 'ine.png',
			bytes: await pngBytes()
		});
		await purgeNow(t.db, admin, { cards: '1', files: '1' });
		await exportPersonalData(t.db, admin, gone.id);
		await erasePersonalData(t.db, admin, gone.id, { confirm: `ELIMINAR ${gone.folio}`, reason: 'Solicitud ARCO de la clienta' });

		const all = await rows();
		const kinds = new Set(all.map((r) => r.kind));
		expect([...AUDIT_KINDS].filter((k) => !kinds.has(k))).toEqual([]);
		const by = (k: string) => all.filter((r) => r.kind === k);
		expect(by('login')[0]).toMatchObject({ user_id: org.coordinator.id, ip: '192.0.2.10' });
		// Only the known account's failure is the organisation's; the unknown email writes nothing.
		expect(by('login_failed')).toEqual([
			expect.objectContaining({ user_id: org.coordinator.id, target: org.coordinator.email, ip: '192.0.2.10' })
		]);
		expect(by('user_created').at(-1)).toMatchObject({ target: 'Nora Nueva', details: { role: 'agent' }, ip: '192.0.2.1' });
		expect(by('user_role_changed')[0]).toMatchObject({ target: 'Nora Nueva', details: { previousRole: 'agent', role: 'coordinator' } });
		expect(by('password_reset_by_admin')[0]).toMatchObject({ user_id: org.admin.id, target: 'Nora Nueva' });
		expect(by('password_changed')[0]).toMatchObject({ user_name: 'Nora Nueva', ip: '192.0.2.11' });
		expect(by('invitation_accepted')[0]).toMatchObject({ target: 'Iván Invitado', details: { role: 'agent' } });
		expect(by('recovery_code_used')[0]).toMatchObject({ user_id: org.admin.id, details: { remaining: 9 } });
		expect(by('settings_changed').map((r) => r.details.changed)).toEqual(['costo de instalación', 'ciudades']);
		expect(by('display_revoked')[0]).toMatchObject({ target: 'TV oficina' });
		expect(by('signing_link_created')[0]).toMatchObject({ user_id: org.agent.id, details: { document: 'Hoja de instalación' } });
		expect(by('signing_link_used')[0]).toMatchObject({ user_id: null, ip: '203.0.113.50', details: { signer: 'Rosa Pérez' } });
		expect(by('export_routeros').map((r) => r.target)).toEqual([`#${await folio()} Rosa Ine Pérez`, 'RB1 CENTRO DÍA 5']);
		expect(by('export_csv')[0]).toMatchObject({ details: { desde: '2026-11-01', hasta: '2026-11-30', rows: 1 } });
	});

	it('filters by kind, person and dates, and exports the filtered view as CSV (the export itself recorded)', async () => {
		const page = await auditPage(t.db, org.admin, { kind: 'export_routeros' });
		expect(page.entries.map((e) => e.kind)).toEqual(['export_routeros', 'export_routeros']);
		const mine = await auditPage(t.db, org.admin, { user: org.agent.id });
		expect(new Set(mine.entries.map((e) => e.userId))).toEqual(new Set([org.agent.id]));
		expect((await auditPage(t.db, org.admin, { desde: '2020-01-01', hasta: '2020-12-31' })).entries).toEqual([]);
		const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Cancun' }).format(new Date());
		expect((await auditPage(t.db, org.admin, { desde: today, hasta: today })).entries.length).toBeGreaterThan(10);
		await expect(auditPage(t.db, org.admin, { kind: 'borrar_todo' })).rejects.toMatchObject({
			status: 400,
			message: 'Elige un tipo de la lista.'
		});
		await expect(auditPage(t.db, org.admin, { desde: '2026-12-05', hasta: '2026-12-01' })).rejects.toMatchObject({ status: 400 });
		expect(page.entries.every((e) => !e.target?.includes(other.org.name))).toBe(true);

		const exportsBefore = (await rows('audit_exported')).length;
		const res = (await csvRoute.GET({
			locals: { user: at(org.admin, '192.0.2.99') },
			url: new URL('http://localhost/ajustes/auditoria/csv?kind=file_downloaded')
		} as never)) as Response;
		expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="bitacora-\d{4}-\d{2}-\d{2}\.csv"$/);
		const text = new TextDecoder().decode((await res.arrayBuffer()).slice(3));
		const lines = text.trim().split(/\r?\n/);
		expect(lines[0]).toBe('Fecha y hora,Acción,Quién,Sobre,Detalle,IP');
		expect(lines).toHaveLength(2);
		expect(lines[1]).toContain('Archivo del cliente descargado,Carlos Coordinador');
		expect(lines[1]).toContain('documento: INE frontal');
		expect(lines[1]).toContain('198.51.100.4');
		const exported = await rows('audit_exported');
		expect(exported).toHaveLength(exportsBefore + 1);
		expect(exported.at(-1)).toMatchObject({ user_id: org.admin.id, ip: '192.0.2.99', details: { kind: 'file_downloaded', rows: 1 } });
	});

	it('is for admins only, and only their own organisation', async () => {
		for (const u of [org.coordinator, org.agent, org.technician]) {
			await expect(auditPage(t.db, u, {})).rejects.toMatchObject({ status: 403 });
			await expect(auditCsv(t.db, u, {})).rejects.toMatchObject({ status: 403 });
		}
		const anon = await csvRoute
			.GET({ locals: { user: null }, url: new URL('http://localhost/ajustes/auditoria/csv') } as never)
			.catch((e) => e);
		expect(anon.status).toBe(401);
		const theirs = await auditPage(t.db, other.admin, {});
		expect(theirs.entries.some((e) => e.userId === org.coordinator.id)).toBe(false);
	});

	it('has no UPDATE or DELETE path in the app', () => {
		const files = (dir: string): string[] =>
			readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
		const offenders = files(join(import.meta.dirname, '..', '..', 'src'))
			.filter((f) => /\.(ts|js|svelte)$/.test(f))
			.filter((f) => /(update\s+audit_log|delete\s+from\s+audit_log|truncate\s+audit_log)/i.test(readFileSync(f, 'utf8')));
		expect(offenders).toEqual([]);
	});
});
