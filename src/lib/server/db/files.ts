import { sql } from 'drizzle-orm';
import { firstOf, rowsOf, run, type Executor } from './card-tx';
import type { FileView, UploadCategory } from '$lib/schemas/files';

/** What a person uploads, plus the PDFs the app generates from signed documents. */
export type FileCategory = UploadCategory | 'contrato_pdf' | 'hoja_instalacion_pdf';

/** One stored file, with the technician of its card (who may see it). */
export interface FileRow {
	id: string;
	orgId: string;
	installationId: string;
	category: FileCategory;
	name: string;
	mime: string;
	sizeBytes: number;
	sha256: string;
	storageKey: string;
	thumbnailKey: string | null;
	uploadedBy: string | null;
	createdAt: string;
	supersededAt: string | null;
	supersededBy: string | null;
	technicianId: string | null;
	/** The card's folio and customer, so a download can be recorded readably. */
	folio: number | null;
	customerName: string;
}

type ListRow = Omit<FileView, 'hasThumbnail'> & { thumbnailKey: string | null };

export async function list(db: Executor, orgId: string, installationId: string): Promise<FileView[]> {
	// The times as JavaScript's toISOString writes them, made by the database so both drivers agree.
	const rows = await rowsOf<ListRow>(
		db,
		sql`select f.id, f.category, f.name, f.mime, f.size_bytes::float8 as "sizeBytes", f.thumbnail_key as "thumbnailKey",
			to_char(f.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt", u.name as "uploadedByName",
			to_char(f.superseded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "supersededAt"
		 from files f left join users u on u.id = f.uploaded_by
		 where f.org_id = ${orgId} and f.installation_id = ${installationId} order by f.created_at desc`
	);
	return rows.map(({ thumbnailKey, ...r }) => ({ ...r, hasThumbnail: !!thumbnailKey }));
}

/** Any provider's file (the caller decides between 403 and 404). */
export async function byId(db: Executor, id: string): Promise<FileRow | null> {
	return firstOf<FileRow>(
		db,
		sql`select f.id, f.org_id as "orgId", f.installation_id as "installationId", f.category, f.name, f.mime,
			f.size_bytes::float8 as "sizeBytes", f.sha256, f.storage_key as "storageKey", f.thumbnail_key as "thumbnailKey",
			f.uploaded_by as "uploadedBy", f.created_at::text as "createdAt", f.superseded_at::text as "supersededAt",
			f.superseded_by as "supersededBy", i.technician_id as "technicianId",
			i.folio::int as "folio", i.full_name as "customerName"
		 from files f join installations i on i.id = f.installation_id where f.id = ${id}`
	);
}

/**
 * Makes writers of one card's single-file category (an INE, a generated PDF) take turns until their
 * transaction ends, across instances too: without it two at once would both see no current file,
 * or lock the same one, and leave two "current" files.
 */
export async function lockCategory(db: Executor, installationId: string, category: FileCategory): Promise<void> {
	await run(db, sql`select pg_advisory_xact_lock(hashtextextended(${`files:${installationId}:${category}`}, 0))`);
}

export async function currentOf(db: Executor, orgId: string, installationId: string, category: FileCategory): Promise<{ id: string }[]> {
	return rowsOf<{ id: string }>(
		db,
		sql`select id from files where org_id = ${orgId} and installation_id = ${installationId} and category = ${category}
			and superseded_at is null for update`
	);
}

export interface FileInsert {
	id: string;
	orgId: string;
	installationId: string;
	category: FileCategory;
	name: string;
	mime: string;
	sizeBytes: number;
	sha256: string;
	storageKey: string;
	thumbnailKey: string | null;
	uploadedBy: string | null;
}

/** Inserts the row; the previous current file of a single-file category becomes history. */
export async function insert(db: Executor, row: FileInsert, replaces: string[]): Promise<void> {
	await run(
		db,
		sql`insert into files (id, org_id, installation_id, category, name, mime, size_bytes, sha256, storage_key, thumbnail_key, uploaded_by)
			values (${row.id}, ${row.orgId}, ${row.installationId}, ${row.category}, ${row.name}, ${row.mime}, ${row.sizeBytes},
				${row.sha256}, ${row.storageKey}, ${row.thumbnailKey}, ${row.uploadedBy})`
	);
	for (const old of replaces) {
		await run(db, sql`update files set superseded_at = now(), superseded_by = ${row.id} where id = ${old}`);
	}
	const oldValue = replaces.length ? JSON.stringify({ replaced: replaces }) : null;
	const newValue = JSON.stringify({ id: row.id, name: row.name, mime: row.mime, size: row.sizeBytes });
	await run(
		db,
		sql`insert into card_history (org_id, installation_id, user_id, kind, field, old_value, new_value, source)
			values (${row.orgId}, ${row.installationId}, ${row.uploadedBy}, 'file', ${row.category},
				${oldValue}::text::jsonb, ${newValue}::text::jsonb, 'tarjeta')`
	);
	// Touching the card bumps its version, so open boards and panels refresh their badges live.
	await run(db, sql`update installations set updated_at = now() where id = ${row.installationId}`);
}
