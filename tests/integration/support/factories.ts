import type { Database } from '$lib/server/db/client';
import { createOrganization } from '$lib/server/services/organizations';
import { createUser } from '$lib/server/services/users';
import type { SessionUser } from '$lib/server/auth';
import type { Role } from '$lib/domain/stages';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export const PASSWORD = 'contraseña-de-prueba-1';

export async function sessionUserOf(db: Database, userId: string): Promise<SessionUser> {
	const [row] = await db.query<SessionUser>(
		`select u.id, u.org_id as "orgId", o.name as "orgName", o.time_zone as "timeZone", u.email, u.name, u.role, u.locale, u.color
		   from users u join organizations o on o.id = u.org_id where u.id = $1`,
		[userId]
	);
	return { ...row, role: row.role as Role };
}

/** A provider with one user per role. */
export async function makeOrg(db: Database, name = `Proveedor ${unique()}`) {
	const { org, admin } = await createOrganization(db, {
		orgName: name,
		timeZone: 'America/Cancun',
		adminName: 'Ana Admin',
		email: `admin-${unique()}@prueba.mx`,
		password: PASSWORD
	});
	const adminUser = await sessionUserOf(db, admin.id);
	const make = async (role: Role, userName: string) => {
		const u = await createUser(db, adminUser, { name: userName, email: `${role}-${unique()}@prueba.mx`, role, password: PASSWORD });
		// As if they had already replaced the admin's temporary password with their own.
		await db.query('update users set must_change_password = false where id = $1', [u.id]);
		return sessionUserOf(db, u.id);
	};
	return {
		org,
		admin: adminUser,
		coordinator: await make('coordinator', 'Carlos Coordinador'),
		agent: await make('agent', 'Alma Agente'),
		technician: await make('technician', 'Tomás Técnico')
	};
}

let phoneSeq = 1000000;

/** A card inserted straight into the table (the trigger still emits its board event). */
export async function makeCard(
	db: Database,
	orgId: string,
	fields: Record<string, unknown> = {}
): Promise<{ id: string; version: number; stage: string; position: number }> {
	const values: Record<string, unknown> = {
		org_id: orgId,
		full_name: 'Cliente de Prueba',
		phone: `998${String(phoneSeq++).padStart(7, '0')}`,
		stage: 'preinstalacion',
		...fields
	};
	if (values.position === undefined) {
		const [row] = await db.query<{ p: number | null }>('select max(position) as p from installations where org_id = $1 and stage = $2', [
			orgId,
			values.stage
		]);
		values.position = (row?.p ?? 0) + 65536;
	}
	const cols = Object.keys(values);
	const [card] = await db.query<{ id: string; version: number; stage: string; position: number }>(
		`insert into installations (${cols.join(', ')}) values (${cols.map((_, i) => `$${i + 1}`).join(', ')})
		 returning id, version, stage, position`,
		cols.map((c) => values[c])
	);
	return card;
}
