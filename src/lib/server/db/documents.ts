import { sql } from 'drizzle-orm';
import type { RawRunner } from './client';
import type { AddonField } from '$lib/domain/addon-kinds';
import type { DocumentKind } from '$lib/schemas/documents';
import { firstOf, rowsOf, run, type Executor } from './card-tx';

/** Everything the contract and installation sheet show, read in one query. */
export interface DocumentSource {
	id: string;
	orgId: string;
	folio: number;
	orgName: string;
	orgSettings: unknown;
	fullName: string;
	email: string | null;
	phone: string | null;
	phoneAlt: string | null;
	addrSm: string | null;
	addrMz: string | null;
	addrLt: string | null;
	addrExt: string | null;
	addrInt: string | null;
	addrBuilding: string | null;
	addrStreet: string | null;
	addrColonia: string | null;
	addrCity: string | null;
	lat: number | null;
	lng: number | null;
	zoneName: string | null;
	serviceType: string | null;
	planName: string | null;
	planPriceCents: number | null;
	contractType: '12_meses' | 'indefinido' | null;
	installationDate: string | null;
	installationTime: string | null;
	installationCostCents: number | null;
	promotionFreeInstallation: boolean;
	technicianId: string | null;
	technicianName: string | null;
	pppoeUser: string | null;
	pppoePassword: string | null;
	wifiPassword: string | null;
	ip: string | null;
	externalId: string | null;
	rooftopAccess: boolean | null;
	rooftopKey: string | null;
	fiberCrossing: boolean | null;
	fiberCrossingNote: string | null;
	modemNearOutlet: boolean | null;
	houseOwnership: string | null;
	comments: string | null;
	contractSignedAt: string | null;
	sheetSignedAt: string | null;
	/** Every field an add-on has: its kind's row in ADDON_KINDS says which ones the sheet shows. */
	addons: ({ kind: string; planName: string | null } & Record<AddonField, string | null>)[];
}

export async function source(db: Pick<RawRunner, 'query'>, orgId: string, id: string): Promise<DocumentSource | null> {
	const [row] = await db.query<DocumentSource>(
		`select i.id, i.org_id as "orgId", i.folio::int as folio, o.name as "orgName", o.settings as "orgSettings",
			i.full_name as "fullName", i.email, i.phone, i.phone_alt as "phoneAlt",
			i.addr_sm as "addrSm", i.addr_mz as "addrMz", i.addr_lt as "addrLt", i.addr_ext as "addrExt", i.addr_int as "addrInt",
			i.addr_building as "addrBuilding", i.addr_street as "addrStreet", i.addr_colonia as "addrColonia", i.addr_city as "addrCity",
			i.lat, i.lng, z.name as "zoneName", i.service_type as "serviceType", p.name as "planName", p.price_cents as "planPriceCents",
			i.contract_type as "contractType", i.installation_date::text as "installationDate", i.installation_time as "installationTime",
			i.installation_cost_cents as "installationCostCents", i.promotion_free_installation as "promotionFreeInstallation",
			i.technician_id as "technicianId", u.name as "technicianName",
			i.pppoe_user as "pppoeUser", i.pppoe_password as "pppoePassword", i.wifi_password as "wifiPassword", host(i.ip) as ip,
			i.external_id as "externalId", i.rooftop_access as "rooftopAccess", i.rooftop_key as "rooftopKey",
			i.fiber_crossing as "fiberCrossing", i.fiber_crossing_note as "fiberCrossingNote", i.modem_near_outlet as "modemNearOutlet",
			i.house_ownership as "houseOwnership", i.comments,
			i.contract_signed_at::text as "contractSignedAt", i.sheet_signed_at::text as "sheetSignedAt",
			coalesce((select json_agg(json_build_object('kind', a.kind, 'planName', ap.name, 'ip', host(a.ip), 'username', a.username,
				'password', a.password, 'externalId', a.external_id, 'phoneNumber', a.phone_number, 'sipServer', a.sip_server,
				'onuSerial', a.onu_serial, 'tvType', a.tv_type, 'router', a.router) order by a.created_at)
				from addon_services a left join plans ap on ap.id = a.plan_id where a.installation_id = i.id), '[]') as addons
		from installations i
		join organizations o on o.id = i.org_id
		left join zones z on z.id = i.zone_id
		left join plans p on p.id = i.plan_id
		left join users u on u.id = i.technician_id
		where i.org_id = $1 and i.id = $2`,
		[orgId, id]
	);
	if (row && typeof row.addons === 'string') row.addons = JSON.parse(row.addons);
	return row ?? null;
}

