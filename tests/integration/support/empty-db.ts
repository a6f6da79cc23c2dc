import postgres from 'postgres';
import { openDatabase, type Database } from '$lib/server/db/client';
import type { DriverName } from './db';

export interface EmptyDatabase {
	db: Database;
	/** PostgreSQL only: the throwaway database's name and URL. */
	name?: string;
	url?: string;
	cleanup(): Promise<void>;
}

/** A database with nothing in it (no migrations, no ledger): in-memory PGlite or a throwaway PostgreSQL database. */
export async function emptyDatabase(driver: DriverName, owner?: string): Promise<EmptyDatabase> {
	if (driver === 'pglite') {
		const db = await openDatabase({ dataDir: 'memory://' });
		return { db, cleanup: () => db.close() };
	}
	const adminUrl = process.env.TEST_DATABASE_URL!;
	const name = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
	const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}${owner ? ` owner ${owner}` : ''}`);
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	if (owner) url.username = owner;
	const db = await openDatabase({ url: url.toString(), maxConnections: 4 });
	return {
		db,
		name,
		url: url.toString(),
		async cleanup() {
			await db.close();
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		}
	};
}
