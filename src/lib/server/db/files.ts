import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from './client';
import { cardHistory, files, installations, users } from './schema';
import type { FileCategory } from './schema';
import type { FileView } from '$lib/schemas/files';

export type FileRow = typeof files.$inferSelect;

export async function list(db: Executor, orgId: string, installationId: string): Promise<FileView[]> {
	const rows = await db
		.select({
			id: files.id,
			category: files.category,
			name: files.name,
			mime: files.mime,
			sizeBytes: files.sizeBytes,
			thumbnailKey: files.thumbnailKey,
			createdAt: files.createdAt,
			uploadedByName: users.name,
			supersededAt: files.supersededAt
		})
		.from(files)
		.leftJoin(users, eq(users.id, files.uploadedBy))
		.where(and(eq(files.orgId, orgId), eq(files.installationId, installationId)))
		.orderBy(desc(files.createdAt));
	return rows.map(({ thumbnailKey, createdAt, supersededAt, ...r }) => ({
		...r,
		hasThumbnail: !!thumbnailKey,
		createdAt: createdAt.toISOString(),
		supersededAt: supersededAt?.toISOString() ?? null
	}));
}

/** Any provider's file (the caller decides between 403 and 404). */
export async function byId(db: Executor, id: string): Promise<(FileRow & { technicianId: string | null }) | null> {
	const [row] = await db
		.select({ file: files, technicianId: installations.technicianId })
		.from(files)
		.innerJoin(installations, eq(installations.id, files.installationId))
		.where(eq(files.id, id));
	return row ? { ...row.file, technicianId: row.technicianId } : null;
}

/**
 * Makes writers of one card's single-file category (an INE, a generated PDF) take turns until their
 * transaction ends, across instances too: without it two at once would both see no current file,
 * or lock the same one, and leave two "current" files.
 */
export async function lockCategory(db: Executor, installationId: string, category: FileCategory): Promise<void> {
	await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`files:${installationId}:${category}`}, 0))`);
}

export async function currentOf(db: Executor, orgId: string, installationId: string, category: FileCategory) {
	return db
		.select({ id: files.id })
		.from(files)
		.where(and(eq(files.orgId, orgId), eq(files.installationId, installationId), eq(files.category, category), isNull(files.supersededAt)))
		.for('update');
}

/** Inserts the row; the previous current file of a single-file category becomes history. */
export async function insert(db: Executor, row: typeof files.$inferInsert, replaces: string[]): Promise<void> {
	await db.insert(files).values(row);
	for (const old of replaces) {
		await db
			.update(files)
			.set({ supersededAt: sql`now()`, supersededBy: row.id! })
			.where(eq(files.id, old));
	}
	await db.insert(cardHistory).values({
		orgId: row.orgId,
		installationId: row.installationId,
		userId: row.uploadedBy ?? null,
		kind: 'file',
		field: row.category,
		oldValue: replaces.length ? { replaced: replaces } : null,
		newValue: { id: row.id, name: row.name, mime: row.mime, size: row.sizeBytes },
		source: 'tarjeta'
	});
	// Touching the card bumps its version, so open boards and panels refresh their badges live.
	await db
		.update(installations)
		.set({ updatedAt: sql`now()` })
		.where(eq(installations.id, row.installationId));
}
