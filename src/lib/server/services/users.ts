import type { Database } from '../db';
import * as users from '../db/users';
import { hashPassword, invalidateUserSessions, type SessionUser } from '../auth';
import { forbidden, notFound, ServiceError } from './errors';
import { parseInput } from '../validation';
import { createUserSchema, updateUserSchema } from '$lib/schemas/users';
import { domainEvents } from '../events';
import { recordAudit } from './audit';

const AVATAR_COLORS = ['#2563eb', '#059669', '#d97706', '#dc2626', '#7c3aed', '#0891b2', '#be185d', '#4d7c0f'];

function requireAdmin(actor: SessionUser) {
	if (actor.role !== 'admin') throw forbidden('Solo un administrador puede gestionar usuarios.');
}

export async function listUsers(db: Database, actor: SessionUser) {
	requireAdmin(actor);
	return users.listForOrg(db, actor.orgId);
}

/** Technicians of the provider, for assignment lists (any signed-in role may read names). */
export async function listTechnicians(db: Database, actor: SessionUser) {
	return users.activeTechnicians(db, actor.orgId);
}

export async function createUser(db: Database, actor: SessionUser, raw: unknown) {
	requireAdmin(actor);
	const input = parseInput(createUserSchema, raw);
	if (await users.emailTaken(db, input.email)) {
		throw new ServiceError(409, 'Ya existe un usuario con ese correo.', { email: ['Ya existe un usuario con ese correo.'] });
	}
	const passwordHash = await hashPassword(input.password);
	const color = AVATAR_COLORS[Math.floor(Math.random() * AVATAR_COLORS.length)];
	const { id, name, email, role } = await users.insert(db, {
		orgId: actor.orgId,
		name: input.name,
		email: input.email,
		role: input.role,
		passwordHash,
		color,
		// The admin typed it: its owner picks their own at first sign-in.
		mustChangePassword: true
	});
	await recordAudit(db, actor, { kind: 'user_created', target: name, details: { email, role } });
	return { id, name, email, role };
}

/** Changes role and/or active flag. Deactivating ends the user's sessions and sockets at once. */
export async function updateUser(db: Database, actor: SessionUser, raw: unknown) {
	requireAdmin(actor);
	const input = parseInput(updateUserSchema, raw);
	if (input.id === actor.id && (input.active === false || (input.role && input.role !== 'admin'))) {
		throw new ServiceError(422, 'No puedes quitarte a ti mismo el rol de administrador ni desactivarte.');
	}
	const updated = await db.begin(async (tx) => {
		const before = await users.lockAccess(tx, actor.orgId, input.id);
		const row = before && (await users.updateAccess(tx, actor.orgId, input.id, { role: input.role, active: input.active }));
		if (!before || !row) throw notFound('Ese usuario no existe en tu organización.');
		if (row.role !== before.role)
			await recordAudit(tx, actor, {
				kind: 'user_role_changed',
				target: before.name,
				details: { previousRole: before.role, role: row.role }
			});
		if (row.active !== before.active)
			await recordAudit(tx, actor, { kind: row.active ? 'user_reactivated' : 'user_deactivated', target: before.name });
		if (!row.active || input.role) await invalidateUserSessions(tx, row.id);
		return row;
	});
	if (!updated.active || input.role) domainEvents.emit('user:sessions-revoked', { userId: updated.id });
	return updated;
}
