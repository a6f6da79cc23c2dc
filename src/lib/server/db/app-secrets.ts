import type { RawRunner } from './client';

/**
 * The secret stored under `name`, made with `make` the first time. Instances racing to create it
 * all end up reading the one row that won.
 */
export async function getOrCreate(db: RawRunner, name: string, make: () => string): Promise<string> {
	await db.query('insert into app_secrets (name, secret) values ($1, $2) on conflict (name) do nothing', [name, make()]);
	const [row] = await db.query<{ secret: string }>('select secret from app_secrets where name = $1', [name]);
	return row.secret;
}
