import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { RawRunner } from '$lib/server/db/client';
import { generateToken, hashToken } from '$lib/server/auth';
import { localStorage } from '$lib/server/storage/local';
import type { Ids } from './permissions';

/**
 * Real ids for route parameters on a demo provider: an unassigned card, a card of the first
 * technician, a zone, a stored file, a payment, a signing link and a display token. Used by the tests that
 * walk every route (the permissions matrix and the hostile-input walk).
 */
export async function demoRouteIds(
	db: Pick<RawRunner, 'query'>,
	orgId: string,
	dataDir: string,
	fileName: string
): Promise<Ids & { technicianId: string }> {
	const [tech] = await db.query<{ id: string }>(`select id from users where email = 'tecnico1@demo.invalid'`);
	const [c] = await db.query<{ id: string }>(
		`select id from installations where org_id = $1 and stage = 'documentos_pendientes' and technician_id is null limit 1`,
		[orgId]
	);
	const [tc] = await db.query<{ id: string }>(`select id from installations where org_id = $1 and technician_id = $2 limit 1`, [
		orgId,
		tech.id
	]);
	const [z] = await db.query<{ id: string }>(`select id from zones where org_id = $1 limit 1`, [orgId]);
	const key = `${orgId}/${c.id}/${fileName}`;
	await localStorage(join(dataDir, 'files')).put(key, new TextEncoder().encode('%PDF-1.4 prueba'), 'application/pdf');
	const [f] = await db.query<{ id: string }>(
		`insert into files (org_id, installation_id, category, name, mime, size_bytes, sha256, storage_key)
		 values ($1, $2, 'comprobante_domicilio', 'Comprobante', 'application/pdf', 15, 'x', $3) returning id`,
		[orgId, c.id, key]
	);
	const [p] = await db.query<{ id: string }>(
		`insert into payments (org_id, installation_id, seq, amount_cents, method, received_by)
		 select $1, $2, 1, 50000, 'efectivo', id from users where org_id = $1 and role = 'admin' limit 1 returning id`,
		[orgId, c.id]
	);
	const signing = randomBytes(32).toString('base64url');
	await db.query(
		`insert into signing_links (org_id, installation_id, document_kind, token_hash, expires_at) values ($1, $2, 'hoja_instalacion', $3, now() + interval '7 days')`,
		[orgId, c.id, createHash('sha256').update(signing).digest('hex')]
	);
	const display = generateToken();
	await db.query(`insert into display_tokens (org_id, name, token_hash) values ($1, 'TV', $2)`, [orgId, hashToken(display)]);
	return { card: c.id, techCard: tc.id, zone: z.id, file: f.id, payment: p.id, signing, display, technicianId: tech.id };
}