export interface DocumentRow {
	id: string;
	kind: DocumentKind;
	status: 'borrador' | 'firmado';
	startDate: string | null;
	endDate: string | null;
	data: Record<string, unknown>;
	contentSha256: string | null;
	signedAt: string | null;
	fileId: string | null;
	version: number;
	supersededAt: string | null;
	createdAt: string;
}

const DOC_COLUMNS = `id, kind, status, start_date::text as "startDate", end_date::text as "endDate", data,
	content_sha256 as "contentSha256", signed_at::text as "signedAt", file_id as "fileId", version,
	superseded_at::text as "supersededAt", created_at::text as "createdAt"`;

/**
 * Serialises writers of one card's documents: with no current document yet there is no row for
 * `current(…, true)` to lock, and two first saves would both insert (documents_current_key).
 */
export async function lockCard(tx: Pick<RawRunner, 'query'>, installationId: string) {
	await tx.query('select 1 from installations where id = $1 for update', [installationId]);
}

export async function current(db: Pick<RawRunner, 'query'>, installationId: string, kind: DocumentKind, lock = false) {
	const [row] = await db.query<DocumentRow>(
		`select ${DOC_COLUMNS} from documents where installation_id = $1 and kind = $2 and superseded_at is null${lock ? ' for update' : ''}`,
		[installationId, kind]
	);
	return row ?? null;
}

export async function history(db: Pick<RawRunner, 'query'>, orgId: string, installationId: string) {
	return db.query<DocumentRow>(
		`select ${DOC_COLUMNS} from documents where org_id = $1 and installation_id = $2 order by kind, version desc`,
		[orgId, installationId]
	);
}

/**
 * Links a generated PDF to the card's current document, inside the file's transaction (which holds
 * the card's lock on that PDF category, see files.lockCategory). Re-read under that lock: a PDF
 * another request stored meanwhile counts, so `replace` must have been confirmed to supersede it.
 * An earlier PDF's document row becomes history and the signed snapshot and signature move on to
 * a new current row.
 */
export async function attachPdf(
	tx: Executor,
	d: { installationId: string; kind: DocumentKind; fileId: string; contentSha256: string | null; replace: boolean }
): Promise<'attached' | 'replaced' | 'exists' | 'changed'> {
	const cur = await firstOf<{ id: string; fileId: string | null; status: string; contentSha256: string | null }>(
		tx,
		sql`select id, file_id as "fileId", status, content_sha256 as "contentSha256" from documents
			where installation_id = ${d.installationId} and kind = ${d.kind} and superseded_at is null for update`
	);
	if (!cur || cur.status !== 'firmado' || cur.contentSha256 !== d.contentSha256) return 'changed';
	if (!cur.fileId) {
		await run(tx, sql`update documents set file_id = ${d.fileId} where id = ${cur.id}`);
		return 'attached';
	}
	if (!d.replace) return 'exists';
	await run(tx, sql`update documents set superseded_at = now() where id = ${cur.id}`);
	const [next] = await rowsOf<{ id: string }>(
		tx,
		sql`insert into documents (org_id, installation_id, kind, status, start_date, end_date, data, content_sha256, signed_at, file_id, version)
			select org_id, installation_id, kind, status, start_date, end_date, data, content_sha256, signed_at, ${d.fileId}, version + 1
			from documents where id = ${cur.id} returning id`
	);
	await run(tx, sql`update signatures set document_id = ${next.id} where document_id = ${cur.id}`);
	return 'replaced';
}

/** The contract's optional start and end dates, on its current (unsigned) row. */
export async function setDates(tx: Pick<RawRunner, 'query'>, documentId: string, startDate: string | null, endDate: string | null) {
	await tx.query('update documents set start_date = $1, end_date = $2 where id = $3', [startDate, endDate, documentId]);
}

/** The card's first contract row, a draft holding only its dates. */
export async function insertContractDraft(
	tx: Pick<RawRunner, 'query'>,
	d: { orgId: string; installationId: string; startDate: string | null; endDate: string | null }
) {
	await tx.query(`insert into documents (org_id, installation_id, kind, start_date, end_date) values ($1, $2, 'contrato', $3, $4)`, [
		d.orgId,
		d.installationId,
		d.startDate,
		d.endDate
	]);
}

/** When the newest usable signing link of this document expires; null when none is open. */
export async function openLinkExpiry(db: Pick<RawRunner, 'query'>, installationId: string, kind: DocumentKind): Promise<string | null> {
	const [link] = await db.query<{ expiresAt: string }>(
		`select expires_at as "expiresAt" from signing_links where installation_id = $1 and document_kind = $2
		 and used_at is null and revoked_at is null and expires_at > now() order by created_at desc limit 1`,
		[installationId, kind]
	);
	return link ? new Date(link.expiresAt).toISOString() : null;
}
