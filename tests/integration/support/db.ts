import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import { inject } from 'vitest';
import { openDatabase, type Database } from '$lib/server/db/client';
import { migrate } from '$lib/server/db/migrate';

export type DriverName = 'pglite' | 'postgres';

/** Every integration suite runs on PGlite, and on PostgreSQL too when TEST_DATABASE_URL is set. */
export const drivers: DriverName[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase {
	db: Database;
	/** Connection URL of the throwaway PostgreSQL database (postgres driver only). */
	url?: string;
	cleanup(): Promise<void>;
}

/** A migrated, empty database: in-memory PGlite or a throwaway PostgreSQL database. */
export async function freshDatabase(driver: DriverName): Promise<TestDatabase> {
	if (driver === 'pglite') {
		const template = inject('pgliteTemplate');
		const db = await openDatabase({ dataDir: 'memory://', loadFrom: template ? readFileSync(template) : undefined });
		await migrate(db);
		return { db, cleanup: () => db.close() };
	}
	const adminUrl = process.env.TEST_DATABASE_URL!;
	const name = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
	const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	const db = await openDatabase({ url: url.toString(), maxConnections: 12 });
	await migrate(db);
	return {
		db,
		url: url.toString(),
		async cleanup() {
			await db.close();
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		}
	};
}
