/** A user's password and the flag that makes it temporary. */
import type { RawRunner } from './client';

type Runner = Pick<RawRunner, 'query'>;

export interface PasswordRow {
	id: string;
	orgId: string;
	name: string;
	email: string;
	role: string;
	passwordHash: string;
	active: boolean;
	mustChangePassword: boolean;
}

const COLUMNS = `id, org_id as "orgId", name, email, role, password_hash as "passwordHash", active, must_change_password as "mustChangePassword"`;

export async function byId(db: Runner, id: string): Promise<PasswordRow | null> {
	const [row] = await db.query<PasswordRow>(`select ${COLUMNS} from users where id = $1`, [id]);
	return row ?? null;
}

/** The user's row when they belong to the organization, locked until the transaction ends. */
export async function lockInOrg(db: Runner, orgId: string, id: string): Promise<PasswordRow | null> {
	const [row] = await db.query<PasswordRow>(`select ${COLUMNS} from users where id = $1 and org_id = $2 for update`, [id, orgId]);
	return row ?? null;
}

export async function byEmail(db: Runner, email: string): Promise<PasswordRow | null> {
	const [row] = await db.query<PasswordRow>(`select ${COLUMNS} from users where lower(email) = lower($1)`, [email]);
	return row ?? null;
}

/** A new hash; `temporary` is true when someone else chose it (an admin's reset). */
export async function setPassword(db: Runner, id: string, passwordHash: string, temporary: boolean): Promise<void> {
	await db.query('update users set password_hash = $2, must_change_password = $3, updated_at = now() where id = $1', [
		id,
		passwordHash,
		temporary
	]);
}
