import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { users } from '../db/schema';
import { hashPassword, invalidateUserSessions, type SessionUser } from '../auth';
import { forbidden, notFound, ServiceError } from './errors';
import { parseInput } from '../validation';
import { createUserSchema, updateUserSchema } from '$lib/schemas/users';
import { domainEvents } from '../events';

const AVATAR_COLORS = ['#2563eb', '#059669', '#d97706', '#dc2626', '#7c3aed', '#0891b2', '#be185d', '#4d7c0f'];

function requireAdmin(actor: SessionUser) {
	if (actor.role !== 'admin') throw forbidden('Solo un administrador puede gestionar usuarios.');
}

export async function listUsers(db: Database, actor: SessionUser) {
	requireAdmin(actor);
	return db.orm
		.select({ id: users.id, name: users.name, email: users.email, role: users.role, active: users.active, createdAt: users.createdAt })
		.from(users)
		.where(eq(users.orgId, actor.orgId))
		.orderBy(asc(users.name));
}

/** Technicians of the provider, for assignment lists (any signed-in role may read names). */
export async function listTechnicians(db: Database, actor: SessionUser) {
	return db.orm
		.select({ id: users.id, name: users.name, color: users.color, dailyCapacity: users.dailyCapacity })
		.from(users)
		.where(and(eq(users.orgId, actor.orgId), eq(users.role, 'technician'), eq(users.active, true)))
		.orderBy(asc(users.name));
}

export async function createUser(db: Database, actor: SessionUser, raw: unknown) {
	requireAdmin(actor);
	const input = parseInput(createUserSchema, raw);
	const [taken] = await db.orm.select({ id: users.id }).from(users).where(eq(users.email, input.email));
	if (taken) {
		throw new ServiceError(409, 'Ya existe un usuario con ese correo.', { email: ['Ya existe un usuario con ese correo.'] });
	}
	const passwordHash = await hashPassword(input.password);
	const color = AVATAR_COLORS[Math.floor(Math.random() * AVATAR_COLORS.length)];
	const [user] = await db.orm
		.insert(users)
		.values({ orgId: actor.orgId, name: input.name, email: input.email, role: input.role, passwordHash, color })
		.returning({ id: users.id, name: users.name, email: users.email, role: users.role });
	return user;
}

/** Changes role and/or active flag. Deactivating ends the user's sessions and sockets at once. */
export async function updateUser(db: Database, actor: SessionUser, raw: unknown) {
	requireAdmin(actor);
	const input = parseInput(updateUserSchema, raw);
	if (input.id === actor.id && (input.active === false || (input.role && input.role !== 'admin'))) {
		throw new ServiceError(422, 'No puedes quitarte a ti mismo el rol de administrador ni desactivarte.');
	}
	const patch: Partial<typeof users.$inferInsert> = { updatedAt: new Date() };
	if (input.role) patch.role = input.role;
	if (input.active !== undefined) patch.active = input.active;
	const updated = await db.orm.transaction(async (tx) => {
		const [row] = await tx
			.update(users)
			.set(patch)
			.where(and(eq(users.id, input.id), eq(users.orgId, actor.orgId)))
			.returning({ id: users.id, active: users.active, role: users.role });
		if (!row) throw notFound('Ese usuario no existe en tu organización.');
		if (!row.active || input.role) await invalidateUserSessions(tx, row.id);
		return row;
	});
	if (!updated.active || input.role) domainEvents.emit('user:sessions-revoked', { userId: updated.id });
	return updated;
}
