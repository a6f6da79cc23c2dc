import { sql } from 'drizzle-orm';
import { firstOf, rowsOf, type Executor } from './card-tx';
import type { Role } from '$lib/domain/stages';

/** What sign-in needs to check a password and open a session. */
export interface LoginRow {
	id: string;
	orgId: string;
	name: string;
	passwordHash: string;
	active: boolean;
	/** Two-factor is on: the password alone opens no session. */
	totp: boolean;
}

export function forLogin(db: Executor, email: string): Promise<LoginRow | null> {
	return firstOf<LoginRow>(
		db,
		sql`select id, org_id as "orgId", name, password_hash as "passwordHash", active,
			totp_enabled_at is not null as totp from users where email = ${email}`
	);
}

export async function anyExists(db: Executor): Promise<boolean> {
	return (await firstOf(db, sql`select 1 from users limit 1`)) !== null;
}

export async function emailTaken(db: Executor, email: string): Promise<boolean> {
	return (await firstOf(db, sql`select 1 from users where email = ${email}`)) !== null;
}

export interface UserListRow {
	id: string;
	name: string;
	email: string;
	role: Role;
	active: boolean;
	mustChangePassword: boolean;
	twoFactor: boolean;
	createdAt: Date;
}

export async function listForOrg(db: Executor, orgId: string): Promise<UserListRow[]> {
	const rows = await rowsOf<Omit<UserListRow, 'createdAt'> & { createdAt: Date | string }>(
		db,
		sql`select id, name, email, role, active, must_change_password as "mustChangePassword", totp_enabled_at is not null as "twoFactor",
			created_at as "createdAt" from users where org_id = ${orgId} order by name`
	);
	return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
}

export interface TechnicianRow {
	id: string;
	name: string;
	color: string | null;
	dailyCapacity: number | null;
}

export function activeTechnicians(db: Executor, orgId: string): Promise<TechnicianRow[]> {
	return rowsOf<TechnicianRow>(
		db,
		sql`select id, name, color, daily_capacity as "dailyCapacity" from users
			where org_id = ${orgId} and role = 'technician' and active order by name`
	);
}

/** Every technician of the provider, active or not (zones may keep an inactive one). */
export async function technicianIds(db: Executor, orgId: string): Promise<Set<string>> {
	const rows = await rowsOf<{ id: string }>(db, sql`select id from users where org_id = ${orgId} and role = 'technician'`);
	return new Set(rows.map((r) => r.id));
}

export interface NewUser {
	orgId: string;
	name: string;
	email: string;
	role: Role;
	passwordHash: string;
	color?: string | null;
	/** An admin chose the password: its owner must pick their own at first sign-in. */
	mustChangePassword?: boolean;
}

export interface CreatedUser {
	id: string;
	orgId: string;
	name: string;
	email: string;
	role: Role;
}

export async function insert(db: Executor, u: NewUser): Promise<CreatedUser> {
	return (await firstOf<CreatedUser>(
		db,
		sql`insert into users (org_id, name, email, role, password_hash, color, must_change_password)
			values (${u.orgId}, ${u.name}, ${u.email}, ${u.role}, ${u.passwordHash}, ${u.color ?? null}, ${u.mustChangePassword ?? false})
			returning id, org_id as "orgId", name, email, role`
	))!;
}

/** Name, role and active flag before a change, locked; null when the user is not in the organization. */
export function lockAccess(db: Executor, orgId: string, id: string): Promise<{ name: string; role: Role; active: boolean } | null> {
	return firstOf(db, sql`select name, role, active from users where id = ${id} and org_id = ${orgId} for update`);
}

/** Role and/or active flag; null when the user is not in the organization. */
export function updateAccess(
	db: Executor,
	orgId: string,
	id: string,
	patch: { role?: Role; active?: boolean }
): Promise<{ id: string; active: boolean; role: Role } | null> {
	return firstOf(
		db,
		sql`update users set role = coalesce(${patch.role ?? null}, role), active = coalesce(${patch.active ?? null}::boolean, active),
				updated_at = now()
			where id = ${id} and org_id = ${orgId} returning id, active, role`
	);
}
